/**
 * A tracking number not on this device while its first download runs, through a whole core
 * (fake-indexeddb, memory PouchDB): the central (another core's records, answering the requests
 * fetch-complaint sends as CouchDB would) is asked only then, and only when the device is online
 * with sync started; a fetched complaint is returned once the complaint index lists it; offline or
 * with the central not answering it is named as not on this device yet, with the progress; once
 * the device holds its unit, a number not here is simply not found and nothing is asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore } from '../client-core';
import type { UnitDatabase } from '../data/database';
import type { RemoteRequest } from '../sync/initial-download';
import { TEST_NOW, TEST_SETUP, stopTestCores, testCore } from '../test-core.fixtures';

afterEach(stopTestCores);

const INTAKE: IntakeInput = {
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Budi Santoso', nik: '', phone: '081211112222', email: '', address: '' },
  title: 'Jalan rusak',
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '2026-02-27',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
  attachments: [],
};

const common = { pendingLocalChanges: 0, lastSyncedAt: null, rejectedDocuments: [] } as const;
const DOWNLOADING: SyncStatus = {
  ...common,
  state: 'syncing',
  progress: { docsDone: 450, docsTotal: 1000, percent: 45, stage: null },
};

/** Requests to `db` as the central's unit database answers those fetch-complaint sends; `asked` lists them. */
function centralOver(db: UnitDatabase, asked: string[]): RemoteRequest {
  const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200 });
  return async (path, init) => {
    asked.push(path);
    const url = new URL(path, 'http://central.test/db/');
    const sent = (typeof init?.body === 'string' ? JSON.parse(init.body) : {}) as {
      doc_ids?: string[];
      docs?: { id: string; rev: string }[];
    };
    const key = (name: string): string => JSON.parse(url.searchParams.get(name) ?? '""') as string;
    switch (url.pathname) {
      case '/db/_all_docs':
        return json(await db.allDocs({ startkey: key('startkey'), endkey: key('endkey') }));
      case '/db/_changes': {
        const results = [];
        for (const id of sent.doc_ids ?? []) {
          const leaves = (await db.get(id, { open_revs: 'all' }).catch(() => [])) as {
            ok?: { _rev: string };
          }[];
          const changes = leaves.flatMap((leaf) => (leaf.ok ? [{ rev: leaf.ok._rev }] : []));
          if (changes.length > 0) results.push({ id, changes });
        }
        return json({ results, last_seq: 0 });
      }
      case '/db/_bulk_get':
        return json(await db.bulkGet({ docs: sent.docs ?? [], revs: true, attachments: true }));
      default:
        throw new Error(`unexpected ${path}`);
    }
  };
}

async function setUp(core: ClientCore): Promise<void> {
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, TEST_NOW);
}

/**
 * The unit on the central (a first device's records, one complaint logged) and a new device of it
 * whose sync service asks that central (`request`, when given) and whose status is `status`.
 */
async function newDevice(status: SyncStatus, request?: RemoteRequest) {
  const first = testCore();
  await setUp(first.core);
  const complaintId = await first.core.intake.save({
    input: INTAKE,
    files: [],
    receivedAt: TEST_NOW,
    localDate: '2026-03-02',
  });
  const asked: string[] = [];
  const [centralDb] = first.unitDatabases;
  if (!centralDb) throw new Error('the first device has no records');
  const central = request ?? centralOver(centralDb, asked);
  const device = testCore({ centralRequest: () => central });
  await setUp(device.core);
  device.core.store.getState().setSyncStatus(status);
  return { core: device.core, complaintId, asked };
}

