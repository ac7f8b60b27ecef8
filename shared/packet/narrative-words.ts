/**
 * The length guide of an aspect's narrative (NARRATIVE_GUIDE_WORDS in ./packet-types): words
 * counted as runs of letters or digits, so that punctuation and line breaks do not count and
 * "tindak-lanjut" is one word.
 */
import { NARRATIVE_GUIDE_WORDS } from './packet-types';

export type WordGuide = 'empty' | 'short' | 'ok' | 'long';

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Where `words` stands against the guide: nothing yet, below it, within it, or above it. */
export function wordGuide(words: number): WordGuide {
  if (words === 0) return 'empty';
  if (words < NARRATIVE_GUIDE_WORDS.min) return 'short';
  return words > NARRATIVE_GUIDE_WORDS.max ? 'long' : 'ok';
}
