/**
 * toWinAnsi: text for pdf-lib's Helvetica never throws, keeps Indonesian and Latin-1 text as it
 * is, and replaces what WinAnsi cannot show.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { WIN_ANSI_CODE_POINTS, toWinAnsi } from './win-ansi-text';

describe('toWinAnsi', () => {
  it('keeps plain Indonesian, Latin-1 accents and the Windows-1252 extras', () => {
    const text = 'Pengaduan “Dinas PU” – café, naïve, € 5 … selesai';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('replaces what WinAnsi lacks: stand-ins, accents stripped, else ?', () => {
    expect(toWinAnsi('≤ 3 hari → cepat')).toBe('<= 3 hari -> cepat');
    expect(toWinAnsi('ā ő ş')).toBe('a o s');
    expect(toWinAnsi('🚀 中文')).toBe('? ??');
    expect(toWinAnsi('baris\nbaru\ttab\u200b')).toBe('baris baru    tab');
    expect(toWinAnsi('\u0007bel')).toBe('bel');
  });

  it('only ever yields characters Helvetica can encode', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const supported = new Set(font.getCharacterSet());
    for (const code of WIN_ANSI_CODE_POINTS) expect(supported.has(code)).toBe(true);
    const nasty = Array.from({ length: 0x3000 }, (_, code) => String.fromCodePoint(code)).join('') + '😀𝔸';
    expect(() => font.encodeText(toWinAnsi(nasty))).not.toThrow();
  });
});
