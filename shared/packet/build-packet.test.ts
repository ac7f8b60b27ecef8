/**
 * buildPacketZip: the files and manifest of a packet, progress reporting, evidence placement,
 * and refusal of inputs that cannot make a valid packet.
 */
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { indicatorsSchema } from '../indicators/indicators-types';
import { PacketBuildError, buildPacketZip, type PacketProgress } from './build-packet';
import { evidencePaths, safeFileName } from './evidence-paths';
import { manifestSchema } from './packet-manifest';
import { GENERATOR, PERIOD, packetFixture } from './packet.fixtures';
import { packetDraftSchema } from './packet-types';
import { sha256Hex } from './sha256';

describe('buildPacketZip', () => {
  it('writes the packet files and a manifest listing every other file with size and SHA-256', async () => {
    const fixture = packetFixture();
    const files = unzipSync(await buildPacketZip(fixture.input));
    expect(Object.keys(files).sort()).toEqual([
      'complaints.csv',
      'complaints.xlsx',
      'evidence/infrastructure-and-channels/_foto loket_ ruang tunggu.png',
      'evidence/leadership-commitment/SK Tim Pengaduan 2025.pdf',
      'indicators.json',
      'manifest.json',
      'packet.pdf',
    ]);
    const manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])));
    expect(manifest).toMatchObject({
      generator: GENERATOR,
      unit: { code: 'KBM' },
      period: PERIOD,
      createdAt: '2026-07-02T03:00:00.000Z',
      origin: 'editor',
      complaintRows: 4,
    });
    expect(manifest.files.map((file) => file.path)).toEqual(
      Object.keys(files)
        .filter((name) => name !== 'manifest.json')
        .sort(),
    );
    for (const file of manifest.files) {
      const bytes = files[file.path] ?? new Uint8Array();
      expect(file.size).toBe(bytes.length);
      expect(file.sha256).toBe(await sha256Hex(bytes));
    }
    expect(files['evidence/leadership-commitment/SK Tim Pengaduan 2025.pdf']).toEqual(
      fixture.evidence.get('ev-1'),
    );
  });

  it('writes indicators.json as the Indicators object, in its documented shape', async () => {
    const fixture = packetFixture();
    const files = unzipSync(await buildPacketZip(fixture.input));
    const indicators: unknown = JSON.parse(new TextDecoder().decode(files['indicators.json']));
    expect(indicatorsSchema.parse(indicators)).toEqual(fixture.indicators);
  });

  it('writes a PDF that pdf-lib reads back, with several pages', async () => {
    const files = unzipSync(await buildPacketZip(packetFixture().input));
    const pdf = await PDFDocument.load(files['packet.pdf'] ?? new Uint8Array());
    expect(pdf.getPageCount()).toBeGreaterThan(5);
    expect(pdf.getTitle()).toContain('Kompetisi P4 2026');
  });

  it('reports progress from 0 to 1 in order, with a label for each step', async () => {
    const seen: PacketProgress[] = [];
    await buildPacketZip(packetFixture().input, (progress) => seen.push(progress));
    const fractions = seen.map((progress) => progress.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(seen.map((progress) => progress.step)).toEqual([
      'checking',
      'complaints',
      'csv',
      'xlsx',
      'pdf',
      'hashing',
      'manifest',
      'zip',
      'done',
    ]);
    expect(seen.every((progress) => progress.label.length > 0)).toBe(true);
  });

  it('is deterministic for the same input and creation time (apart from the XLSX)', async () => {
    const input = packetFixture().input;
    const [a, b] = [unzipSync(await buildPacketZip(input)), unzipSync(await buildPacketZip(input))];
    expect(a['packet.pdf']).toEqual(b['packet.pdf']);
    expect(a['complaints.csv']).toEqual(b['complaints.csv']);
  });

  it('refuses a missing or resized evidence file, naming it', async () => {
    const fixture = packetFixture();
    const evidence = new Map(fixture.evidence);
    evidence.delete('ev-1');
    evidence.set('ev-2', new Uint8Array(3));
    const attempt = buildPacketZip({ ...fixture.input, evidence });
    await expect(attempt).rejects.toBeInstanceOf(PacketBuildError);
    await expect(attempt).rejects.toMatchObject({
      problems: [
        'evidence "SK Tim Pengaduan 2025.pdf" (ev-1): file not supplied',
        'evidence "../foto loket: ruang tunggu.png" (ev-2): 3 bytes, the draft says 4096',
      ],
    });
  });

  it('refuses indicators of another period or unit', async () => {
    const fixture = packetFixture();
    const indicators = { ...fixture.indicators, period: { from: '2026-01-01', to: '2026-03-31' } };
    await expect(buildPacketZip({ ...fixture.input, indicators })).rejects.toMatchObject({
      problems: ['indicators are for 2026-01-01..2026-03-31, the draft for 2026-01-01..2026-06-30'],
    });
    const otherUnit = { ...fixture.indicators, unit: { code: 'KTB', name: 'Lain' } };
    await expect(buildPacketZip({ ...fixture.input, indicators: otherUnit })).rejects.toMatchObject({
      problems: ['indicators are for unit KTB, the draft for KBM'],
    });
  });

  it('refuses an invalid draft', async () => {
    const fixture = packetFixture();
    const draft = {
      ...fixture.draft,
      exampleCases: Array.from({ length: 6 }, () => ({ title: 'x', text: 'y' })),
    };
    await expect(buildPacketZip({ ...fixture.input, draft })).rejects.toBeInstanceOf(PacketBuildError);
  });

  it('flags a command-line packet with empty narratives', async () => {
    const fixture = packetFixture();
    const draft = packetDraftSchema.parse({
      ...fixture.draft,
      sections: Object.fromEntries(
        Object.keys(fixture.draft.sections).map((aspect) => [aspect, { narrative: '', evidence: [] }]),
      ),
      exampleCases: [],
    });
    const files = unzipSync(
      await buildPacketZip({ ...fixture.input, draft, evidence: new Map(), origin: 'command-line' }),
    );
    const manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])));
    expect(manifest.origin).toBe('command-line');
    expect(Object.keys(files).some((name) => name.startsWith('evidence/'))).toBe(false);
  });
});

describe('evidence paths', () => {
  it('makes names safe: no separators, traversal, reserved or control characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('C:\\Users\\a.pdf')).toBe('C__Users_a.pdf');
    expect(safeFileName('  ..  ')).toBe('berkas');
    expect(safeFileName('a\u0000b?.png')).toBe('a_b_.png');
    expect(safeFileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(120);
    expect(safeFileName(`${'x'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
  });

  it('puts each file under its owner and keeps names unique ignoring case', () => {
    expect(
      evidencePaths([
        { owner: 'innovation', name: 'foto.png' },
        { owner: 'innovation', name: 'FOTO.png' },
        { owner: 'innovation', name: 'foto.png' },
        { owner: 'staff-competence', name: 'foto.png' },
      ]),
    ).toEqual([
      'evidence/innovation/foto.png',
      'evidence/innovation/FOTO-2.png',
      'evidence/innovation/foto-3.png',
      'evidence/staff-competence/foto.png',
    ]);
  });
});
