/**
 * The central's unit database filled for a bench that reads it (./first-sync, ./central-budget):
 * whole sample complaints, reporters sealed with the tests' unit key as the central's validator
 * requires, written as the server admin a thousand at a time.
 *
 * At design scale the central's validator (every document through QuickJS) loads ~150 documents a
 * second on a busy machine: 760,000 would take over an hour. The same generator's documents pass
 * it at the first-sync bench's default scale, so with `validated: false` they are loaded with it set
 * aside, and `central setup` puts it back after.
 */
import { UNIT_DESIGN_DOC_ID } from '../shared/couch/couch-names';
import { databaseUrl, type SyncConfig } from '../shared/sync/sync-config';
import { setupCentralUnit, TEST_ADMIN, type CentralServer } from '../test/support/central-server';
import { remoteDatabase, writeInChunks } from './node-pouchdb';
import { BENCH_UNIT } from './sample-records';

const LOAD_CHUNK = 1_000;

/** Writes `docs` into the bench unit's database; resolves with the documents it then holds. */
export async function loadCentral(
  central: CentralServer,
  config: SyncConfig,
  docs: readonly object[],
  log: (message: string) => void,
  tag: string,
  validated: boolean,
): Promise<number> {
  const admin = remoteDatabase(databaseUrl(config), TEST_ADMIN.name, TEST_ADMIN.password);
  try {
    const unvalidated = !validated;
    if (unvalidated) {
      const validator = (await admin.get(UNIT_DESIGN_DOC_ID)) as { _rev: string };
      await admin.remove(UNIT_DESIGN_DOC_ID, validator._rev);
      log(`${tag}: validator set aside for the load`);
    }
    let reported = 0;
    await writeInChunks(admin, docs, LOAD_CHUNK, (written) => {
      if (written - reported >= 50_000 || written === docs.length) {
        reported = written;
        log(`${tag}: loaded ${written}/${docs.length} documents into the central`);
      }
    });
    if (unvalidated) {
      await setupCentralUnit(central, BENCH_UNIT);
      log(`${tag}: validator put back (central setup)`);
    }
    // The records and the central's design documents.
    return (await admin.info()).doc_count;
  } finally {
    await admin.close();
  }
}
