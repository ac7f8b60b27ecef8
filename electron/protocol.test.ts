import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/platform/content-security-policy';

const electron = vi.hoisted(() => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
  },
}));
vi.mock('electron', () => electron);

const { registerAppScheme, serveRenderer } = await import('./protocol');

let rootDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'meja-aduan-protocol-'));
  rootDir = path.join(base, 'renderer');
  await mkdir(path.join(rootDir, 'assets'), { recursive: true });
  await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><title>Meja Aduan</title>');
  await writeFile(path.join(rootDir, 'assets', 'index-1a2b.js'), 'export {};');
  await writeFile(path.join(base, 'secret.txt'), 'outside the renderer');
  serveRenderer(rootDir);
  const [scheme, registered] = electron.protocol.handle.mock.calls[0] ?? [];
  expect(scheme).toBe('app');
  if (registered === undefined) throw new Error('no protocol handler registered');
  handler = registered;
});

afterAll(async () => {
  await rm(path.dirname(rootDir), { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('registerAppScheme', () => {
  it('registers app as a standard, secure scheme without CSP bypass', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
          bypassCSP: false,
        }) as unknown,
      }),
    ]);
  });
});

describe('app:// handler', () => {
  it('serves index.html with the security headers', async () => {
    const response = await get('app://meja-aduan/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Meja Aduan</title>');
  });

  it('serves scripts as JavaScript and routes as index.html', async () => {
    const script = await get('app://meja-aduan/assets/index-1a2b.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
    expect(await (await get('app://meja-aduan/complaints/ADU-1')).text()).toContain('Meja Aduan');
  });

  it('answers 404 with security headers for missing files and other hosts', async () => {
    for (const url of [
      'app://meja-aduan/assets/missing.js',
      'app://meja-aduan/assets.css',
      'app://other-host/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers 403 to traversal attempts and never returns the file outside', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const url of [
      'app://meja-aduan/..%2fsecret.txt',
      'app://meja-aduan/%2e%2e%5csecret.txt',
      'app://meja-aduan/x%00.js',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('outside the renderer');
    }
    warn.mockRestore();
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://meja-aduan/assets/index-1a2b.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://meja-aduan/index.html', 'POST')).status).toBe(405);
  });
});
