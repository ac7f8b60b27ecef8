/**
 * The staged first download (renderer/core/sync/initial-download) on the central (Apache CouchDB
 * 3.5 where found): `central setup` writes the stages view (`_design/meja-aduan-stages`) and a
 * second setup leaves it untouched; the view counts closed, archived, forwarded and reopened
 * complaints right; a download interrupted at random moments (the app closed: its signal aborted
 * at a random batch; the central killed and restarted) resumes from its last checkpoint and ends
 * identical to the central (ids, leaf revisions with a reporter's conflict and a deleted reporter,
 * files' digests); after stage `open` every open complaint is on the device with all its events and
 * its reporter; at no checkpoint is a complaint on the device without one of its events. The timing
 * is random from a seed printed in the test's name (STAGED_DOWNLOAD_SEED replays it).
 */
import PouchDB from 'pouchdb-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { CouchHttp } from '../../central/couch-http';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { STAGES_DESIGN_DOC_ID } from '../../shared/couch/stages-design-doc';
import {
  initialDownload,
  type DownloadedBatch,
  type InitialDownloadCheckpoint,
} from '../../renderer/core/sync/initial-download';
import {
  TEST_ADMIN,
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  writeAllAsDevices,
  type CentralServer,
} from '../support/central-server';
import { stagedUnit, type StagedUnit } from '../support/staged-unit';
import { stopStarted } from '../support/stop-started';
import { UNIT, centralDatabase, deviceSyncConfig, remoteRequest, type Db } from './sync-support';

// CouchDB takes about 2 s to boot; the download is run several times over, with restarts.
vi.setConfig({ testTimeout: 240_000 });
const SEED = Number(process.env.STAGED_DOWNLOAD_SEED ?? Date.now() % 1_000_000);
const COMPLAINTS = 60;
const BATCH = 30;
const DB = encodeURIComponent(unitDatabaseName(UNIT));

/** mulberry32: a small seeded PRNG, so that a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let central: CentralServer;
let centralDb: Db;
let admin: CouchHttp;
let unit: StagedUnit;
let firstSetupOutcome: string | undefined;

beforeAll(async () => {
  central = await startCentralServer({ persistent: true });
  const setup = await setupCentralUnit(central, UNIT);
  firstSetupOutcome = setup.steps.find((step) => step.what === 'stage views')?.outcome;
  centralDb = centralDatabase(central);
  admin = new CouchHttp(central.url).as(TEST_ADMIN.name, TEST_ADMIN.password);
  unit = stagedUnit(UNIT, COMPLAINTS);
  await writeAllAsDevices(central, UNIT, unit.docs);
  // Afterwards: a reporter in conflict (another device's revision, as the replicator sends it)…
  const writer = await centralDeviceHttp(central, UNIT, 'X7Q');
  const sibling = await writer.request('POST', `${DB}/_bulk_docs`, {
    docs: [unit.conflict.sibling()],
    new_edits: false,
  });
  expect(sibling.status).toBe(201);
  // …and a reporter deleted for retention.
  const path = `${DB}/${encodeURIComponent(unit.deletedReporterId)}`;
  const stored = (await writer.get(path)).body as { _rev: string };
  const deleted = await (
    await centralDeviceHttp(central, UNIT, 'A23')
  ).request('DELETE', `${path}?rev=${stored._rev}`);
  expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
});

afterAll(async () => {
  await centralDb.close();
  await stopStarted(central);
});

/** Requests to the unit's database as the device of `config` (like PouchDB's http adapter). */

/** Every document's leaf revisions (deleted ones too) and its files' digests, design documents included. */
async function leavesOf(db: Db): Promise<Map<string, string>> {
  const { results } = await db.changes({ style: 'all_docs', include_docs: true });
  return new Map(
    results.map((row) => {
      const files = (row.doc as { _attachments?: Record<string, { digest?: string }> } | undefined)
        ?._attachments;
      const digests = Object.values(files ?? {}).map((file) => file.digest);
      return [row.id, JSON.stringify([row.changes.map((change) => change.rev).sort(), digests])];
    }),
  );
}

/**
 * Complaints on `db` without one of their events, or `only` of them without their reporter too:
 * each named with the documents it lacks.
 */
async function halfComplaints(db: Db, only?: (complaint: StagedUnit['complaints'][number]) => boolean) {
  const held = new Set((await db.changes({ style: 'all_docs' })).results.map((row) => row.id));
  return unit.complaints
    .filter((complaint) => (only ? only(complaint) : held.has(complaint.id)))
    .map((complaint) => ({
      complaint,
      lacking: [
        complaint.id,
        ...complaint.events,
        ...(only !== undefined && complaint.reporter !== null ? [complaint.reporter] : []),
      ].filter((id) => !held.has(id)),
    }))
    .filter(({ lacking }) => lacking.length > 0)
    .map(({ complaint, lacking }) => `${complaint.trackingNumber} lacks ${lacking.join(', ')}`);
}

