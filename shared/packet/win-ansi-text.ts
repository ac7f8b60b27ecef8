/**
 * Text for the PDF's standard fonts. pdf-lib's Helvetica encodes text as WinAnsi (Windows-1252)
 * and throws on a character outside it. Indonesian is written in Latin letters, so nearly all
 * text fits; the rest (emoji, other scripts, arrows, typographic odds) is replaced here instead of
 * crashing the export: first a readable stand-in (`≤` → `<=`), then the letter without its accent
 * (`ā` → `a`), else `?`.
 */

/** Code points of Windows-1252 beyond Latin-1 (bytes 0x80–0x9F). */
const CP1252_EXTRAS = [
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
];

/** Every code point WinAnsi can show: printable ASCII, Latin-1's printable half, and the extras. */
export const WIN_ANSI_CODE_POINTS: ReadonlySet<number> = new Set<number>([
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff).filter((code) => code !== 0xad),
  ...CP1252_EXTRAS,
]);

const STAND_INS: Readonly<Record<string, string>> = {
  '\t': '    ',
  '\u00ad': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2715': 'x',
  '\u2717': 'x',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u2024': '.',
  '\u2043': '-',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u2219': '•',
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/**
 * `text` with every character WinAnsi cannot show replaced, on one line: line breaks become
 * spaces (callers split paragraphs before). Never throws.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (char === '\n' || char === '\r') {
      out += ' ';
    } else if (STAND_INS[char] !== undefined) {
      out += STAND_INS[char];
    } else if (WIN_ANSI_CODE_POINTS.has(code)) {
      out += char;
    } else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      const fits =
        base !== '' && Array.from(base).every((part) => WIN_ANSI_CODE_POINTS.has(part.codePointAt(0) ?? 0));
      out += fits ? base : code < 0x20 ? '' : '?';
    }
  }
  return out;
}
