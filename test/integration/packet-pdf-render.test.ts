/**
 * The packet's PDF renders in a real PDF engine: poppler's `pdftoppm` draws every page and
 * `pdftotext` extracts text that contains the unit name, the Indonesian headings and the chart
 * labels. Poppler is Debian's poppler-utils; where it is missing those assertions are skipped with
 * the reason in the test name, and the PDF is still parsed back with pdf-lib.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPacketZip } from '../../shared/packet/build-packet';
import { UNIT_NAME, packetFixture } from '../../shared/packet/packet.fixtures';

const run = promisify(execFile);

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '')
    .split(':')
    .some((folder) => folder !== '' && existsSync(join(folder, tool)));
}

const POPPLER = onPath('pdftoppm') && onPath('pdftotext');
const POPPLER_NOTE = POPPLER
  ? ''
  : ' [SKIPPED: pdftoppm/pdftotext not installed (apt-get install poppler-utils)]';

let dir: string;
let pdfPath: string;
let pdf: Uint8Array;

beforeAll(async () => {
  const files = unzipSync(await buildPacketZip(packetFixture().input));
  pdf = files['packet.pdf'] ?? new Uint8Array();
  dir = mkdtempSync(join(tmpdir(), 'meja-aduan-packet-pdf-'));
  pdfPath = join(dir, 'packet.pdf');
  writeFileSync(pdfPath, pdf);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('packet.pdf', () => {
  it('parses back with pdf-lib and has pages', async () => {
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThan(0);
  });

  it.skipIf(!POPPLER)(`renders every page with pdftoppm${POPPLER_NOTE}`, async () => {
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    await run('pdftoppm', ['-r', '30', '-png', pdfPath, join(dir, 'page')], { timeout: 60_000 });
    const images = readdirSync(dir).filter((name) => name.startsWith('page') && name.endsWith('.png'));
    expect(images.length).toBeGreaterThan(0);
    expect(images).toHaveLength(pages);
  });

  it.skipIf(!POPPLER)(`has extractable Indonesian text with the unit name${POPPLER_NOTE}`, async () => {
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { timeout: 60_000 });
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain(UNIT_NAME);
    for (const heading of [
      'Kompetisi Pengelolaan Pengaduan Pelayanan Publik (P4) 2026',
      '1. Profil Unit',
      '2. Indikator Pengelolaan Pengaduan',
      'Tren bulanan: pengaduan diterima dan selesai',
      '3. Aspek Penilaian',
      '3.1 Komitmen Pimpinan',
      '4. Daftar Berkas Bukti',
      '5. Contoh Kasus',
      '6. Pemeriksaan Kelayakan',
    ]) {
      expect(text).toContain(heading);
    }
    // Chart labels and values are text, not pictures.
    expect(text).toContain('Feb 2026');
    expect(text).toContain('75,0%');
    // Characters outside WinAnsi were replaced, not dropped with the rest of the line.
    expect(text).toContain('Inovasi <= 3 hari -> lebih cepat');
  });
});
