/**
 * The central server's rules for files, file names, anonymous complaints, reporter documents,
 * calendar dates and tombstones, over real HTTP to the test central (Apache CouchDB 3.5 where
 * found, else pouchdb-server) with unit KTB set up by `central setup`'s own code, written with the
 * UNIT's credentials (not an admin). Documents come from the shared fixtures
 * (shared/couch/documents.fixtures), changed and sealed again (shared/ids/content-id.fixtures) where a
 * test needs another body; sealed documents go as a replication writes them (`new_edits=false`
 * with their `_revisions`), the others as a normal PUT. Files go inline as base64 with their
 * real sizes (CouchDB hands the validator stubs with a `length`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp, type CouchResponse } from '../../central/couch-http';
import type { AttachmentMeta } from '../../shared/complaint/complaint-schema';
import { FILE_NAME_MAX } from '../../shared/complaint/file-names';
import { base64Of, fileBytes, inlineFiles } from '../../shared/couch/attachment-documents.fixtures';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { forReplicationWrite } from '../../shared/couch/revision-writes';
import { intakeDocuments, reporterOf, unitSettingsDoc } from '../../shared/couch/documents.fixtures';
import { resealed } from '../../shared/ids/content-id.fixtures';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { isSealed } from '../support/unit-writes';
import { stopStarted } from '../support/stop-started';

const DB = encodeURIComponent(unitDatabaseName('KTB'));
const MIB = 1024 * 1024;

let central: CentralServer;
let ktb: CouchHttp;

type Doc = Readonly<{ _id: string; _rev?: string } & Record<string, unknown>>;
type Reason = Readonly<{ error?: string; reason?: string }>;

/** One write as a device makes it: sealed documents with new_edits=false, others a normal PUT. */
function write(doc: Doc): Promise<CouchResponse> {
  const path = `${DB}/${encodeURIComponent(doc._id)}`;
  return isSealed(doc) ? ktb.put(`${path}?new_edits=false`, forReplicationWrite(doc)) : ktb.put(path, doc);
}

/** The refusal's `code: message`, after checking it is a 403 forbidden from the validator. */
function refusedReason(response: CouchResponse): string {
  expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(403);
  const body = response.body as Reason;
  expect(body.error).toBe('forbidden');
  return body.reason ?? '';
}

/** The rejection code (shared/couch/rejection) of a refused write. */
const codeOf = (response: CouchResponse): string | undefined => parseRejection(refusedReason(response))?.code;

let sequence = 100;
/** A named (or other mode) complaint from the fixtures declaring `attachments`, with those files inline. */
function complaintWith(
  attachments: readonly AttachmentMeta[],
  mode: 'named' | 'confidential' | 'anonymous' = 'named',
  files?: Record<string, unknown>,
): Doc {
  sequence += 1;
  const { complaint } = intakeDocuments('KTB', sequence, mode);
  const changed = resealed({ ...complaint, attachments });
  return { ...changed, _attachments: files ?? inlineFiles({ attachments }) };
}

/** `count` declared PNG files of `size` bytes each. */
const pngs = (count: number, size = 16): AttachmentMeta[] =>
  Array.from({ length: count }, (_, index) => ({
    key: `att-${index + 1}`,
    name: `foto-${index + 1}.png`,
    mimeType: 'image/png',
    size,
  }));
const png = (over: Partial<AttachmentMeta>): AttachmentMeta => ({ ...pngs(1)[0], ...over }) as AttachmentMeta;
const inline = (mimeType: string, size: number): Record<string, string> => ({
  content_type: mimeType,
  data: base64Of(fileBytes(mimeType, size)),
});

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, 'KTB');
  // The fixtures' intake device (shared/couch/documents.fixtures).
  ktb = await centralDeviceHttp(central, 'KTB', 'X7Q');
});

afterAll(async () => {
  await stopStarted(central);
});

