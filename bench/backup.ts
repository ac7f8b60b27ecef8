/**
 * A backup and a restore of N complaints (10,000 by default; BENCH_BACKUP_COMPLAINTS) through the
 * real client core (renderer/core/use-cases/backup.ts) in Node: memory PouchDB, fake-indexeddb,
 * PBKDF2 at the app's count. Run alone on a quiet machine: `npx tsx bench/backup.ts` (JSON on
 * stdout). Baselines in the same run: reading every document with `allDocs({ include_docs })` and
 * JSON-encoding it (for the backup), and a raw `bulkDocs({ new_edits: false })` of the same documents
 * into an empty database (for the restore's writing). Figures: docs/benchmarks.md.
 */
import 'fake-indexeddb/auto';
import { cpus } from 'node:os';
import { validateSetup } from '../shared/unit/unit-profile';
import type { PlatformApi, SaveFileRequest } from '../shared/platform/platform-contract';
import { MIN_SECRET_ITERATIONS } from '../shared/auth/secret-verifier';
import { createClientCore } from '../renderer/core/create-client-core';
import type { UnitDatabase } from '../renderer/core/data/database';
import { DeviceDatabase } from '../renderer/core/data/device-database';
import { SyncService } from '../renderer/core/sync/sync-service';
import { PouchDB, memoryDatabase, writeInChunks } from './node-pouchdb';
import { BENCH_UNIT, documentsOfComplaint, sampleComplaint } from './sample-records';
import { now, ratio, round } from './timing';

const COMPLAINTS = Number(process.env.BENCH_BACKUP_COMPLAINTS ?? 10_000);
const PASS = 'kopi tubruk pagi hari';

function log(message: string): void {
  process.stderr.write(`[bench backup] ${message}\n`);
}

function core() {
  const saved: SaveFileRequest[] = [];
  let db: UnitDatabase | undefined;
  const platform = {
    readSecret: () => Promise.resolve({ value: null, protection: 'browser-storage' }),
    storeSecret: () => Promise.resolve({ protection: 'browser-storage' }),
    // As the browser host keeps the unit key's per-officer wraps: as they are.
    sealKeyWrap: ({ text }: { text: string }) =>
      Promise.resolve({ sealed: text, protection: 'browser-storage' }),
    openKeyWrap: ({ sealed }: { sealed: string }) =>
      Promise.resolve({ text: sealed, protection: 'browser-storage' }),
    saveFile: (request: SaveFileRequest) => {
      saved.push(request);
      return Promise.resolve({ status: 'saved', fileName: request.suggestedName, folder: null });
    },
    print: () => Promise.resolve({ status: 'printed' }),
    appInfo: () => Promise.resolve({ name: 'Meja Aduan', version: 'bench' }),
    listen: () => () => undefined,
  } as unknown as PlatformApi;
  const built = createClientCore({
    platform,
    isDesktop: false,
    language: { init: () => Promise.resolve(), change: () => Promise.resolve() },
    deviceDatabase: new DeviceDatabase(`bench-device-${crypto.randomUUID()}`),
    openDatabase: () => (db ??= memoryDatabase('backup')),
    // Sign-in is not measured; the backup's key uses the app's count.
    secretIterations: MIN_SECRET_ITERATIONS,
    createSyncService: (localDb) =>
      new SyncService<UnitDatabase>({
        PouchDB,
        localDb,
        network: { isOnline: () => false, subscribe: () => () => undefined },
      }),
  });
  return { core: built, saved, db: () => db as UnitDatabase };
}

async function main(): Promise<void> {
  const a = core();
  const setup = validateSetup({
    unitCode: BENCH_UNIT,
    unitName: 'Unit Bench',
    agency: 'Pemerintah Kota Bench',
    entityType: 'city',
    contact: 'aduan@bench.go.id',
    address: 'Jl. Bench 1',
    timeZone: 'Asia/Jakarta',
    deviceCode: 'B2C',
    officerName: 'Sari',
    officerRole: 'manager',
    officerSecret: '482913',
    officerSecretConfirm: '482913',
  });
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await a.core.device.setup(setup.value, new Date());
  // The indexes would follow the 10,000 complaints in the background: not what is measured.
  await a.core.device.stop();
  log(`writing ${COMPLAINTS} complaints`);
  const docs: object[] = [];
  for (let index = 0; index < COMPLAINTS; index += 1)
    docs.push(...documentsOfComplaint(sampleComplaint(index)));
  await writeInChunks(a.db(), docs, 1000);
  const info = await a.db().info();

  const readStart = now();
  const all = await a.db().allDocs({ include_docs: true });
  const encoded = new TextEncoder().encode(all.rows.map((row) => JSON.stringify(row.doc)).join('\n'));
  const rawReadMs = now() - readStart;

  log('backup');
  const phases: Record<string, number> = {};
  const backupStart = now();
  const outcome = await a.core.backup.create(PASS, PASS, (step) => {
    phases[step.phase] ??= now() - backupStart;
  });
  const backupMs = now() - backupStart;
  if (outcome.status !== 'saved') throw new Error(JSON.stringify(outcome));
  const bytes = a.saved[0]?.data ?? new Uint8Array();

  log('raw bulkDocs baseline');
  const raw = memoryDatabase('raw');
  const rawDocs = (await a.db().allDocs({ include_docs: true })).rows.map(
    (row) => row.doc as PouchDB.Core.PutDocument<object>,
  );
  const rawWriteStart = now();
  for (let start = 0; start < rawDocs.length; start += 200)
    await raw.bulkDocs(rawDocs.slice(start, start + 200), { new_edits: false });
  const rawWriteMs = now() - rawWriteStart;
  await raw.destroy();

  log('restore into an empty device');
  const b = core();
  await b.core.device.start();
  const inspectStart = now();
  const preview = await b.core.backup.inspect(bytes, PASS);
  const inspectMs = now() - inspectStart;
  if (!preview.ok) throw new Error(preview.error);
  let writtenMs = 0;
  const restoreStart = now();
  const restored = await b.core.backup.restore((step) => {
    if (step.done === step.total) writtenMs = now() - restoreStart;
  });
  const restoreMs = now() - restoreStart;
  if (!restored.ok) throw new Error(restored.error);

  const figures = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '' },
    complaints: COMPLAINTS,
    documents: info.doc_count,
    fileBytes: bytes.length,
    rawJsonBytes: encoded.length,
    backup: {
      ms: round(backupMs, 0),
      phasesStartMs: Object.fromEntries(Object.entries(phases).map(([key, value]) => [key, round(value, 0)])),
      rawReadMs: round(rawReadMs, 0),
      ratioToRawRead: ratio(backupMs, rawReadMs),
    },
    restore: {
      inspectMs: round(inspectMs, 0),
      writeMs: round(writtenMs, 0),
      totalWithStartMs: round(restoreMs, 0),
      rawBulkDocsMs: round(rawWriteMs, 0),
      writeRatioToRawBulkDocs: ratio(writtenMs, rawWriteMs),
      added: restored.added,
    },
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  await a.core.device.stop();
  await b.core.device.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
