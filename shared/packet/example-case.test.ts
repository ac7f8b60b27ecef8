import { describe, expect, it } from 'vitest';
import { intakeDocuments, workflowEvents } from '../couch/documents.fixtures';
import { reduceComplaint } from '../workflow/complaint-state';
import {
  MASKED_EMAIL,
  MASKED_NUMBER,
  exampleCaseFrom,
  hintSegments,
  identityHints,
  maskContacts,
} from './example-case';

const hinted = (text: string, location = ''): Array<[string, string]> =>
  identityHints(text, location).map((hint) => [hint.text, hint.kind]);

describe('maskContacts', () => {
  it('masks e-mail addresses, NIKs and phone numbers, and leaves short numbers', () => {
    expect(maskContacts('Hubungi budi.s@mail.co.id atau 0812-3456-7890, NIK 3174000000000001, RT 05.')).toBe(
      `Hubungi ${MASKED_EMAIL} atau ${MASKED_NUMBER}, NIK ${MASKED_NUMBER}, RT 05.`,
    );
    expect(maskContacts('Telepon +62 812 3456 789 kemarin')).toBe(`Telepon ${MASKED_NUMBER} kemarin`);
  });
});

describe('identityHints', () => {
  it('flags names mid-sentence and at a sentence start unless the word is a common starter', () => {
    expect(hinted('Pak Budi Santoso datang. Petugas menolak. Saya bertemu Ani di loket.')).toEqual([
      ['Pak', 'name'],
      ['Budi', 'name'],
      ['Santoso', 'name'],
      ['Ani', 'name'],
    ]);
  });

  it('flags place words with the names and numbers that follow them, and the complaint location', () => {
    expect(hinted('Lampu mati di Jl. Kenanga No. 12 RT 03 dekat pasar Cibubur.')).toEqual([
      ['Jl. Kenanga No. 12 RT 03', 'place'],
      ['pasar Cibubur', 'place'],
    ]);
  });

  it('flags digit runs but not a written-out date, nor the words of its own labels', () => {
    expect(
      hinted('Mobil B 1234 XY parkir pada 24/11. Diterima 5 Maret 2026 melalui Datang langsung.'),
    ).toEqual([
      ['Mobil', 'name'],
      ['B', 'name'],
      ['1234', 'number'],
      ['XY', 'name'],
      ['24/11', 'number'],
    ]);
  });

  it("flags the words of the complaint's own location field", () => {
    expect(hinted('Antrean panjang di puskesmas sukamaju.', 'Puskesmas Sukamaju')).toEqual([
      ['puskesmas', 'place'],
      ['sukamaju', 'place'],
    ]);
  });

  it('cuts the text into plain and hinted segments that join back to the text', () => {
    const text = 'Ibu Sari di Desa Maju.';
    const segments = hintSegments(text, identityHints(text));
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.filter((segment) => segment.kind !== null).map((segment) => segment.text)).toEqual([
      'Ibu',
      'Sari',
      'Desa Maju',
    ]);
  });
});

describe('exampleCaseFrom', () => {
  it('writes title, chronology and handling from the state only, contacts masked', () => {
    const intake = intakeDocuments('KTB', 1, 'named');
    const complaint = {
      ...intake.complaint,
      chronology: 'Antrean lama. Nomor pelapor 0812-7000-4321 tertulis di formulir.',
    };
    const events = [
      intake.received,
      ...workflowEvents({ ...intake, complaint }, ['verify', 'follow-up', 'respond', 'close']),
    ];
    const found = exampleCaseFrom(reduceComplaint(complaint, events), 'Asia/Jakarta');
    expect(found.title).toBe('Antrean puskesmas 1');
    expect(found.text).toContain(`Nomor pelapor ${MASKED_NUMBER} tertulis`);
    expect(found.text).toContain('Penanganan: Diterima 23 November 2026 melalui Datang langsung');
    expect(found.text).toContain('status Selesai');
    expect(found.text).toContain('Hasil: Antrean sudah dibenahi.');
    expect(found.text).not.toContain('Sulastri'); // the reporter document is no input
  });
});
