/**
 * The keys the device-local search index stores per complaint and looks up per query
 * (docs/decisions/012-search-index.md). Pure: what a complaint is indexed under, and which key
 * ranges a typed query reads, for a role that may or may not see confidential complaints.
 *
 * Every key is `<part>:<term>`; the part says what the term is and who may find a complaint by it:
 *
 * | part        | terms                                                   | found by               |
 * | ----------- | ------------------------------------------------------- | ---------------------- |
 * | `r`         | suffixes of the tracking and LAPOR! numbers (3+)        | every role             |
 * | `w` / `cw`  | words and stems of title, chronology, location, category, offices | every role / only roles that see confidential |
 * | `t` / `ct`  | the title's words and stems again (ranks title matches first)     | as `w` / `cw`          |
 * | `n` / `cn`  | the reporter's name, folded words (identity)            | every role / only roles that see confidential |
 * | `p` / `cp`  | suffixes (4+) of the reporter's phone in national form  | as `n` / `cn`          |
 * | `k` / `ck`  | suffixes (6+) of the reporter's NIK                     | as `n` / `cn`          |
 *
 * `c…` parts hold a confidential complaint's content and identity; an officer's query never reads
 * them, so it can neither match nor count such a complaint by those words. Identity keys
 * (`n p k`, `cn cp ck`) are kept in a table of their own, so that they can later be stored as keyed
 * hashes (then fragments become exact keys: the suffix terms are already the only prefix lookups).
 * Anonymous complaints have no identity keys at all.
 */
import {
  digitRuns,
  foldReference,
  nikQueries,
  nikTerms,
  phoneQueries,
  phoneTerms,
  referenceTerms,
} from './identifiers';
import { queryWords, textTerms, words, type QueryWord } from './indonesian-text';

/** Bump when what is indexed or how changes: the index is then rebuilt from the records. */
export const SEARCH_INDEX_VERSION = 1;

