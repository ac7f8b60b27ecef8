/**
 * What the central server accepts and refuses, over real HTTP to the test central (Apache CouchDB
 * 3.5 where found, else pouchdb-server) on loopback with a real server admin: units KTB and KBM
 * set up by the same code as `central setup`, documents built by the app's own code
 * (buildIntakeDocuments, decideAction), written as a unit's devices write them: sealed complaints
 * and events with `new_edits: false` and their `_revisions` (a PUT with `?new_edits=false`, or
 * `_bulk_docs`), the mutable documents with a normal PUT. The rules for files, names, anonymous
 * complaints, reporter documents, dates and tombstones: ./central-attachment-rules.test.ts; the
 * immutability of records: ./central-immutable.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp, type CouchResponse } from '../../central/couch-http';
import { CHRONOLOGY_MAX } from '../../shared/complaint/complaint-limits';
import { deviceUserName, unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { forReplicationWrite } from '../../shared/couch/revision-writes';
import {
  ACTION_SEQUENCES,
  fixtureSeal,
  intakeDocuments,
  packetDraftDoc,
  relatedEvents,
  reporterOf,
  unitOfficesDoc,
  unitProfileDoc,
  unitSettingsDoc,
  workflowEvents,
} from '../../shared/couch/documents.fixtures';
import { resealed } from '../../shared/ids/content-id.fixtures';
import {
  ON_COUCHDB,
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { isSealed, writeDocs } from '../support/unit-writes';
import { stopStarted } from '../support/stop-started';

const KTB_DB = encodeURIComponent(unitDatabaseName('KTB'));
const KBM_DB = encodeURIComponent(unitDatabaseName('KBM'));

let central: CentralServer;
let ktb: CouchHttp;

type Doc = Readonly<{ _id: string } & Record<string, unknown>>;
type Reason = Readonly<{ error?: string; reason?: string }>;

/** A write as a device makes it: sealed documents with new_edits=false, others a normal PUT. */
const put = (http: CouchHttp, db: string, doc: Doc): Promise<CouchResponse> => {
  const path = `${db}/${encodeURIComponent(doc._id)}`;
  return isSealed(doc) ? http.put(`${path}?new_edits=false`, forReplicationWrite(doc)) : http.put(path, doc);
};

/** The stored document (as the server admin), to update or delete it with its `_rev`. */
async function stored(doc: Doc): Promise<Doc & { _rev: string }> {
  const response = await new CouchHttp(central.adminUrl).get(`${KTB_DB}/${encodeURIComponent(doc._id)}`);
  expect(response.status).toBe(200);
  return response.body as Doc & { _rev: string };
}

/** The rejection code of a refused write (403 with a `forbidden` reason written by the validator). */
function rejection(response: CouchResponse): string | undefined {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  const body = response.body as Reason;
  expect(body.error).toBe('forbidden');
  return parseRejection(body.reason ?? '')?.code;
}

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, 'KTB');
  await setupCentralUnit(central, 'KBM');
  // The fixtures' intake device (shared/couch/documents.fixtures).
  ktb = await centralDeviceHttp(central, 'KTB', 'X7Q');
});

afterAll(async () => {
  await stopStarted(central);
});

