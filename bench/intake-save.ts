/**
 * Intake save vs a raw PouchDB write (target in ./README.md: intake save p95 ≤ 1.5× a raw `put` in the
 * same run, 100k complaints stored, Chromium IndexedDB). The measurement is ./intake-save-run;
 * this file runs it twice:
 *   - memory: in Node, pouchdb-core with the memory adapter (a fallback: no IndexedDB in Node);
 *   - chromium: in Debian's Chromium (./chromium-page), with pouchdb-browser over IndexedDB
 *     opened by the app's database factory (./browser/intake-page).
 * When Chromium is missing or does not start, the chromium figures are replaced by a note.
 */
import { fileURLToPath } from 'node:url';
import type { BenchScale } from './bench-scale';
import type { IntakePageApi } from './browser/intake-page';
import { ChromiumDidNotStart, chromiumUnavailable, withChromiumPage } from './chromium-page';
import { measureIntakeSaves, type IntakeSaveOptions, type IntakeSaveResult } from './intake-save-run';
import { memoryDatabase } from './node-pouchdb';

export type IntakeSaveFigures = Readonly<{
  targets: Readonly<{ p95VsRawPutAtMost: number; storedComplaints: number }>;
  memory: IntakeSaveResult & Readonly<{ adapter: string }>;
  chromium:
    (IntakeSaveResult & Readonly<{ adapter: string; userAgent: string }>) | Readonly<{ skipped: string }>;
}>;

const PAGE_ENTRY = fileURLToPath(new URL('./browser/intake-page.ts', import.meta.url));

function optionsOf(scale: BenchScale): IntakeSaveOptions {
  return { storedComplaints: scale.storedComplaints, saves: scale.saves, warmupSaves: scale.warmupSaves };
}

async function benchMemory(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<IntakeSaveFigures['memory']> {
  const db = memoryDatabase('intake');
  try {
    const result = await measureIntakeSaves(db, optionsOf(scale), (message) => log(`${message} (memory)`));
    return { adapter: 'Node: pouchdb-core + memory adapter (fallback; not IndexedDB)', ...result };
  } finally {
    await db.destroy();
  }
}

async function benchChromium(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<IntakeSaveFigures['chromium']> {
  const unavailable = chromiumUnavailable(scale.chromium);
  if (unavailable) return { skipped: unavailable };
  try {
    const result = await withChromiumPage(PAGE_ENTRY, 'mejaAduanIntakeBench', 'chromium', log, (page) =>
      page.evaluate(
        (options) =>
          (
            globalThis as typeof globalThis & { mejaAduanIntakeBench: IntakePageApi }
          ).mejaAduanIntakeBench.run(options),
        optionsOf(scale),
      ),
    );
    return {
      adapter: 'Chromium: pouchdb-browser over IndexedDB (profile on disk), the app\u2019s database factory',
      ...result,
    };
  } catch (error) {
    if (error instanceof ChromiumDidNotStart) return { skipped: error.message };
    throw error;
  }
}

export async function benchIntakeSave(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<IntakeSaveFigures> {
  const memory = await benchMemory(scale, log);
  const chromiumFigures = await benchChromium(scale, log);
  return {
    targets: { p95VsRawPutAtMost: 1.5, storedComplaints: 100_000 },
    memory,
    chromium: chromiumFigures,
  };
}
