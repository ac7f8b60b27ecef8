/**
 * The national database over real HTTP (docs/decisions/008-national-projection.md): two units
 * with named, anonymous and confidential complaints and a named complaint made confidential
 * later; `central national` (as code, over a server that still has the former replication's
 * leftovers), the projector run as code and as the CLI (`--once`, a child process). Then every
 * document of the national database, every revision of each, its changes feed and its local
 * documents are searched for the strings planted in confidential complaints and for the
 * reporter's identity: none is there. National counts per unit, month, channel and status equal
 * the units' own. The projector's and the readers' rights; a run cut short and resumed; and
 * ~5 units × a few hundred documents, timed.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp } from '../../central/couch-http';
import {
  connectAsProjector,
  runProjectorOnce,
  type ProjectorOptions,
  type ProjectorRun,
} from '../../central/national-projector';
import { registerUnitNationally, setupNational } from '../../central/national-setup';
import { newAccessDoc } from '../../shared/auth/access-record';
import type { IntakeInput } from '../../shared/complaint/intake';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import type { ComplaintDoc } from '../../shared/complaint/complaint-schema';
import type { PrivacyMode } from '../../shared/complaint/vocabulary';
import { inlineFiles } from '../../shared/couch/attachment-documents.fixtures';
import {
  NATIONAL_DATABASE_NAME,
  NATIONAL_READER_ROLE,
  PROJECTOR_USER,
  deviceUserName,
  unitDatabaseName,
} from '../../shared/couch/couch-names';
import {
  FILE_NAME,
  REPORTER_NAME,
  REPORTER_PHONE,
  storedReporter,
  unitProfileDoc,
} from '../../shared/couch/documents.fixtures';
import { reduceComplaint } from '../../shared/workflow/complaint-state';
import { decideAction } from '../../shared/workflow/decide-action';
import { eventDocSchema, type EventDoc } from '../../shared/workflow/events';
import type { WorkflowAction } from '../../shared/workflow/workflow-actions';
import {
  centralDeviceHttp,
  centralServerKind,
  writeAllAsDevices,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { writeAll } from '../support/unit-writes';
import { stopStarted } from '../support/stop-started';

const run = promisify(execFile);
const PROJECTOR_PASSWORD = 'projector-password-1';
const READER = { name: 'pusat-1', password: 'reader-password-1' };
const RECEIVED_AT = Date.parse('2026-11-23T03:04:05.678Z');

let central: CentralServer;
let admin: CouchHttp;
let projector: CouchHttp;
const logLines: string[] = [];
const projectorOptions: ProjectorOptions = { log: (line) => void logLines.push(line) };

// ---- documents ---------------------------------------------------------------------------

type Doc = Readonly<Record<string, unknown>> & Readonly<{ _id: string; _rev?: string }>;
type Step = readonly [WorkflowAction, unknown];

/** A complaint of `unitCode` with the given texts, its reporter (unless anonymous) and received event. */
function complaintOf(
  unitCode: string,
  sequence: number,
  privacyMode: PrivacyMode,
  texts: Readonly<{ title: string; chronology: string; location: string; officer: string }>,
  options: Readonly<{ month?: number; channel?: IntakeInput['channel']; withFile?: boolean }> = {},
) {
  const receivedAt = new Date(RECEIVED_AT - (options.month ?? 0) * 31 * 86_400_000 + sequence * 60_000);
  const input: IntakeInput = {
    channel: options.channel ?? 'walk-in',
    reportType: 'complaint',
    privacyMode,
    reporter:
      privacyMode === 'anonymous'
        ? { name: '', nik: '', phone: '', email: '', address: '' }
        : { name: REPORTER_NAME, nik: '', phone: REPORTER_PHONE, email: '', address: 'Jl. Melati 7' },
    title: texts.title,
    chronology: texts.chronology,
    incidentDate: '2026-06-01',
    location: texts.location,
    category: 'health',
    targetOffice: '',
    attachments: options.withFile ? [{ name: FILE_NAME, mimeType: 'image/jpeg', size: 64 }] : [],
  };
  const docs = buildIntakeDocuments(input, {
    unitCode,
    deviceCode: 'X7Q',
    sequence,
    eventSequence: sequence * 100,
    officer: { officerId: 'officer-1', name: texts.officer },
    receivedAt,
    localDate: receivedAt.toISOString().slice(0, 10),
  });
  const complaint: ComplaintDoc = options.withFile
    ? { ...docs.complaint, _attachments: inlineFiles(docs.complaint) }
    : docs.complaint;
  // The reporter as the unit stores it (sealed: the server never receives identity in clear).
  return { ...docs, complaint, reporter: docs.reporter ? storedReporter(docs.reporter) : null };
}

