/**
 * The unit validator's rules for files, anonymous complaints, reporter documents, calendar dates
 * and deletions, run as CouchDB runs it (the ES5 source compiled on its own, the design document
 * as `this`) on documents from the shared test fixtures. Files reach the validator as CouchDB 3.5
 * hands them over: stubs `{content_type, length, revpos, stub}` without a digest (also for inline
 * uploads and replication), or, from pouchdb-server, inline base64 `data`.
 */
import { describe, expect, it } from 'vitest';
import { ALLOWED_ATTACHMENT_TYPES } from '../complaint/attachment-types';
import type { AttachmentMeta } from '../complaint/complaint-schema';
import {
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  MAX_TOTAL_ATTACHMENT_BYTES,
} from '../complaint/complaint-limits';
import { FILE_NAME_MAX } from '../complaint/file-names';
import { baseOfId, sealImmutable } from '../ids/content-id';
import { fileStubs, inlineFiles } from './attachment-documents.fixtures';
import { deviceRole, unitRole } from './couch-names';
import { isValidDeviceCode } from '../ids/tracking-number';
import { parseRejection } from './rejection';
import {
  intakeDocuments,
  packetDraftDoc,
  reporterOf,
  unitSettingsDoc,
  workflowEvents,
} from './documents.fixtures';
import { unitDesignDoc } from './unit-design-doc';
import { VALIDATE_DOC_UPDATE_SOURCE } from './validate-doc-update-source';

type Doc = Record<string, unknown>;
type UserCtx = Readonly<{ name: string | null; roles: readonly string[] }>;
type Validate = (this: unknown, newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: unknown) => void;

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the validator's source, compiled as CouchDB compiles it
const validate = (new Function(`"use strict"; return (${VALIDATE_DOC_UPDATE_SOURCE});`) as () => Validate)();
const UNIT = 'KTB';
const ddoc = unitDesignDoc(UNIT);
/** The device a document names (a record's deviceCode; else the fixtures' intake device), signed in as itself. */
function writerOf(doc: unknown): UserCtx {
  const code = (doc as { deviceCode?: unknown } | null)?.deviceCode;
  const device = typeof code === 'string' && isValidDeviceCode(code) ? code : 'X7Q';
  return { name: `unit-ktb-${device.toLowerCase()}`, roles: [unitRole(UNIT), deviceRole(UNIT, device)] };
}
const MIB = 1024 * 1024;

const json = (value: unknown): Doc => JSON.parse(JSON.stringify(value)) as Doc;

/** As CouchDB hands a `new_edits: false` write to the validator: with `_revisions` from `_rev`. */
function asReceived(doc: unknown): Doc {
  const copy = json(doc);
  if (typeof copy._rev === 'string' && copy._revisions === undefined) {
    const [start = '0', id = ''] = copy._rev.split('-');
    copy._revisions = { start: Number(start), ids: [id] };
  }
  return copy;
}

/** The `forbidden` reason, or null when the write is accepted. */
function refusal(newDoc: unknown, oldDoc: unknown = null): string | null {
  try {
    validate.call(
      json(ddoc),
      asReceived(newDoc),
      oldDoc === null ? null : json(oldDoc),
      writerOf(newDoc),
      {},
    );
    return null;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw error;
    return forbidden;
  }
}

const codeOf = (reason: string | null): string | null =>
  reason === null ? null : (parseRejection(reason)?.code ?? `unparsed: ${reason}`);

/** A changed complaint or event sealed again (keeping its files), so a test reaches its rule. */
function resealed(doc: Readonly<Doc>): Doc {
  const { _id: id, _rev: _rev, _revisions: _history, _attachments: files, ...body } = json(doc);
  const sealed = json(sealImmutable(body, baseOfId(String(id))));
  return files === undefined ? sealed : { ...sealed, _attachments: files };
}

const named = intakeDocuments(UNIT, 1, 'named', { withFile: true });
const anonymous = intakeDocuments(UNIT, 2, 'anonymous');
const reporter = reporterOf(named);

/** `count` declared files of `size` bytes each (PNG), as a complaint's `attachments`. */
const declared = (count: number, size = 10): AttachmentMeta[] =>
  Array.from({ length: count }, (_, index) => ({
    key: `att-${index + 1}`,
    name: `foto-${index + 1}.png`,
    mimeType: 'image/png',
    size,
  }));

