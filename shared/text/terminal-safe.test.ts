/**
 * terminalSafe: control characters, ANSI escape sequences, CR and bidirectional overrides become
 * visible escapes; every printable script and emoji stays as it is.
 */
import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-safe';

describe('terminalSafe', () => {
  it('escapes ANSI sequences, CR, LF, tab, BEL, DEL and C1 controls', () => {
    expect(terminalSafe('\u001b[2K\rOK')).toBe('\\x1b[2K\\rOK');
    expect(terminalSafe('a\nb\tc\u0007\u007f\u009b')).toBe('a\\nb\\tc\\x07\\x7f\\x9b');
    expect(terminalSafe('\u0000')).toBe('\\x00');
  });

  it('escapes bidirectional overrides, isolates, marks and invisible characters', () => {
    expect(terminalSafe('laporan\u202efdp.exe')).toBe('laporan\\u202efdp.exe');
    expect(terminalSafe('\u2066\u2067\u2068\u2069\u200e\u200f\u061c')).toBe(
      '\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c',
    );
    expect(terminalSafe('a\u200bb\u2028c\ufeff')).toBe('a\\u200bb\\u2028c\\ufeff');
  });

  it('escapes a lone surrogate but keeps a pair (an emoji)', () => {
    expect(terminalSafe('x\ud800y\udc00')).toBe('x\\ud800y\\udc00');
    expect(terminalSafe('Ayo 👍 sehat')).toBe('Ayo 👍 sehat');
  });

  it('leaves printable text of every script as it is', () => {
    const text = 'Unit Layanan Pengaduan Kota Kembang — ǅ ñ 中文 العربية עברית ✓';
    expect(terminalSafe(text)).toBe(text);
  });
});
