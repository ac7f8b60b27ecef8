/**
 * Records cannot be changed on the server by any write path, as the holder of a unit's password
 * would try over real HTTP: a forged sibling or a disjoint history of a complaint or an event
 * (`_bulk_docs` with `new_edits: false`, as PouchDB's replicator sends), a second generation, a
 * plain PUT/POST of other content, an update on top of the stored revision, a deletion. Then a
 * device that nevertheless receives a forged sibling (from a central that lost its validator)
 * keeps the content the id names and reports the complaint as tampered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp, type CouchResponse } from '../../central/couch-http';
import { UNIT_DESIGN_DOC_ID, unitDatabaseName } from '../../shared/couch/couch-names';
import { forReplicationWrite } from '../../shared/couch/revision-writes';
import { intakeDocuments, workflowEvents } from '../../shared/couch/documents.fixtures';
import { parseRejection } from '../../shared/couch/rejection';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import {
  ON_COUCHDB,
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { writeAll } from '../support/unit-writes';
import { UNIT, createDevice, deviceSyncConfig, waitFor, type Device } from './sync-support';
import { stopStarted } from '../support/stop-started';

let central: CentralServer;
let unit: CouchHttp;
let admin: CouchHttp;
const DB = unitDatabaseName(UNIT);
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  // The fixtures' intake device (shared/couch/documents.fixtures).
  unit = await centralDeviceHttp(central, UNIT, 'X7Q');
  admin = new CouchHttp(central.adminUrl);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

const path = (id: string): string => `${DB}/${encodeURIComponent(id)}`;

/** The classified reason of a refused write (a single answer, or the first row of a bulk answer). */
function refusalCode(response: CouchResponse): string | null {
  const body = Array.isArray(response.body) ? (response.body as unknown[])[0] : response.body;
  const reason = (body as { error?: string; reason?: unknown } | undefined)?.reason;
  if (response.status === 201 && (body === undefined || !(body as { error?: string }).error)) return null;
  return typeof reason === 'string' ? (parseRejection(reason)?.code ?? reason) : `HTTP ${response.status}`;
}

async function replicate(docs: readonly object[]): Promise<CouchResponse> {
  return unit.request('POST', `${DB}/_bulk_docs`, { docs, new_edits: false });
}

async function leaves(id: string): Promise<Record<string, unknown>[]> {
  const response = await admin.request('GET', `${path(id)}?open_revs=all`, undefined);
  expect(response.status).toBe(200);
  return (response.body as { ok?: Record<string, unknown> }[]).flatMap((leaf) => (leaf.ok ? [leaf.ok] : []));
}

describe('a stored complaint and its trail, against the unit’s own credentials', () => {
  const intake = intakeDocuments(UNIT, 1, 'named');
  const [note] = workflowEvents(intake, ['note']);

  beforeAll(async () => {
    if (!note || !intake.reporter) throw new Error('fixture');
    await writeAll(unit, DB, [intake.complaint, intake.reporter, intake.received]);
    // The note was written on device A23 (the server checks each record's device).
    await writeAll(await centralDeviceHttp(central, UNIT, 'A23'), DB, [note]);
  });

  // pouchdb-server validates a re-sent existing revision (CouchDB skips it): CouchDB only.
  it.skipIf(!ON_COUCHDB).each([
    ['complaint', () => intake.complaint, { title: 'Judul palsu' }],
    ['event', () => note, { text: 'Catatan palsu' }],
  ] as const)('a %s cannot be replaced through any write path', async (_kind, original, change) => {
    const doc = original() as unknown as Record<string, unknown> & { _id: string; _rev: string };
    const hash = doc._id.slice(-64);
    const forged = { ...doc, ...change };
    const attempts: readonly [string, Promise<CouchResponse>][] = [
      // A sibling with a disjoint history: CouchDB calls the validator with oldDoc = null.
      [
        'disjoint sibling',
        replicate([{ ...forged, _rev: '1-ffff', _revisions: { start: 1, ids: ['ffff'] } }]),
      ],
      // The same generation and revision id as the original, other content: skipped by CouchDB.
      ['same revision', replicate([forReplicationWrite(forged)])],
      [
        'same content, other revision',
        replicate([{ ...doc, _rev: '1-0000', _revisions: { start: 1, ids: ['0000'] } }]),
      ],
      [
        'a second generation',
        replicate([{ ...forged, _rev: '2-eeee', _revisions: { start: 2, ids: ['eeee', hash] } }]),
      ],
      [
        'a higher generation, disjoint',
        replicate([{ ...forged, _rev: '9-dddd', _revisions: { start: 9, ids: ['dddd'] } }]),
      ],
      ['a PUT on top of the stored revision', unit.put(path(doc._id), forged)],
      ['a bulk update', unit.request('POST', `${DB}/_bulk_docs`, { docs: [forged] })],
      ['a deletion', unit.request('DELETE', `${path(doc._id)}?rev=${encodeURIComponent(doc._rev)}`)],
      [
        'a replicated deletion',
        replicate([
          { _id: doc._id, _rev: '2-cccc', _revisions: { start: 2, ids: ['cccc', hash] }, _deleted: true },
        ]),
      ],
    ];
    for (const [label, attempt] of attempts) {
      const response = await attempt;
      // CouchDB skips a revision it already has (the "same revision" case): nothing is written.
      if (label === 'same revision') {
        expect(response.status, label).toBe(201);
        expect(response.body, label).toEqual([]);
        continue;
      }
      expect(refusalCode(response), label).toBe('immutable');
    }
    const stored = await leaves(doc._id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      _rev: doc._rev,
      ...Object.fromEntries(Object.keys(change).map((k) => [k, doc[k]])),
    });
    expect(
      (await admin.get(`${path(doc._id)}?conflicts=true&deleted_conflicts=true`)).body,
    ).not.toHaveProperty('_conflicts');
  });

  it('a new complaint written as a plain PUT (new_edits=true) or with content its id does not name is refused', async () => {
    const other = intakeDocuments(UNIT, 2, 'anonymous');
    const { _rev: _ignored, ...unrevised } = other.complaint;
    expect(refusalCode(await unit.put(path(other.complaint._id), unrevised))).toBe('immutable');
    const lying = { ...forReplicationWrite(other.complaint), title: 'Bukan judul aslinya' };
    expect(refusalCode(await replicate([lying]))).toBe('immutable');
    expect((await admin.get(path(other.complaint._id))).status).toBe(404);
    // Written as the app writes it, the same complaint is accepted.
    await writeAll(unit, DB, [other.complaint, other.received]);
    expect((await admin.get(path(other.complaint._id))).status).toBe(200);
  });
});

