/**
 * `central purge-identities` on Apache CouchDB: a deleted reporter's identity leaves the server.
 * A named complaint with a distinctive name is written by the unit (its credentials, as a device
 * sends it: the identity sealed with the unit key, so the name itself never reaches the server),
 * then made anonymous (the privacy-change event, and the reporter document deleted). Before the
 * job the old revision is readable by an admin and its sealed identity is in the database's shard
 * files on disk (the test server's data folder). The job with the default grace compacts: the
 * sealed identity is in no file and no API answer, while the deleted document's revision tree stays (a device
 * offline since before the deletion cannot write it back); a second run changes nothing. With
 * `--grace-days 0` the tree is purged; again, a second run changes nothing. A tombstone that still
 * carries the body (written before the validator refused them) is reported, gets a bare tombstone
 * over it and loses the body to compaction. The job's state is readable by server admins only.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS_DATABASE, purgeIdentities, type UnitPurgeReport } from '../../central/identity-purge';
import type { CouchHttp } from '../../central/couch-http';
import { connectAsAdmin } from '../../central/server-admin';
import { ensureUnitDesignDoc } from '../../central/unit-setup';
import { UNIT_DESIGN_DOC_ID, unitDatabaseName } from '../../shared/couch/couch-names';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import { reporterId } from '../../shared/ids/document-ids';
import { reduceComplaint } from '../../shared/workflow/complaint-state';
import { decideAction } from '../../shared/workflow/decide-action';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { writeAll } from '../support/unit-writes';
import { testVault } from '../../renderer/core/keys/test-unit-key.fixtures';
import { stopStarted } from '../support/stop-started';

const run = promisify(execFile);
const UNIT = 'KTB';
const DATABASE = unitDatabaseName(UNIT);
const DAY = '2026-11-23';

let central: CentralServer;
let admin: CouchHttp;
let unit: CouchHttp;

beforeAll(async () => {
  central = await startCentralServer();
  console.info(`central-identity-purge: ${central.description}`);
  await setupCentralUnit(central, UNIT);
  admin = (await connectAsAdmin(central.adminUrl)).http;
  // The device the test's records come from (C23): the server checks each record's device.
  unit = await centralDeviceHttp(central, UNIT, 'C23');
});

afterAll(async () => {
  await stopStarted(central);
});

const docPath = (id: string, query = ''): string =>
  `${encodeURIComponent(DATABASE)}/${encodeURIComponent(id)}${query}`;

/** A named complaint with `name` as the reporter, written as the unit's devices write it. */
async function logNamedComplaint(name: string, sequence: number) {
  const documents = buildIntakeDocuments(
    {
      channel: 'walk-in',
      reportType: 'complaint',
      privacyMode: 'named',
      reporter: { name, nik: '', phone: '081234567890', email: '', address: '' },
      title: 'Antrean puskesmas',
      chronology: 'Antrean lebih dari empat jam.',
      incidentDate: '2026-11-20',
      location: '',
      category: 'health',
      targetOffice: '',
      attachments: [],
    },
    {
      unitCode: UNIT,
      deviceCode: 'C23',
      sequence,
      eventSequence: sequence * 10,
      officer: { officerId: 'o1', name: 'Rina' },
      receivedAt: new Date(`${DAY}T0${sequence}:00:00.000Z`),
      localDate: DAY,
    },
  );
  if (!documents.reporter) throw new Error('a named complaint has a reporter document');
  // Stored as the app stores it: the identity sealed with the unit key (the tests' key). What the
  // server holds of it is the ciphertext: that is what must leave its disk.
  const reporter = await (await testVault()).seal(documents.reporter);
  await writeAll(unit, DATABASE, [documents.complaint, documents.received, reporter]);
  return { ...documents, needle: reporter.identity.ciphertext };
}

/** The privacy change to anonymous, as the app makes it: the event, and the reporter document deleted. */
async function makeAnonymous(documents: Awaited<ReturnType<typeof logNamedComplaint>>, sequence: number) {
  const decision = decideAction(
    reduceComplaint(documents.complaint, [documents.received]),
    'change-privacy',
    { to: 'anonymous', reason: 'Permintaan pelapor' },
    {
      officer: { officerId: 'm1', name: 'Maya' },
      role: 'manager',
      deviceCode: 'C23',
      unitCode: UNIT,
    },
    { at: new Date(`${DAY}T0${sequence}:30:00.000Z`), eventSequence: sequence * 10 + 1, localDate: DAY },
  );
  if (!decision.ok) throw new Error(JSON.stringify(decision.issues));
  await writeAll(unit, DATABASE, [decision.event]);
  const id = reporterId(documents.complaint.trackingNumber);
  const stored = await unit.get(docPath(id));
  const rev = (stored.body as { _rev: string })._rev;
  const deleted = await unit.request('DELETE', docPath(id, `?rev=${rev}`));
  expect(deleted.status).toBe(200);
  return { id, liveRev: rev, tombstoneRev: (deleted.body as { rev: string }).rev };
}

