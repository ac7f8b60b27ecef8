/**
 * The CSV formula guard: a cell whose first non-space character is `=`, `+`, `-` or `@`, or
 * which starts with a tab, CR or LF, gets a leading apostrophe; anything else is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { isFormulaLike, spreadsheetText } from './spreadsheet-cell';

describe('spreadsheetText', () => {
  it('guards every formula sign, also after spaces', () => {
    for (const text of [
      '=1+1',
      '+62 812',
      '-2+3',
      '@SUM(A1)',
      '  =HYPERLINK("x")',
      '\u00a0@x',
      ' \u3000-1',
    ]) {
      expect(spreadsheetText(text)).toBe(`'${text}`);
    }
  });

  it('guards a cell that starts with a tab, CR or LF, whatever follows', () => {
    for (const text of ['\tcmd', '\rx', '\nbaris', '\t']) expect(spreadsheetText(text)).toBe(`'${text}`);
  });

  it('leaves other text alone, a sign inside the text included', () => {
    for (const text of ['', 'Jalan Kenanga', '1+1=2', 'a@b.id', ' spasi', "'sudah", 'Rp-50.000']) {
      expect(spreadsheetText(text)).toBe(text);
      expect(isFormulaLike(text)).toBe(false);
    }
  });
});
