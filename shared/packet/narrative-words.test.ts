import { describe, expect, it } from 'vitest';
import { NARRATIVE_GUIDE_WORDS } from './packet-types';
import { countWords, wordGuide } from './narrative-words';

describe('narrative word count', () => {
  it('counts words, not punctuation or line breaks', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords('Tindak-lanjut selesai dalam 3 hari.\n\n— Kepala unit, 2026.')).toBe(8);
  });

  it('places a count against the guide', () => {
    expect(wordGuide(0)).toBe('empty');
    expect(wordGuide(NARRATIVE_GUIDE_WORDS.min - 1)).toBe('short');
    expect(wordGuide(NARRATIVE_GUIDE_WORDS.min)).toBe('ok');
    expect(wordGuide(NARRATIVE_GUIDE_WORDS.max)).toBe('ok');
    expect(wordGuide(NARRATIVE_GUIDE_WORDS.max + 1)).toBe('long');
  });
});