/** The events of `steps` on `complaint` (each must be accepted), by an officer named `officer`. */
function eventsOf(
  complaint: ComplaintDoc,
  before: readonly EventDoc[],
  steps: readonly Step[],
  officer: string,
  firstMinute = 1,
): EventDoc[] {
  const events = [...before];
  steps.forEach(([action, input], index) => {
    const decision = decideAction(
      reduceComplaint(complaint, events),
      action,
      input,
      {
        officer: { officerId: 'manager-1', name: officer },
        role: 'manager',
        deviceCode: 'A23',
        unitCode: complaint.unitCode,
      },
      {
        at: new Date(Date.parse(complaint.receivedAt) + (firstMinute + index) * 60_000),
        eventSequence: 1000 + firstMinute + index,
        localDate: complaint.receivedLocalDate,
      },
    );
    if (!decision.ok) throw new Error(`${action}: ${JSON.stringify(decision.issues)}`);
    events.push(decision.event);
  });
  return events.slice(before.length);
}

/** Workflow steps whose every text is `secret` followed by what it is. */
function handled(secret: string): Step[] {
  return [
    ['verify', { dispositionOffice: `${secret} Kantor`, note: `${secret} Catatan verifikasi` }],
    ['follow-up', { summary: `${secret} Tindak lanjut` }],
    ['note', { text: `${secret} Catatan` }],
    ['respond', { channel: 'phone', summary: `${secret} Tanggapan` }],
    ['record-reply', { summary: `${secret} Balasan`, needsFurtherAction: false }],
    ['record-satisfaction', { score: 3, comment: `${secret} Komentar`, collectedVia: 'phone' }],
  ];
}

/** Strings that must never reach the national database. */
const SECRETS: string[] = [REPORTER_NAME, REPORTER_PHONE, FILE_NAME, 'Jl. Melati 7'];
function plant(
  label: string,
): Readonly<{ title: string; chronology: string; location: string; officer: string }> {
  const texts = {
    title: `${label} Judul`,
    chronology: `${label} Kronologi`,
    location: `${label} Lokasi`,
    officer: `${label} Petugas`,
  };
  SECRETS.push(label);
  return texts;
}
const plain = (title: string) => ({
  title,
  chronology: 'Antrean di puskesmas lebih dari empat jam.',
  location: 'Puskesmas Kota',
  officer: 'Rina',
});

type UnitData = {
  unitCode: string;
  docs: Doc[];
  laterConfidential?: { complaint: ComplaintDoc; events: EventDoc[] };
};

/** KTB: named (handled), anonymous, confidential (planted, handled, with a file), named turning confidential later. */
function ktbData(): UnitData {
  const named = complaintOf('KTB', 1, 'named', plain('Antrean puskesmas KTB'), { channel: 'phone' });
  const anonymous = complaintOf('KTB', 2, 'anonymous', plain('Pungutan di loket KTB'), { month: 1 });
  const confidential = complaintOf('KTB', 3, 'confidential', plant('RAHASIA-KTB-3'), { withFile: true });
  const later = complaintOf('KTB', 4, 'named', plant('RAHASIA-KTB-4'), { channel: 'whatsapp-sms' });
  const laterEvents = eventsOf(
    later.complaint,
    [later.received],
    handled('RAHASIA-KTB-4').slice(0, 3),
    'RAHASIA-KTB-4 Pejabat',
  );
  return {
    unitCode: 'KTB',
    docs: [
      { ...unitProfileDoc('KTB'), unitName: 'Unit Pengaduan Kota Tebing' },
      ...[named, anonymous, confidential, later].flatMap((set) => [
        set.complaint,
        set.received,
        ...(set.reporter ? [set.reporter] : []),
      ]),
      ...eventsOf(named.complaint, [named.received], handled('Kota'), 'Maya'),
      ...eventsOf(
        confidential.complaint,
        [confidential.received],
        handled('RAHASIA-KTB-3'),
        'RAHASIA-KTB-3 Pejabat',
      ),
      ...laterEvents,
    ],
    laterConfidential: { complaint: later.complaint, events: [later.received, ...laterEvents] },
  };
}

