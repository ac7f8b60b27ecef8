/**
 * National aggregation over real HTTP: two units set up, `central national` run (as code), and
 * pouchdb-server's own `_replicator` delivering what the filter passes. Complaints without files
 * and all events arrive; reporter documents, files and anything carrying the complainant's
 * identity never do (the whole national database's JSON is searched for the reporter's name).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp } from '../../central/couch-http';
import { setupNational } from '../../central/national-setup';
import { NATIONAL_DATABASE_NAME, unitDatabaseName, unitUserName } from '../../shared/couch/couch-names';
import {
  FILE_NAME,
  REPORTER_NAME,
  REPORTER_PHONE,
  intakeDocuments,
  reporterOf,
  workflowEvents,
  type IntakeSet,
} from '../../shared/couch/test-documents';
import type { EventDoc } from '../../shared/workflow/events';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';

const PASSWORD = 'unit-password-1';
let central: CentralServer;
let admin: CouchHttp;

type AllDocs = Readonly<{ rows: readonly { id: string; doc?: Record<string, unknown> }[] }>;

async function write(unitCode: string, docs: readonly object[]): Promise<void> {
  const unit = new CouchHttp(central.url).as(unitUserName(unitCode), PASSWORD);
  const response = await unit.request('POST', `${unitDatabaseName(unitCode)}/_bulk_docs`, { docs });
  expect(response.status).toBe(201);
  expect((response.body as readonly { ok?: boolean }[]).every((result) => result.ok === true)).toBe(true);
}

async function nationalDocs(): Promise<AllDocs['rows']> {
  const response = await admin.get(`${NATIONAL_DATABASE_NAME}/_all_docs?include_docs=true&attachments=true`);
  expect(response.status).toBe(200);
  return (response.body as AllDocs).rows.filter((row) => !row.id.startsWith('_design/'));
}

/** Waits until the national database holds every id in `ids` (replication is asynchronous). */
async function arrived(ids: readonly string[], timeoutMs = 30_000): Promise<AllDocs['rows']> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await nationalDocs();
    const present = new Set(rows.map((row) => row.id));
    if (ids.every((id) => present.has(id))) return rows;
    if (Date.now() > deadline) {
      throw new Error(
        `Not replicated within ${timeoutMs} ms: ${ids.filter((id) => !present.has(id)).join(', ')}`,
      );
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

const all = (set: IntakeSet): object[] => [
  set.complaint,
  set.received,
  ...(set.reporter ? [set.reporter] : []),
];

let before: {
  named: IntakeSet;
  confidential: IntakeSet;
  anonymous: IntakeSet;
  withFile: IntakeSet;
  kbm: IntakeSet;
};
let events: EventDoc[];

beforeAll(async () => {
  central = await startCentralServer();
  admin = new CouchHttp(central.adminUrl);
  await setupCentralUnit(central, 'KTB', PASSWORD);
  await setupCentralUnit(central, 'KBM', PASSWORD);
  before = {
    named: intakeDocuments('KTB', 1, 'named'),
    confidential: intakeDocuments('KTB', 2, 'confidential'),
    anonymous: intakeDocuments('KTB', 3, 'anonymous'),
    withFile: intakeDocuments('KTB', 4, 'named', { withFile: true }),
    kbm: intakeDocuments('KBM', 1, 'confidential'),
  };
  const file = {
    'att-1': { content_type: 'image/jpeg', data: Buffer.from(REPORTER_NAME).toString('base64') },
  };
  await write('KTB', [
    ...all(before.named),
    ...all(before.confidential),
    ...all(before.anonymous),
    { ...before.withFile.complaint, _attachments: file },
    before.withFile.received,
    reporterOf(before.withFile),
  ]);
  await write('KBM', all(before.kbm));
  events = workflowEvents(before.confidential, ['verify', 'follow-up']);
});

afterAll(async () => {
  await central?.stop();
});

describe('central national', () => {
  it('sets up the national database and one replication per unit, idempotently', async () => {
    const first = await setupNational(admin);
    expect(first.units).toEqual(['KBM', 'KTB']);
    expect(first.steps.filter((step) => step.what === 'replication').map((step) => step.outcome)).toEqual([
      'created',
      'created',
    ]);
    const second = await setupNational(admin);
    expect(second.steps.every((step) => step.outcome === 'unchanged' || step.outcome === 'exists')).toBe(
      true,
    );
  });

  it('delivers complaints without files and every event, from every unit, continuously', async () => {
    await write('KTB', events); // written after the replication started
    const expected = [
      before.named.complaint,
      before.confidential.complaint,
      before.anonymous.complaint,
      before.kbm.complaint,
      before.named.received,
      before.confidential.received,
      before.anonymous.received,
      before.withFile.received,
      before.kbm.received,
      ...events,
    ].map((doc) => doc._id);
    const rows = await arrived(expected);
    const stored = rows.find((row) => row.id === before.confidential.complaint._id)?.doc;
    expect(stored).toMatchObject({ title: before.confidential.complaint.title, privacyMode: 'confidential' });
  });

  it('never delivers reporter documents, files, or the identity in them', async () => {
    await arrived(events.map((event) => event._id));
    await new Promise((done) => setTimeout(done, 500)); // anything wrongly passed would be here by now
    const rows = await nationalDocs();
    const ids = rows.map((row) => row.id);
    expect(ids.filter((id) => id.startsWith('reporter:'))).toEqual([]);
    expect(ids).not.toContain(before.withFile.complaint._id);
    expect(rows.filter((row) => row.doc?._attachments !== undefined)).toEqual([]);
    const text = JSON.stringify(rows);
    for (const identity of [
      REPORTER_NAME,
      REPORTER_PHONE,
      FILE_NAME,
      Buffer.from(REPORTER_NAME).toString('base64'),
    ]) {
      expect(text).not.toContain(identity);
    }
    // ... while the unit database still holds them.
    const unit = await admin.get(`${unitDatabaseName('KTB')}/_all_docs?include_docs=true`);
    expect(JSON.stringify(unit.body)).toContain(REPORTER_NAME);
  });

  it('refuses identity even from a server admin, and any write from a unit user', async () => {
    const reporter = reporterOf(intakeDocuments('KTB', 9, 'named'));
    const byAdmin = await admin.put(
      `${NATIONAL_DATABASE_NAME}/${encodeURIComponent(reporter._id)}`,
      reporter,
    );
    expect(byAdmin.status).toBe(403);
    expect((byAdmin.body as { reason: string }).reason).toMatch(/^privacy: reporter identity/);
    const unit = new CouchHttp(central.url).as(unitUserName('KTB'), PASSWORD);
    const complaint = intakeDocuments('KTB', 9, 'named').complaint;
    const byUnit = await unit.put(
      `${NATIONAL_DATABASE_NAME}/${encodeURIComponent(complaint._id)}`,
      complaint,
    );
    expect([401, 403]).toContain(byUnit.status);
    expect([401, 403]).toContain((await unit.get(`${NATIONAL_DATABASE_NAME}/_all_docs`)).status);
  });
});
