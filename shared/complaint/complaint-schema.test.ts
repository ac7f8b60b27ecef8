import { describe, expect, it } from 'vitest';
import { complaintDocSchema, reporterDocSchema } from './complaint-schema';
import type { ComplaintDoc, ReporterDoc } from './complaint-schema';
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

describe('complaintDocSchema', () => {
  it('accepts a built complaint, with a _rev and attachment stubs', () => {
    expect(complaintDocSchema.safeParse(complaint).success).toBe(true);
    const stored = {
      ...complaint,
      _rev: '1-abc',
      _attachments: { 'att-1': { stub: true, content_type: 'image/png' } },
    };
    expect(complaintDocSchema.safeParse(stored).success).toBe(true);
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
    expect(refuses({ ...complaint, reporterId: null })).toBe(true);
    expect(refuses({ ...complaint, reporterId: 'reporter:KBM-261123-A23-0002' })).toBe(true);
    expect(refuses({ ...complaint, privacyMode: 'anonymous' })).toBe(true);
    const anonymous = { ...complaint, privacyMode: 'anonymous', reporterId: null };
    expect(refuses(anonymous)).toBe(true); // the attachment is still called foto.png
    const renamed = { ...anonymous, attachments: [{ ...complaint.attachments[0], name: 'lampiran-1.png' }] };
    expect(refuses(renamed)).toBe(false);
  });

  it('refuses blank text, unknown codes, impossible dates and repeated attachment keys', () => {
    expect(refuses({ ...complaint, title: '  ' })).toBe(true);
    expect(refuses({ ...complaint, channel: 'fax' })).toBe(true);
    expect(refuses({ ...complaint, incidentDate: '2026-02-30' })).toBe(true);
    expect(refuses({ ...complaint, schemaVersion: 2 })).toBe(true);
    const attachment = complaint.attachments[0];
    expect(refuses({ ...complaint, attachments: [attachment, attachment] })).toBe(true);
  });
});

describe('reporterDocSchema', () => {
  const refusesReporter = (doc: unknown): boolean => !reporterDocSchema.safeParse(doc).success;

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