describe('complaints.findByTrackingNumber on a device whose first download runs', () => {
  it('fetches a complaint not here from the central and returns it once the complaint index lists it', async () => {
    const { core, complaintId, asked } = await newDevice(DOWNLOADING);
    expect(await core.complaints.findByTrackingNumber('ktb-260302-a2c-0001')).toEqual({
      status: 'found',
      complaintId,
      fetched: true,
    });
    expect(asked.some((path) => path.startsWith('_bulk_get'))).toBe(true);
    // In the index already: the list shows it at once.
    expect((await core.complaints.page('all', 10)).rows.map((row) => row.id)).toEqual([complaintId]);
    const detail = await core.complaints.detail(complaintId);
    expect(detail?.complaint.title).toBe('Jalan rusak');
    expect(detail?.events.map((event) => event.kind)).toEqual(['received']);
    // Its reporter came with it (sealed with the unit's key, which this device holds).
    expect(detail?.reporter?.name).toBe('Budi Santoso');
    // The next lookup finds it here.
    const before = asked.length;
    expect(await core.complaints.findByTrackingNumber('KTB-260302-A2C-0001')).toEqual({
      status: 'found',
      complaintId,
      fetched: false,
    });
    expect(asked).toHaveLength(before);
  });

  it('says a number the central does not hold is not found', async () => {
    const { core } = await newDevice(DOWNLOADING);
    expect(await core.complaints.findByTrackingNumber('KTB-260302-A2C-0099')).toEqual({
      status: 'not-found',
    });
  });

  it('names it as not on this device yet, without asking, while offline', async () => {
    const { core, asked } = await newDevice({ ...common, state: 'offline' });
    expect(await core.complaints.findByTrackingNumber('KTB-260302-A2C-0001')).toEqual({
      status: 'not-on-device',
      reason: 'offline',
      percent: null,
    });
    expect(asked).toEqual([]);
  });

  it('names it as not on this device yet, with the progress, when the central does not answer', async () => {
    const { core } = await newDevice(DOWNLOADING, () => Promise.reject(new TypeError('fetch failed')));
    expect(await core.complaints.findByTrackingNumber('KTB-260302-A2C-0001')).toEqual({
      status: 'not-on-device',
      reason: 'unreachable',
      percent: 45,
    });
  });

  it('asks nothing once the device has caught up with the central: a number not here is not found', async () => {
    const { core, asked } = await newDevice({
      ...common,
      state: 'up-to-date',
      lastSyncedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(await core.complaints.findByTrackingNumber('KTB-260302-A2C-0001')).toEqual({
      status: 'not-found',
    });
    expect(asked).toEqual([]);
  });
});

describe('complaints.findByTrackingNumber on a device with a budget', () => {
  const caughtUp: SyncStatus = { ...common, state: 'up-to-date', lastSyncedAt: '2026-03-02T02:00:00.000Z' };
  /** The device's unit keeps `months` months on every device (as if the manager's setting came with sync). */
  const withBudget = (core: ClientCore, months: number): void => {
    const { unitSettings, setUnitDocs } = core.store.getState();
    if (!unitSettings) throw new Error('no settings');
    setUnitDocs({ unitSettings: { ...unitSettings, deviceBudgetMonths: months } });
  };

  it('fetches a number not here from the central, the download long done', async () => {
    const { core, complaintId, asked } = await newDevice(caughtUp);
    withBudget(core, 6);
    expect(await core.complaints.findByTrackingNumber('KTB-260302-A2C-0001')).toEqual({
      status: 'found',
      complaintId,
      fetched: true,
    });
    expect(asked.some((path) => path.startsWith('_bulk_get'))).toBe(true);
    expect((await core.complaints.detail(complaintId))?.events.map((event) => event.kind)).toEqual([
      'received',
    ]);
  });

  it('names it as possibly outside what the device keeps when the central cannot be asked', async () => {
    const offline = await newDevice({ ...caughtUp, state: 'offline' });
    withBudget(offline.core, 6);
    expect(await offline.core.complaints.findByTrackingNumber('KTB-260302-A2C-0001')).toEqual({
      status: 'outside-budget',
      reason: 'offline',
    });
    expect(offline.asked).toEqual([]);
    const down = await newDevice(caughtUp, () => Promise.reject(new TypeError('fetch failed')));
    withBudget(down.core, 6);
    expect(await down.core.complaints.findByTrackingNumber('KTB-260302-A2C-0001')).toEqual({
      status: 'outside-budget',
      reason: 'unreachable',
    });
  });

  it('says not found when the central does not hold it, and asks nothing for text that is not a whole number', async () => {
    const { core, asked } = await newDevice(caughtUp);
    withBudget(core, 6);
    expect(await core.complaints.findByTrackingNumber('KTB-260302-A2C-0099')).toEqual({
      status: 'not-found',
    });
    const before = asked.length;
    expect(await core.complaints.findByTrackingNumber('KTB-260302')).toEqual({ status: 'not-found' });
    expect(asked).toHaveLength(before);
  });
});