/** One declared PNG file, `att-1`, changed by `over`. */
const file = (over: Readonly<Record<string, unknown>> = {}): AttachmentMeta =>
  ({ ...declared(1)[0], ...over }) as AttachmentMeta;

/** The named complaint declaring `attachments`, with matching stubs unless `files` is given. */
function complaintWith(attachments: readonly object[], files?: Doc): Doc {
  const doc = resealed({ ...json(named.complaint), attachments });
  return { ...doc, _attachments: files ?? fileStubs({ attachments: attachments as AttachmentMeta[] }) };
}

describe('files of a complaint: accepted', () => {
  it('the declared files as stubs, as inline uploads, and no files at all', () => {
    expect(refusal({ ...named.complaint, _attachments: fileStubs(named.complaint) })).toBeNull();
    expect(refusal({ ...named.complaint, _attachments: inlineFiles(named.complaint) })).toBeNull();
    const withoutFiles = intakeDocuments(UNIT, 3, 'named');
    expect(refusal(withoutFiles.complaint)).toBeNull();
    expect(refusal({ ...withoutFiles.complaint, _attachments: {} })).toBeNull();
  });

  it('10 files up to the size limits, and every allowed type', () => {
    expect(refusal(complaintWith(declared(MAX_ATTACHMENTS, 1)))).toBeNull();
    expect(refusal(complaintWith(declared(1, MAX_ATTACHMENT_BYTES)))).toBeNull();
    const total = [
      MAX_ATTACHMENT_BYTES,
      MAX_ATTACHMENT_BYTES,
      MAX_TOTAL_ATTACHMENT_BYTES - 2 * MAX_ATTACHMENT_BYTES,
    ];
    expect(
      refusal(complaintWith(declared(3).map((file, index) => ({ ...file, size: total[index] ?? 0 })))),
    ).toBeNull();
    const everyType = ALLOWED_ATTACHMENT_TYPES.map((mimeType, index) => ({
      key: `att-${index + 1}`,
      name: `berkas-${index + 1}`,
      mimeType,
      size: 5,
    }));
    expect(refusal(complaintWith(everyType.slice(0, 10)))).toBeNull();
    expect(refusal(complaintWith(everyType.slice(10)))).toBeNull();
  });

  it('reads its limits and allowed types from the design document, made from the app constants', () => {
    const settings = ddoc.meja_aduan as { types: { complaint: { files: unknown } } };
    expect(settings.types.complaint.files).toEqual({
      declaredIn: 'attachments',
      maxFiles: MAX_ATTACHMENTS,
      maxFileBytes: MAX_ATTACHMENT_BYTES,
      maxTotalBytes: MAX_TOTAL_ATTACHMENT_BYTES,
      types: [...ALLOWED_ATTACHMENT_TYPES],
    });
  });
});

