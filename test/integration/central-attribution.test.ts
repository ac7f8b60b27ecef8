/**
 * Who changed a mutable document, checked by the central (Apache CouchDB 3.5 where found; docs/central.md,
 * "Who wrote what"): every revision of the unit profile, settings, offices, a packet draft, a reporter
 * document and an officer document names its writer in `lastChangedBy: { device, officer }`, and a
 * device account writes only revisions naming itself: device A's credentials writing a revision that
 * names device B are refused (code `device`), as a normal write and as a replicated one with a disjoint
 * history (the validator gets oldDoc = null); naming itself is accepted; a revision naming nobody is
 * refused from a device and accepted from a server admin (repairs, migrations). A bare tombstone names
 * nobody and is accepted from any device of the unit. Through the app's own sync: a document stored
 * before the field existed still syncs and is read, and its next revision is accepted; two devices
 * that changed the office list offline end in a conflict that one device resolves (the kept content
 * written again as that device's revision, the other branch closed), and every database converges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp, type CouchResponse } from '../../central/couch-http';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import {
  CHANGED_BY,
  intakeDocuments,
  packetDraftDoc,
  reporterOf,
  unitOfficesDoc,
  unitProfileDoc,
  unitSettingsDoc,
} from '../../shared/couch/documents.fixtures';
import { parseRejection } from '../../shared/couch/rejection';
import { newOfficerDoc } from '../../shared/unit/officer-document';
import { applyOffices, applySettings, type UnitOfficesDoc } from '../../shared/unit/unit-settings';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import { listConflicts, resolveConflict } from '../../renderer/core/data/mutable-conflicts';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import {
  UNIT,
  centralDatabase,
  createDevice,
  deviceSyncConfig,
  documentsOf,
  waitFor,
  waitUntilConverged,
  type Db,
  type Device,
} from './sync-support';

/** The unit whose rules are probed with direct requests (the sync tests use sync-support's UNIT). */
const PROBED = 'KTB';
const PROBED_DB = encodeURIComponent(unitDatabaseName(PROBED));
/** The fixtures' device (CHANGED_BY) and another device of the unit. */
const DEVICE_A = CHANGED_BY.device;
const DEVICE_B = 'B45';

type Doc = Readonly<{ _id: string } & Record<string, unknown>>;

let central: CentralServer;
let admin: CouchHttp;
let asA: CouchHttp;
let asB: CouchHttp;
let centralDb: Db;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  console.info(`central-attribution: ${central.description}`);
  await setupCentralUnit(central, PROBED);
  await setupCentralUnit(central, UNIT);
  admin = new CouchHttp(central.adminUrl);
  asA = await centralDeviceHttp(central, PROBED, DEVICE_A);
  asB = await centralDeviceHttp(central, PROBED, DEVICE_B);
  centralDb = centralDatabase(central);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

const put = (http: CouchHttp, doc: Doc): Promise<CouchResponse> =>
  http.put(`${PROBED_DB}/${encodeURIComponent(doc._id)}`, doc);

/** The refusal (code and sentence) of a refused PUT. */
function refusal(response: CouchResponse): { code?: string; reason: string } {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  const reason = (response.body as { reason?: string }).reason ?? '';
  return { code: parseRejection(reason)?.code, reason };
}

