/**
 * A correction of the complainant's details through the real stack: device A corrects a named
 * complaint's reporter with the app's own write (decideReporterCorrection, then
 * ComplaintRepository.saveReporterCorrection: the reporter document's next revision and the
 * reporter-corrected event in one write); both sync through the app's SyncService to the test
 * central (Apache CouchDB 3.5 where found). The central accepts both (no rejected document), and
 * device B receives the corrected document, without conflicts, and the event naming the fields.
 * A reporter-corrected event that names a value or an unknown field, or carries the value, is
 * refused by the unit database's validator. Two devices correcting offline end with both versions
 * on every database (a conflict the detail screen shows); keeping one version
 * (ComplaintRepository.resolveReporterConflict) ends the conflict everywhere. The identity recorded
 * for a complaint anonymous at intake and identified since is accepted too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReporterDoc } from '../../shared/complaint/complaint-schema';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { resealed } from '../../shared/ids/content-id.fixtures';
import { reporterId } from '../../shared/ids/document-ids';
import { blankReporterDoc, decideReporterCorrection } from '../../shared/workflow/reporter-correction';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import type { ReporterVault } from '../../renderer/core/keys/reporter-vault';
import { testVault } from '../../renderer/core/keys/test-unit-key.fixtures';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import { writeDocs } from '../support/unit-writes';
import {
  UNIT,
  deviceSyncConfig,
  act,
  centralDatabase,
  createDevice,
  documentsOf,
  eventsOf,
  logComplaint,
  waitFor,
  waitUntilConverged,
  type Db,
  type Device,
} from './sync-support';

let central: CentralServer;
let centralDb: Db;
const devices: Device[] = [];
/** Every device's vault: the tests' unit key (renderer/core/keys/test-unit-key.fixtures). */
let vault: ReporterVault;

/** The reporter document `id` of `db` as a device holding the unit key reads it (opened). */
async function openedReporter(db: Db, id: string): Promise<ReporterDoc & { _conflicts?: string[] }> {
  const stored = (await db.get(id, { conflicts: true })) as object;
  return vault.open(stored);
}

