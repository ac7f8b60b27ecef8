/**
 * The fetch PouchDB's http adapter uses for the remote database. PouchDB parses every error
 * response as JSON; a proxy's or captive portal's HTML page (nginx's "413 Request Entity Too
 * Large", a 502 while CouchDB restarts) then becomes a SyntaxError without its status, and the
 * sync could not tell a too-large batch from a broken server. This wrapper gives such responses a
 * CouchDB-style JSON body (`{error, reason}`) with the status kept, so ../../shared/sync/
 * classify-error sees the status. JSON error bodies (CouchDB's, pouchdb-server's) pass unchanged.
 */
import type { FetchFunction } from './sync-dependencies';

const REASON_LIMIT = 200;

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** An error name in CouchDB's style for an HTTP status: 413 → `request_entity_too_large`. */
function errorName(response: Response): string {
  const slug = response.statusText
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug || `http_${response.status}`;
}

export function jsonErrorFetch(fetch: FetchFunction): FetchFunction {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (response.status < 400) return response;
    const text = await response.text();
    // The body is decoded text now: its old length and encoding no longer apply.
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    if (isJsonObject(text)) {
      return new Response(text, { status: response.status, statusText: response.statusText, headers });
    }
    const reason = text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, REASON_LIMIT);
    headers.set('content-type', 'application/json');
    const body = JSON.stringify({ error: errorName(response), reason: reason || response.statusText });
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}