/** The content fields a complaint's text is indexed from (and a match names). */
export const CONTENT_FIELDS = ['title', 'chronology', 'location', 'category', 'office', 'laporId'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
export const IDENTITY_KEY_FIELDS = ['name', 'phone', 'nik'] as const;
export type IdentityKeyField = (typeof IDENTITY_KEY_FIELDS)[number];

/** What a complaint is indexed from: its fields as they now read (corrections applied). */
export type SearchSource = Readonly<{
  id: string;
  trackingNumber: string;
  /** The latest LAPOR! number, '' when none. */
  laporId: string;
  confidential: boolean;
  title: string;
  chronology: string;
  location: string;
  /** The category's name as the unit calls it (and its code). */
  category: string;
  /** The target office named at intake and the office it is disposed to. */
  offices: readonly string[];
}>;

export type SearchIdentitySource = Readonly<{
  id: string;
  confidential: boolean;
  name: string;
  phone: string;
  nik: string;
}>;

/** A complaint's content row: its keys, and its terms per field (to say where a query matched). */
export type SearchContentRow = Readonly<{
  id: string;
  keys: readonly string[];
  fields: Readonly<Partial<Record<ContentField, readonly string[]>>>;
}>;

/** A complaint's identity row (none for anonymous complaints or a reporter without identity). */
export type SearchIdentityRow = Readonly<{ id: string; keys: readonly string[] }>;

const distinct = (terms: readonly string[]): string[] => [...new Set(terms)];

export function contentRow(source: SearchSource): SearchContentRow {
  const c = source.confidential ? 'c' : '';
  const fields: Partial<Record<ContentField, readonly string[]>> = {
    title: distinct(textTerms(source.title)),
    chronology: distinct(textTerms(source.chronology)),
    location: distinct(textTerms(source.location)),
    category: distinct(textTerms(source.category)),
    office: distinct(textTerms(source.offices.join(' '))),
    laporId: distinct(textTerms(source.laporId)),
  };
  const contentTerms = distinct(Object.values(fields).flat());
  const keys = [
    ...distinct([...referenceTerms(source.trackingNumber), ...referenceTerms(source.laporId)]).map(
      (term) => `r:${term}`,
    ),
    ...contentTerms.map((term) => `${c}w:${term}`),
    ...(fields.title ?? []).map((term) => `${c}t:${term}`),
  ];
  return { id: source.id, keys, fields };
}

export function identityRow(source: SearchIdentitySource): SearchIdentityRow | undefined {
  const c = source.confidential ? 'c' : '';
  const keys = [
    ...distinct(words(source.name).map((found) => found.word)).map((term) => `${c}n:${term}`),
    ...distinct(phoneTerms(source.phone)).map((term) => `${c}p:${term}`),
    ...distinct(nikTerms(source.nik)).map((term) => `${c}k:${term}`),
  ];
  return keys.length > 0 ? { id: source.id, keys } : undefined;
}

/** Where a key range matched: a content part, the title, a reference, or an identity field. */
export type MatchTag = 'content' | 'title' | 'reference' | IdentityKeyField;

/** One key range to read: `[lower, upper]` inclusive (an exact key has lower = upper). */
export type KeyRange = Readonly<{
  lower: string;
  upper: string;
  tag: MatchTag;
  table: 'content' | 'identity';
}>;

/** Everything after a prefix: `prefix` itself up to `prefix\uffff`. */
const HIGH = '\uffff';
const exact = (key: string, tag: MatchTag, table: KeyRange['table']): KeyRange => ({
  lower: key,
  upper: key,
  tag,
  table,
});
const prefixed = (key: string, tag: MatchTag, table: KeyRange['table']): KeyRange => ({
  lower: key,
  upper: key + HIGH,
  tag,
  table,
});

/** A word typed must be this long before it is looked up as a prefix (shorter: whole words only). */
export const PREFIX_MIN_LENGTH = 3;

/** One part of a query that must match (all parts must): a word or a run of digits, as key ranges. */
export type QueryUnit = Readonly<{ text: string; ranges: readonly KeyRange[]; word?: QueryWord }>;

export type QueryPlanOptions = Readonly<{
  /** The session may see confidential complaints' content and identity. */
  seeConfidential: boolean;
  /** Words one edit away from `word` in the index's vocabulary (typo tolerance). */
  nearWords: (word: QueryWord) => readonly string[];
}>;

/** A run of digits standing alone (not inside a word such as `A2C`), as typed with separators. */
const STANDALONE_DIGITS = /(?<![\p{L}\p{N}])\+?\d(?:[\s\-.()]*\d)*(?![\p{L}\p{N}])/gu;

/**
 * The key ranges a query reads: one unit per word with a letter, one per standalone run of digits
 * (a phone typed with spaces is one run). Stop words are left out (./indonesian-text).
 */
export function queryPlan(text: string, options: QueryPlanOptions): QueryUnit[] {
  const parts = options.seeConfidential ? ['', 'c'] : [''];
  const units: QueryUnit[] = [];
  const runs = [...text.matchAll(STANDALONE_DIGITS)].flatMap((match) => digitRuns(match[0]));
  const runSet = new Set(runs);
  for (const word of queryWords(text)) {
    if (/^\d+$/.test(word.word) && [...runSet].some((run) => run.includes(word.word))) continue;
    const ranges: KeyRange[] = [];
    const open = word.prefix && word.word.length >= PREFIX_MIN_LENGTH;
    const terms = [word.word, ...(word.stem ? [word.stem] : []), ...options.nearWords(word)];
    for (const c of parts) {
      for (const [part, tag] of [
        ['w', 'content'],
        ['t', 'title'],
      ] as const) {
        for (const term of terms) ranges.push(exact(`${c}${part}:${term}`, tag, 'content'));
        if (open) ranges.push(prefixed(`${c}${part}:${word.word}`, tag, 'content'));
      }
      const name = `${c}n:${word.word}`;
      ranges.push(open ? prefixed(name, 'name', 'identity') : exact(name, 'name', 'identity'));
    }
    const reference = foldReference(word.word);
    if (reference.length >= 3) ranges.push(prefixed(`r:${reference}`, 'reference', 'content'));
    units.push({ text: word.word, ranges, word });
  }
  for (const run of runs) {
    const ranges: KeyRange[] = [];
    for (const c of parts) {
      ranges.push(exact(`${c}w:${run}`, 'content', 'content'));
      for (const phone of phoneQueries(run)) ranges.push(prefixed(`${c}p:${phone}`, 'phone', 'identity'));
      for (const nik of nikQueries(run)) ranges.push(prefixed(`${c}k:${nik}`, 'nik', 'identity'));
    }
    if (run.length >= 3) ranges.push(prefixed(`r:${run}`, 'reference', 'content'));
    units.push({ text: run, ranges });
  }
  return units;
}
