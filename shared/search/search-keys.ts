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
 * | `n` / `cn`  | keyed hashes of the reporter's name tokens (identity)   | every role / only roles that see confidential |
 * | `p` / `cp`  | the keyed hashes of the phone's 4-digit grams, in order | as `n` / `cn`          |
 * | `k` / `ck`  | the keyed hashes of the NIK's 6-digit grams, in order   | as `n` / `cn`          |
 *
 * `c…` parts hold a confidential complaint's content and identity; an officer's query never reads
 * them, so it can neither match nor count such a complaint by those words. Identity keys
 * (`n p k`, `cn cp ck`) are kept in a table of their own and hold no clear name, phone or NIK: only
 * HMAC-SHA256 hashes under the unit key's `search-index` purpose key (./identity-tokens,
 * ./keyed-tokens; docs/decisions/023-identity-search-at-rest.md). A query's identity probes are
 * hashed the same way before they are looked up (`hashedRanges`), and not at all while no unit key
 * is unlocked. Anonymous complaints have no identity keys at all.
 */
import { digitRuns, foldReference, referenceTerms } from './identifiers';
import { identityTokens, nameQueryTokens, nikQueryGrams, phoneQueryGrams } from './identity-tokens';
import { queryWords, textTerms, type QueryWord } from './indonesian-text';
import type { IdentityHasher } from './keyed-tokens';

/**
 * Bump when what is indexed or how changes: the index is then rebuilt from the records.
 * 2: identity keys are keyed hashes (decision 023); version 1's rows held them in clear.
 */
export const SEARCH_INDEX_VERSION = 2;

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

/**
 * A complaint's identity row (none for anonymous complaints or a reporter without identity): keyed
 * hashes only, and the unit key version whose `search-index` key made them.
 */
export type SearchIdentityRow = Readonly<{ id: string; keys: readonly string[]; keyVersion: number }>;

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

/** The identity row of a reporter: its tokens hashed with `hasher` (./keyed-tokens); undefined when it has none. */
export async function identityRow(
  source: SearchIdentitySource,
  hasher: IdentityHasher,
): Promise<SearchIdentityRow | undefined> {
  const c = source.confidential ? 'c' : '';
  const hashed = await hasher.identity(identityTokens(source));
  const keys = [
    ...distinct([...hashed.name]).map((term) => `${c}n:${term}`),
    ...(hashed.phone === '' ? [] : [`${c}p:${hashed.phone}`]),
    ...(hashed.nik === '' ? [] : [`${c}k:${hashed.nik}`]),
  ];
  return keys.length > 0 ? { id: source.id, keys, keyVersion: hasher.version } : undefined;
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

/**
 * What a query looks for in the identity part, in clear (never stored): name tokens, any of which
 * matches, or a number's grams, which must follow one another. `hashedRanges` makes them key ranges.
 */
export type IdentityProbe =
  | Readonly<{ tag: 'name'; part: string; tokens: readonly string[] }>
  | Readonly<{ tag: 'phone' | 'nik'; part: string; grams: readonly string[] }>;

/**
 * One part of a query that must match (all parts must): a word or a run of digits, as key ranges
 * (content) and identity probes (hashed before they are looked up).
 */
export type QueryUnit = Readonly<{
  text: string;
  ranges: readonly KeyRange[];
  identity: readonly IdentityProbe[];
  word?: QueryWord;
}>;

/**
 * The identity probes as key ranges of hashed keys: a name token's exact key; a number's grams as
 * one exact key whose hashed grams the index looks for inside each stored number's (in order).
 */
export async function hashedRanges(
  probes: readonly IdentityProbe[],
  hasher: IdentityHasher,
): Promise<KeyRange[]> {
  const ranges: KeyRange[] = [];
  for (const probe of probes) {
    if (probe.tag === 'name') {
      const terms = await Promise.all(probe.tokens.map((token) => hasher.nameTerm(token)));
      for (const term of terms) ranges.push(exact(`${probe.part}:${term}`, 'name', 'identity'));
    } else {
      const sequence = await hasher.gramSequence(probe.tag, probe.grams);
      if (sequence !== '') ranges.push(exact(`${probe.part}:${sequence}`, probe.tag, 'identity'));
    }
  }
  return ranges;
}

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
    const identity: IdentityProbe[] = [];
    const open = word.prefix && word.word.length >= PREFIX_MIN_LENGTH;
    const terms = [word.word, ...(word.stem ? [word.stem] : []), ...options.nearWords(word)];
    const nameTokens = nameQueryTokens(word);
    for (const c of parts) {
      for (const [part, tag] of [
        ['w', 'content'],
        ['t', 'title'],
      ] as const) {
        for (const term of terms) ranges.push(exact(`${c}${part}:${term}`, tag, 'content'));
        if (open) ranges.push(prefixed(`${c}${part}:${word.word}`, tag, 'content'));
      }
      identity.push({ tag: 'name', part: `${c}n`, tokens: nameTokens });
    }
    const reference = foldReference(word.word);
    if (reference.length >= 3) ranges.push(prefixed(`r:${reference}`, 'reference', 'content'));
    units.push({ text: word.word, ranges, identity, word });
  }
  for (const run of runs) {
    const ranges: KeyRange[] = [];
    const identity: IdentityProbe[] = [];
    for (const c of parts) {
      ranges.push(exact(`${c}w:${run}`, 'content', 'content'));
      for (const grams of phoneQueryGrams(run)) identity.push({ tag: 'phone', part: `${c}p`, grams });
      for (const grams of nikQueryGrams(run)) identity.push({ tag: 'nik', part: `${c}k`, grams });
    }
    if (run.length >= 3) ranges.push(prefixed(`r:${run}`, 'reference', 'content'));
    units.push({ text: run, ranges, identity });
  }
  return units;
}
