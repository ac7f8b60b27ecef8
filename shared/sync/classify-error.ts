/**
 * Turns what PouchDB, fetch and the platform throw into a sync error reason (./sync-status).
 *
 * What arrives, as seen in PouchDB 9's http adapter and replicator:
 * - an HTTP error: the server's JSON body with `status` added, `name` = its `error`, `message` =
 *   its `reason` (pouchdb-errors `generateErrorFromResponse`), e.g. 401 `{error: 'unauthorized',
 *   reason: 'Name or password is incorrect.'}`; a replication error copies these own properties
 *   onto a PouchError (so a TypeError's `name` is lost, its `message` and `cause` are kept);
 * - a document refused inside `_bulk_docs`: `{id, error: 'forbidden', reason, name: 'forbidden',
 *   status: 500}` (PouchDB puts 500 on per-document errors), delivered as a `denied` event;
 * - a network failure: a TypeError from fetch: "Failed to fetch" (Chromium, Electron), "NetworkError
 *   when attempting to fetch resource." (Firefox), "Load failed" (Safari), or Node's "fetch failed"
 *   with the socket error as `cause` (`code`: ECONNREFUSED, ENOTFOUND, certificate codes, …);
 *   node-fetch's FetchError carries the `code` itself.
 *
 * A lockout (CouchDB 3.4+ `[chttpd_auth_lockout]`, default: more than 5 failed logins of one user
 * from one address within 5 minutes) is 403 `{error: 'forbidden', reason: 'Account is temporarily
 * locked due to multiple authentication failures'}` for every request of that user, right password
 * or not, until the window ends (measured against CouchDB 3.5.0). It is 'locked-out', told apart
 * from a wrong password (401), from no access (403 `You are not allowed to access this db.`) and
 * from the validator's refusals (403 `<code>: <sentence>`, ../couch/rejection), which stay refusals.
 *
 * A browser's fetch does not say why a TLS handshake failed ("Failed to fetch" for everything), so
 * 'tls' is only recognised where the platform tells: Node's codes, Chromium's `net::ERR_CERT_*`
 * texts (Electron's main-process `net`), or any message about certificates.
 */
import { parseRejection } from '../couch/rejection';
import type { SyncError, SyncErrorReason } from './sync-status';

type Fields = Readonly<{
  status: number | null;
  name: string;
  reason: string;
  id: string | null;
  /** Every `code` and `message` along the `cause` chain, for network and TLS patterns. */
  texts: readonly string[];
}>;

const MESSAGE_LIMIT = 500;
/** CouchDB's and pouchdb-server's words for "logged in, but not a member of this database". */
const NO_ACCESS = /not (allowed|authorized) to access this db|not a (db|server) admin|_security/i;
/** CouchDB's words for a lockout after repeated failed logins (chttpd_auth_lockout). */
const LOCKED_OUT = /temporarily locked|multiple authentication failures|account is locked|locked out/i;
const TLS =
  /cert|ssl|tls|self[ -]signed|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|EPROTO|ERR_TLS|HANDSHAKE|ERR_CERT|ERR_SSL/i;
const NETWORK =
  /failed to fetch|fetch failed|networkerror|network error|load failed|ECONNREFUSED|ECONNRESET|ECONNABORTED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENETDOWN|EPIPE|UND_ERR|socket hang up|other side closed|net::ERR_|aborterror|timeouterror|timed? ?out|aborted/i;

function record(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function fieldsOf(error: unknown): Fields {
  const top = record(error);
  const texts: string[] = [];
  let node: unknown = error;
  for (let depth = 0; depth < 5 && node !== undefined && node !== null; depth += 1) {
    const current = record(node);
    if (!current) {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- not an object here (record() took those)
      texts.push(String(node));
      break;
    }
    for (const key of ['name', 'code', 'errno', 'type', 'message']) {
      const value = current[key];
      if (typeof value === 'string' && value !== '') texts.push(value);
    }
    // `name` is often on the prototype (TypeError, AbortError, DOMException): read it too.
    if (node instanceof Error) texts.push(node.name);
    node = current.cause;
  }
  const status = top && typeof top.status === 'number' && Number.isInteger(top.status) ? top.status : null;
  return {
    status,
    name: text(top?.error) || text(top?.name),
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- without `top`, error is no object
    reason: text(top?.reason) || text(top?.message) || (top ? '' : String(error ?? '')),
    id: top && typeof top.id === 'string' ? top.id : null,
    texts,
  };
}

function byStatus(fields: Fields): SyncErrorReason | null {
  const { status, reason } = fields;
  if (status === null) return null;
  if (status === 0 || status === 408) return 'unreachable';
  if (status === 401) return NO_ACCESS.test(reason) ? 'forbidden' : 'unauthorized';
  if (status === 403) {
    if (parseRejection(reason)) return 'rejected-document';
    return LOCKED_OUT.test(reason) ? 'locked-out' : 'forbidden';
  }
  if (status === 404) return 'not-found';
  if (status === 413) return 'too-large';
  if (status === 429 || status >= 500) return 'server';
  return 'unknown';
}

function reasonOf(fields: Fields): SyncErrorReason {
  const name = fields.name.toLowerCase();
  // A refused document: its own id, and the validator's forbidden/unauthorized (any status).
  if (fields.id !== null && (name === 'forbidden' || name === 'unauthorized')) return 'rejected-document';
  if (name === 'too_large' || name === 'document_too_large' || name === 'request_entity_too_large') {
    return 'too-large';
  }
  // A lockout whose status got lost on the way (the server's words are kept).
  if (fields.status === null && name === 'forbidden' && LOCKED_OUT.test(fields.reason)) {
    if (!parseRejection(fields.reason)) return 'locked-out';
  }
  const fromStatus = byStatus(fields);
  if (fromStatus) return fromStatus;
  // Without URLs: a host named ssl.example or cert.example says nothing about the failure.
  const joined = fields.texts.join(' | ').replace(/\b[a-z][a-z+.-]*:\/\/\S+/gi, '');
  if (TLS.test(joined)) return 'tls';
  if (NETWORK.test(joined)) return 'unreachable';
  // A body that is not JSON: a proxy's or captive portal's page, or not a CouchDB at all.
  if (/syntaxerror|unexpected token|not valid json|unexpected end of json/i.test(joined)) return 'server';
  return 'unknown';
}

/** The reason code, HTTP status, server message and (for a refused document) its id and code. */
export function classifySyncError(error: unknown): SyncError {
  const fields = fieldsOf(error);
  const reason = reasonOf(fields);
  const message = (fields.reason || fields.texts.find((entry) => entry !== '') || '').slice(0, MESSAGE_LIMIT);
  const rejection = reason === 'rejected-document' ? parseRejection(fields.reason) : null;
  return {
    reason,
    // PouchDB puts status 500 on every per-document error: not the server's.
    ...(fields.status !== null && fields.id === null ? { status: fields.status } : {}),
    ...(message ? { message } : {}),
    ...(reason === 'rejected-document' && fields.id !== null ? { documentId: fields.id } : {}),
    ...(rejection ? { rejection: rejection.code } : {}),
  };
}
