/**
 * Identity retention through the real stack, on Apache CouchDB 3.5 where found: a named complaint
 * logged and closed on device A syncs (through the app's SyncService) to the central and to device
 * B. Years later, A's retention task (renderer/core/use-cases/retention, over A's records and a
 * Dexie index) deletes the identity with an identity-deleted event in one write; the central's
 * validator accepts both, and B receives the deletion and the event. `central purge-identities`
 * (the function the CLI runs) then compacts the old revision's sealed identity away at once, and
 * with no grace left purges the reporter document's revision tree; the complaint and every event,
 * the retention event included, stay on the central.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { purgeIdentities } from '../../central/identity-purge';
import type { CouchHttp } from '../../central/couch-http';
import { connectAsAdmin } from '../../central/server-admin';
import type { ComplaintDoc } from '../../shared/complaint/complaint-schema';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { unitSettingsDoc } from '../../shared/couch/documents.fixtures';
import { reporterId } from '../../shared/ids/document-ids';
import type { PlatformApi } from '../../shared/platform/platform-contract';
import { ComplaintIndexQueries } from '../../renderer/core/data/complaint-index-queries';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import { summariser } from '../../renderer/core/data/complaint-summary';
import { DeviceDatabase } from '../../renderer/core/data/device-database';
import { DeviceStore } from '../../renderer/core/data/device-store';
import { webStorageDeviceMark } from '../../renderer/core/data/device-mark';
import { createAppState } from '../../renderer/core/state/app-state';
import { calendarOf } from '../../renderer/core/use-cases/calendar';
import type { CoreDeps } from '../../renderer/core/use-cases/core-deps';
import { createRetention } from '../../renderer/core/use-cases/retention';
import type { UnitRecords } from '../../renderer/core/use-cases/unit-records';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import {
  UNIT,
  act,
  centralDatabase,
  createDevice,
  deviceSyncConfig,
  documentsOf,
  eventsOf,
  logComplaint,
  waitUntilConverged,
  type Db,
  type Device,
} from './sync-support';

const DATABASE = unitDatabaseName(UNIT);
let central: CentralServer;
let centralDb: Db;
let admin: CouchHttp;
const devices: Device[] = [];
let deviceDb: DeviceDatabase | undefined;

beforeAll(async () => {
  central = await startCentralServer();
  console.info(`central-retention: ${central.description}`);
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
  admin = (await connectAsAdmin(central.adminUrl)).http;
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await deviceDb?.delete();
  await stopStarted(central);
});

const docPath = (id: string, query = ''): string =>
  `${encodeURIComponent(DATABASE)}/${encodeURIComponent(id)}${query}`;

/** Device A's retention task: a manager signed in, the unit's settings, A's records and index rows. */
async function retentionOn(device: Device, complaint: ComplaintDoc, now: Date) {
  deviceDb = new DeviceDatabase(`device-${crypto.randomUUID()}`);
  const store = createAppState();
  store.getState().openDesk({
    device: { unitCode: UNIT, deviceCode: device.code, createdAt: now.toISOString() },
    officer: { id: `manager-${device.code}`, name: 'Maya', role: 'manager', createdAt: '', active: true },
  });
  const settings = unitSettingsDoc(UNIT);
  store.getState().setUnitDocs({ unitSettings: settings });
  const repo = new ComplaintRepository(device.db);
  const found = await repo.complaintWithEvents(complaint._id);
  if (!found) throw new Error('not on device A');
  await deviceDb.complaintIndex.put(
    summariser(settings, calendarOf(settings), () => now)(found.complaint, found.events),
  );
  const deps: CoreDeps = {
    store,
    deviceDatabase: deviceDb,
    deviceStore: new DeviceStore(deviceDb),
    deviceMark: webStorageDeviceMark(null),
    index: new ComplaintIndexQueries(deviceDb),
    records: { current: () => repo, settled: () => Promise.resolve() } as unknown as UnitRecords,
    platform: {} as PlatformApi,
    now: () => now,
    unitKeys: undefined as unknown as CoreDeps['unitKeys'],
  };
  return createRetention(deps);
}