describe('files of a complaint: refused (schema)', () => {
  const stub = (contentType: string, length: number): Doc => ({
    content_type: contentType,
    length,
    revpos: 1,
    stub: true,
  });

  it.each([
    [
      'an undeclared extra file',
      complaintWith(declared(1), { 'att-1': stub('image/png', 10), 'att-2': stub('image/png', 10) }),
      'complaint: the file "att-2" is not declared in attachments',
    ],
    [
      'a missing declared file',
      complaintWith(declared(2), { 'att-1': stub('image/png', 10) }),
      'complaint: the declared file "att-2" is missing from _attachments',
    ],
    [
      'a file whose length differs from its declared size',
      complaintWith(declared(1), { 'att-1': stub('image/png', 11) }),
      'complaint: the file "att-1" has 11 bytes but is declared with 10',
    ],
    [
      'an inline upload whose length differs from its declared size',
      complaintWith(declared(1), { 'att-1': { content_type: 'image/png', data: 'AAAA' } }),
      'complaint: the file "att-1" has 3 bytes but is declared with 10',
    ],
    [
      'a stored type other than the declared one',
      complaintWith(declared(1), { 'att-1': stub('image/jpeg', 10) }),
      'complaint: the file "att-1" is stored as "image/jpeg" but declared as "image/png"',
    ],
    [
      'a file without a length',
      complaintWith(declared(1), { 'att-1': { content_type: 'image/png', stub: true } }),
      'complaint: the file "att-1" has no length but is declared with 10',
    ],
    [
      'files on a complaint that declares none',
      {
        ...json(intakeDocuments(UNIT, 4, 'named').complaint),
        _attachments: { 'att-1': stub('image/png', 1) },
      },
      'complaint: the file "att-1" is not declared in attachments',
    ],
    [
      'a total over 25 MiB',
      complaintWith(declared(3, 9 * MIB)),
      `complaint: the files have ${27 * MIB} bytes together, at most ${MAX_TOTAL_ATTACHMENT_BYTES} are allowed`,
    ],
  ])('%s', (_label, doc, message) => {
    expect(refusal(doc)).toBe(`schema: ${message}`);
  });

  it.each([
    ['a disallowed type', [file({ mimeType: 'application/x-msdownload' })], /mimeType must be one of/],
    ['11 files', declared(MAX_ATTACHMENTS + 1, 1), /attachments must have at most 10 items/],
    ['a file over 10 MiB', declared(1, MAX_ATTACHMENT_BYTES + 1), /size must be at most 10485760/],
    ['a key other than att-<n>', [file({ key: 'ktp' })], /key has the wrong form/],
    ['a name with ../', [file({ name: '../ktp.png' })], /name has the wrong form/],
    ['a name with a backslash', [file({ name: 'a\\ktp.png' })], /name has the wrong form/],
    ['a name with U+202E', [file({ name: 'foto\u202egnp.exe' })], /name has the wrong form/],
    ['a name with U+2066', [file({ name: 'foto\u2066.png' })], /name has the wrong form/],
    ['a name with a zero-width space', [file({ name: 'fo\u200bto.png' })], /name has the wrong form/],
    ['a name with a control character', [file({ name: 'foto\u0007.png' })], /name has the wrong form/],
    ['a name with a tag character', [file({ name: 'foto\u{e0041}.png' })], /name has the wrong form/],
    ['the name ..', [file({ name: '..' })], /name has the wrong form/],
    ['a 121-character name', [file({ name: 'x'.repeat(FILE_NAME_MAX + 1) })], /at most 120 characters/],
  ] as const)('%s', (_label, attachments, message) => {
    const reason = refusal(complaintWith(attachments));
    expect(codeOf(reason), reason ?? '').toBe('schema');
    expect(reason).toMatch(message);
  });

  it('a 120-character name with every other kind of character is accepted', () => {
    expect(refusal(complaintWith([file({ name: 'x'.repeat(FILE_NAME_MAX) })]))).toBeNull();
    expect(refusal(complaintWith([file({ name: 'Laporan: "Jan" <1> ✓ 😀.png' })]))).toBeNull();
  });
});

describe('anonymous complaints and reporter documents', () => {
  it('accepts an anonymous complaint with neutral file names and no reporter', () => {
    expect(refusal(anonymous.complaint)).toBeNull();
    const files = [file({ name: 'lampiran-1.png' })];
    const withFile = resealed({ ...json(anonymous.complaint), attachments: files });
    expect(refusal({ ...withFile, _attachments: fileStubs({ attachments: files }) })).toBeNull();
  });

  it('refuses an anonymous complaint with a reporterId (schema)', () => {
    const doc = resealed({
      ...json(anonymous.complaint),
      reporterId: `reporter:${anonymous.complaint.trackingNumber}`,
    });
    expect(refusal(doc)).toMatch(/^schema: complaint: reporterId must be null/);
  });

  it('refuses an anonymous complaint with a file name that is not lampiran-<n>.<ext> (schema)', () => {
    const files = [file({ name: 'ktp-budi.png' })];
    const doc = resealed({ ...json(anonymous.complaint), attachments: files });
    expect(refusal({ ...doc, _attachments: fileStubs({ attachments: files }) })).toMatch(
      /^schema: complaint: attachments\[0\]\.name has the wrong form: "ktp-budi.png"/,
    );
  });

  it('accepts reporters of named and confidential complaints, refuses one for an anonymous complaint', () => {
    expect(refusal(reporter)).toBeNull();
    expect(refusal(reporterOf(intakeDocuments(UNIT, 5, 'confidential')))).toBeNull();
    expect(refusal({ ...reporter, privacyMode: 'anonymous' })).toMatch(
      /^schema: reporter: privacyMode must be one of \["named","confidential"\]/,
    );
    const { privacyMode: _omitted, ...withoutMode } = reporter;
    expect(refusal(withoutMode)).toBe('schema: reporter: privacyMode is missing');
  });
});