/** KBM: confidential (planted, archived with a reason text), named, confidential anonymous-channel. */
function kbmData(): UnitData {
  const confidential = complaintOf('KBM', 1, 'confidential', plant('RAHASIA-KBM-1'), { channel: 'letter' });
  const named = complaintOf('KBM', 2, 'named', plain('Jalan rusak KBM'));
  const second = complaintOf('KBM', 3, 'confidential', plant('RAHASIA-KBM-3'), { month: 2 });
  return {
    unitCode: 'KBM',
    docs: [
      { ...unitProfileDoc('KBM'), unitName: 'Unit Pengaduan Kabupaten Bima' },
      ...[confidential, named, second].flatMap((set) => [
        set.complaint,
        set.received,
        ...(set.reporter ? [set.reporter] : []),
      ]),
      ...eventsOf(
        confidential.complaint,
        [confidential.received],
        [
          ['hold', { reason: 'RAHASIA-KBM-1 Alasan tunda', until: '2027-12-31' }],
          [
            'correct',
            { field: 'location', newValue: 'RAHASIA-KBM-1 Lokasi baru', reason: 'RAHASIA-KBM-1 Koreksi' },
          ],
          ['archive', { reason: 'other', otherText: 'RAHASIA-KBM-1 Arsip' }],
        ],
        'RAHASIA-KBM-1 Pejabat',
      ),
      ...eventsOf(
        second.complaint,
        [second.received],
        [['not-our-authority', { forwardedTo: 'RAHASIA-KBM-3 Instansi', note: 'RAHASIA-KBM-3 Catatan' }]],
        'RAHASIA-KBM-3 Pejabat',
      ),
    ],
  };
}

async function writeUnit(unitCode: string, docs: readonly Doc[]): Promise<void> {
  // Each record as the device it names (the server checks it); the rest as the intake device.
  await writeAllAsDevices(central, unitCode, docs);
}

// ---- reading the national database -------------------------------------------------------

type Row = Readonly<{ id: string; doc?: Doc }>;

async function nationalRows(http = admin): Promise<Row[]> {
  const response = await http.get(`${NATIONAL_DATABASE_NAME}/_all_docs?include_docs=true`);
  expect(response.status).toBe(200);
  return (response.body as { rows: Row[] }).rows;
}

/** The projection documents (complaints and profiles), without revisions, by id. */
async function projection(): Promise<Map<string, Doc>> {
  const rows = await nationalRows();
  return new Map(
    rows
      .filter((row) => row.id.startsWith('complaint:') || row.id.startsWith('unit-profile:'))
      .map((row) => {
        const { _rev: _revision, ...doc } = row.doc as Doc;
        return [row.id, doc];
      }),
  );
}

/**
 * Everything the national database can hand out: every document, every revision of each that
 * still has a body (`revs_info`), all leaves (`open_revs=all&revs=true`), the changes feed with
 * documents, and the local documents. As one JSON text.
 */
async function everythingNational(): Promise<string> {
  const parts: unknown[] = [];
  const rows = await nationalRows();
  parts.push(rows);
  for (const row of rows) {
    const path = `${NATIONAL_DATABASE_NAME}/${encodeURIComponent(row.id)}`;
    const leaves = await admin.get(`${path}?revs=true&open_revs=all`);
    expect(leaves.status).toBe(200);
    parts.push(leaves.body);
    const info = await admin.get(`${path}?revs_info=true`);
    const revisions = (info.body as { _revs_info?: { rev: string; status: string }[] })._revs_info ?? [];
    for (const revision of revisions) {
      const old = await admin.get(`${path}?rev=${encodeURIComponent(revision.rev)}`);
      if (revision.status === 'available') expect(old.status).toBe(200);
      if (old.status === 200) parts.push(old.body);
    }
  }
  const changes = await admin.get(`${NATIONAL_DATABASE_NAME}/_changes?include_docs=true&style=all_docs`);
  expect(changes.status).toBe(200);
  parts.push(changes.body);
  const local = await admin.get(`${NATIONAL_DATABASE_NAME}/_local_docs?include_docs=true`);
  if (local.status === 200) parts.push(local.body);
  return JSON.stringify(parts);
}