it('a retention deletion syncs; purge-identities compacts the old revision away, later purges the tree; the complaint and its events stay', async (context) => {
  const a = createDevice('A23');
  const b = createDevice('B45');
  devices.push(a, b);
  await Promise.all([
    a.service.start(await deviceSyncConfig(central, a.code)),
    b.service.start(await deviceSyncConfig(central, b.code)),
  ]);

  // Logged and closed on 23 November 2026 on device A.
  const complaint = await logComplaint(a, 'named');
  const at = (minutes: number): Date => new Date(Date.parse('2026-11-23T06:00:00.000Z') + minutes * 60_000);
  await act(a, complaint, 'verify', { dispositionOffice: 'Dinas Kesehatan', note: '' }, at(1));
  await act(a, complaint, 'follow-up', { summary: 'Antrean dibenahi.' }, at(2));
  await act(a, complaint, 'respond', { channel: 'phone', summary: 'Antrean kini dibagi.' }, at(3));
  await act(a, complaint, 'close', { outcome: 'Selesai.' }, at(4));
  const id = reporterId(complaint.trackingNumber);
  const live = (await a.db.get(id)) as { _rev: string; identity: { ciphertext: string } };
  await waitUntilConverged([a, b], centralDb, new Set((await documentsOf(a.db)).keys()), 15_000);

  // Two years and a day later (24 months, the default): A's retention task deletes the identity.
  const retention = await retentionOn(a, complaint, new Date('2028-11-24T03:00:00.000Z'));
  expect(await retention.runNow()).toBe('done');
  expect(await retention.status()).toMatchObject({ total: 1, last: { deleted: 1 } });
  const ids = new Set((await documentsOf(a.db)).keys());
  expect(ids.has(id)).toBe(false);
  await waitUntilConverged([a, b], centralDb, ids, 15_000);
  expect(a.service.status().rejectedDocuments).toEqual([]);

  // On the central and on B: deleted, and the event says why, never what.
  for (const db of [centralDb, b.db]) {
    const deletion = (await eventsOf(db, complaint)).filter((event) => event.kind === 'identity-deleted');
    expect(deletion).toMatchObject([{ reason: 'retention', retentionMonths: 24, deviceCode: 'A23' }]);
    expect(JSON.stringify(deletion)).not.toContain('Siti');
    await expect(db.get(id)).rejects.toMatchObject({ status: 404 });
  }

  if (central.kind !== 'couchdb') {
    console.info(
      'central-retention: purge-identities needs Apache CouchDB (_purge); skipped on pouchdb-server.',
    );
    context.skip();
  }
  // The devices stop syncing (a device offline since before a purge could write the tree back:
  // what the grace period is for).
  a.network.set(false);
  b.network.set(false);
  // The old revision's sealed identity is there for an admin until the job runs.
  expect((await admin.get(docPath(id, `?rev=${live._rev}`))).body).toMatchObject({
    identity: { ciphertext: live.identity.ciphertext },
  });
  const [first] = await purgeIdentities(admin, { units: [UNIT] });
  expect(first).toMatchObject({ deleted: 1, purged: 0, waiting: 1, compaction: 'done' });
  expect((await admin.get(docPath(id, `?rev=${live._rev}`))).status).toBe(404);
  const changes = await admin.get(
    `${encodeURIComponent(DATABASE)}/_changes?style=all_docs&include_docs=true`,
  );
  expect(JSON.stringify(changes.body)).not.toContain(live.identity.ciphertext);

  // After the grace period (none left here): the tree is purged.
  const [second] = await purgeIdentities(admin, { units: [UNIT], graceDays: 0 });
  expect(second).toMatchObject({ deleted: 1, purged: 1, waiting: 0 });
  expect(JSON.stringify((await admin.get(docPath(id, '?open_revs=all'))).body)).not.toContain('"ok"');

  // The complaint and every event, the retention event included, stay.
  expect((await admin.get(docPath(complaint._id))).status).toBe(200);
  const onCentral = await eventsOf(centralDb, complaint);
  expect(onCentral.map((event) => event.kind).sort()).toEqual(
    ['received', 'verify', 'follow-up', 'response', 'close', 'identity-deleted'].sort(),
  );
});
