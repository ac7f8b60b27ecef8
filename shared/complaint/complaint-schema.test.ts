import { describe, expect, it } from 'vitest';
import { baseOfId, sealImmutable } from '../ids/content-id';
import { complaintDocSchema, reporterDocSchema } from './complaint-schema';
import type { ComplaintDoc, ReporterDoc } from './complaint-schema';
import { MAX_ATTACHMENT_BYTES } from './complaint-limits';
import { FILE_NAME_MAX } from './file-names';
import { buildIntakeDocuments } from './intake-documents';

const built = buildIntakeDocuments(
  {
    channel: 'phone',
    reportType: 'aspiration',
    privacyMode: 'named',
    reporter: { name: 'Budi', nik: '', phone: '08123456789', email: '', address: '' },
    title: 'Jalan berlubang',
    chronology: 'Jalan di depan pasar berlubang sejak sebulan.',
    incidentDate: '2026-11-01',
    location: '',
    category: 'infrastructure',
    targetOffice: '',
    attachments: [{ name: 'foto.png', mimeType: 'image/png', size: 10 }],
  },
  {
    unitCode: 'KBM',
    deviceCode: 'A23',
    sequence: 1,
    eventSequence: 1,
    officer: { officerId: 'o1', name: 'Rina' },
    receivedAt: new Date('2026-11-23T03:04:05.678Z'),
    localDate: '2026-11-23',
  },
);
const complaint: ComplaintDoc = built.complaint;
const reporter = built.reporter as ReporterDoc;

const refuses = (doc: unknown): boolean => !complaintDocSchema.safeParse(doc).success;

/**
 * `doc` (a changed complaint) sealed again under its base id, keeping its files: so that a test
 * reaches the rule it is about instead of the content hash (../ids/content-id).
 */