describe('the central server accepts, from the unit user', () => {
  it('a complaint with its declared files, stored as stubs of their sizes', async () => {
    const doc = complaintWith(pngs(2));
    const response = await write(doc);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const stored = await new CouchHttp(central.adminUrl).get(`${DB}/${encodeURIComponent(doc._id)}`);
    expect((stored.body as { _attachments: unknown })._attachments).toMatchObject({
      'att-1': { content_type: 'image/png', length: 16, stub: true },
      'att-2': { content_type: 'image/png', length: 16, stub: true },
    });
  });

  it('10 files, an anonymous complaint with neutral names, and a reporter of a confidential one', async () => {
    expect((await write(complaintWith(pngs(10, 1)))).status).toBe(201);
    const neutral = [png({ name: 'lampiran-1.png' })];
    expect((await write(complaintWith(neutral, 'anonymous'))).status).toBe(201);
    const confidential = intakeDocuments('KTB', 90, 'confidential');
    for (const doc of [confidential.complaint, confidential.received, reporterOf(confidential)]) {
      const response = await write(doc);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
  });
});

describe('the central server refuses files that differ from the declared list (schema)', () => {
  it.each([
    [
      'an undeclared extra file',
      () =>
        complaintWith(pngs(1), 'named', {
          ...inlineFiles({ attachments: pngs(1) }),
          'att-2': inline('image/png', 16),
        }),
      'schema: complaint: the file "att-2" is not declared in attachments',
    ],
    [
      'a missing declared file',
      () => complaintWith(pngs(2), 'named', inlineFiles({ attachments: pngs(1) })),
      'schema: complaint: the declared file "att-2" is missing from _attachments',
    ],
    [
      'a file whose length differs from its declared size',
      () => complaintWith(pngs(1), 'named', { 'att-1': inline('image/png', 17) }),
      'schema: complaint: the file "att-1" has 17 bytes but is declared with 16',
    ],
    [
      'a file stored under another content type',
      () => complaintWith(pngs(1), 'named', { 'att-1': inline('image/jpeg', 16) }),
      'schema: complaint: the file "att-1" is stored as "image/jpeg" but declared as "image/png"',
    ],
    [
      'files on a complaint that declares none',
      () => complaintWith([], 'named', { 'att-1': inline('image/png', 16) }),
      'schema: complaint: the file "att-1" is not declared in attachments',
    ],
  ])('%s', async (_label, build, reason) => {
    expect(refusedReason(await write(build()))).toBe(reason);
  });

  it.each([
    [
      'a disallowed type',
      [png({ mimeType: 'application/x-msdownload' as AttachmentMeta['mimeType'] })],
      /mimeType must be one of/,
    ],
    ['11 files', pngs(11, 1), /attachments must have at most 10 items/],
    ['a file name with ../', [png({ name: '../../ktp.png' })], /attachments\[0\]\.name has the wrong form/],
    [
      'a file name with U+202E',
      [png({ name: 'foto\u202egnp.exe' })],
      /attachments\[0\]\.name has the wrong form/,
    ],
    [
      'a file name with a control character',
      [png({ name: 'foto\u0001.png' })],
      /attachments\[0\]\.name has the wrong form/,
    ],
    [
      'a 121-character file name',
      [png({ name: `${'x'.repeat(FILE_NAME_MAX - 3)}.png` + 'x' })],
      /at most 120 characters/,
    ],
  ] as const)('%s', async (_label, attachments, message) => {
    const response = await write(complaintWith(attachments));
    expect(codeOf(response)).toBe('schema');
    expect(refusedReason(response)).toMatch(message);
  });

  it('files over 25 MiB together, their sizes declared honestly', async () => {
    // 3 × 9 MiB: each under the 10 MiB limit, 27 MiB together (36 MiB as base64, under the
    // test server's 64 MiB request limit).
    const nineMib = Buffer.alloc(9 * MIB, 0x61).toString('base64');
    const files = Object.fromEntries(
      pngs(3).map((file) => [file.key, { content_type: 'image/png', data: nineMib }]),
    );
    const response = await write(complaintWith(pngs(3, 9 * MIB), 'named', files));
    expect(refusedReason(response)).toBe(
      `schema: complaint: the files have ${27 * MIB} bytes together, at most ${25 * MIB} are allowed`,
    );
  });
});

describe('the central server refuses identity where anonymity promises none (schema)', () => {
  it('an anonymous complaint with a reporterId', async () => {
    const { complaint } = intakeDocuments('KTB', 40, 'anonymous');
    const doc = resealed({ ...complaint, reporterId: `reporter:${complaint.trackingNumber}` });
    expect(refusedReason(await write(doc))).toMatch(/^schema: complaint: reporterId must be null/);
  });

  it('an anonymous complaint with a named file', async () => {
    const response = await write(complaintWith([png({ name: 'KTP Budi Santoso.png' })], 'anonymous'));
    expect(refusedReason(response)).toMatch(/^schema: complaint: attachments\[0\]\.name has the wrong form/);
  });

  it('a reporter document for an anonymous complaint', async () => {
    const reporter = reporterOf(intakeDocuments('KTB', 41, 'named'));
    expect(refusedReason(await write({ ...reporter, privacyMode: 'anonymous' }))).toMatch(
      /^schema: reporter: privacyMode must be one of \["named","confidential"\]/,
    );
    const { privacyMode: _omitted, ...withoutMode } = reporter;
    expect(refusedReason(await write(withoutMode))).toBe('schema: reporter: privacyMode is missing');
  });
});

describe('the central server refuses impossible dates (schema)', () => {
  it.each(['2027-02-30', '2026-13-01', '2027-02-29'])('the incident date %s', async (date) => {
    const { complaint } = intakeDocuments('KTB', 50, 'named');
    const response = await write(resealed({ ...complaint, incidentDate: date }));
    expect(refusedReason(response)).toBe(`schema: complaint: incidentDate has the wrong form: "${date}"`);
  });

  it('accepts 2028-02-29, refuses a holiday on 2027-02-29', async () => {
    const { complaint } = intakeDocuments('KTB', 51, 'named');
    expect((await write(resealed({ ...complaint, incidentDate: '2028-02-29' }))).status).toBe(201);
    const settings = unitSettingsDoc('KTB');
    const holidays = {
      ...settings.holidays,
      '2027': [{ date: '2027-02-29', name: { id: 'Hari khayalan', en: 'Imaginary day' }, kind: 'national' }],
    };
    expect(refusedReason(await write({ ...settings, holidays }))).toMatch(
      /^schema: unit-settings: holidays\.2027\[0\]\.date has the wrong form/,
    );
  });
});

describe('the central server refuses a reporter tombstone with a body (schema)', () => {
  it('refuses a deletion that keeps the name, accepts the bare tombstone', async () => {
    const reporter = reporterOf(intakeDocuments('KTB', 60, 'named'));
    const created = await write(reporter);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const rev = (created.body as { rev: string }).rev;
    const withBody = { ...reporter, _rev: rev, _deleted: true };
    expect(refusedReason(await write(withBody))).toBe(
      `schema: reporter "${reporter._id}": a deletion carries no fields, but it has type`,
    );
    const bare = await write({ _id: reporter._id, _rev: rev, _deleted: true });
    expect([200, 201], JSON.stringify(bare.body)).toContain(bare.status);
  });
});