beforeAll(async () => {
  vault = await testVault();
  central = await startCentralServer();
  console.info(`sync-reporter-correction: ${central.description}`);
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

const NEW_PHONE = '0813-9000-1234';
const NEW_ADDRESS = 'Jl. Kenanga 12';

it('a corrected reporter and its event sync to the central and to another device; forged ones are refused', async () => {
  const a = createDevice('A23');
  const b = createDevice('B45');
  devices.push(a, b);
  await Promise.all([
    a.service.start(await deviceSyncConfig(central, a.code)),
    b.service.start(await deviceSyncConfig(central, b.code)),
  ]);

  const complaint = await logComplaint(a, 'named');
  const ids = new Set((await documentsOf(a.db)).keys());
  await waitUntilConverged([a, b], centralDb, ids, 15_000);

  // Device A corrects the phone number and address, as complaints.correctReporter does.
  const repository = new ComplaintRepository(a.db, vault);
  const read = await repository.detail(complaint._id);
  if (!read?.reporter) throw new Error('no reporter on device A');
  const decision = decideReporterCorrection(
    read.state,
    read.reporter,
    { phone: NEW_PHONE, address: NEW_ADDRESS },
    {
      officer: { officerId: 'manager-A23', name: 'Maya' },
      role: 'manager',
      deviceCode: 'A23',
      unitCode: UNIT,
    },
    { at: new Date('2026-11-23T08:00:00.000Z'), eventSequence: 500 },
  );
  if (decision.outcome !== 'corrected') expect.fail(JSON.stringify(decision));
  await repository.saveReporterCorrection(decision.reporter, decision.event);

  await waitUntilConverged([a, b], centralDb, new Set([...ids, decision.event._id]), 15_000);
  expect(a.service.status().rejectedDocuments).toEqual([]);
  for (const db of [centralDb, b.db]) {
    const reporter = await openedReporter(db, reporterId(complaint.trackingNumber));
    expect(reporter).toMatchObject({ phone: NEW_PHONE, address: NEW_ADDRESS, name: 'Siti Aminah' });
    // What the central and the other device store holds none of it in clear.
    const raw = JSON.stringify(await db.get(reporterId(complaint.trackingNumber)));
    for (const secret of [NEW_PHONE, NEW_ADDRESS, 'Siti Aminah']) expect(raw).not.toContain(secret);
    expect(reporter._rev).toMatch(/^2-/);
    expect(reporter._conflicts).toBeUndefined();
    const event = (await eventsOf(db, complaint)).find((stored) => stored.kind === 'reporter-corrected');
    expect(event).toMatchObject({ fields: ['phone', 'address'] });
    expect(JSON.stringify(event)).not.toMatch(/0813|Kenanga/);
  }
  const onB = await new ComplaintRepository(b.db, vault).detail(complaint._id);
  expect(onB?.state.trail.at(-1)).toMatchObject({ kind: 'reporter-corrected', applied: true });

  // Written as the unit's devices write (its own credentials), forged corrections are refused.
  const unit = await centralDeviceHttp(central, UNIT, a.code);
  for (const forged of [
    { fields: [NEW_PHONE] },
    { fields: ['religion'] },
    { fields: ['phone', 'phone'] },
    { fields: ['phone'], phone: NEW_PHONE },
  ]) {
    const doc = resealed({ ...decision.event, ...forged });
    const { sealed } = await writeDocs(unit, unitDatabaseName(UNIT), [doc]);
    const rows = sealed.body as readonly { id?: string; error?: string; reason?: string }[];
    expect(rows, JSON.stringify(forged)).toHaveLength(1);
    expect(rows[0]?.error, JSON.stringify(rows)).toBe('forbidden');
    expect(parseRejection(rows[0]?.reason ?? '')?.code).toBe('schema');
  }
  await waitFor(
    async () => (await eventsOf(centralDb, complaint)).length === 2,
    5_000,
    async () => JSON.stringify((await eventsOf(centralDb, complaint)).map((event) => event.kind)),
  );
});

it('two devices correcting offline end in a conflict every device shows; keeping one version ends it everywhere', async () => {
  const a = createDevice('C67');
  const b = createDevice('D89');
  devices.push(a, b);
  await Promise.all([
    a.service.start(await deviceSyncConfig(central, a.code)),
    b.service.start(await deviceSyncConfig(central, b.code)),
  ]);
  const complaint = await logComplaint(a, 'named');
  const all = new Set([...(await documentsOf(centralDb)).keys(), ...(await documentsOf(a.db)).keys()]);
  await waitUntilConverged([a, b], centralDb, all, 15_000);
  a.network.set(false);
  b.network.set(false);

  const correctOn = async (device: Device, phone: string, sequence: number) => {
    const repository = new ComplaintRepository(device.db, vault);
    const read = await repository.detail(complaint._id);
    if (!read?.reporter) throw new Error(`no reporter on ${device.code}`);
    const decision = decideReporterCorrection(
      read.state,
      read.reporter,
      { phone },
      {
        officer: { officerId: `manager-${device.code}`, name: 'Maya' },
        role: 'manager',
        deviceCode: device.code,
        unitCode: UNIT,
      },
      { at: new Date(Date.parse('2026-11-23T09:00:00.000Z') + sequence * 60_000), eventSequence: sequence },
    );
    if (decision.outcome !== 'corrected') expect.fail(JSON.stringify(decision));
    await repository.saveReporterCorrection(decision.reporter, decision.event);
  };
  await correctOn(a, '0813-1111-1111', 600);
  await correctOn(b, '0813-2222-2222', 601);
  a.network.set(true);
  b.network.set(true);
  const id = reporterId(complaint.trackingNumber);
  const conflictsOf = async (db: Db): Promise<readonly string[]> =>
    ((await db.get(id, { conflicts: true })) as { _conflicts?: string[] })._conflicts ?? [];
  await waitFor(
    async () => (await conflictsOf(centralDb)).length === 1 && (await conflictsOf(a.db)).length === 1,
    15_000,
  );
  const onA = new ComplaintRepository(a.db, vault);
  const read = await onA.detail(complaint._id);
  expect(read?.reporterConflicts).toHaveLength(1);
  const versions = [read?.reporter, ...(read?.reporterConflicts ?? [])];
  expect(versions.map((version) => version?.phone).sort()).toEqual(['0813-1111-1111', '0813-2222-2222']);

  // Device A's supervisor keeps B's number (as complaints.resolveReporterConflict does).
  const winner = read?.reporter;
  const kept = versions.find((version) => version?.phone === '0813-2222-2222');
  if (!read || !winner || !kept) throw new Error('versions missing');
  const decision = decideReporterCorrection(
    read.state,
    winner,
    { phone: kept.phone },
    {
      officer: { officerId: 'manager-C67', name: 'Maya' },
      role: 'manager',
      deviceCode: 'C67',
      unitCode: UNIT,
    },
    { at: new Date('2026-11-23T10:00:00.000Z'), eventSequence: 700 },
  );
  const corrected = decision.outcome === 'corrected' ? decision : null;
  await onA.resolveReporterConflict(
    winner,
    (read.reporterConflicts ?? []).map((version) => version._rev ?? ''),
    corrected?.reporter ?? null,
    corrected?.event ?? null,
  );
  await waitFor(
    async () => {
      for (const db of [centralDb, a.db, b.db]) {
        const doc = await openedReporter(db, id);
        if ((doc._conflicts ?? []).length > 0 || doc.phone !== '0813-2222-2222') return false;
      }
      return true;
    },
    15_000,
    async () => JSON.stringify(await Promise.all([centralDb, a.db, b.db].map((db) => conflictsOf(db)))),
  );
  expect(a.service.status().rejectedDocuments).toEqual([]);
  expect(b.service.status().rejectedDocuments).toEqual([]);
});

it('the identity recorded for a complaint anonymous at intake and identified since is accepted and syncs', async () => {
  const a = createDevice('E23');
  devices.push(a);
  await a.service.start(await deviceSyncConfig(central, a.code));
  const complaint = await logComplaint(a, 'anonymous');
  await act(
    a,
    complaint,
    'change-privacy',
    { to: 'named', reason: 'Pelapor bersedia disebut' },
    new Date('2026-11-23T11:00:00.000Z'),
  );
  const repository = new ComplaintRepository(a.db, vault);
  const read = await repository.detail(complaint._id);
  if (!read) throw new Error('no complaint');
  expect(read.reporter).toBeNull();
  expect(await repository.identityMayBeRecorded(read.complaint)).toBe(true);
  const decision = decideReporterCorrection(
    read.state,
    blankReporterDoc(read.state, UNIT),
    { name: 'Siti Aminah', phone: NEW_PHONE },
    {
      officer: { officerId: 'manager-E23', name: 'Maya' },
      role: 'manager',
      deviceCode: 'E23',
      unitCode: UNIT,
    },
    { at: new Date('2026-11-23T11:05:00.000Z'), eventSequence: 800 },
  );
  if (decision.outcome !== 'corrected') expect.fail(JSON.stringify(decision));
  await repository.saveReporterCorrection(decision.reporter, decision.event);
  await waitFor(
    async () => {
      const doc = await openedReporter(centralDb, reporterId(complaint.trackingNumber)).catch(
        () => undefined,
      );
      return doc?.phone === NEW_PHONE;
    },
    15_000,
    () => JSON.stringify(a.service.status()),
  );
  expect(a.service.status().rejectedDocuments).toEqual([]);
});