describe('a device that receives a forged sibling anyway', () => {
  it('keeps the content the id names and reports the complaint as tampered', async () => {
    const a = createDevice('A23');
    const b = createDevice('B45');
    devices.push(a, b);
    const intake = intakeDocuments(UNIT, 5, 'anonymous', { deviceCode: 'A23' });
    const [note] = workflowEvents(intake, ['note']);
    if (!note) throw new Error('fixture');
    const repoB = new ComplaintRepository(b.db);
    await a.db.bulkDocs([intake.complaint, intake.received, note] as PouchDB.Core.PutDocument<object>[], {
      new_edits: false,
    });
    await Promise.all([
      a.service.start(await deviceSyncConfig(central, a.code)),
      b.service.start(await deviceSyncConfig(central, b.code)),
    ]);
    await waitFor(async () => (await repoB.detail(intake.complaint._id)) !== undefined, 20_000);
    expect((await repoB.detail(intake.complaint._id))?.tampered).toEqual([]);

    // A central from before the content check: the validator is gone, and the holder of the unit
    // password plants siblings that win CouchDB's revision choice (a higher revision id).
    const design = await admin.get(path(UNIT_DESIGN_DOC_ID));
    const rev = (design.body as { _rev: string })._rev;
    expect((await admin.request('DELETE', `${path(UNIT_DESIGN_DOC_ID)}?rev=${rev}`)).status).toBe(200);
    const forgedComplaint = { ...intake.complaint, title: 'Judul yang dipalsukan' };
    const forgedNote = { ...note, text: 'Catatan yang dipalsukan' };
    // 32 hex digits, read by CouchDB as 16 bytes of 0xff: above any real revision id. (A shorter id
    // is kept as its ASCII text, 'f' = 0x66, and loses to every real id starting above 0x66.)
    const top = 'f'.repeat(32);
    const forged = [
      { ...forgedComplaint, _rev: `1-${top}`, _revisions: { start: 1, ids: [top] } },
      { ...forgedNote, _rev: `1-${top}`, _revisions: { start: 1, ids: [top] } },
    ];
    // CouchDB may still judge a write by the deleted validator for a moment (its design document
    // cache): plant until nothing is refused.
    await waitFor(
      async () => {
        const planted = await replicate(forged);
        return planted.status === 201 && Array.isArray(planted.body) && planted.body.length === 0;
      },
      20_000,
      () => 'the forged siblings were still refused',
    );
    expect((await admin.get(path(intake.complaint._id))).body).toMatchObject({
      title: 'Judul yang dipalsukan',
    });

    b.service.syncNow();
    await waitFor(
      async () => ((await repoB.detail(intake.complaint._id))?.tampered.length ?? 0) === 2,
      20_000,
    );
    const detail = await repoB.detail(intake.complaint._id);
    expect(detail?.complaint.title).toBe(intake.complaint.title);
    expect(detail?.events.find((event) => event._id === note._id)).toMatchObject({
      text: note.kind === 'note' ? note.text : '',
    });
    expect([...(detail?.tampered ?? [])].sort()).toEqual([intake.complaint._id, note._id].sort());
    expect(detail?.state.trail.some((entry) => JSON.stringify(entry).includes('dipalsukan'))).toBe(false);
  });
});
