/**
 * Two devices (docs/decisions/001-append-only-events.md), each offline, log complaints and act on
 * the same complaint; both sync; both devices and the central hold exactly the union, with zero
 * duplicates and zero conflicts on complaint and event documents, and the same reduced state
 * everywhere. Real HTTP to pouchdb-server on loopback, the unit provisioned by central's own setup
 * code.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ComplaintDoc } from '../../shared/complaint/complaint-schema';
import { docKind } from '../../shared/ids/document-ids';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import {
  UNIT,
  deviceSyncConfig,
  act,
  centralDatabase,
  createDevice,
  documentsOf,
  expectIdentical,
  logComplaint,
  stateOf,
  waitFor,
  waitUntilConverged,
  type Db,
  type Device,
} from './sync-support';
import { stopStarted } from '../support/stop-started';

let central: CentralServer;
let centralDb: Db;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

async function idsOf(device: Device): Promise<Set<string>> {
  return new Set((await documentsOf(device.db)).keys());
}

it('two devices working offline end with the same union everywhere, no duplicates, no conflicts', async () => {
  const a = createDevice('A23');
  const b = createDevice('B45');
  devices.push(a, b);
  await Promise.all([
    a.service.start(await deviceSyncConfig(central, a.code)),
    b.service.start(await deviceSyncConfig(central, b.code)),
  ]);

  // A complaint both devices know, then the link goes down.
  const shared = await logComplaint(a, 'confidential');
  await waitUntilConverged([a, b], centralDb, await idsOf(a), 15_000);
  a.network.set(false);
  b.network.set(false);
  expect(a.service.status().state).toBe('offline');
  expect(b.service.status().state).toBe('offline');

  // Offline: each logs complaints and acts on the shared one.
  const before = await idsOf(a);
  const complaints: ComplaintDoc[] = [shared];
  for (const mode of ['named', 'anonymous', 'confidential', 'named', 'anonymous'] as const) {
    complaints.push(await logComplaint(a, mode), await logComplaint(b, mode));
  }
  const at = (minutes: number): Date => new Date(Date.parse('2026-11-23T06:00:00.000Z') + minutes * 60_000);
  await act(a, shared, 'verify', { dispositionOffice: 'Dinas Kesehatan', note: 'Lengkap' }, at(1));
  await act(b, shared, 'note', { text: 'Pelapor menelepon lagi.' }, at(2));
  await act(b, shared, 'hold', { reason: 'Menunggu dokumen', until: '2026-12-01' }, at(3));
  await act(a, shared, 'follow-up', { summary: 'Petugas sudah meninjau antrean.' }, at(4));

  const onA = await idsOf(a);
  const onB = await idsOf(b);
  const newOnA = [...onA].filter((id) => !before.has(id));
  const newOnB = [...onB].filter((id) => !before.has(id));
  // Unsent changes are counted offline, exactly.
  await waitFor(
    () =>
      a.service.status().pendingLocalChanges === newOnA.length &&
      b.service.status().pendingLocalChanges === newOnB.length,
    5_000,
    () =>
      `pending ${a.service.status().pendingLocalChanges}/${newOnA.length}, ${b.service.status().pendingLocalChanges}/${newOnB.length}`,
  );

  // The link comes back.
  a.network.set(true);
  b.network.set(true);
  const union = new Set([...onA, ...onB]);
  expect(union.size).toBe(before.size + newOnA.length + newOnB.length);
  await waitUntilConverged([a, b], centralDb, union, 20_000);
  await expectIdentical([a.db, b.db, centralDb], union);

  // Zero duplicates: every complaint once, with one tracking number; every event once.
  const docs = [...(await documentsOf(centralDb)).values()];
  const stored = docs.filter((doc) => docKind(doc._id) === 'complaint');
  expect(stored).toHaveLength(complaints.length);
  expect(new Set(stored.map((doc) => doc.trackingNumber)).size).toBe(complaints.length);

  // The same reduced state on both devices and the central.
  for (const complaint of complaints) {
    const state = await stateOf(a.db, complaint);
    expect(await stateOf(b.db, complaint)).toEqual(state);
    expect(await stateOf(centralDb, complaint)).toEqual(state);
    expect(state.duplicateEvents).toBe(0);
  }
  const sharedState = await stateOf(a.db, shared);
  expect(sharedState.eventCount).toBe(5);

  // What the officers saw: offline with changes waiting, then up to date with none.
  for (const device of [a, b]) {
    const states = device.statuses.map((status) => status.state);
    const offline = states.indexOf('offline');
    expect(offline).toBeGreaterThanOrEqual(0);
    expect(states.slice(offline)).toContain('up-to-date');
    expect(
      device.statuses.some((status) => status.state === 'offline' && status.pendingLocalChanges > 0),
    ).toBe(true);
    expect(device.service.status()).toMatchObject({
      state: 'up-to-date',
      pendingLocalChanges: 0,
      rejectedDocuments: [],
    });
  }
});
