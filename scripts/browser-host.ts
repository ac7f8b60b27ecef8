/**
 * The browser host's HTTP server: serves the built renderer on loopback with the same security
 * headers as Electron's app:// protocol, so the app (and the E2E tests) run under the production
 * Content-Security-Policy in plain Chromium. Paths and types are resolved by the same code as
 * Electron's protocol handler (electron/renderer-path.ts, electron/mime-types.ts).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mimeTypeFor } from '../electron/mime-types';
import { resolveRendererPathname } from '../electron/renderer-path';
import { SECURITY_HEADERS } from '../shared/platform/content-security-policy';

export type BrowserHost = Readonly<{ url: string; port: number; close: () => Promise<void> }>;

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
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'Method Not Allowed');
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      send(400, 'Bad Request');
      return;
    }
    const resolved = resolveRendererPathname(options.rootDir, pathname);
    if (resolved.kind !== 'file') {
      send(resolved.kind === 'forbidden' ? 403 : 404, 'Forbidden');
      return;
    }
    const file = resolved.filePath;
    void stat(file)
      .then(async (info) => {
        if (info.isFile()) send(200, await readFile(file), mimeTypeFor(file));
        else send(404, 'Not Found');
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
