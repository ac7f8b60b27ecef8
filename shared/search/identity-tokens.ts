/**
 * The identity tokens of the device's search index (docs/decisions/023-identity-search-at-rest.md):
 * what a reporter's name, phone and NIK are indexed under, and what a typed query looks for, as
 * clear texts that are never stored: ./keyed-tokens turns each into a keyed hash (HMAC-SHA256 under
 * the unit key's `search-index` purpose key) before anything is written or looked up.
 *
 * - **Name**: each folded word as a whole (`w:siti`); its prefixes from 3 letters (`p:sit`,
 *   `p:siti`: typing "sit" finds "Siti"); for words of 5+ letters, each single deletion with its
 *   position (`d2:rhmat` from "rahmat" without its third letter). With hashes a lookup can only be
 *   exact, so one typo is found SymSpell-style: a typed word of 5+ letters also looks up its own
 *   deletions as whole words (one letter too many), itself as any word's deletion at any position
 *   (one letter missing) and its deletions at the same position (one letter substituted): exactly
 *   the words within one edit (Levenshtein), as content words are found.
 * - **Phone** (national form, ./identifiers) and **NIK** (digits): the runs of 4 (phone) or 6 (NIK)
 *   digits at every position, in order ("grams"). A typed run of at least that many digits matches
 *   a number holding its grams one after the other, i.e. holding the run: every 4+ digit fragment
 *   of a phone and every 6+ digit fragment of a NIK is found, as before, from a bounded number of
 *   tokens per number (9 for a 12-digit phone, 11 for a NIK) instead of every fragment (45 and 66).
 */
import {
  canonicalPhone,
  NIK_FRAGMENT_MIN,
  PHONE_FRAGMENT_MIN,
  nikQueries,
  phoneQueries,
} from './identifiers';
import { TYPO_MIN_LENGTH, words, type QueryWord } from './indonesian-text';

/** A name word is looked up as a prefix from this many letters (as content words: search-keys PREFIX_MIN_LENGTH). */
export const NAME_PREFIX_MIN = 3;
/** Digits per gram: a phone's shortest searched fragment, a NIK's. */
export const PHONE_GRAM = PHONE_FRAGMENT_MIN;
export const NIK_GRAM = NIK_FRAGMENT_MIN;

/** The clear tokens of one identity (hashed before anything is stored). */
export type IdentityTokens = Readonly<{
  /** Name tokens (`w:`, `p:`, `d<i>:`), distinct. */
  name: readonly string[];
  /** The phone's 4-digit grams in order ([] below 4 digits). */
  phone: readonly string[];
  /** The NIK's 6-digit grams in order ([] below 6 digits). */
  nik: readonly string[];
}>;

const hasDigit = (word: string): boolean => /\d/.test(word);

/** `word` without its letter at `index`. */
const deletion = (word: string, index: number): string => word.slice(0, index) + word.slice(index + 1);

/** The tokens a stored name word is indexed under. */
export function nameWordTokens(word: string): string[] {
  const tokens = [`w:${word}`];
  for (let length = NAME_PREFIX_MIN; length <= word.length; length += 1) {
    tokens.push(`p:${word.slice(0, length)}`);
  }
  if (word.length >= TYPO_MIN_LENGTH && !hasDigit(word)) {
    for (let index = 0; index < word.length; index += 1)
      tokens.push(`d${String(index)}:${deletion(word, index)}`);
  }
  return tokens;
}

/** The runs of `size` digits of `digits` at every position, in order ([] when shorter). */
export function grams(digits: string, size: number): string[] {
  const found: string[] = [];
  for (let start = 0; start + size <= digits.length; start += 1)
    found.push(digits.slice(start, start + size));
  return found;
}

/** The clear tokens of a reporter's name, phone and NIK. */
export function identityTokens(
  source: Readonly<{ name: string; phone: string; nik: string }>,
): IdentityTokens {
  const nameWords = [...new Set(words(source.name).map((found) => found.word))];
  return {
    name: [...new Set(nameWords.flatMap(nameWordTokens))],
    phone: grams(canonicalPhone(source.phone), PHONE_GRAM),
    nik: grams(source.nik.replace(/\D/g, ''), NIK_GRAM),
  };
}

/**
 * The name tokens a typed word looks up (any one found matches the word): its prefix token when it
 * is the word being typed (3+ letters), else the whole word; and for 5+ letters (typos 1) the
 * tokens of the words one edit away (see the file's comment).
 */
export function nameQueryTokens(word: QueryWord): string[] {
  const typed = word.word;
  const tokens = [word.prefix && typed.length >= NAME_PREFIX_MIN ? `p:${typed}` : `w:${typed}`];
  if (word.typos > 0 && typed.length >= TYPO_MIN_LENGTH) {
    for (let index = 0; index < typed.length; index += 1) {
      const without = deletion(typed, index);
      tokens.push(`w:${without}`, `d${String(index)}:${without}`);
    }
    for (let index = 0; index <= typed.length; index += 1) tokens.push(`d${String(index)}:${typed}`);
  }
  return [...new Set(tokens)];
}

/** The gram sequences a typed digit run looks for in the phones (its national form too), none below 4 digits. */
export function phoneQueryGrams(run: string): string[][] {
  return phoneQueries(run).map((query) => grams(query, PHONE_GRAM));
}

/** The gram sequence a typed digit run looks for in the NIKs, none below 6 digits. */
export function nikQueryGrams(run: string): string[][] {
  return nikQueries(run).map((query) => grams(query, NIK_GRAM));
}
