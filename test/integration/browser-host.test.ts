/**
 * The browser host's HTTP server over real HTTP on loopback: the production security headers on
 * every response, client routes served by index.html, and no way out of the renderer folder.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../scripts/browser-host';
import { CONTENT_SECURITY_POLICY } from '../../shared/platform/content-security-policy';

let root: string;
let host: BrowserHost;

/** A raw GET, so paths like /../x reach the server unnormalised (fetch would clean them). */
function get(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'meja-aduan-host-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>index</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
  host = await startBrowserHost({ rootDir: root });
});

afterAll(async () => {
  await host.close();
  await rm(join(root, '..'), { recursive: true, force: true });
});

describe('browser host server', () => {
  it('serves files with the production CSP and a correct type', async () => {
    const response = await get('/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers client routes with index.html', async () => {
    for (const path of ['/', '/pengaduan', '/pengaduan/abc?x=1']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.body, path).toContain('<title>index</title>');
    }
  });

  it('never serves anything outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/a%00.js',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain('outside the renderer folder');
    }
  });

  it('answers a missing asset with 404 and refuses writes', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });
});