/** The stored document, read as the server admin. */
async function stored(id: string): Promise<Doc & { _rev: string }> {
  const response = await admin.get(`${PROBED_DB}/${encodeURIComponent(id)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Doc & { _rev: string };
}

/** One document of each mutable type, naming device A as its writer. */
function mutableDocs(): readonly Doc[] {
  const officer = newOfficerDoc(
    { unitCode: PROBED, officerId: 'officer-2', name: 'Budi', role: 'officer', mustChangeSecret: true },
    new Date('2026-12-06T03:00:00.000Z'),
    CHANGED_BY,
  );
  return [
    unitProfileDoc(PROBED),
    unitSettingsDoc(PROBED),
    unitOfficesDoc(PROBED),
    packetDraftDoc(PROBED),
    reporterOf(intakeDocuments(PROBED, 1, 'named')),
    officer,
  ];
}

const namingB = (doc: Doc): Doc => ({ ...doc, lastChangedBy: { device: DEVICE_B, officer: 'officer-2' } });

describe('the central, for every mutable document type', () => {
  it("refuses device A's credentials writing a revision that names device B (device), accepts one naming A", async () => {
    for (const doc of mutableDocs()) {
      const refused = refusal(await put(asA, namingB(doc)));
      expect(refused.code, doc._id).toBe('device');
      expect(refused.reason).toMatch(
        new RegExp(
          `names device "${DEVICE_B}" as the one that changed it but was written by device "${DEVICE_A}"`,
        ),
      );
      const created = await put(asA, doc);
      expect(created.status, `${doc._id}: ${JSON.stringify(created.body)}`).toBe(201);
      // An update: B may write the next revision naming itself, never one naming A.
      const current = await stored(doc._id);
      expect(refusal(await put(asB, { ...current })).code, doc._id).toBe('device');
      const updated = await put(asB, namingB(current));
      expect(updated.status, `${doc._id}: ${JSON.stringify(updated.body)}`).toBe(201);
    }
  });

  it('refuses a replicated revision with a disjoint history naming another device (oldDoc is null there)', async () => {
    for (const doc of mutableDocs()) {
      const sibling = { ...namingB(doc), _rev: `1-${'f'.repeat(32)}` };
      const response = await asA.request('POST', `${PROBED_DB}/_bulk_docs`, {
        docs: [sibling],
        new_edits: false,
      });
      const rows = response.body as readonly { error?: string; reason?: string }[];
      expect(rows, doc._id).toHaveLength(1);
      expect(rows[0]?.error, JSON.stringify(rows)).toBe('forbidden');
      expect(parseRejection(rows[0]?.reason ?? '')?.code).toBe('device');
    }
  });

  it('refuses a revision naming nobody from a device (device); a server admin writes one (exempt)', async () => {
    // Officer documents have always named their writer: their schema requires it (not probed here).
    for (const doc of mutableDocs().filter((each) => each.type !== 'officer')) {
      const { lastChangedBy: _by, ...current } = await stored(doc._id);
      const refused = refusal(await put(asA, current));
      expect(refused.code, doc._id).toBe('device');
      expect(refused.reason).toMatch(/lastChangedBy is missing/);
      const repaired = await put(admin, current);
      expect(repaired.status, `${doc._id}: ${JSON.stringify(repaired.body)}`).toBe(201);
      // The next revision from a device, over the admin's revision that names nobody, names it.
      const next = await put(asA, { ...(await stored(doc._id)), lastChangedBy: CHANGED_BY });
      expect(next.status, `${doc._id}: ${JSON.stringify(next.body)}`).toBe(201);
    }
  });

  it('accepts a bare tombstone from a device other than the last writer (a deletion names nobody)', async () => {
    for (const doc of mutableDocs()) {
      const current = await stored(doc._id);
      const response = await asB.request('POST', `${PROBED_DB}/_bulk_docs`, {
        docs: [{ _id: doc._id, _rev: current._rev, _deleted: true }],
      });
      const rows = response.body as readonly { ok?: boolean; error?: string }[];
      expect(rows[0], `${doc._id}: ${JSON.stringify(rows)}`).toMatchObject({ ok: true });
    }
  });
});

describe("the app's sync", () => {
  it('syncs a document stored before lastChangedBy existed, reads it, and its next revision is accepted', async () => {
    const { lastChangedBy: _by, ...old } = unitSettingsDoc(UNIT);
    const written = await admin.put(`${encodeURIComponent(unitDatabaseName(UNIT))}/unit-settings`, old);
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    const a = createDevice('C67');
    devices.push(a);
    await a.service.start(await deviceSyncConfig(central, a.code));
    await waitUntilConverged([a], centralDb, new Set(['unit-settings']), 15_000);
    const repository = new ComplaintRepository(a.db);
    const settings = await repository.unitSettings();
    expect(settings?.lastChangedBy).toBeUndefined();
    if (!settings) throw new Error('no settings on the device');
    const changed = applySettings(
      settings,
      { ...settings, deadlines: { ...settings.deadlines, verifyWorkingDays: 2 } },
      new Date('2026-12-06T04:00:00.000Z'),
      { officerId: 'officer-c67', name: 'Maya' },
    );
    await repository.saveMutable(changed, { device: a.code, officer: 'officer-c67' });
    await waitFor(
      async () => ((await centralDb.get('unit-settings')) as { _rev: string })._rev.startsWith('2-'),
      15_000,
      () => JSON.stringify(a.service.status()),
    );
    expect(await centralDb.get('unit-settings')).toMatchObject({
      deadlines: { verifyWorkingDays: 2 },
      lastChangedBy: { device: a.code, officer: 'officer-c67' },
    });
    expect(a.service.status().rejectedDocuments).toEqual([]);
  });

  it('a two-device conflict on the office list, resolved on one device, converges everywhere', async () => {
    const a = createDevice('D89');
    const b = createDevice('E23');
    devices.push(a, b);
    await Promise.all([
      a.service.start(await deviceSyncConfig(central, a.code)),
      b.service.start(await deviceSyncConfig(central, b.code)),
    ]);
    const byA = { device: a.code, officer: 'officer-d89' };
    const byB = { device: b.code, officer: 'officer-e23' };
    const onA = new ComplaintRepository(a.db);
    const onB = new ComplaintRepository(b.db);
    await onA.saveMutable(unitOfficesDoc(UNIT), byA);
    const ids = new Set([...(await documentsOf(centralDb)).keys(), 'unit-offices']);
    await waitUntilConverged([a, b], centralDb, ids, 15_000);

    // Both change the same revision of the list offline.
    a.network.set(false);
    b.network.set(false);
    const edit = async (repository: ComplaintRepository, code: string, name: string, by: typeof byA) => {
      const current = await repository.unitOffices();
      if (!current) throw new Error('no office list');
      const next: UnitOfficesDoc = applyOffices(
        current,
        [{ code, name, active: true }],
        new Date('2026-12-06T05:00:00.000Z'),
        { officerId: by.officer, name: 'Maya' },
      );
      await repository.saveMutable(next, by);
    };
    await edit(onA, 'dinkes', 'Dinas Kesehatan', byA);
    await edit(onB, 'dinsos', 'Dinas Sosial', byB);
    a.network.set(true);
    b.network.set(true);
    const conflictsOf = async (db: Db): Promise<readonly string[]> =>
      ((await db.get('unit-offices', { conflicts: true })) as { _conflicts?: string[] })._conflicts ?? [];
    await waitFor(
      async () =>
        (await conflictsOf(centralDb)).length === 1 &&
        (await conflictsOf(a.db)).length === 1 &&
        (await conflictsOf(b.db)).length === 1,
      15_000,
      async () => JSON.stringify(await Promise.all([centralDb, a.db, b.db].map(conflictsOf))),
    );

    // Device B keeps A's list, as the conflicts screen does.
    const [conflict] = await listConflicts(b.db);
    const versions = [conflict?.winner, ...(conflict?.others ?? [])];
    const kept = versions.find((version) => JSON.stringify(version?.offices).includes('Dinas Kesehatan'));
    if (!conflict || !kept) throw new Error(`no conflict on B: ${JSON.stringify(conflict)}`);
    expect(kept.lastChangedBy).toEqual(byA);
    await resolveConflict(b.db, 'unit-offices', kept._rev, byB);

    type Offices = Readonly<{
      _rev: string;
      _conflicts?: string[];
      offices: unknown;
      lastChangedBy: unknown;
    }>;
    const state = async (db: Db): Promise<Offices> =>
      (await db.get('unit-offices', { conflicts: true })) as unknown as Offices;
    await waitFor(
      async () => {
        const all = await Promise.all([centralDb, a.db, b.db].map(state));
        return all.every(
          (doc) =>
            (doc._conflicts ?? []).length === 0 &&
            doc._rev === all[0]?._rev &&
            JSON.stringify(doc.offices).includes('Dinas Kesehatan'),
        );
      },
      15_000,
      async () => JSON.stringify(await Promise.all([centralDb, a.db, b.db].map(state))),
    );
    // The resolving revision is B's (the central accepted it as B's write), on every database.
    for (const db of [centralDb, a.db, b.db]) {
      expect((await state(db)).lastChangedBy).toEqual(byB);
    }
    expect(a.service.status().rejectedDocuments).toEqual([]);
    expect(b.service.status().rejectedDocuments).toEqual([]);
  });
});
