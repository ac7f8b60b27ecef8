import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { mimeTypeFor } from './mime-types';
import { resolveRendererPath } from './renderer-path';
import { rendererResponseHeaders } from './security-headers';

/**
 * Must run before `app` is ready. `standard` gives the scheme a real origin (so IndexedDB,
 * localStorage and relative URLs work like on https), `secure` makes it a secure context
 * (crypto.subtle), `supportFetchAPI` lets the renderer fetch its own files. The renderer only
 * loads same-origin resources, so CORS stays off; no CSP bypass, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: false,
        bypassCSP: false,
        allowServiceWorkers: false,
        codeCache: true,
      },
    },
  ]);
}

/** Serves the built renderer in `rootDir` on app://meja-aduan/. Call once `app` is ready. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(rootDir, request));
}

async function respond(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const resolved = resolveRendererPath(rootDir, request.url);
  switch (resolved.kind) {
    case 'file':
      return fileResponse(resolved.filePath, request.method === 'HEAD');
    case 'forbidden':
      console.warn(`Refused app:// request (${resolved.reason}).`);
      return textResponse(403, 'Forbidden');
    case 'not-found':
      return textResponse(404, 'Not found');
    default: {
      const unhandled: never = resolved;
      throw new Error(`Unhandled renderer path result: ${String(unhandled)}`);
    }
  }
}

async function fileResponse(filePath: string, headOnly: boolean): Promise<Response> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await readFile(filePath));
  } catch (error) {
    if (isMissingFileError(error)) return textResponse(404, 'Not found');
    console.error('Could not read a renderer file:', error);
    return textResponse(500, 'Internal error');
  }
  return new Response(headOnly ? null : body, {
    status: 200,
    headers: rendererResponseHeaders(mimeTypeFor(filePath)),
  });
}

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: rendererResponseHeaders('text/plain; charset=utf-8') });
}

function isMissingFileError(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}
