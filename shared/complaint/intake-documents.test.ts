import { describe, expect, it } from 'vitest';
import { baseOfId, verifyImmutable } from '../ids/content-id';
import { complaintBaseId, eventBaseId, parseComplaintId, reporterId } from '../ids/document-ids';
import { parseTrackingNumber } from '../ids/tracking-number';
import { complaintDocSchema, reporterDocSchema } from './complaint-schema';
import type { IntakeInput } from './intake';
import { buildIntakeDocuments } from './intake-documents';
import type { IntakeDocumentsContext } from './intake-documents';

const ctx: IntakeDocumentsContext = {
  unitCode: 'KBM',
  deviceCode: 'X7Q',
  sequence: 42,
  eventSequence: 7,
  officer: { officerId: 'officer-1', name: 'Rina Petugas' },
  receivedAt: new Date('2026-11-23T03:04:05.678Z'),
  localDate: '2026-11-23',
};

const identity = {
  name: 'Budi Santoso',
  nik: '3201012345678901',
  phone: '0812-3456-7890',
  email: 'budi.santoso@contoh.id',
  address: 'Jl. Melati 7, Kebumen',
};

const input: IntakeInput = {
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: identity,
  title: 'Pungutan di loket KTP',
  chronology: 'Petugas meminta uang untuk mempercepat KTP-el.',
  incidentDate: '2026-11-20',
  location: 'Disdukcapil',
  category: 'illegal-levies',
  targetOffice: 'Disdukcapil',
  attachments: [
    { name: 'KTP Budi Santoso.jpg', mimeType: 'image/jpeg', size: 1000 },
    { name: 'surat-budi.santoso@contoh.id.pdf', mimeType: 'application/pdf', size: 2000 },
  ],
};

describe('buildIntakeDocuments, named', () => {
  const docs = buildIntakeDocuments(input, ctx);

  it('builds a consistent tracking number and ids', () => {
    const trackingNumber = 'KBM-261123-X7Q-0042';
    expect(docs.complaint.trackingNumber).toBe(trackingNumber);
    expect(parseTrackingNumber(trackingNumber)).toEqual({
      unitCode: 'KBM',
      localDate: '2026-11-23',
      deviceCode: 'X7Q',
      sequence: 42,
    });
    expect(baseOfId(docs.complaint._id)).toBe(complaintBaseId('2026-11-23T03:04:05.678Z', trackingNumber));
    expect(parseComplaintId(docs.complaint._id)).toEqual({
      receivedAt: docs.complaint.receivedAt,
      trackingNumber,
      hash: docs.complaint._id.slice(-64),
    });
    expect(baseOfId(docs.received._id)).toBe(
      eventBaseId(trackingNumber, '2026-11-23T03:04:05.678Z', 'X7Q', 7),
    );
    expect(verifyImmutable(docs.complaint)).toBe('ok');
    expect(verifyImmutable(docs.received)).toBe('ok');
    expect(docs.received).toMatchObject({
      kind: 'received',
      complaintId: docs.complaint._id,
      trackingNumber,
      channel: 'walk-in',
      at: docs.complaint.receivedAt,
      by: ctx.officer,
    });
    expect(docs.complaint).toMatchObject({
      receivedLocalDate: '2026-11-23',
      receivedBy: ctx.officer,
      unitCode: 'KBM',
      deviceCode: 'X7Q',
    });
  });

  it('links the reporter document both ways, and keeps identity out of the complaint', () => {
    expect(docs.reporter).not.toBeNull();
    expect(docs.complaint.reporterId).toBe(reporterId(docs.complaint.trackingNumber));
    expect(docs.reporter?._id).toBe(docs.complaint.reporterId);
    expect(docs.reporter?.complaintId).toBe(docs.complaint._id);
    expect(docs.reporter).toMatchObject(identity);
    // Written by this device and officer (shared/unit/changed-by): the central checks the device.
    expect(docs.reporter?.lastChangedBy).toEqual({ device: ctx.deviceCode, officer: ctx.officer.officerId });
    // Named complaints keep the officer's file names (only anonymous ones are renamed), so the
    // check covers everything except those names.
    const complaintJson = JSON.stringify({ ...docs.complaint, attachments: [] });
    for (const field of ['name', 'nik', 'phone', 'email', 'address'] as const) {
      expect(complaintJson).not.toContain(identity[field]);
    }
  });

  it('keys attachments att-1, att-2 and keeps their names', () => {
    expect(docs.complaint.attachments).toEqual([
      { key: 'att-1', name: 'KTP Budi Santoso.jpg', mimeType: 'image/jpeg', size: 1000 },
      { key: 'att-2', name: 'surat-budi.santoso@contoh.id.pdf', mimeType: 'application/pdf', size: 2000 },
    ]);
  });

  it('produces documents their schemas accept', () => {
    expect(complaintDocSchema.safeParse(docs.complaint).success).toBe(true);
    expect(reporterDocSchema.safeParse(docs.reporter).success).toBe(true);
  });
});

describe('buildIntakeDocuments, anonymous', () => {
  // The reporter fields are deliberately filled: even if validation was skipped, nothing leaks.
  const docs = buildIntakeDocuments({ ...input, privacyMode: 'anonymous' }, ctx);

  it('has no reporter document and a null reporterId', () => {
    expect(docs.reporter).toBeNull();
    expect(docs.complaint.reporterId).toBeNull();
  });

  it('renames attachments so no identity appears anywhere in the complaint or event', () => {
    expect(docs.complaint.attachments.map((a) => [a.key, a.name])).toEqual([
      ['att-1', 'lampiran-1.jpg'],
      ['att-2', 'lampiran-2.pdf'],
    ]);
    const json = JSON.stringify([docs.complaint, docs.received]).toLowerCase();
    for (const fragment of [
      'budi',
      'santoso',
      '3201012345678901',
      '0812',
      'contoh.id',
      'melati',
      'ktp budi',
    ]) {
      expect(json).not.toContain(fragment);
    }
  });
});

describe('buildIntakeDocuments, confidential', () => {
  it('keeps a reporter document, like named', () => {
    const docs = buildIntakeDocuments({ ...input, privacyMode: 'confidential' }, ctx);
    expect(docs.reporter?.name).toBe('Budi Santoso');
    expect(docs.complaint.privacyMode).toBe('confidential');
  });
});

describe('buildIntakeDocuments refuses', () => {
  it('invalid context parts', () => {
    expect(() => buildIntakeDocuments(input, { ...ctx, unitCode: 'kbm' })).toThrow();
    expect(() => buildIntakeDocuments(input, { ...ctx, sequence: 0 })).toThrow();
    expect(() => buildIntakeDocuments(input, { ...ctx, eventSequence: 0 })).toThrow();
    expect(() => buildIntakeDocuments(input, { ...ctx, receivedAt: new Date(Number.NaN) })).toThrow();
    expect(() => buildIntakeDocuments(input, { ...ctx, officer: { officerId: '', name: 'Rina' } })).toThrow();
  });

  it('an input that skipped validation and breaks the schema', () => {
    expect(() => buildIntakeDocuments({ ...input, title: '' }, ctx)).toThrow();
    expect(() => buildIntakeDocuments({ ...input, reporter: { ...identity, nik: '123' } }, ctx)).toThrow();
  });
});
