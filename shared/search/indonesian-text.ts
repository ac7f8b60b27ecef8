/**
 * Indonesian text for the search box (docs/decisions/012-search-index.md): the same steps for the
 * complaints' words when they are indexed and for what is typed, so that both meet.
 *
 * - Folding: Unicode NFD with the combining marks removed (so "Yogyakartá" and "yogyakarta"
 *   meet), then lower case.
 * - Words: runs of letters and digits; a word joined by a hyphen or an apostrophe stays one run
 *   of its parts ("kupu-kupu" gives "kupu" twice; the stop-word and stemming steps see each part).
 * - Stop words: the commonest function words (`STOP_WORDS`) are not indexed and not searched.
 * - Stemming: Snowball's Indonesian stemmer as published in `@orama/stemmers` (particles -lah,
 *   -kah, -pun; possessives -ku, -mu, -nya; prefixes me-, di-, ke-, ter-, ber-, pe-; suffixes
 *   -kan, -an, -i): "pungutan", "memungut" and "dipungut" all give "pungut". Its known
 *   over-stemming ("sekolah" → "seko") is harmless here: the query is stemmed the same way.
 *
 * Each word is indexed twice when its stem differs: the folded word itself (so one typo and a
 * prefix still reach it: "pungtan" is one edit from "pungutan") and its stem (so every affixed form
 * meets every other).
 */
import { stemmer } from '@orama/stemmers/indonesian';

/** Lower case without diacritics (NFD, combining marks removed). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The commonest Indonesian function words (conjunctions, prepositions, pronouns, particles,
 * auxiliaries): never indexed, never searched. Kept short: a word that carries a complaint's
 * meaning ("tidak" in "tidak dilayani" is one) is better found too often than never.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'ada',
  'adalah',
  'agar',
  'akan',
  'antara',
  'atas',
  'atau',
  'bagi',
  'bahwa',
  'dalam',
  'dan',
  'dari',
  'dengan',
  'di',
  'dia',
  'ia',
  'ini',
  'itu',
  'juga',
  'kami',
  'karena',
  'ke',
  'kita',
  'lagi',
  'maka',
  'mereka',
  'namun',
  'oleh',
  'pada',
  'para',
  'pun',
  'saat',
  'saya',
  'sebagai',
  'sedang',
  'sehingga',
  'serta',
  'sudah',
  'telah',
  'tersebut',
  'tetapi',
  'untuk',
  'yaitu',
  'yang',
]);

/** A word of the text: its folded form and where it stands in the text as given. */
export type TextWord = Readonly<{ word: string; start: number; end: number }>;

/** Letters and digits, with any combining marks (a decomposed 'é' stays inside its word). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * The words of `text`, folded, with their place in `text` (`[start, end)` in UTF-16 units of the
 * text as given, for highlighting). Folding never changes the length of a run of base letters
 * here, as marks are dropped after NFD: places are measured on the text itself.
 */
export function words(text: string): TextWord[] {
  const found: TextWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldText(match[0]);
    if (word !== '') found.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Snowball Indonesian stem of a folded word (digits and short words stay as they are). */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  return stemmer(word);
}

/** The terms a folded word is indexed under: none for a stop word, else the word and, when it differs, its stem. */
export function termsOfWord(word: string): string[] {
  if (STOP_WORDS.has(word)) return [];
  const stemmed = stem(word);
  return stemmed === word || stemmed === '' ? [word] : [word, stemmed];
}

/** Words seen often are stemmed once: a unit's vocabulary is far smaller than its word count. */
const termCache = new Map<string, readonly string[]>();
const TERM_CACHE_MAX = 50_000;

function cachedTerms(word: string): readonly string[] {
  let terms = termCache.get(word);
  if (!terms) {
    if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
    terms = termsOfWord(word);
    termCache.set(word, terms);
  }
  return terms;
}

const FOLDED_WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\t\n\r\x20-\x7e]*$/;
const ASCII_WORD = /[a-z0-9]+/g;

/** Every term of a text, for the index (in order, repeats kept: term frequency counts). */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  // Plain ASCII text (most of it) needs no Unicode folding: a faster path, the same terms.
  const ascii = ASCII.test(text);
  const folded = ascii ? text.toLowerCase() : foldText(text);
  for (const match of folded.matchAll(ascii ? ASCII_WORD : FOLDED_WORD)) terms.push(...cachedTerms(match[0]));
  return terms;
}

/** One typed word as the search looks it up. */
export type QueryWord = Readonly<{
  /** The folded word as typed. */
  word: string;
  /** Its stem ('' when it equals the word). */
  stem: string;
  /** Looked up as a prefix too: the last word while it is being typed. */
  prefix: boolean;
  /** Edits tolerated (Levenshtein): 1 in words of 5+ letters, else 0. */
  typos: 0 | 1;
}>;

/** Words of 5+ letters tolerate one typo. */
export const TYPO_MIN_LENGTH = 5;

/**
 * The words of a query, stop words left out (unless nothing else is left: "di" alone is still
 * searched), the last one a prefix unless the text ends in a space (the word is complete).
 */
export function queryWords(text: string): QueryWord[] {
  const all = words(text).map((found) => found.word);
  const kept = all.filter((word) => !STOP_WORDS.has(word));
  const chosen = kept.length > 0 ? kept : all;
  const open = !/\s$/.test(text);
  return chosen.map((word, index) => {
    const stemmed = stem(word);
    return {
      word,
      stem: stemmed === word ? '' : stemmed,
      prefix: open && index === chosen.length - 1,
      typos: word.length >= TYPO_MIN_LENGTH && !/\d/.test(word) ? 1 : 0,
    };
  });
}

/** Levenshtein distance of `a` and `b`, stopping early once it exceeds `max` (returns max + 1). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Whether the folded `word` of a text is what `query` looks for (same word or stem, prefix, one typo). */
export function wordMatches(word: string, query: QueryWord): boolean {
  if (STOP_WORDS.has(word)) return false;
  const stemmed = stem(word);
  if (word === query.word || (query.stem !== '' && stemmed === query.stem) || stemmed === query.word)
    return true;
  if (query.prefix && (word.startsWith(query.word) || (query.stem !== '' && stemmed.startsWith(query.stem))))
    return true;
  return query.typos > 0 && editDistance(word, query.word, query.typos) <= query.typos;
}

/** The places of `text` that the query's words match, for highlighting (`[start, end)`, in order). */
export function matchedRanges(text: string, query: readonly QueryWord[]): [number, number][] {
  return words(text)
    .filter((found) => query.some((wanted) => wordMatches(found.word, wanted)))
    .map((found) => [found.start, found.end]);
}