function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

/** Counts per unit, month, channel and status, from the national projection. */
function nationalCounts(docs: Iterable<Doc>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const doc of docs) {
    if (doc.type !== 'national-complaint') continue;
    const key = [doc.unitCode, doc.receivedMonth, doc.channel, doc.status].join(' ');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** The same counts from a unit database itself (read as server admin, reduced by the app's reducer). */
async function unitCounts(unitCode: string): Promise<Record<string, number>> {
  const response = await admin.get(`${unitDatabaseName(unitCode)}/_all_docs?include_docs=true`);
  const docs = (response.body as { rows: Row[] }).rows.map((row) => row.doc as Doc);
  const events = docs.filter((doc) => doc.type === 'event').map((doc) => eventDocSchema.parse(doc));
  const counts: Record<string, number> = {};
  for (const doc of docs) {
    if (doc.type !== 'complaint') continue;
    const complaint = doc as unknown as ComplaintDoc;
    const state = reduceComplaint(complaint, events);
    const key = [unitCode, complaint.receivedLocalDate.slice(0, 7), state.current.channel, state.status].join(
      ' ',
    );
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function projectOnce(options: ProjectorOptions = {}): Promise<ProjectorRun> {
  const result = await runProjectorOnce(projector, { ...projectorOptions, ...options });
  expect(result.units.filter((unit) => unit.error !== null)).toEqual([]);
  return result;
}

// ---- the scenario ------------------------------------------------------------------------

let ktb: UnitData;
let kbm: UnitData;
let namedBeforeTurn: { id: string; rev: string } | undefined;
const ACCESS_PROBE = 'officer-national-probe';
const ACCESS_RECORD = newAccessDoc(
  { kind: 'sign-in', officerId: ACCESS_PROBE },
  { unitCode: 'KTB', deviceCode: 'X7Q' },
  new Date('2026-11-23T01:00:00.000Z'),
);

beforeAll(async () => {
  if (!COUCHDB) return;
  central = await startCentralServer();
  admin = new CouchHttp(central.adminUrl);
  projector = new CouchHttp(central.url).as(PROJECTOR_USER, PROJECTOR_PASSWORD);
  await setupCentralUnit(central, 'KTB');
  await setupCentralUnit(central, 'KBM');
  ktb = ktbData();
  kbm = kbmData();
  await writeUnit('KTB', ktb.docs);
  await writeUnit('KBM', kbm.docs);
  // An access record (decision 016): the projection must not take it.
  await writeUnit('KTB', [ACCESS_RECORD]);
  // What the former set-up left: a `_replicator` document with the admin password, and raw
  // unit documents (with their text) copied into the national database.
  expect([201, 412]).toContain((await admin.put('_replicator', undefined)).status);
  const via = admin.urlWithCredentials('');
  const replication = {
    source: `${via}${unitDatabaseName('KTB')}`,
    target: `${via}${NATIONAL_DATABASE_NAME}-old`,
    continuous: true,
  };
  expect((await admin.put('_replicator/meja-aduan-national-ktb', replication)).status).toBe(201);
  expect((await admin.put(NATIONAL_DATABASE_NAME, undefined)).status).toBe(201);
  const oldCopies = ktb.docs.filter((doc) => doc.type === 'complaint' || doc.type === 'event');
  await writeAll(admin, NATIONAL_DATABASE_NAME, oldCopies);
  await admin.put(`_users/org.couchdb.user:${READER.name}`, {
    name: READER.name,
    password: READER.password,
    roles: [NATIONAL_READER_ROLE],
    type: 'user',
  });
}, 120_000);

afterAll(async () => {
  await stopStarted(central);
});

/**
 * The projector needs Apache CouchDB (pouchdb-server has no `_selector` changes filter, no
 * `_purge`, and `_all_docs/queries` ends it); on the fallback only the refusal is tested.
 */
const COUCHDB = centralServerKind().kind === 'couchdb';

describe.skipIf(!COUCHDB)('central national', () => {
  it('sets up the national database, the projector user and the registry; removes the old replication and copies', async () => {
    expect(await everythingNational()).toContain('RAHASIA-KTB-3 Judul'); // what the old replication copied
    const first = await setupNational(admin, { projectorPassword: PROJECTOR_PASSWORD });
    expect(first.units).toEqual(['KBM', 'KTB']);
    const outcomes = Object.fromEntries(
      first.steps.map((step) => [`${step.what} ${step.name}`, step.outcome]),
    );
    expect(outcomes['migration _replicator meja-aduan-national-*']).toBe('removed 1');
    expect(outcomes['migration replicated unit documents']).toMatch(/^purged \d+; compaction started$/);
    expect(first.projector).toEqual({ user: PROJECTOR_USER, generatedPassword: null });
    const second = await setupNational(admin);
    expect(second.steps.map((step) => step.outcome)).toEqual(
      second.steps.map((step) =>
        ['exists', 'unchanged', 'none', 'exists (password unchanged)'].includes(step.outcome) ||
        /^unchanged/.test(step.outcome)
          ? step.outcome
          : `expected no change: ${step.what} ${step.name}`,
      ),
    );
    // Nothing of the former set-up is left: no replication (so no stored password), no raw copy.
    const replicator = await admin.get('_replicator/_all_docs?include_docs=true');
    const replicatorText = JSON.stringify(replicator.body);
    expect(replicatorText).not.toContain('meja-aduan-national');
    expect(replicatorText).not.toMatch(/password|central-admin/);
    expect(leaks(await everythingNational(), SECRETS)).toEqual([]);
  });

  it('projects both units; no planted text, tracking number of a confidential complaint or identity anywhere', async () => {
    const result = await projectOnce();
    // Access records stay in their unit.
    expect((await nationalRows()).filter((row) => row.id.startsWith('access:'))).toEqual([]);
    expect(await everythingNational()).not.toContain(ACCESS_PROBE);
    expect(result.units.map((unit) => [unit.unitCode, unit.caughtUp])).toEqual([
      ['KBM', true],
      ['KTB', true],
    ]);
    const docs = await projection();
    expect([...docs.keys()].filter((id) => id.startsWith('complaint:'))).toHaveLength(7);
    const confidentialTracking = [...ktb.docs, ...kbm.docs]
      .filter((doc) => doc.type === 'complaint' && doc.privacyMode === 'confidential')
      .map((doc) => String(doc.trackingNumber));
    expect(confidentialTracking).toHaveLength(3);
    // The complaint turning confidential later is named now: its text is there, as it may be.
    const everything = await everythingNational();
    expect(everything).toContain('RAHASIA-KTB-4 Judul');
    expect(
      leaks(everything, [
        ...SECRETS.filter((secret) => !secret.startsWith('RAHASIA-KTB-4')),
        ...confidentialTracking,
      ]),
    ).toEqual([]);
    const laterId = [...docs.values()].find((doc) => doc.title === 'RAHASIA-KTB-4 Judul')?._id;
    const stored = await admin.get(`${NATIONAL_DATABASE_NAME}/${encodeURIComponent(String(laterId))}`);
    namedBeforeTurn = { id: String(laterId), rev: (stored.body as Doc)._rev ?? '' };
    expect(namedBeforeTurn.rev).not.toBe('');
  });

  it('counts per unit, month, channel and status equal the units’ own', async () => {
    const expected = { ...(await unitCounts('KTB')), ...(await unitCounts('KBM')) };
    expect(Object.keys(expected).length).toBeGreaterThan(3);
    expect(nationalCounts((await projection()).values())).toEqual(expected);
  });

  it('a complaint made confidential later is overwritten, and its earlier revisions with text are gone', async () => {
    const later = ktb.laterConfidential;
    if (!later || !namedBeforeTurn) throw new Error('scenario');
    // Why compaction is needed: CouchDB hands out an overwritten revision's body until then.
    const path = `${NATIONAL_DATABASE_NAME}/checkpoint:ZZ`;
    const base = { type: 'national-checkpoint', schemaVersion: 1, unitCode: 'ZZ' };
    const first = await projector.put(path, { ...base, since: 'first' });
    await projector.put(path, { ...base, since: 'second', _rev: (first.body as { rev: string }).rev });
    const kept = await projector.get(`${path}?rev=${(first.body as { rev: string }).rev}`);
    expect(kept.body).toMatchObject({ since: 'first' });
    const turn = eventsOf(
      later.complaint,
      later.events,
      [
        ['change-privacy', { to: 'confidential', reason: 'RAHASIA-KTB-4 Pelapor takut' }],
        ['note', { text: 'RAHASIA-KTB-4 Catatan sesudah' }],
      ],
      'RAHASIA-KTB-4 Pejabat',
      10,
    );
    await writeUnit('KTB', turn);
    const result = await projectOnce();
    expect(result.units.find((unit) => unit.unitCode === 'KTB')?.turnedConfidential).toBe(1);
    expect(result.compacted).toBe(1);
    const doc = (await projection()).get(namedBeforeTurn.id);
    expect(doc).toMatchObject({ privacyMode: 'confidential', status: 'followed-up' });
    const old = await admin.get(
      `${NATIONAL_DATABASE_NAME}/${encodeURIComponent(namedBeforeTurn.id)}?rev=${encodeURIComponent(namedBeforeTurn.rev)}`,
    );
    expect(old.status).toBe(404);
    expect(leaks(await everythingNational(), [...SECRETS, later.complaint.trackingNumber])).toEqual([]);
    expect(nationalCounts((await projection()).values())).toEqual({
      ...(await unitCounts('KTB')),
      ...(await unitCounts('KBM')),
    });
    expect((await admin.get(`${NATIONAL_DATABASE_NAME}/compaction-pending`)).body).toMatchObject({
      pending: [],
    });
  });

  it('makes both units’ profiles readable nationally', async () => {
    const reader = new CouchHttp(central.url).as(READER.name, READER.password);
    const ktbProfile = await reader.get(`${NATIONAL_DATABASE_NAME}/unit-profile:KTB`);
    const kbmProfile = await reader.get(`${NATIONAL_DATABASE_NAME}/unit-profile:KBM`);
    expect([ktbProfile.status, kbmProfile.status]).toEqual([200, 200]);
    expect(ktbProfile.body).toMatchObject({
      unitName: 'Unit Pengaduan Kota Tebing',
      type: 'national-unit-profile',
    });
    expect(kbmProfile.body).toMatchObject({
      unitName: 'Unit Pengaduan Kabupaten Bima',
      contact: '021-555-0100',
    });
  });

  it('rights: the projector reads units but cannot write them nor read _users; readers read but never write', async () => {
    const database = unitDatabaseName('KTB');
    expect((await projector.get(`${database}/_all_docs?limit=1`)).status).toBe(200);
    const profile = (await projector.get(`${database}/unit-profile`)).body as Doc;
    const write = await projector.put(`${database}/unit-profile`, { ...profile, contact: '0800' });
    expect(write.status).toBe(403);
    expect((write.body as { reason?: string }).reason).toMatch(/^unit: /);
    const bulk = await projector.request('POST', `${database}/_bulk_docs`, {
      docs: [{ _id: 'x', type: 'note' }],
    });
    expect(JSON.stringify(bulk.body)).toMatch(/forbidden/);
    expect([401, 403]).toContain((await projector.get('_users/_all_docs')).status);
    expect([401, 403]).toContain(
      (await projector.get(`_users/org.couchdb.user:${deviceUserName('KTB', 'X7Q')}`)).status,
    );
    expect([401, 403]).toContain((await projector.get('_all_dbs')).status);

    const reader = new CouchHttp(central.url).as(READER.name, READER.password);
    const rows = await nationalRows(reader);
    expect(rows.length).toBeGreaterThan(7);
    const doc = rows.find((row) => row.id.startsWith('complaint:'))?.doc as Doc;
    const changed = await reader.put(`${NATIONAL_DATABASE_NAME}/${encodeURIComponent(doc._id)}`, {
      ...doc,
      status: 'closed',
    });
    expect(changed.status).toBe(403);
    expect((changed.body as { reason?: string }).reason).toMatch(/^unit: /);
    expect([401, 403]).toContain((await reader.get(`${unitDatabaseName('KTB')}/_all_docs`)).status);
    const unit = await centralDeviceHttp(central, 'KTB', 'X7Q');
    expect([401, 403]).toContain((await unit.get(`${NATIONAL_DATABASE_NAME}/_all_docs`)).status);
    // Even the projector and server admins cannot put text into a confidential projection.
    const confidential = rows.find((row) => row.doc?.privacyMode === 'confidential')?.doc as Doc;
    for (const who of [projector, admin]) {
      const leak = await who.put(`${NATIONAL_DATABASE_NAME}/${encodeURIComponent(confidential._id)}`, {
        ...confidential,
        title: 'RAHASIA',
      });
      expect(leak.status).toBe(403);
      expect((leak.body as { reason?: string }).reason).toMatch(/^privacy: /);
    }
  });

  it('runs as the CLI with --once, as a child process, and finds nothing left to do', async () => {
    const url = new URL(central.url);
    url.username = PROJECTOR_USER;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'central/cli.ts', 'national-projector', '--url', url.href, '--once'],
      { timeout: 60_000, env: { ...process.env, MEJA_ADUAN_PROJECTOR_PASSWORD: PROJECTOR_PASSWORD } },
    );
    expect(stdout).toMatch(
      /National projection: 2 unit\(s\), 0 change\(s\) read, 0 complaint\(s\) projected, 0 document\(s\) written/,
    );
    const usage = await run(process.execPath, [
      '--import',
      'tsx',
      'central/cli.ts',
      'national',
      '--url',
      central.adminUrl,
      '--replicate-via',
      central.adminUrl,
    ]).catch((error: unknown) => error);
    expect(usage).toMatchObject({ code: 2 });
    expect((usage as { stderr: string }).stderr).toMatch(/--replicate-via is gone/);
  });

  it('a run cut short and resumed gives the same national database: no duplicates, nothing lost', async () => {
    const complete = await projection();
    // Start afresh: a new national database, then runs stopped after one batch of 3 changes per unit.
    expect((await admin.request('DELETE', NATIONAL_DATABASE_NAME)).status).toBe(200);
    await setupNational(admin);
    const partial = await projectOnce({ batchSize: 3, maxBatches: 1 });
    expect(partial.units.every((unit) => !unit.caughtUp)).toBe(true);
    const afterOne = await projection();
    expect(afterOne.size).toBeGreaterThan(0);
    expect(afterOne.size).toBeLessThan(complete.size);
    await projectOnce({ batchSize: 3, maxBatches: 2 });
    // The CLI, as cron would run it after the interruption.
    const url = new URL(central.url);
    url.username = PROJECTOR_USER;
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'central/cli.ts',
        'national-projector',
        '--url',
        url.href,
        '--once',
        '--batch-size',
        '4',
      ],
      {
        timeout: 60_000,
        env: { ...process.env, MEJA_ADUAN_PROJECTOR_PASSWORD: PROJECTOR_PASSWORD },
      },
    );
    const resumed = await projection();
    expect(resumed).toEqual(complete);
    expect((await projectOnce()).written).toBe(0);
  });

  it('runs as a service without --once, picks up new records, and stops on SIGTERM', async () => {
    const url = new URL(central.url);
    url.username = PROJECTOR_USER;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'central/cli.ts', 'national-projector', '--url', url.href, '--interval', '0.5'],
      { env: { ...process.env, MEJA_ADUAN_PROJECTOR_PASSWORD: PROJECTOR_PASSWORD } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const until = async (done: () => Promise<boolean>, what: string): Promise<void> => {
        const deadline = Date.now() + 30_000;
        while (!(await done())) {
          if (Date.now() > deadline) throw new Error(`${what} within 30 s; output:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      await until(() => Promise.resolve(output.includes('national projector on')), 'not started');
      const extra = complaintOf('KTB', 8, 'anonymous', plain('Parkir liar KTB'));
      await writeUnit('KTB', [extra.complaint, extra.received]);
      await until(
        async () => [...(await projection()).values()].some((doc) => doc.title === 'Parkir liar KTB'),
        'not projected',
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toMatch(/stopped/);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('catches up with what units wrote meanwhile', async () => {
    const extra = complaintOf('KBM', 9, 'confidential', plant('RAHASIA-KBM-9'));
    await writeUnit('KBM', [extra.complaint, extra.received, ...(extra.reporter ? [extra.reporter] : [])]);
    const result = await projectOnce();
    expect(result.units.find((unit) => unit.unitCode === 'KBM')).toMatchObject({ complaints: 1, written: 1 });
    expect(leaks(await everythingNational(), SECRETS)).toEqual([]);
    expect(nationalCounts((await projection()).values())).toEqual({
      ...(await unitCounts('KTB')),
      ...(await unitCounts('KBM')),
    });
  });
});

describe.skipIf(!COUCHDB)('central national at some scale', () => {
  const UNITS = ['SA', 'SB', 'SC', 'SD', 'SE'];
  const COMPLAINTS = 100;

  it(`projects ${UNITS.length} units × ${COMPLAINTS} complaints with their events`, async () => {
    const modes: PrivacyMode[] = ['named', 'anonymous', 'confidential'];
    const expectedDocs: Record<string, number> = {};
    for (const unitCode of UNITS) {
      await setupCentralUnit(central, unitCode);
      const docs: Doc[] = [];
      for (let sequence = 1; sequence <= COMPLAINTS; sequence += 1) {
        const mode = modes[sequence % 3] ?? 'named';
        const set = complaintOf(unitCode, sequence, mode, plain(`Aduan ${unitCode} ${sequence}`), {
          month: sequence % 4,
        });
        docs.push(set.complaint, set.received, ...(set.reporter ? [set.reporter] : []));
        docs.push(
          ...eventsOf(
            set.complaint,
            [set.received],
            handled(`Skala ${unitCode}`).slice(0, sequence % 7),
            'Maya',
          ),
        );
      }
      expectedDocs[unitCode] = docs.length;
      await writeUnit(unitCode, docs);
      // What `central setup` does for a unit set up after `central national`.
      expect(await registerUnitNationally(admin, unitCode)).toMatch(/^updated/);
    }
    const started = Date.now();
    const first = await projectOnce();
    const firstMs = Date.now() - started;
    const again = Date.now();
    const second = await projectOnce();
    const secondMs = Date.now() - again;
    const docs = await projection();
    for (const unitCode of UNITS) {
      expect(
        [...docs.values()].filter((doc) => doc.unitCode === unitCode && doc.type === 'national-complaint'),
      ).toHaveLength(COMPLAINTS);
      expect(nationalCounts([...docs.values()].filter((doc) => doc.unitCode === unitCode))).toEqual(
        await unitCounts(unitCode),
      );
    }
    expect(second.written).toBe(0);
    const unitDocs = Object.values(expectedDocs).reduce((sum, count) => sum + count, 0);
    const changes = first.units
      .filter((unit) => UNITS.includes(unit.unitCode))
      .reduce((sum, unit) => sum + unit.changes, 0);
    console.log(
      `national projector on ${central.kind}: ${UNITS.length} units, ${unitDocs} unit documents (${changes} changes), ` +
        `${first.written} national documents written in ${firstMs} ms; a second run with nothing to do: ${secondMs} ms`,
    );
  }, 300_000);

  // Last: CouchDB 3.5 applies a changed password only seconds later (its authentication cache),
  // and refusals meanwhile count towards its lockout, so no test signs in as the projector after.
  it('generates the projector password when none is given (printed once by the CLI)', async () => {
    const user = `_users/org.couchdb.user:${PROJECTOR_USER}`;
    const stored = (await admin.get(user)).body as Doc;
    expect((await admin.request('DELETE', `${user}?rev=${stored._rev ?? ''}`)).status).toBe(200);
    const result = await setupNational(admin);
    expect(result.steps.find((step) => step.what === 'user')?.outcome).toBe(
      'created (role meja-aduan-projector)',
    );
    const generated = result.projector.generatedPassword;
    expect(generated).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await admin.get(user)).body).toMatchObject({
      roles: ['meja-aduan-projector'],
      password_scheme: expect.any(String) as unknown,
    });
    expect(JSON.stringify((await admin.get(user)).body)).not.toContain(String(generated));
  });
});

describe.skipIf(COUCHDB)('central national on pouchdb-server', () => {
  it('sets the national database up, but the projector says it needs CouchDB', async () => {
    const server = await startCentralServer();
    try {
      const http = new CouchHttp(server.adminUrl);
      await setupCentralUnit(server, 'KTB');
      expect((await setupNational(http, { projectorPassword: PROJECTOR_PASSWORD })).units).toEqual(['KTB']);
      const url = new URL(server.url);
      url.username = PROJECTOR_USER;
      url.password = PROJECTOR_PASSWORD;
      await expect(connectAsProjector(url.href)).rejects.toThrow(/needs Apache CouchDB/);
    } finally {
      await server.stop();
    }
  });
});
