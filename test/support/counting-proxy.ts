/**
 * A tiny HTTP proxy on loopback that forwards everything to a central server and records each
 * request: method, path, whether it carried credentials (an `Authorization` header: every such
 * request with a wrong password is a failed login that CouchDB counts towards its lockout) and
 * the status the server answered. Tests point a device (or the app in the browser) at `url` to
 * count what it sends. Transparent: headers pass both ways unchanged, and the server still sees
 * 127.0.0.1 as the peer, like a direct connection. With `cors: true` the proxy answers CORS itself
 * for any origin (preflights, and the headers on every answer), as a reverse proxy in front of
 * CouchDB may, so that a browser test does not depend on the server's own CORS settings.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

export type ProxiedRequest = {
  readonly method: string;
  readonly path: string;
  readonly authorized: boolean;
  /** The server's status, null until it answered (or when it never did). */
  status: number | null;
  readonly at: number;
};

export type CountingProxy = Readonly<{
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  /** Every request so far, oldest first. */
  requests: () => readonly ProxiedRequest[];
  /** Requests that carried credentials (CORS preflights never do). */
  authorized: () => readonly ProxiedRequest[];
  close: () => Promise<void>;
}>;

/** The CORS answer headers for `origin` (credentials allowed: the app sends Basic auth). */
function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'content-type, cache-control, etag, server, x-couch-request-id',
  };
}

export async function startCountingProxy(
  target: string,
  options: Readonly<{ cors?: boolean }> = {},
): Promise<CountingProxy> {
  const upstream = new URL(target);
  const requests: ProxiedRequest[] = [];
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    const entry: ProxiedRequest = {
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      authorized: incoming.headers.authorization !== undefined,
      status: null,
      at: Date.now(),
    };
    requests.push(entry);
    const origin = options.cors ? incoming.headers.origin : undefined;
    if (origin !== undefined && incoming.method === 'OPTIONS') {
      entry.status = 204;
      outgoing.writeHead(204, {
        ...corsHeaders(origin),
        'access-control-allow-methods': 'GET, PUT, POST, HEAD, DELETE',
        'access-control-allow-headers': incoming.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '600',
      });
      outgoing.end();
      return;
    }
    const proxied = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        entry.status = answer.statusCode ?? null;
        const headers = origin === undefined ? answer.headers : { ...answer.headers, ...corsHeaders(origin) };
        outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => outgoing.destroy());
    // A client that gives up (a cancelled long poll) ends the request upstream too.
    outgoing.on('close', () => proxied.destroy());
    incoming.pipe(proxied);
  };
  const server = createServer(forward);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: () => [...requests],
    authorized: () => requests.filter((entry) => entry.authorized),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
