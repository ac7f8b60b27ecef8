/**
 * The browser host's HTTP server: serves the built renderer on loopback with the same security
 * headers as Electron's app:// protocol, so the app (and the E2E tests) run under the production
 * Content-Security-Policy in plain Chromium.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../shared/platform/content-security-policy';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type BrowserHost = Readonly<{ url: string; port: number; close: () => Promise<void> }>;

/**
 * Maps a request path to a file under `rootDir`, or null when the path tries to leave it.
 * Paths without an extension fall back to index.html (client-side routes).
 */
export function resolveStaticPath(rootDir: string, requestPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestPath, 'http://host.invalid').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rootDir);
  const candidate = resolve(root, `.${pathname}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  if (pathname.endsWith('/') || extname(pathname) === '') return resolve(root, 'index.html');
  return candidate;
}

export function startBrowserHost(options: {
  rootDir: string;
  port?: number;
  host?: string;
}): Promise<BrowserHost> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((request, response) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
      response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method Not Allowed');
    const file = resolveStaticPath(options.rootDir, request.url ?? '/');
    if (file === null) return send(403, 'Forbidden');
    void stat(file)
      .then(async (info) => {
        if (!info.isFile()) return send(404, 'Not Found');
        send(200, await readFile(file), MIME_TYPES[extname(file)] ?? 'application/octet-stream');
      })
      .catch(() => send(404, 'Not Found'));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
      resolvePromise({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
