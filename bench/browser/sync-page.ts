/**
 * The Chromium page of the first-sync measurement (bundled and served by ../chromium-page for
 * ../sync-first-download): downloads the unit's database from the central on loopback into a
 * fresh IndexedDB database opened by the app's factory (renderer/core/data/database), either with a
 * plain one-shot `PouchDB.replicate` with default options (the baseline) or with the sync service
 * exactly as the renderer builds it (renderer/core/sync/browser-sync: window.fetch, navigator.onLine,
 * the default batch size). Both databases get the app's options, so only the replication differs.
 * The Node side calls `globalThis.mejaAduanSyncBench.run(options)`; it returns milliseconds.
 */
import PouchDB from 'pouchdb-browser';
import { databaseUrl, type SyncConfig } from '../../shared/sync/sync-config';
import { openUnitDatabase } from '../../renderer/core/data/database';
import { createBrowserSyncService } from '../../renderer/core/sync/browser-sync';
import { benchUnitCode } from './bench-unit-code';

export type SyncPageOptions = Readonly<{
  variant: 'plainReplicate' | 'syncService';
  config: SyncConfig;
  expectedDocs: number;
  timeoutMs: number;
}>;

export type SyncPageApi = Readonly<{
  run: (options: SyncPageOptions) => Promise<Readonly<{ ms: number; errorsSeen: readonly string[] }>>;
}>;

const POLL_MS = 5;

async function docCount(db: PouchDB.Database): Promise<number> {
  return (await db.info()).doc_count;
}

async function plainReplicate(local: PouchDB.Database, options: SyncPageOptions): Promise<number> {
  const { config } = options;
  const remote = new PouchDB(databaseUrl(config), {
    auth: { username: config.username, password: config.password },
    skip_setup: true,
  });
  try {
    const start = performance.now();
    await PouchDB.replicate(remote, local);
    return performance.now() - start;
  } finally {
    await remote.close();
  }
}

async function syncService(
  local: PouchDB.Database,
  options: SyncPageOptions,
  errorsSeen: string[],
): Promise<number> {
  const service = createBrowserSyncService(local);
  service.subscribe((status) => {
    if (status.state === 'error') errorsSeen.push(`${status.error.reason}: ${status.error.message ?? ''}`);
  });
  try {
    const start = performance.now();
    await service.start(options.config);
    for (;;) {
      const status = service.status();
      if (
        status.state === 'up-to-date' &&
        status.pendingLocalChanges === 0 &&
        (await docCount(local)) === options.expectedDocs
      ) {
        return performance.now() - start;
      }
      if (performance.now() - start > options.timeoutMs) {
        throw new Error(`not up to date after ${options.timeoutMs} ms: ${JSON.stringify(status)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await service.dispose();
  }
}

const api: SyncPageApi = {
  run: async (options) => {
    const local = openUnitDatabase(benchUnitCode('BS'));
    const errorsSeen: string[] = [];
    try {
      const ms =
        options.variant === 'plainReplicate'
          ? await plainReplicate(local, options)
          : await syncService(local, options, errorsSeen);
      const count = await docCount(local);
      if (count !== options.expectedDocs) {
        throw new Error(`${options.variant}: ${count} of ${options.expectedDocs} documents arrived`);
      }
      return { ms, errorsSeen };
    } finally {
      await local.destroy();
    }
  },
};

(globalThis as typeof globalThis & { mejaAduanSyncBench?: SyncPageApi }).mejaAduanSyncBench = api;