function resealed(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { _id: id, _rev: _ignored, _attachments: files, ...body } = doc;
  const sealed = sealImmutable(body, baseOfId(String(id)));
  return files === undefined ? sealed : { ...sealed, _attachments: files };
}
/** The issues of a changed complaint (resealed), as `path: message`. */
function issuesOf(doc: Readonly<Record<string, unknown>>): string[] {
  const result = complaintDocSchema.safeParse(resealed(doc));
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
const stub = (contentType: string, length: number): Record<string, unknown> => ({
  content_type: contentType,
  length,
  revpos: 1,
  stub: true,
});
const fileMeta = (index: number, size = 10): ComplaintDoc['attachments'][number] => ({
  key: `att-${index}`,
  name: `foto-${index}.png`,
  mimeType: 'image/png',
  size,
});

describe('complaintDocSchema', () => {
  it('accepts a built complaint, with its _rev and attachment stubs', () => {
    expect(complaintDocSchema.safeParse(complaint).success).toBe(true);
    const stored = { ...complaint, _attachments: { 'att-1': stub('image/png', 10) } };
    expect(complaintDocSchema.safeParse(stored).success).toBe(true);
    // Inline uploads carry no length: type and key are still checked.
    const inline = { ...complaint, _attachments: { 'att-1': { content_type: 'image/png', data: 'iVBO' } } };
    expect(complaintDocSchema.safeParse(inline).success).toBe(true);
  });

  it('refuses unknown keys, above all identity', () => {
    expect(refuses({ ...complaint, reporterName: 'Budi' })).toBe(true);
    expect(refuses({ ...complaint, nik: '3201012345678901' })).toBe(true);
  });

  it('refuses ids, codes and dates that disagree with the tracking number', () => {
    expect(refuses({ ...complaint, _id: 'complaint:2026-11-23T03:04:05.679Z:KBM-261123-A23-0001' })).toBe(
      true,
    );
    expect(refuses({ ...complaint, unitCode: 'JKT' })).toBe(true);
    expect(refuses({ ...complaint, deviceCode: 'X7Q' })).toBe(true);
    expect(refuses({ ...complaint, receivedLocalDate: '2026-11-22' })).toBe(true);
    expect(refuses({ ...complaint, receivedAt: '2026-11-23T03:04:05Z' })).toBe(true);
  });

  it('ties reporterId to the privacy mode', () => {
    expect(issuesOf({ ...complaint, reporterId: null })).toEqual([
      'reporterId: not reporter:<trackingNumber>',
    ]);
    expect(issuesOf({ ...complaint, reporterId: 'reporter:KBM-261123-A23-0002' })).toHaveLength(1);
    const anonymousIssue =
      'privacyMode: an anonymous complaint has a reporter or a file name that is not lampiran-<n>.<ext>';
    const renamedFile = { ...fileMeta(1), name: 'lampiran-1.png' };
    expect(issuesOf({ ...complaint, privacyMode: 'anonymous', attachments: [renamedFile] })).toEqual([
      anonymousIssue,
    ]);
    const anonymous = { ...complaint, privacyMode: 'anonymous', reporterId: null };
    expect(issuesOf(anonymous)).toEqual([anonymousIssue]); // the attachment is still called foto.png
    expect(issuesOf({ ...anonymous, attachments: [renamedFile] })).toEqual([]);
    expect(issuesOf({ ...anonymous, attachments: [] })).toEqual([]);
  });

  it('holds the stored files to the declared list: same keys, declared type and size', () => {
    const files = (entries: Record<string, unknown>): Record<string, unknown> => ({
      ...complaint,
      _attachments: entries,
    });
    expect(issuesOf(files({ 'att-1': stub('image/png', 10) }))).toEqual([]);
    expect(issuesOf(files({ 'att-1': stub('image/png', 10), 'att-2': stub('image/png', 1) }))).toEqual([
      '_attachments.att-2: a file not in attachments',
    ]);
    expect(issuesOf(files({}))).toEqual(['attachments.0.key: the declared file is missing']);
    expect(issuesOf(files({ 'att-1': stub('image/png', 11) }))).toEqual([
      '_attachments.att-1: length is not size',
    ]);
    expect(issuesOf(files({ 'att-1': stub('image/jpeg', 10) }))).toEqual([
      '_attachments.att-1: content_type is not mimeType',
    ]);
    // Without _attachments (intake builds the document before its files are attached): no check.
    expect(issuesOf({ ...complaint })).toEqual([]);
  });

  it('limits the declared files: allowed types, count, size each and together, keys att-<n>', () => {
    const declared = (attachments: readonly unknown[]): Record<string, unknown> => ({
      ...complaint,
      attachments,
    });
    expect(issuesOf(declared([{ ...fileMeta(1), mimeType: 'application/x-msdownload' }]))).not.toEqual([]);
    expect(issuesOf(declared([{ ...fileMeta(1), mimeType: 'image/gif' }]))).not.toEqual([]);
    expect(issuesOf(declared([fileMeta(1, MAX_ATTACHMENT_BYTES)]))).toEqual([]);
    expect(issuesOf(declared([fileMeta(1, MAX_ATTACHMENT_BYTES + 1)]))).not.toEqual([]);
    const nineMb = 9 * 1024 * 1024;
    expect(issuesOf(declared([1, 2].map((n) => fileMeta(n, nineMb))))).toEqual([]);
    expect(issuesOf(declared([1, 2, 3].map((n) => fileMeta(n, nineMb))))).toEqual([
      'attachments: the files together are too large',
    ]);
    expect(issuesOf(declared(Array.from({ length: 10 }, (_, i) => fileMeta(i + 1))))).toEqual([]);
    expect(issuesOf(declared(Array.from({ length: 11 }, (_, i) => fileMeta(i + 1))))).not.toEqual([]);
    expect(issuesOf(declared([{ ...fileMeta(1), key: 'ktp' }]))).not.toEqual([]);
    expect(issuesOf(declared([{ ...fileMeta(1), key: 'att-0' }]))).not.toEqual([]);
    const odt = { ...fileMeta(1), name: 'surat.odt', mimeType: 'application/vnd.oasis.opendocument.text' };
    expect(issuesOf(declared([odt]))).toEqual([]);
  });

  it('refuses file names with separators, control or format characters, dot names and long names', () => {
    const named = (name: string): string[] =>
      issuesOf({ ...complaint, attachments: [{ ...fileMeta(1), name }] });
    for (const name of [
      '../ktp.png',
      'a/b.png',
      'a\\b.png',
      'foto\u202egnp.exe',
      'foto\u2066.png',
      'foto\u200b.png',
      '\ufefffoto.png',
      'foto\u0000.png',
      'foto\n.png',
      'foto\u007f.png',
      'foto\u0085.png',
      'foto\u{e0041}.png',
      '.',
      '..',
      '',
      'x'.repeat(FILE_NAME_MAX + 1),
    ]) {
      expect(named(name), JSON.stringify(name)).not.toEqual([]);
    }
    for (const name of [
      'x'.repeat(FILE_NAME_MAX),
      'Laporan: Jan (1).png',
      '...png',
      'Surat Pak Budi ✓.png',
      '😀.png',
    ]) {
      expect(named(name), JSON.stringify(name)).toEqual([]);
    }
  });

  it('refuses blank text, unknown codes, impossible dates and repeated attachment keys', () => {
    expect(issuesOf({ ...complaint, title: '  ' })).not.toEqual([]);
    expect(issuesOf({ ...complaint, channel: 'fax' })).not.toEqual([]);
    for (const date of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-04-31', '1900-02-29']) {
      expect(issuesOf({ ...complaint, incidentDate: date }), date).toEqual([
        'incidentDate: validation.invalid',
      ]);
    }
    expect(issuesOf({ ...complaint, incidentDate: '2028-02-29' })).toEqual([]);
    expect(issuesOf({ ...complaint, schemaVersion: 2 })).not.toEqual([]);
    const attachment = complaint.attachments[0];
    expect(issuesOf({ ...complaint, attachments: [attachment, attachment] })).toEqual([
      'attachments: attachment keys repeat',
    ]);
  });
});

describe('reporterDocSchema', () => {
  const refusesReporter = (doc: unknown): boolean => !reporterDocSchema.safeParse(doc).success;

  it('carries the privacy mode of its complaint: named or confidential, never anonymous', () => {
    expect(reporter.privacyMode).toBe('named');
    expect(refusesReporter({ ...reporter, privacyMode: 'confidential' })).toBe(false);
    expect(refusesReporter({ ...reporter, privacyMode: 'anonymous' })).toBe(true);
    const { privacyMode: _omitted, ...withoutMode } = reporter;
    expect(refusesReporter(withoutMode)).toBe(true);
  });

  it('accepts a built reporter and refuses bad identity formats', () => {
    expect(refusesReporter(reporter)).toBe(false);
    expect(refusesReporter({ ...reporter, nik: '123' })).toBe(true);
    expect(refusesReporter({ ...reporter, phone: 'abc' })).toBe(true);
    expect(refusesReporter({ ...reporter, email: 'budi@' })).toBe(true);
  });

  it('refuses links that do not match', () => {
    expect(refusesReporter({ ...reporter, _id: 'reporter:KBM-261123-A23-0002' })).toBe(true);
    expect(
      refusesReporter({ ...reporter, complaintId: 'complaint:2026-11-23T03:04:05.678Z:KBM-261123-A23-0002' }),
    ).toBe(true);
    expect(refusesReporter({ ...reporter, unitCode: 'JKT' })).toBe(true);
    expect(refusesReporter({ ...reporter, extra: 1 })).toBe(true);
  });
});
