import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_FILE_NAME,
  FILE_NAME_MAX,
  FILE_NAME_PATTERN,
  FORBIDDEN_NAME_CHARACTER,
  cleanFileName,
  isSafeSaveName,
  isValidFileName,
  saveFileName,
} from './file-names';

/** The same rule in modern syntax: separators, Unicode categories Cc and Cf. */
const FORBIDDEN_BY_CATEGORY = /[/\\]|\p{Cc}|\p{Cf}/u;

/** Names with every kind of character the rules are about, and ordinary ones. */
const nameUnit = fc.oneof(
  fc.constantFrom('a', 'Z', '7', ' ', '.', '-', '_', ':', '?', '"', '<', '|', '*', 'é', '✓', '😀', '/', '\\'),
  fc.constantFrom('\u0000', '\t', '\n', '\r', '\u007f', '\u0085', '\u00ad', '\u061c', '\u200b', '\u200e'),
  fc.constantFrom('\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\u{110bd}', '\u{e0041}', '\u{1d173}'),
  fc.constantFrom('\ud800', '\udc00', '\u00a0', '\u3000'),
);
const anyName = fc.oneof(
  fc.string({ unit: nameUnit, maxLength: 20 }),
  fc.string({ unit: nameUnit, minLength: 100, maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 160 }),
  fc.constantFrom('.', '..', '', '   ', '../../etc/passwd', 'C:\\Windows\\x.dll'),
);

describe('the file-name rule', () => {
  it('forbids exactly the separators and the Cc and Cf characters, for every code point', () => {
    const forbidden = new RegExp(`^(?:${FORBIDDEN_NAME_CHARACTER})$`);
    const disagree: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue; // surrogates: not characters
      const char = String.fromCodePoint(codePoint);
      if (forbidden.test(char) !== FORBIDDEN_BY_CATEGORY.test(char)) disagree.push(codePoint.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('refuses separators, control and format characters, . and .., empty and over-long names', () => {
    for (const name of [
      '../ktp.jpg',
      'a/b.pdf',
      'a\\b.pdf',
      'foto\u202egpj.exe',
      'foto\u2066x\u2069.pdf',
      'a\u200bb.pdf',
      '\ufeffsurat.txt',
      'a\u0000b.pdf',
      'a\tb.pdf',
      'a\u009fb.pdf',
      'tag\u{e0041}.pdf',
      '.',
      '..',
      '',
      'x'.repeat(FILE_NAME_MAX + 1),
    ]) {
      expect(isValidFileName(name), JSON.stringify(name)).toBe(false);
    }
    for (const name of [
      'KTP Budi.jpg',
      '...',
      '.htaccess',
      'x'.repeat(FILE_NAME_MAX),
      'Surat: 1/2?.pdf'.replace('/', '-'),
    ]) {
      expect(isValidFileName(name), JSON.stringify(name)).toBe(true);
    }
  });

  it('is an ES5 regular expression (CouchDB runs it): no \\p{…}, no u flag needed', () => {
    expect(FILE_NAME_PATTERN).not.toMatch(/\\p\{|\\u\{|\(\?<|\\k</);
    const messages = new Linter().verify(`var pattern = /${FILE_NAME_PATTERN}/;`, {
      languageOptions: { ecmaVersion: 5, sourceType: 'script' },
    });
    expect(messages.map((message) => message.message)).toEqual([]);
  });
});

describe('cleanFileName', () => {
  it('gives a valid name for any name, and leaves valid trimmed names alone', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const cleaned = cleanFileName(name);
        expect(isValidFileName(cleaned), JSON.stringify(cleaned)).toBe(true);
        expect(cleanFileName(cleaned)).toBe(cleaned);
        if (isValidFileName(name) && name === name.trim() && !/[\ud800-\udfff]/.test(name)) {
          expect(cleaned).toBe(name);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('replaces separators, drops control and format characters, and trims', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('..-..-etc-passwd');
    expect(cleanFileName('C:\\Users\\budi\\KTP.jpg')).toBe('C:-Users-budi-KTP.jpg');
    expect(cleanFileName('foto\u202egpj.exe')).toBe('fotogpj.exe');
    expect(cleanFileName('\ufeff surat\u200b.pdf \u0000')).toBe('surat.pdf');
    expect(cleanFileName('baris\nbaru\t.txt')).toBe('baris baru .txt');
    expect(cleanFileName('tag\u{e0041}.pdf')).toBe('tag.pdf');
    expect(cleanFileName('lone\ud800.pdf')).toBe('lone\ufffd.pdf');
  });

  it('names empty, dot and blank names "lampiran"', () => {
    for (const name of ['', '   ', '.', '..', '\u202e', '\u0000\u0001']) {
      expect(cleanFileName(name), JSON.stringify(name)).toBe(FALLBACK_FILE_NAME);
    }
  });

  it('shortens long names to 120 code units keeping the extension, never splitting a pair', () => {
    const long = `${'laporan '.repeat(30)}.pdf`;
    const cut = cleanFileName(long);
    expect(cut.length).toBeLessThanOrEqual(FILE_NAME_MAX);
    expect(cut.endsWith('.pdf')).toBe(true);
    expect(cut.startsWith('laporan laporan')).toBe(true);
    const emoji = cleanFileName(`${'😀'.repeat(100)}.png`);
    expect(emoji).toBe(`${'😀'.repeat(58)}.png`); // 116 code units + 4
    expect(cleanFileName('x'.repeat(200))).toBe('x'.repeat(FILE_NAME_MAX));
    expect(cleanFileName(`.${'x'.repeat(200)}`)).toHaveLength(FILE_NAME_MAX);
  });
});

describe('saveFileName', () => {
  it('is cleanFileName without the characters Windows refuses, and what the contract accepts', () => {
    expect(saveFileName('Laporan: "Jan" <1>|2?*.pdf')).toBe('Laporan- -Jan- -1--2--.pdf');
    expect(saveFileName('../rahasia.pdf')).toBe('..-rahasia.pdf');
    fc.assert(
      fc.property(anyName, (name) => {
        const saved = saveFileName(name);
        expect(isSafeSaveName(saved)).toBe(true);
        expect(isValidFileName(saved)).toBe(true);
        expect(saved).not.toMatch(/[:*?"<>|]/);
      }),
      { numRuns: 1000 },
    );
    expect(isSafeSaveName('laporan.pdf')).toBe(true);
    expect(isSafeSaveName('../x')).toBe(false);
  });
});
