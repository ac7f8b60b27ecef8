/**
 * A correction of the complainant's details through the real stack: device A corrects a named
 * complaint's reporter with the app's own write (decideReporterCorrection, then
 * ComplaintRepository.saveReporterCorrection: the reporter document's next revision and the
 * reporter-corrected event in one write); both sync through the app's SyncService to the test
 * central (Apache CouchDB 3.5 where found). The central accepts both (no rejected document), and
 * device B receives the corrected document, without conflicts, and the event naming the fields.
 * A reporter-corrected event that names a value or an unknown field, or carries the value, is
 * refused by the unit database's validator.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CouchHttp } from '../../central/couch-http';
import type { ReporterDoc } from '../../shared/complaint/complaint-schema';
import { unitDatabaseName, unitUserName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { resealed } from '../../shared/ids/content-id.fixtures';
import { reporterId } from '../../shared/ids/document-ids';
import { unitSyncConfig } from '../../shared/sync/sync-config';
import { decideReporterCorrection } from '../../shared/workflow/reporter-correction';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import { writeDocs } from '../support/unit-writes';
import {
  UNIT,
  UNIT_PASSWORD,
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

beforeAll(async () => {
  central = await startCentralServer();
  console.info(`sync-reporter-correction: ${central.description}`);
  await setupCentralUnit(central, UNIT, UNIT_PASSWORD);
  centralDb = centralDatabase(central);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

const NEW_PHONE = '0813-9000-1234';
const NEW_ADDRESS = 'Jl. Kenanga 12';

it('a corrected reporter and its event sync to the central and to another device; forged ones are refused', async () => {
  const config = unitSyncConfig(central.url, UNIT, UNIT_PASSWORD);
  const a = createDevice('A23');
  const b = createDevice('B45');
  devices.push(a, b);
  await Promise.all([a.service.start(config), b.service.start(config)]);

  const complaint = await logComplaint(a, 'named');
  const ids = new Set((await documentsOf(a.db)).keys());
  await waitUntilConverged([a, b], centralDb, ids, 15_000);

  // Device A corrects the phone number and address, as complaints.correctReporter does.
  const repository = new ComplaintRepository(a.db);
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
    const reporter = (await db.get(reporterId(complaint.trackingNumber), {
      conflicts: true,
    })) as ReporterDoc & {
      _conflicts?: string[];
    };
    expect(reporter).toMatchObject({ phone: NEW_PHONE, address: NEW_ADDRESS, name: 'Siti Aminah' });
    expect(reporter._rev).toMatch(/^2-/);
    expect(reporter._conflicts).toBeUndefined();
    const event = (await eventsOf(db, complaint)).find((stored) => stored.kind === 'reporter-corrected');
    expect(event).toMatchObject({ fields: ['phone', 'address'] });
    expect(JSON.stringify(event)).not.toMatch(/0813|Kenanga/);
  }
  const onB = await new ComplaintRepository(b.db).detail(complaint._id);
  expect(onB?.state.trail.at(-1)).toMatchObject({ kind: 'reporter-corrected', applied: true });

  // Written as the unit's devices write (its own credentials), forged corrections are refused.
  const unit = new CouchHttp(central.url).as(unitUserName(UNIT), UNIT_PASSWORD);
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