describe('deletions are bare tombstones', () => {
  const stored = (doc: object): Doc => ({ ...json(doc), _rev: '1-abc' });

  it('accepts {_id, _rev, _deleted} with or without replication history', () => {
    const tombstone = { _id: reporter._id, _rev: '2-def', _deleted: true };
    expect(refusal(tombstone, stored(reporter))).toBeNull();
    expect(
      refusal({ ...tombstone, _revisions: { start: 2, ids: ['def', 'abc'] } }, stored(reporter)),
    ).toBeNull();
    expect(refusal({ _id: packetDraftDoc(UNIT)._id, _rev: '2-x', _deleted: true })).toBeNull();
  });

  it.each([
    ['a reporter tombstone with its name', { name: 'Sulastri Wigunaningrat' }],
    ['a reporter tombstone with its whole body', json(reporter)],
    ['a tombstone with files', { _attachments: { a: { content_type: 'text/plain', data: 'eA==' } } }],
    ['a tombstone with a type', { type: 'reporter' }],
  ])('refuses %s (schema)', (_label, extra) => {
    const reason = refusal({ ...extra, _id: reporter._id, _rev: '2-def', _deleted: true }, stored(reporter));
    expect(codeOf(reason), reason ?? '').toBe('schema');
    expect(reason).toMatch(/a deletion carries no fields, but it has /);
  });

  it('refuses a packet draft tombstone with a body (schema)', () => {
    const draft = packetDraftDoc(UNIT);
    expect(codeOf(refusal({ ...json(draft), _rev: '2-x', _deleted: true }))).toBe('schema');
  });
});

describe('dates are real calendar dates', () => {
  it.each(['2027-02-29', '2027-02-30', '2026-13-01', '2026-04-31', '2100-02-29', '2026-00-10'])(
    'refuses the incident date %s (schema)',
    (date) => {
      const reason = refusal(resealed({ ...json(named.complaint), incidentDate: date }));
      expect(reason).toBe(`schema: complaint: incidentDate has the wrong form: "${date}"`);
    },
  );

  it('accepts a leap day in a leap year', () => {
    const doc = resealed({ ...json(named.complaint), incidentDate: '2028-02-29' });
    expect(refusal({ ...doc, _attachments: fileStubs(named.complaint) })).toBeNull();
  });

  it('refuses an impossible date in a hold event and in the holiday list (schema)', () => {
    const [hold] = workflowEvents(named, ['hold']);
    expect(refusal(hold)).toBeNull();
    expect(refusal(resealed({ ...json(hold), until: '2027-02-30' }))).toBe(
      'schema: event hold: until has the wrong form: "2027-02-30"',
    );
    const settings = unitSettingsDoc(UNIT);
    const year = Object.keys(settings.holidays)[0] ?? '2026';
    const holidays = {
      ...settings.holidays,
      [year]: [{ date: `${year}-02-30`, name: { id: 'X', en: 'X' }, kind: 'national' }],
    };
    expect(refusal({ ...json(settings), holidays })).toMatch(
      new RegExp(`^schema: unit-settings: holidays\\.${year}\\[0\\]\\.date has the wrong form`),
    );
  });

  it('refuses an impossible date in an instant (schema)', () => {
    const settings = { ...json(unitSettingsDoc(UNIT)), updatedAt: '2027-02-29T03:04:05.678Z' };
    expect(refusal(settings)).toBe(
      'schema: unit-settings: updatedAt has the wrong form: "2027-02-29T03:04:05.678Z"',
    );
    expect(refusal({ ...settings, updatedAt: '2028-02-29T03:04:05.678Z' })).toBeNull();
  });
});
