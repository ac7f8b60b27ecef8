import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRendererPath, type PathModule } from './renderer-path';

const posixRoot = '/opt/meja-aduan/resources/app.asar/dist/renderer';
const winRoot = 'C:\\Program Files\\Meja Aduan\\resources\\app.asar\\dist\\renderer';

const resolvePosix = (url: string) => resolveRendererPath(posixRoot, url, path.posix);
const resolveWin = (url: string) => resolveRendererPath(winRoot, url, path.win32);

describe('resolveRendererPath: files and SPA fallback', () => {
  it('serves index.html for the root URL, with and without a trailing slash', () => {
    const index = { kind: 'file', filePath: `${posixRoot}/index.html`, spaFallback: true };
    expect(resolvePosix('app://meja-aduan/')).toEqual(index);
    expect(resolvePosix('app://meja-aduan')).toEqual(index);
  });

  it('serves an asset by its path and ignores query and hash', () => {
    expect(resolvePosix('app://meja-aduan/assets/index-4f2a.js?v=2#top')).toEqual({
      kind: 'file',
      filePath: `${posixRoot}/assets/index-4f2a.js`,
      spaFallback: false,
    });
  });

  it('falls back to index.html for client-side routes without an extension', () => {
    for (const route of ['/complaints', '/complaints/ADU-2025-000123', '/settings/', '/laporan%20bulanan']) {
      expect(resolvePosix(`app://meja-aduan${route}`)).toEqual({
        kind: 'file',
        filePath: `${posixRoot}/index.html`,
        spaFallback: true,
      });
    }
  });

  it('decodes percent-encoded names inside the root', () => {
    expect(resolvePosix('app://meja-aduan/assets/logo%20unit.svg')).toMatchObject({
      kind: 'file',
      filePath: `${posixRoot}/assets/logo unit.svg`,
    });
  });

  it('accepts the host in any case (Chromium lowercases it, Node does not)', () => {
    expect(resolvePosix('app://MEJA-ADUAN/assets/a.css')).toMatchObject({ kind: 'file' });
  });

  it('joins with Windows separators under a Windows root', () => {
    expect(resolveWin('app://meja-aduan/assets/a.js')).toEqual({
      kind: 'file',
      filePath: `${winRoot}\\assets\\a.js`,
      spaFallback: false,
    });
  });
});

describe('resolveRendererPath: refusals', () => {
  it('keeps literal `..` (collapsed by URL parsing) inside the root', () => {
    expect(resolvePosix('app://meja-aduan/assets/../../../etc/passwd.txt')).toEqual({
      kind: 'file',
      filePath: `${posixRoot}/etc/passwd.txt`,
      spaFallback: false,
    });
    expect(resolvePosix('app://meja-aduan/%2e%2e/%2E%2E/secret.txt')).toMatchObject({
      filePath: `${posixRoot}/secret.txt`,
    });
  });

  it('refuses traversal hidden behind encoded slashes', () => {
    for (const url of [
      'app://meja-aduan/..%2f..%2fetc%2fpasswd',
      'app://meja-aduan/%2e%2e%2fsecret.txt',
      'app://meja-aduan/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc/passwd.txt',
      'app://meja-aduan/assets/.%2findex.html',
    ]) {
      expect(resolvePosix(url)).toEqual({ kind: 'forbidden', reason: 'dot-segment' });
    }
  });

  it('refuses backslashes, raw or encoded, on every platform', () => {
    for (const url of [
      'app://meja-aduan/..\\..\\secret.txt',
      'app://meja-aduan/%2e%2e%5csecret.txt',
      'app://meja-aduan/a%5Cb.js',
    ]) {
      expect(resolvePosix(url)).toEqual({ kind: 'forbidden', reason: 'backslash' });
      expect(resolveWin(url)).toEqual({ kind: 'forbidden', reason: 'backslash' });
    }
  });

  it('refuses absolute paths smuggled after the host', () => {
    expect(resolvePosix('app://meja-aduan//etc/passwd.txt')).toEqual({
      kind: 'forbidden',
      reason: 'empty-segment',
    });
    expect(resolvePosix('app://meja-aduan/%2fetc%2fpasswd.txt')).toEqual({
      kind: 'forbidden',
      reason: 'empty-segment',
    });
    expect(resolveWin('app://meja-aduan/%2f%2fserver/share/x.txt')).toEqual({
      kind: 'forbidden',
      reason: 'empty-segment',
    });
    expect(resolveWin('app://meja-aduan/C:/Windows/win.ini')).toEqual({ kind: 'forbidden', reason: 'colon' });
    expect(resolveWin('app://meja-aduan/C%3A/Windows/win.ini')).toEqual({
      kind: 'forbidden',
      reason: 'colon',
    });
    expect(resolveWin('app://meja-aduan/index.html::$DATA')).toEqual({ kind: 'forbidden', reason: 'colon' });
  });

  it('refuses null bytes and malformed encodings', () => {
    expect(resolvePosix('app://meja-aduan/index.html%00.png')).toEqual({
      kind: 'forbidden',
      reason: 'null-byte',
    });
    expect(resolvePosix('app://meja-aduan/%E0%A4%A.js')).toEqual({
      kind: 'forbidden',
      reason: 'malformed-encoding',
    });
  });

  it('answers not-found for other origins', () => {
    for (const url of [
      'app://evil/index.html',
      'app://meja-aduan.evil/index.html',
      'app://meja-aduan:8080/index.html',
      'app://user@meja-aduan/index.html',
      'file:///etc/passwd',
      'https://meja-aduan/index.html',
      'not a url',
    ]) {
      expect(resolvePosix(url)).toEqual({ kind: 'not-found', reason: 'unknown-origin' });
    }
  });
});

describe('resolveRendererPath: never leaves the root (property)', () => {
  const piece = fc.constantFrom(
    '..',
    '.',
    '%2e',
    '%2E%2e',
    '%2f',
    '%2F',
    '%5c',
    '\\',
    '/',
    ':',
    '%00',
    'a',
    'b.js',
    'C:',
    '%3a',
    '~',
  );
  const pathArb = fc.array(piece, { maxLength: 12 }).map((parts) => `/${parts.join('')}`);

  const check = (root: string, pathModule: PathModule) =>
    fc.assert(
      fc.property(pathArb, (urlPath) => {
        const result = resolveRendererPath(root, `app://meja-aduan${urlPath}`, pathModule);
        if (result.kind !== 'file') return;
        const relative = pathModule.relative(root, result.filePath);
        expect(relative === '..' || relative.startsWith(`..${pathModule.sep}`)).toBe(false);
        expect(pathModule.isAbsolute(relative)).toBe(false);
      }),
      { numRuns: 2000 },
    );

  it('holds for POSIX paths', () => check(posixRoot, path.posix));
  it('holds for Windows paths', () => check(winRoot, path.win32));
});