describe('the central server accepts', () => {
  it('a complaint, its reporter and its received event from buildIntakeDocuments', async () => {
    for (const mode of ['named', 'confidential', 'anonymous'] as const) {
      const docs = intakeDocuments('KTB', mode === 'named' ? 1 : mode === 'confidential' ? 2 : 3, mode);
      for (const doc of [docs.complaint, docs.received, ...(docs.reporter ? [docs.reporter] : [])]) {
        const response = await put(ktb, KTB_DB, doc);
        expect(response.status, `${mode} ${doc._id}: ${JSON.stringify(response.body)}`).toBe(201);
      }
    }
  });

  it('a complaint with its file, and workflow events of every kind from decideAction', async () => {
    const withFile = intakeDocuments('KTB', 4, 'named', { withFile: true });
    const file = { 'att-1': { content_type: 'image/jpeg', data: Buffer.from('jpeg').toString('base64') } };
    expect((await put(ktb, KTB_DB, { ...withFile.complaint, _attachments: file })).status).toBe(201);
    const events = ACTION_SEQUENCES.flatMap((actions, index) => {
      const intake = intakeDocuments('KTB', 10 + index, 'confidential');
      return [intake.complaint, intake.received, ...workflowEvents(intake, actions)];
    });
    // Each as the device that wrote it (the intake on X7Q, the actions on A23).
    const a23 = await centralDeviceHttp(central, 'KTB', 'A23');
    for (const [http, written] of [
      [ktb, events.filter((event) => event.deviceCode === 'X7Q')],
      [a23, events.filter((event) => event.deviceCode === 'A23')],
    ] as const) {
      const { sealed: response } = await writeDocs(http, unitDatabaseName('KTB'), written);
      expect(response.status).toBe(201);
      // A new_edits=false write answers with a row only for a refused document.
      expect(response.body).toEqual([]);
    }
    const stored = await new CouchHttp(central.adminUrl).request('POST', `${KTB_DB}/_all_docs`, {
      keys: events.map((event) => event._id),
    });
    const rows = (stored.body as { rows: readonly { error?: string }[] }).rows;
    expect(rows.filter((row) => row.error)).toEqual([]);
  });

  it('a link between two complaints: a related event on each, in one write', async () => {
    const from = intakeDocuments('KTB', 30, 'named');
    const to = intakeDocuments('KTB', 31, 'confidential');
    await writeDocs(ktb, unitDatabaseName('KTB'), [from.complaint, from.received, to.complaint, to.received]);
    // Both related events in one write, by the device that linked them (A23).
    const a23 = await centralDeviceHttp(central, 'KTB', 'A23');
    const { sealed: response } = await writeDocs(a23, unitDatabaseName('KTB'), relatedEvents(from, to));
    expect(response.status).toBe(201);
    expect(response.body).toEqual([]);
  });

  // pouchdb-server's DELETE hands the validator more than a bare tombstone: CouchDB only.
  it.skipIf(!ON_COUCHDB)('updates and deletions of the mutable documents', async () => {
    const reporter = reporterOf(intakeDocuments('KTB', 1, 'named'));
    const current = await stored(reporter);
    // A correction seals the identity anew (the server never sees it in clear).
    const corrected = { ...current, identity: fixtureSeal(`${reporter._id} corrected`) };
    expect((await put(ktb, KTB_DB, corrected)).status).toBe(201);
    for (const doc of [unitProfileDoc('KTB'), unitSettingsDoc('KTB'), unitOfficesDoc('KTB')]) {
      expect((await put(ktb, KTB_DB, doc)).status).toBe(201);
      const saved = await stored(doc);
      expect((await put(ktb, KTB_DB, { ...saved, updatedAt: '2026-11-24T00:00:00.000Z' })).status).toBe(201);
    }
    // A manager's edit of the unit profile after setup names its author; a malformed author is refused.
    const profile = await stored(unitProfileDoc('KTB'));
    const edited = {
      ...profile,
      contact: 'WA 0811-9999-0000',
      updatedAt: '2026-11-25T00:00:00.000Z',
      updatedBy: { officerId: 'officer-1', name: 'Siti' },
    };
    expect((await put(ktb, KTB_DB, { ...edited, updatedBy: { name: 'Siti' } })).status).toBe(403);
    expect((await put(ktb, KTB_DB, edited)).status).toBe(201);
    const latest = await stored(reporter);
    const deleted = await ktb.request(
      'DELETE',
      `${KTB_DB}/${encodeURIComponent(reporter._id)}?rev=${latest._rev}`,
    );
    expect(deleted.status).toBe(200);
  });

  it('a packet draft with its evidence file, then updated keeping the file', async () => {
    const draft = packetDraftDoc('KTB');
    const created = await put(ktb, KTB_DB, draft);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const saved = await stored(draft);
    const files = saved._attachments as Record<string, { length?: number; stub?: boolean }>;
    expect(files['ev-1']).toMatchObject({ stub: true, length: 14 });
    const updated = await put(ktb, KTB_DB, { ...saved, updatedAt: '2026-11-24T00:00:00.000Z' });
    expect(updated.status, JSON.stringify(updated.body)).toBe(201);
    const file = await new CouchHttp(central.adminUrl).get(
      `${KTB_DB}/${encodeURIComponent(draft._id)}?attachments=true`,
    );
    const data = (file.body as { _attachments: Record<string, { data: string }> })._attachments['ev-1']?.data;
    expect(Buffer.from(data ?? '', 'base64').toString()).toBe('%PDF-1.4 bukti');
  });

  // pouchdb-server validates a re-sent existing revision (CouchDB skips it): CouchDB only.
  it.skipIf(!ON_COUCHDB)('a replication retry that re-sends a stored complaint unchanged', async () => {
    const complaint = await stored(intakeDocuments('KTB', 2, 'confidential').complaint);
    const response = await ktb.request('POST', `${KTB_DB}/_bulk_docs`, {
      docs: [complaint],
      new_edits: false,
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual([]);
  });
});

describe('the central server refuses, with a stable code', () => {
  it('a chronology one character over the limit the app checks, and accepts one at the limit', async () => {
    const docs = intakeDocuments('KTB', 21, 'named');
    const atLimit = resealed({ ...docs.complaint, chronology: 'k'.repeat(CHRONOLOGY_MAX) });
    const atLimitResponse = await put(ktb, KTB_DB, atLimit);
    expect(atLimitResponse.status, JSON.stringify(atLimitResponse.body)).toBe(201);
    const over = resealed({ ...docs.complaint, chronology: 'k'.repeat(CHRONOLOGY_MAX + 1) });
    const response = await put(ktb, KTB_DB, over);
    expect(rejection(response)).toBe('schema');
    expect((response.body as Reason).reason).toBe(
      `schema: complaint: chronology must have at most ${CHRONOLOGY_MAX} characters`,
    );
  });

  it('a document that breaks the schema (schema)', async () => {
    const docs = intakeDocuments('KTB', 20, 'named');
    const response = await put(ktb, KTB_DB, resealed({ ...docs.complaint, title: 'x'.repeat(151) }));
    expect(rejection(response)).toBe('schema');
    expect((response.body as Reason).reason).toBe(
      'schema: complaint: title must have at most 150 characters',
    );
    expect(rejection(await put(ktb, KTB_DB, resealed({ ...docs.received, kind: 'teleport' })))).toBe(
      'schema',
    );
    const [link] = relatedEvents(docs, intakeDocuments('KTB', 21, 'named'));
    expect(
      rejection(await put(ktb, KTB_DB, resealed({ ...link, relatedTrackingNumber: 'Budi 0812-3456-7890' }))),
    ).toBe('schema');
    expect(rejection(await put(ktb, KTB_DB, { _id: 'note:1', type: 'note', unitCode: 'KTB' }))).toBe(
      'schema',
    );
  });

  it("the unit's idle lock out of 1–60 whole minutes (schema), and accepts one within", async () => {
    const current = await new CouchHttp(central.adminUrl).get(`${KTB_DB}/unit-settings`);
    const settings = current.status === 200 ? (current.body as Doc) : unitSettingsDoc('KTB');
    for (const idleLockMinutes of [0, 61, 2.5]) {
      const response = await put(ktb, KTB_DB, { ...settings, idleLockMinutes });
      expect(rejection(response), String(idleLockMinutes)).toBe('schema');
      expect((response.body as Reason).reason).toMatch(/^schema: unit-settings: idleLockMinutes/);
    }
    const accepted = await put(ktb, KTB_DB, { ...settings, idleLockMinutes: 5 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect((await stored(settings)).idleLockMinutes).toBe(5);
  });

  it("the unit's backup reminder out of 1–365 whole days (schema), and accepts one within", async () => {
    const current = await new CouchHttp(central.adminUrl).get(`${KTB_DB}/unit-settings`);
    const settings = current.status === 200 ? (current.body as Doc) : unitSettingsDoc('KTB');
    for (const backupReminderDays of [0, 366, 1.5]) {
      const response = await put(ktb, KTB_DB, { ...settings, backupReminderDays });
      expect(rejection(response), String(backupReminderDays)).toBe('schema');
      expect((response.body as Reason).reason).toMatch(/^schema: unit-settings: backupReminderDays/);
    }
    const accepted = await put(ktb, KTB_DB, { ...settings, backupReminderDays: 7 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect((await stored(settings)).backupReminderDays).toBe(7);
  });

  it("the unit's identity retention out of 1–120 whole months (schema), and accepts one within", async () => {
    const current = await new CouchHttp(central.adminUrl).get(`${KTB_DB}/unit-settings`);
    const settings = current.status === 200 ? (current.body as Doc) : unitSettingsDoc('KTB');
    for (const identityRetentionMonths of [0, 121, 1.5, '24']) {
      const response = await put(ktb, KTB_DB, { ...settings, identityRetentionMonths });
      expect(rejection(response), String(identityRetentionMonths)).toBe('schema');
      expect((response.body as Reason).reason).toMatch(/^schema: unit-settings: identityRetentionMonths/);
    }
    const accepted = await put(ktb, KTB_DB, { ...settings, identityRetentionMonths: 12 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect((await stored(settings)).identityRetentionMonths).toBe(12);
  });

  it('a file on a packet draft that evidence may not be (schema)', async () => {
    const draft = { ...packetDraftDoc('KTB'), _id: 'packet-draft:2027-upp' };
    const exe = { 'ev-1': { content_type: 'application/x-msdownload', data: 'TVo=' } };
    const response = await put(ktb, KTB_DB, { ...draft, _attachments: exe });
    expect(rejection(response)).toBe('schema');
    expect((response.body as Reason).reason).toMatch(
      /^schema: packet-draft: _attachments\.ev-1\.content_type/,
    );
  });

  it('a change to an existing event (immutable)', async () => {
    const event = await stored(intakeDocuments('KTB', 1, 'named').received);
    const response = await ktb.put(`${KTB_DB}/${encodeURIComponent(event._id)}`, {
      ...event,
      channel: 'phone',
    });
    expect(rejection(response)).toBe('immutable');
    // The same change arriving by replication (a new revision on top of the stored one).
    const replicated = {
      ...event,
      channel: 'phone',
      _rev: `2-${'f'.repeat(32)}`,
      _revisions: { start: 2, ids: ['f'.repeat(32), event._rev.slice(2)] },
    };
    const bulk = await ktb.request('POST', `${KTB_DB}/_bulk_docs`, { docs: [replicated], new_edits: false });
    const [result] = bulk.body as readonly Reason[];
    expect(result?.error).toBe('forbidden');
    expect(parseRejection(result?.reason ?? '')?.code).toBe('immutable');
    expect((await stored(event))._rev).toBe(event._rev);
  });

  it('a deletion of a complaint (immutable), even by the server admin', async () => {
    const complaint = await stored(intakeDocuments('KTB', 1, 'named').complaint);
    const path = `${KTB_DB}/${encodeURIComponent(complaint._id)}?rev=${complaint._rev}`;
    const response = await ktb.request('DELETE', path);
    expect(rejection(response)).toBe('immutable');
    expect((response.body as Reason).reason).toMatch(/^immutable: complaint documents are never deleted/);
    expect(rejection(await new CouchHttp(central.adminUrl).request('DELETE', path))).toBe('immutable');
  });

  it('a document of another unit in this unit database (unit)', async () => {
    const response = await put(ktb, KTB_DB, intakeDocuments('KBM', 1, 'named').complaint);
    expect(rejection(response)).toBe('unit');
  });

  it('a design document from a unit user (the server refuses before the validator)', async () => {
    const response = await ktb.put(`${KTB_DB}/_design/mine`, { views: {} });
    expect([401, 403]).toContain(response.status);
  });

  it("a write into another unit's database, and reading it", async () => {
    const doc = intakeDocuments('KBM', 2, 'named').complaint;
    // CouchDB answers 403 forbidden for a logged-in non-member; pouchdb-server 401 unauthorized.
    const written = await put(ktb, KBM_DB, doc);
    expect([401, 403]).toContain(written.status);
    expect((written.body as Reason).reason).toMatch(/not (allowed|authorized) to access this db/);
    const bulk = await ktb.request('POST', `${KBM_DB}/_bulk_docs`, { docs: [doc], new_edits: false });
    expect(JSON.stringify(bulk.body)).toMatch(/not (allowed|authorized) to access this db/);
    expect([401, 403]).toContain((await ktb.get(`${KBM_DB}/_all_docs`)).status);
    const kbm = await centralDeviceHttp(central, 'KBM', 'X7Q');
    expect((await kbm.get(`${KBM_DB}/${encodeURIComponent(doc._id)}`)).status).toBe(404);
  });

  it('a write with a wrong password (401)', async () => {
    const wrong = new CouchHttp(central.url).as(deviceUserName('KTB', 'X7Q'), 'not-the-password');
    const response = await put(wrong, KTB_DB, intakeDocuments('KTB', 30, 'named').complaint);
    expect(response.status).toBe(401);
    expect((response.body as Reason).error).toBe('unauthorized');
    expect((response.body as Reason).reason).toBe('Name or password is incorrect.');
  });

  it('anonymous access: the server is not in "admin party"', async () => {
    const anonymous = new CouchHttp(central.url);
    const session = await anonymous.get('_session');
    expect((session.body as { userCtx: { roles: string[] } }).userCtx.roles).not.toContain('_admin');
    expect([401, 403]).toContain((await anonymous.get(`${KTB_DB}/_all_docs`)).status);
    expect([401, 403]).toContain(
      (await put(anonymous, KTB_DB, intakeDocuments('KTB', 31, 'named').complaint)).status,
    );
  });
});