it('central setup writes the stages view once; a second setup leaves it untouched', async () => {
  expect(firstSetupOutcome).toBe('created');
  const before = (await admin.get(`${DB}/${STAGES_DESIGN_DOC_ID}`)).body as { _rev: string };
  const second = await setupCentralUnit(central, UNIT);
  expect(second.steps.find((step) => step.what === 'stage views')?.outcome).toBe('unchanged');
  const after = (await admin.get(`${DB}/${STAGES_DESIGN_DOC_ID}`)).body as { _rev: string };
  expect(after._rev).toBe(before._rev);
});

it('the stages view counts closed, archived and forwarded complaints as closed, reopened ones as open', async () => {
  const closed = await admin.get(`${DB}/${STAGES_DESIGN_DOC_ID}/_view/closed?group=true`);
  expect(closed.status).toBe(200);
  const rows = (closed.body as { rows: { key: string; value: number }[] }).rows;
  const closedNumbers = rows.filter((row) => row.value > 0).map((row) => row.key);
  const expected = unit.complaints
    .filter((complaint) => !complaint.open)
    .map((complaint) => complaint.trackingNumber);
  expect(closedNumbers.sort()).toEqual(expected.sort());
  // Reopened complaints have rows, summed to 0.
  expect(rows.filter((row) => row.value === 0).length).toBeGreaterThan(0);
  const count = await admin.get(`${DB}/${STAGES_DESIGN_DOC_ID}/_view/complaints`);
  expect((count.body as { rows: { value: number }[] }).rows[0]?.value).toBe(COMPLAINTS);
});

it(`resumes after random interruptions and ends identical to the central (seed ${SEED})`, async () => {
  const random = seeded(SEED);
  const request = remoteRequest(await deviceSyncConfig(central, 'Q23'));
  const local = new PouchDB<object>(`device-Q23-${crypto.randomUUID()}`, { adapter: 'memory' });
  const expected = await leavesOf(centralDb);
  try {
    let stored: InitialDownloadCheckpoint | null = null;
    let openChecked = false;
    const problems: string[] = [];
    let round = 0;
    const onBatch = async (batch: DownloadedBatch): Promise<void> => {
      stored = batch.checkpoint;
      const at = `round ${round}, ${batch.stage.stage}, ${batch.docs.length} written`;
      problems.push(...(await halfComplaints(local)).map((half) => `half at a checkpoint (${at}): ${half}`));
      if (!openChecked && batch.stage.stage === 'history') {
        // Stage open is done: every open complaint is here, whole.
        openChecked = true;
        problems.push(
          ...(await halfComplaints(local, (each) => each.open)).map((id) => `open missing: ${id}`),
        );
      }
    };
    let interruptions = 0;
    let kills = 0;
    // What each round did, named in every assertion's message: a failure says how the rounds went.
    const rounds: string[] = [];
    for (; ; round += 1) {
      const controller = new AbortController();
      // Rounds 0, 2, 4: closed at a random batch; rounds 1 and 3: the central killed meanwhile.
      const stopAt = round < 5 ? 1 + Math.floor(random() * 4) : Number.POSITIVE_INFINITY;
      const kill = round % 2 === 1 && round < 5;
      let batches = 0;
      const download = initialDownload({
        request,
        target: local,
        batchSize: BATCH,
        resumeFrom: stored,
        signal: controller.signal,
        onBatch: async (batch) => {
          await onBatch(batch);
          batches += 1;
          if (batches === stopAt) {
            if (kill) await central.kill();
            else controller.abort(new Error('closed'));
          }
        },
      });
      try {
        const { missing } = await download;
        rounds.push(
          `${round}: stop at ${stopAt}${kill ? ' (kill)' : ''}, ${batches} batches, completed, ${missing} missing`,
        );
        break;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        rounds.push(`${round}: stop at ${stopAt}${kill ? ' (kill)' : ''}, ${batches} batches, ${reason}`);
        if (round >= 5) throw new Error(`round ${round} failed: ${rounds.join('; ')}`, { cause: error });
        interruptions += 1;
        if (kill) {
          kills += 1;
          await central.restart();
        }
      }
    }
    const how = rounds.join('; ');
    expect(problems, how).toEqual([]);
    expect(openChecked, how).toBe(true);
    expect(interruptions, how).toBeGreaterThanOrEqual(3);
    expect(kills, how).toBeGreaterThanOrEqual(1);
    expect(await leavesOf(local), how).toEqual(expected);
    console.info(`staged download (seed ${SEED}): ${how}`);
    const reporter = await local.get(unit.conflict.reporterId, { conflicts: true });
    expect(reporter._conflicts).toHaveLength(1);
    await expect(local.get(unit.deletedReporterId)).rejects.toMatchObject({ status: 404, reason: 'deleted' });
  } finally {
    await local.destroy();
  }
});
