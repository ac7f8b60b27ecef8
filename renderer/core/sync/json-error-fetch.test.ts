/** Error bodies that are not JSON (a proxy's HTML) reach PouchDB as CouchDB-style JSON with their status. */
import { describe, expect, it } from 'vitest';
import { jsonErrorFetch } from './json-error-fetch';

const NGINX_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function answering(response: () => Response) {
  const calls: { url: string | Request; init: RequestInit | undefined }[] = [];
  const fetch = jsonErrorFetch((url, init) => {
    calls.push({ url, init });
    return Promise.resolve(response());
  });
  return { fetch, calls };
}

describe('jsonErrorFetch', () => {
  it('passes successful answers through untouched, with the same request', async () => {
    const original = new Response('{"ok":true}', { status: 201 });
    const { fetch, calls } = answering(() => original);
    const init = { method: 'POST', body: '{}' };
    expect(await fetch('http://central.test/db/_bulk_docs', init)).toBe(original);
    expect(calls).toEqual([{ url: 'http://central.test/db/_bulk_docs', init }]);
  });

  it('keeps CouchDB’s JSON error bodies (also when sent as text/plain, as pouchdb-server does)', async () => {
    const body = '{"error":"unauthorized","reason":"Name or password is incorrect."}';
    const { fetch } = answering(
      () =>
        new Response(body, {
          status: 401,
          statusText: 'Unauthorized',
          headers: { 'content-type': 'text/plain' },
        }),
    );
    const response = await fetch('http://central.test/db');
    expect(response.status).toBe(401);
    expect(response.statusText).toBe('Unauthorized');
    expect(await response.json()).toEqual({
      error: 'unauthorized',
      reason: 'Name or password is incorrect.',
    });
  });

  it('turns a proxy’s HTML 413 page into CouchDB-style JSON with the status kept', async () => {
    const { fetch } = answering(
      () =>
        new Response(NGINX_413, {
          status: 413,
          statusText: 'Request Entity Too Large',
          headers: { 'content-type': 'text/html', 'content-length': String(NGINX_413.length) },
        }),
    );
    const response = await fetch('http://central.test/db/_bulk_docs', { method: 'POST' });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-length')).toBeNull();
    expect(await response.json()).toEqual({
      error: 'request_entity_too_large',
      reason: '413 Request Entity Too Large 413 Request Entity Too Large nginx',
    });
  });

  it('names the error by status when there is no status text, and falls back to it for an empty body', async () => {
    const { fetch } = answering(() => new Response('', { status: 502 }));
    expect(await (await fetch('http://central.test/')).json()).toEqual({ error: 'http_502', reason: '' });
    const gateway = answering(() => new Response('', { status: 504, statusText: 'Gateway Timeout' }));
    expect(await (await gateway.fetch('http://central.test/')).json()).toEqual({
      error: 'gateway_timeout',
      reason: 'Gateway Timeout',
    });
  });

  it('leaves redirects and other statuses below 400 alone', async () => {
    const notModified = new Response(null, { status: 304 });
    expect(await answering(() => notModified).fetch('http://central.test/')).toBe(notModified);
  });

  it('lets network failures through as they are', async () => {
    const fetch = jsonErrorFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetch('http://central.test/')).rejects.toThrow('Failed to fetch');
  });
});