/** Files under the server's data folder holding `needle` (as UTF-8 bytes), relative paths. */
function filesHolding(needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  const hits: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const file = join(dir, entry);
      let stats;
      try {
        stats = statSync(file);
      } catch {
        continue; // deleted meanwhile (a compaction's old file)
      }
      if (stats.isDirectory()) walk(file);
      else {
        try {
          if (readFileSync(file).includes(bytes)) hits.push(file.slice(central.dataDir.length + 1));
        } catch {
          // deleted meanwhile
        }
      }
    }
  };
  walk(central.dataDir);
  return hits;
}

/** Waits until no file holds `needle` (a compaction's old file is deleted just after the swap). */
async function expectNoFileHolding(needle: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (filesHolding(needle).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(filesHolding(needle)).toEqual([]);
}

/** Everything the API tells an admin about `id` (its revisions, leaves, changes), as text. */
async function apiText(id: string, revs: readonly string[]): Promise<string> {
  const answers = await Promise.all([
    admin.get(docPath(id)),
    admin.get(docPath(id, '?open_revs=all&revs=true')),
    admin.get(docPath(id, '?revs_info=true&deleted=true')),
    ...revs.map((rev) => admin.get(docPath(id, `?rev=${rev}`))),
    admin.get(`${encodeURIComponent(DATABASE)}/_changes?style=all_docs&include_docs=true`),
    admin.get(`${encodeURIComponent(DATABASE)}/_all_docs?include_docs=true`),
  ]);
  return answers.map((answer) => JSON.stringify(answer.body)).join('\n');
}

async function deletedInChanges(id: string): Promise<boolean> {
  const changes = await admin.get(`${encodeURIComponent(DATABASE)}/_changes?style=all_docs`);
  const results = (changes.body as { results: { id: string; deleted?: boolean }[] }).results;
  return results.some((change) => change.id === id && change.deleted === true);
}

async function updateSeq(): Promise<string> {
  const info = await admin.get(encodeURIComponent(DATABASE));
  return String((info.body as { update_seq: unknown }).update_seq);
}

async function purge(graceDays?: number): Promise<UnitPurgeReport> {
  const [report] = await purgeIdentities(admin, {
    units: [UNIT],
    ...(graceDays === undefined ? {} : { graceDays }),
  });
  if (!report) throw new Error('no report');
  return report;
}

describe('purge-identities (Apache CouchDB)', () => {
  it('compacts the identity away at once, keeps the tree for the grace period, then purges it; repeated runs change nothing', async (context) => {
    if (central.kind !== 'couchdb') {
      console.info('central-identity-purge: needs Apache CouchDB (_purge); skipped on pouchdb-server.');
      context.skip();
    }
    const name = 'Wiratmaja Sukmanegara Purbokusumo';
    const documents = await logNamedComplaint(name, 1);
    const { id, liveRev, tombstoneRev } = await makeAnonymous(documents, 1);
    const sealed = documents.needle;

    // Before: the old revision is there for an admin, and its sealed identity is on disk (the
    // name never is: the server only ever receives it sealed).
    expect((await admin.get(docPath(id, `?rev=${liveRev}`))).body).toMatchObject({
      identity: { ciphertext: sealed },
    });
    expect(filesHolding(sealed).some((file) => file.endsWith('.couch'))).toBe(true);
    expect(filesHolding(name)).toEqual([]);

    // Default grace: compaction only.
    expect(await purge()).toEqual({
      unitCode: UNIT,
      database: DATABASE,
      deleted: 1,
      withBody: 0,
      purged: 0,
      waiting: 1,
      nextPurgeAt: expect.any(String) as unknown,
      compaction: 'done',
    });
    await expectNoFileHolding(sealed);
    expect(await apiText(id, [liveRev, tombstoneRev])).not.toContain(sealed);
    expect((await admin.get(docPath(id, `?rev=${liveRev}`))).status).toBe(404);
    // The tree stays: the tombstone is the leaf, the live revision a stub the server still knows.
    expect(await deletedInChanges(id)).toBe(true);
    const revsDiff = await admin.request('POST', `${encodeURIComponent(DATABASE)}/_revs_diff`, {
      [id]: [liveRev],
    });
    expect(revsDiff.body).toEqual({});

    // A second run changes nothing: no purge, no compaction, the database and the job's state as they were.
    const seq = await updateSeq();
    const state = await admin.get(`${JOBS_DATABASE}/${encodeURIComponent(`identity-purge:${UNIT}`)}`);
    expect(await purge()).toMatchObject({ deleted: 1, purged: 0, waiting: 1, compaction: 'not needed' });
    expect(await updateSeq()).toBe(seq);
    expect(
      (await admin.get(`${JOBS_DATABASE}/${encodeURIComponent(`identity-purge:${UNIT}`)}`)).body,
    ).toEqual(state.body);

    // No grace: the revision tree is purged; the server no longer knows any revision of it.
    expect(await purge(0)).toMatchObject({
      deleted: 1,
      purged: 1,
      waiting: 0,
      nextPurgeAt: null,
      compaction: 'done',
    });
    expect(await deletedInChanges(id)).toBe(false);
    const openRevs = await admin.get(docPath(id, '?open_revs=all'));
    expect(JSON.stringify(openRevs.body)).not.toContain('"ok"');
    const unknown = await admin.request('POST', `${encodeURIComponent(DATABASE)}/_revs_diff`, {
      [id]: [liveRev, tombstoneRev],
    });
    expect(unknown.body).toEqual({ [id]: { missing: [liveRev, tombstoneRev] } });
    await expectNoFileHolding(sealed);
    expect(await apiText(id, [liveRev, tombstoneRev])).not.toContain(sealed);
    // The complaint and its events are untouched.
    expect((await admin.get(docPath(documents.complaint._id))).status).toBe(200);

    // And again: nothing to do.
    const after = await updateSeq();
    expect(await purge(0)).toMatchObject({ deleted: 0, purged: 0, waiting: 0, compaction: 'not needed' });
    expect(await updateSeq()).toBe(after);
  });

  it('reports a tombstone that still carries the body, writes a bare one over it, and compacts the body away', async (context) => {
    if (central.kind !== 'couchdb') context.skip();
    const name = 'Kartosoewirjo Handayaningrat';
    const documents = await logNamedComplaint(name, 2);
    const id = reporterId(documents.complaint.trackingNumber);
    const sealed = documents.needle;
    // The validator refuses such a tombstone now: written with the validation taken away, as an old server took it.
    const design = await admin.get(docPath(UNIT_DESIGN_DOC_ID));
    const designRev = (design.body as { _rev: string })._rev;
    expect((await admin.request('DELETE', docPath(UNIT_DESIGN_DOC_ID, `?rev=${designRev}`))).status).toBe(
      200,
    );
    const stored = (await unit.get(docPath(id))).body as Record<string, unknown>;
    const bodied = await unit.put(docPath(id), { ...stored, _deleted: true });
    expect([200, 201]).toContain(bodied.status);
    await ensureUnitDesignDoc(admin, UNIT);
    expect(JSON.stringify((await admin.get(docPath(id, '?open_revs=all'))).body)).toContain(sealed);

    const report = await purge();
    expect(report).toMatchObject({ deleted: 1, withBody: 1, purged: 0, waiting: 1, compaction: 'done' });
    await expectNoFileHolding(sealed);
    expect(await apiText(id, [String(stored._rev), (bodied.body as { rev: string }).rev])).not.toContain(
      sealed,
    );
    // Still deleted, now with a bare tombstone as its leaf; the tree is kept for the grace period.
    expect(await deletedInChanges(id)).toBe(true);
    const leaves = (await admin.get(docPath(id, '?open_revs=all'))).body as { ok: Record<string, unknown> }[];
    expect(leaves.map((leaf) => Object.keys(leaf.ok).sort())).toEqual([['_deleted', '_id', '_rev']]);
    // A second run: nothing new.
    expect(await purge()).toMatchObject({ deleted: 1, withBody: 0, purged: 0, compaction: 'not needed' });
  });

  it('keeps its state where only server admins can read or write it, and runs from the command line', async (context) => {
    if (central.kind !== 'couchdb') context.skip();
    expect((await unit.get(JOBS_DATABASE)).status).toBe(403);
    expect((await unit.get(`${JOBS_DATABASE}/${encodeURIComponent(`identity-purge:${UNIT}`)}`)).status).toBe(
      403,
    );
    expect((await unit.put(`${JOBS_DATABASE}/probe`, {})).status).toBe(403);

    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'central/cli.ts', 'purge-identities', '--url', central.adminUrl, '--units', UNIT],
      { timeout: 60_000 },
    );
    expect(stdout).toContain(`${UNIT}  ${DATABASE}  1 deleted reporter document(s), 0 with a body`);
    expect(stdout).toContain('0 purged, 1 waiting');
    expect(stdout).toContain('compaction not needed');
    const usage = await run(process.execPath, [
      '--import',
      'tsx',
      'central/cli.ts',
      'purge-identities',
      '--url',
      central.adminUrl,
      '--grace-days',
      '-1',
    ]).catch((error: unknown) => error);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('--grace-days') as unknown });
  });
});
