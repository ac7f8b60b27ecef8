/**
 * The eligibility checklist: 6 months of records before the period's end, the UPP recommendation
 * letter, every section filled, every evidence file present with its size.
 */
import { describe, expect, it } from 'vitest';
import { checkEligibility, eligibilityText, monthsBefore } from './packet-eligibility';
import { packetFixture } from './packet.fixtures';

describe('monthsBefore', () => {
  it('counts calendar months back, clamping the day to the month’s end', () => {
    expect(monthsBefore('2026-06-30', 6)).toBe('2025-12-30');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29');
    expect(monthsBefore('2026-03-15', 15)).toBe('2024-12-15');
  });
});

describe('checkEligibility', () => {
  it('passes the fixture: records since November 2025, every section and file present', () => {
    const { draft, evidence } = packetFixture();
    const checks = checkEligibility({ draft, earliestReceivedDate: '2025-11-03', evidence });
    expect(checks.map((check) => [check.id, check.ok])).toEqual([
      ['records-six-months', true],
      ['upp-recommendation', true],
      ['sections-filled', true],
      ['evidence-present', true],
    ]);
  });

  it('names what is missing', () => {
    const { draft, evidence } = packetFixture();
    const upp = {
      ...draft,
      category: 'upp' as const,
      sections: { ...draft.sections, innovation: { narrative: '  ', evidence: [] } },
    };
    const checks = checkEligibility({
      draft: upp,
      earliestReceivedDate: '2026-01-05',
      evidence: new Map([...evidence].slice(1)),
    });
    expect(checks.map((check) => check.ok)).toEqual([false, false, false, false]);
    expect(checks.map(eligibilityText)).toEqual([
      'Catatan pengaduan sejak paling lambat 30 Desember 2025 (6 bulan sebelum akhir periode): catatan pertama 5 Januari 2026.',
      'Surat rekomendasi instansi induk (wajib untuk kategori UPP): belum terlampir.',
      'Aspek yang belum diisi: Inovasi.',
      'Berkas bukti yang tidak ada atau tidak sesuai: SK Tim Pengaduan 2025.pdf.',
    ]);
  });

  it('fails the record check when there are no records', () => {
    const { draft, evidence } = packetFixture();
    const [records] = checkEligibility({ draft, earliestReceivedDate: null, evidence });
    expect(records?.ok).toBe(false);
  });
});
