import path from 'node:path';
import { parseAppUrl } from './app-origin';

export type RendererPathResult =
  | Readonly<{ kind: 'file'; filePath: string; spaFallback: boolean }>
  | Readonly<{ kind: 'forbidden'; reason: RefusalReason }>
  | Readonly<{ kind: 'not-found'; reason: 'unknown-origin' }>;

export type RefusalReason =
  | 'malformed-encoding'
  | 'null-byte'
  | 'backslash'
  | 'colon'
  | 'dot-segment'
  | 'empty-segment'
  | 'outside-root';

export type PathModule = Pick<
  path.PlatformPath,
  'resolve' | 'relative' | 'isAbsolute' | 'join' | 'extname' | 'sep'
>;

/**
 * Maps an `app://meja-aduan/...` request to a file under `rootDir` (the built renderer).
 *
 * URL parsing already collapses literal `..`, so anything still looking like traversal after
 * percent-decoding is an attack and is refused rather than repaired. Paths without a file
 * extension are client-side routes and get `index.html`. `pathModule` is injectable so the
 * Windows rules are tested on every platform.
 */
export function resolveRendererPath(
  rootDir: string,
  requestUrl: string,
  pathModule: PathModule = path,
): RendererPathResult {
  const url = parseAppUrl(requestUrl);
  if (url === null) return { kind: 'not-found', reason: 'unknown-origin' };
  return resolveRendererPathname(rootDir, url.pathname, pathModule);
}

/**
 * The same mapping for a URL path already taken from its URL (`/assets/x.js`); the browser
 * host's HTTP server uses it too, so both hosts refuse the same requests.
 */
export function resolveRendererPathname(
  rootDir: string,
  pathname: string,
  pathModule: PathModule = path,
): RendererPathResult {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return forbidden('malformed-encoding');
  }
  if (decoded.includes('\0')) return forbidden('null-byte');
  // Never separators in a renderer build; on Windows they would be path separators.
  if (decoded.includes('\\')) return forbidden('backslash');
  // Drive letters (`C:`) and NTFS alternate data streams (`index.html::$DATA`).
  if (decoded.includes(':')) return forbidden('colon');

  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.')) return forbidden('dot-segment');
  // `//server/share` or `//etc/passwd`: an absolute path smuggled in after the host.
  if (segments.slice(0, -1).some((segment) => segment === '')) return forbidden('empty-segment');

  const root = pathModule.resolve(rootDir);
  const target = pathModule.resolve(root, ...segments.filter((segment) => segment !== ''));
  const relative = pathModule.relative(root, target);
  if (relative === '..' || relative.startsWith(`..${pathModule.sep}`) || pathModule.isAbsolute(relative)) {
    return forbidden('outside-root');
  }

  const lastSegment = segments.at(-1) ?? '';
  if (relative === '' || pathModule.extname(lastSegment) === '') {
    return { kind: 'file', filePath: pathModule.join(root, 'index.html'), spaFallback: true };
  }
  return { kind: 'file', filePath: target, spaFallback: false };
}

function forbidden(reason: RefusalReason): RendererPathResult {
  return { kind: 'forbidden', reason };
}
