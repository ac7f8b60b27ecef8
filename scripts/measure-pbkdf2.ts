/**
 * Measures PBKDF2-HMAC-SHA256 in this machine's Chromium (the one the E2E tests use): the iteration
 * count for ~250 ms per derivation (shared/auth/secret-verifier's SECRET_ITERATIONS was set from it),
 * and the time of one derivation at the current SECRET_ITERATIONS. `npx tsx scripts/measure-pbkdf2.ts`
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { SECRET_ITERATIONS } from '../shared/auth/secret-verifier';
import { findChromium } from './chromium';

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `npx tsx scripts/ensure-chromium.ts`.');
  // Web Crypto needs a secure context: a page on loopback.
  const server = createServer((_request, response) => response.end('<!doctype html><title>pbkdf2</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    // A script as text: tsx would otherwise add helpers (__name) the page does not have.
    const result = await page.evaluate<{
      median200k: number;
      for250ms: number;
      atCurrent: number[];
    }>(`(async (current) => {
      async function derive(iterations) {
        const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('123456'), 'PBKDF2', false, ['deriveBits']);
        const started = performance.now();
        await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations }, key, 256);
        return performance.now() - started;
      }
      await derive(10000);
      const probes = [];
      for (let run = 0; run < 5; run++) probes.push(await derive(200000));
      probes.sort((a, b) => a - b);
      const median = probes[2];
      const atCurrent = [];
      for (let run = 0; run < 3; run++) atCurrent.push(await derive(current));
      return { median200k: median, for250ms: Math.round((200000 * 250) / median), atCurrent };
    })(${SECRET_ITERATIONS})`);
    console.log(
      `Chromium ${browser.version()}: 200,000 iterations in ${result.median200k.toFixed(1)} ms (median of 5); ` +
        `~250 ms is ${result.for250ms.toLocaleString('en')} iterations; ` +
        `SECRET_ITERATIONS=${SECRET_ITERATIONS.toLocaleString('en')} took ${result.atCurrent.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
