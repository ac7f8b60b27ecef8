/**
 * Classification of the errors PouchDB 9, fetch and the platforms really produce. The objects are
 * copied from what pouchdb-adapter-http and pouchdb-replication gave against pouchdb-server 4.2,
 * Node's fetch (undici) and node-fetch, and from Chromium's and Firefox's fetch messages.
 */
import { describe, expect, it } from 'vitest';
import { classifySyncError } from './classify-error';

/** What pouchdb-errors' generateErrorFromResponse makes of an HTTP error body. */
function httpError(status: number, error: string, reason: string, extra: object = {}): object {
  return { error, reason, status, name: error, message: reason, stack: 'Error\n    at …', ...extra };
}

/**
 * What the replicator emits for a fatal error: pouchdb-errors' createError copies the error's own
 * properties onto a PouchError (an Error whose `name` is the prototype's, for a TypeError).
 */
function replicationError(original: object): Error {
  const copy = Object.create(Error.prototype) as Error;
  for (const key of Object.getOwnPropertyNames(original)) {
    (copy as unknown as Record<string, unknown>)[key] = (original as Record<string, unknown>)[key];
  }
  return Object.assign(copy, { result: { ok: false, status: 'aborting', docs_read: 0 } });
}

function fetchFailed(code: string, message: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('classifySyncError: HTTP answers', () => {
  it('401 with a wrong password is unauthorized', () => {
    const error = replicationError(
      httpError(401, 'unauthorized', 'Name or password is incorrect.', {
        docId: '_local/VI5qv_SF_nKYimRf7pw.gw%3D%3D',
      }),
    );
    expect(classifySyncError(error)).toEqual({
      reason: 'unauthorized',
      status: 401,
      message: 'Name or password is incorrect.',
    });
  });

  it('401 "not authorized to access this db" with valid credentials is forbidden (pouchdb-server, wrong unit)', () => {
    expect(
      classifySyncError(httpError(401, 'unauthorized', 'You are not authorized to access this db.')),
    ).toMatchObject({ reason: 'forbidden', status: 401 });
  });

  it('403 on a database the user is not a member of is forbidden (CouchDB)', () => {
    expect(classifySyncError(httpError(403, 'forbidden', 'You are not allowed to access this db.'))).toEqual({
      reason: 'forbidden',
      status: 403,
      message: 'You are not allowed to access this db.',
    });
    expect(classifySyncError(httpError(403, 'forbidden', 'You are not a db or server admin.')).reason).toBe(
      'forbidden',
    );
  });

  it('403 from Meja Aduan’s validator on a single write is a rejected document with its code', () => {
    expect(
      classifySyncError(httpError(403, 'forbidden', 'immutable: complaint documents cannot be changed')),
    ).toEqual({
      reason: 'rejected-document',
      status: 403,
      message: 'immutable: complaint documents cannot be changed',
      rejection: 'immutable',
    });
  });

  it('403 lockout after repeated failed logins is locked-out (CouchDB 3.5.0’s exact answer), not forbidden', () => {
    const lockout = httpError(
      403,
      'forbidden',
      'Account is temporarily locked due to multiple authentication failures',
    );
    expect(classifySyncError(lockout)).toEqual({
      reason: 'locked-out',
      status: 403,
      message: 'Account is temporarily locked due to multiple authentication failures',
    });
    // As the replicator reports it (copied onto a PouchError), and with the status lost on the way.
    expect(classifySyncError(replicationError(lockout)).reason).toBe('locked-out');
    const { status: _status, ...withoutStatus } = lockout as { status: number };
    expect(classifySyncError(withoutStatus).reason).toBe('locked-out');
  });

  it('a lockout is told apart from a wrong password, no access and the validator’s refusals', () => {
    const reasons = [
      httpError(401, 'unauthorized', 'Name or password is incorrect.'),
      httpError(403, 'forbidden', 'You are not allowed to access this db.'),
      httpError(403, 'forbidden', 'unit: Account is temporarily locked for this unit'),
      httpError(500, 'forbidden', 'schema: locked out', { id: 'event:x' }),
      httpError(403, 'forbidden', 'Account is temporarily locked due to multiple authentication failures'),
    ].map((error) => classifySyncError(error).reason);
    expect(reasons).toEqual([
      'unauthorized',
      'forbidden',
      'rejected-document',
      'rejected-document',
      'locked-out',
    ]);
  });

  it('a document refused inside _bulk_docs (a denied event) is a rejected document with its id', () => {
    const denied = {
      id: 'event:KBM-261123-X7Q-0042:2026-11-23T03:05:05.678Z:A23:0000000001',
      error: 'forbidden',
      reason: 'schema: the document does not match the event schema',
      name: 'forbidden',
      status: 500,
      message: 'schema: the document does not match the event schema',
      stack: 'Error\n    at Object.generateErrorFromResponse …',
    };
    expect(classifySyncError(denied)).toEqual({
      reason: 'rejected-document',
      message: 'schema: the document does not match the event schema',
      documentId: denied.id,
      rejection: 'schema',
    });
  });

  it('a document refused by some other validator carries no rejection code', () => {
    const denied = httpError(500, 'forbidden', 'bad doc: y2', { id: 'y2' });
    expect(classifySyncError(denied)).toEqual({
      reason: 'rejected-document',
      message: 'bad doc: y2',
      documentId: 'y2',
    });
    expect(classifySyncError(httpError(500, 'unauthorized', 'only admins', { id: 'z' })).reason).toBe(
      'rejected-document',
    );
  });

  it('404 is a missing database (CouchDB and pouchdb-server words)', () => {
    expect(classifySyncError(replicationError(httpError(404, 'not_found', 'no_db_file')))).toEqual({
      reason: 'not-found',
      status: 404,
      message: 'no_db_file',
    });
    expect(classifySyncError(httpError(404, 'not_found', 'Database does not exist.')).reason).toBe(
      'not-found',
    );
  });

  it('413 and CouchDB’s too-large errors are too large', () => {
    expect(classifySyncError(httpError(413, 'too_large', 'the request entity is too large'))).toMatchObject({
      reason: 'too-large',
      status: 413,
    });
    expect(
      classifySyncError(httpError(413, 'request_entity_too_large', 'Request Entity Too Large')).reason,
    ).toBe('too-large');
    expect(
      classifySyncError({ error: 'document_too_large', reason: 'doc', name: 'document_too_large' }).reason,
    ).toBe('too-large');
  });

  it('5xx, 429 and gateway errors are the server’s', () => {
    for (const status of [500, 502, 503, 504, 429]) {
      expect(classifySyncError(httpError(status, 'unknown_error', 'Bad Gateway')).reason).toBe('server');
    }
  });

  it('status 0 and 408 mean no answer', () => {
    expect(classifySyncError({ status: 0, message: '' }).reason).toBe('unreachable');
    expect(classifySyncError(httpError(408, 'timeout', 'Request Timeout')).reason).toBe('unreachable');
  });

  it('other 4xx are unknown, with their status', () => {
    expect(classifySyncError(httpError(400, 'bad_request', 'Invalid rev format'))).toEqual({
      reason: 'unknown',
      status: 400,
      message: 'Invalid rev format',
    });
    expect(classifySyncError(httpError(409, 'conflict', 'Document update conflict')).reason).toBe('unknown');
  });

  it('a Response thrown as is (PouchDB’s getAttachment) is classified by its status', () => {
    expect(classifySyncError({ status: 503, statusText: 'Service Unavailable', ok: false }).reason).toBe(
      'server',
    );
  });
});

describe('classifySyncError: no answer', () => {
  it('Node’s fetch: connection refused, DNS, reset, timeouts', () => {
    expect(classifySyncError(fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:25999'))).toEqual({
      reason: 'unreachable',
      message: 'fetch failed',
    });
    expect(
      classifySyncError(fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND nonexistent.invalid')).reason,
    ).toBe('unreachable');
    expect(classifySyncError(fetchFailed('UND_ERR_SOCKET', 'other side closed')).reason).toBe('unreachable');
    expect(classifySyncError(fetchFailed('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error')).reason).toBe(
      'unreachable',
    );
  });

  it('the same after the replicator copied it (the TypeError name is lost, the cause kept)', () => {
    expect(
      classifySyncError(replicationError(fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:25999')))
        .reason,
    ).toBe('unreachable');
  });

  it('node-fetch’s FetchError', () => {
    const error = replicationError({
      message:
        'request to http://127.0.0.1:25999/x/_local/g7u failed, reason: connect ECONNREFUSED 127.0.0.1:25999',
      type: 'system',
      errno: 'ECONNREFUSED',
      code: 'ECONNREFUSED',
      docId: '_local/g7u',
    });
    expect(classifySyncError(error).reason).toBe('unreachable');
  });

  it('browsers: Chromium, Firefox, Safari', () => {
    expect(classifySyncError(new TypeError('Failed to fetch'))).toEqual({
      reason: 'unreachable',
      message: 'Failed to fetch',
    });
    expect(classifySyncError(new TypeError('NetworkError when attempting to fetch resource.')).reason).toBe(
      'unreachable',
    );
    expect(classifySyncError(new TypeError('Load failed')).reason).toBe('unreachable');
    expect(classifySyncError(replicationError(new TypeError('Failed to fetch'))).reason).toBe('unreachable');
  });

  it('an aborted or timed-out request', () => {
    expect(classifySyncError(new DOMException('The operation was aborted.', 'AbortError')).reason).toBe(
      'unreachable',
    );
    expect(classifySyncError(new DOMException('The operation timed out.', 'TimeoutError')).reason).toBe(
      'unreachable',
    );
  });
});

describe('classifySyncError: TLS', () => {
  it('Node’s fetch and node-fetch with certificate codes', () => {
    expect(classifySyncError(fetchFailed('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'))).toEqual({
      reason: 'tls',
      message: 'fetch failed',
    });
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'CERT_HAS_EXPIRED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'EPROTO',
    ]) {
      expect(classifySyncError(fetchFailed(code, 'handshake')).reason, code).toBe('tls');
    }
    const nodeFetch = {
      message: 'request to https://127.0.0.1:25443/ failed, reason: self-signed certificate',
      type: 'system',
      errno: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    };
    expect(classifySyncError(nodeFetch).reason).toBe('tls');
  });

  it('ignores certificate-like words in a URL', () => {
    const error = {
      message:
        'request to https://ssl-cert.example.go.id/db failed, reason: connect ECONNREFUSED 10.0.0.1:443',
      code: 'ECONNREFUSED',
    };
    expect(classifySyncError(error).reason).toBe('unreachable');
  });

  it('Chromium’s net errors (Electron main-process requests)', () => {
    for (const message of [
      'net::ERR_CERT_AUTHORITY_INVALID',
      'net::ERR_CERT_DATE_INVALID',
      'net::ERR_SSL_PROTOCOL_ERROR',
    ]) {
      expect(classifySyncError(new Error(message)).reason, message).toBe('tls');
    }
    expect(classifySyncError(new Error('net::ERR_CONNECTION_REFUSED')).reason).toBe('unreachable');
    expect(classifySyncError(new Error('net::ERR_INTERNET_DISCONNECTED')).reason).toBe('unreachable');
  });
});

describe('classifySyncError: anything else', () => {
  it('a body that is not JSON (a proxy page, not a CouchDB) is the server’s', () => {
    expect(
      classifySyncError(
        replicationError(new SyntaxError('Unexpected token \'<\', "<html>413 "... is not valid JSON')),
      ).reason,
    ).toBe('server');
  });

  it('unknown things are unknown, with what text there is, and never throw', () => {
    expect(classifySyncError(new Error('There was a problem getting docs.'))).toEqual({
      reason: 'unknown',
      message: 'There was a problem getting docs.',
    });
    expect(classifySyncError(undefined)).toEqual({ reason: 'unknown' });
    expect(classifySyncError(null)).toEqual({ reason: 'unknown' });
    expect(classifySyncError('boom')).toEqual({ reason: 'unknown', message: 'boom' });
    expect(classifySyncError(42)).toEqual({ reason: 'unknown', message: '42' });
    const circular: Record<string, unknown> = { message: 'loop' };
    circular.cause = circular;
    expect(classifySyncError(circular)).toEqual({ reason: 'unknown', message: 'loop' });
  });

  it('keeps messages short', () => {
    expect(classifySyncError(new Error('x'.repeat(2_000))).message).toHaveLength(500);
  });
});
