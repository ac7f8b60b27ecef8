/**
 * The device-local search index (docs/decisions/012-search-index.md). Persisted as one content row
 * and at most one identity row per complaint in Dexie (plain rows, no IndexedDB index over their
 * keys: writes are plain puts), and queried from a compact structure in memory, loaded from those
 * rows in pages (in the background, with progress) and kept in step by every write:
 *
 * - every complaint has a number (`ids[num]` is its id; numbers follow the id order when loaded, so
 *   the newest complaint has the highest number);
 * - word keys (`w t n` and their `c…` twins) map to sorted arrays of complaint numbers, with a
 *   sorted array of those keys for prefix ranges (binary search of each range's lower bound);
 * - suffix keys (`r`: every suffix of a tracking or LAPOR! number) are not held one by one (there are
 *   millions at 100,000 complaints): each complaint's longest terms of the part are joined in one
 *   string per part and a range `[x, x\uffff]` becomes a substring search in it;
 * - gram keys (`p k`, `cp ck`: a phone's or NIK's keyed hashes of its digit grams, in order, 3 units
 *   per gram: shared/search/keyed-tokens) are joined the same way; a typed number's hashed grams are
 *   looked for inside them at a gram boundary (decision 023: no clear identity is held, stored or
 *   in the snapshot; name keys `n cn` are word keys of hashes);
 * - the content vocabulary (for typo tolerance) as before.
 *
 * A query only reads the key ranges its plan names (shared/search/search-keys): an officer's plan
 * has no `c…` range, so nothing confidential is read, matched or counted for them.
 */
import { REFERENCE_FRAGMENT_MIN } from '../../../shared/search/identifiers';
import { TYPO_MIN_LENGTH, type QueryWord } from '../../../shared/search/indonesian-text';
import { GRAM_UNITS, type IdentityHasher } from '../../../shared/search/keyed-tokens';
import {
  CONTENT_FIELDS,
  hashedRanges,
  queryPlan,
  type ContentField,
  type KeyRange,
  type MatchTag,
  type SearchContentRow,
  type SearchIdentityRow,
} from '../../../shared/search/search-keys';
import type { DeviceDatabase } from '../data/device-database';
import type { SnapshotManifest, SnapshotPart, SuffixSnapshot } from './search-schema';

/** Where the complaints a query matched matched (by id). */
export type MatchTags = Readonly<{ get: (id: string) => ReadonlySet<MatchTag> | undefined }>;

/** The complaints a query matched, each with where it matched. */
export type Candidates = Readonly<{
  /** Matched complaint ids, best first: title matches, then newest (ids sort by receipt time). */
  ids: readonly string[];
  tags: MatchTags;
  /** The same ids, newest first (the 'received' sort), without sorting when the numbers are in id order. */
  newest: () => readonly string[];
  /** The typed words (for marking them in a title). */
  words: readonly QueryWord[];
  /**
   * The content fields of complaint `id` holding a term one of the typed words matches (in
   * CONTENT_FIELDS order), from the field bits of the postings the query read: no row is read.
   */
  fields: (id: string) => ContentField[];
}>;

/** Progress of loading the index from its rows: rows read of `total`. */
export type LoadProgress = (done: number, total: number) => void;

/** Rows read per IndexedDB request while loading. */
export const LOAD_PAGE = 2000;

export const SNAPSHOT_ID = 'postings';
/** 2: every posting carries its complaint's field bits (FIELD_SHIFT). 3: identity as keyed hashes (decision 023). */
const SNAPSHOT_VERSION = 3;
/**
 * A snapshot's parts hold about 0.5 MB each (postings, complaint ids, suffix terms): building,
 * cloning (IndexedDB's put) or reading one holds the main thread for a few milliseconds to some tens.
 */
const SNAPSHOT_PART_POSTINGS = 1 << 17;
const SNAPSHOT_PART_IDS = 4000;
const SNAPSHOT_PART_TERMS = 20_000;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** Lets the main thread handle what waits (input, rendering) between parts of long work. */
const yieldToMain = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** The snapshot is saved this long after the last write. */
export const SNAPSHOT_DELAY_MS = 5000;

const TAG_BITS: Readonly<Record<MatchTag, number>> = {
  content: 1,
  title: 2,
  reference: 4,
  name: 8,
  phone: 16,
  nik: 32,
};
const TAGS = Object.entries(TAG_BITS) as [MatchTag, number][];

/**
 * A posting is `num * 2^FIELD_SHIFT + fields`: the complaint's number and, for a content word key
 * (`w`, `cw`), one bit per content field (CONTENT_FIELDS order) holding the term (0 for the other
 * parts). Postings sorted by value are sorted by number; `value >>> FIELD_SHIFT` is the number.
 * Numbers stay below 2^(32 - FIELD_SHIFT) (67 million complaints).
 */
const FIELD_SHIFT = CONTENT_FIELDS.length;
const FIELD_MASK = (1 << FIELD_SHIFT) - 1;
const posting = (num: number, fields: number): number => num * (FIELD_MASK + 1) + fields;
const postingNumber = (value: number): number => value >>> FIELD_SHIFT;
/** A word key's postings: sorted (see FIELD_SHIFT); a typed-array view into the snapshot until changed. */
type List = number[] | Uint32Array;

/** The field bits of each term of a content row (by term). */
function fieldBits(row: SearchContentRow | SearchIdentityRow): Map<string, number> {
  const bits = new Map<string, number>();
  if (!('fields' in row)) return bits;
  CONTENT_FIELDS.forEach((field, index) => {
    for (const term of row.fields[field] ?? []) bits.set(term, (bits.get(term) ?? 0) | (1 << index));
  });
  return bits;
}

/**
 * The suffix parts, with the shortest suffix indexed; and the gram parts (units per hashed gram),
 * whose terms are matched only at a gram boundary.
 */
const SUFFIX_MIN: Readonly<Record<string, number>> = {
  r: REFERENCE_FRAGMENT_MIN,
  p: GRAM_UNITS,
  cp: GRAM_UNITS,
  k: GRAM_UNITS,
  ck: GRAM_UNITS,
};
const GRAM_WIDTH: Readonly<Record<string, number>> = {
  p: GRAM_UNITS,
  cp: GRAM_UNITS,
  k: GRAM_UNITS,
  ck: GRAM_UNITS,
};
/** The parts of the identity table's keys. */
const IDENTITY_PARTS: ReadonlySet<string> = new Set(['n', 'cn', 'p', 'cp', 'k', 'ck']);
const suffixPart = (part: string): SuffixPart => new SuffixPart(SUFFIX_MIN[part] ?? 1, GRAM_WIDTH[part] ?? 1);
/** The table a suffix part's keys are stored in. */
const SUFFIX_TABLE: Readonly<Record<string, Table>> = {
  r: 'content',
  p: 'identity',
  cp: 'identity',
  k: 'identity',
  ck: 'identity',
};
type Table = KeyRange['table'];
const SEPARATOR = '\u0001';
const HIGH = '\uffff';

const partOf = (key: string): string => key.slice(0, key.indexOf(':'));
const isContentWord = (part: string): boolean => part === 'w' || part === 'cw';

/** First index in sorted `list` whose value is ≥ `value`. */
function lowerBound<T>(list: ArrayLike<T>, value: T): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] as T) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The terms of one suffix part: each complaint's longest terms, joined for substring search. */
class SuffixPart {
  private terms: string[] = [];
  private docs: number[] = [];
  /** The complaint's generation a term was added in: stale once the complaint is indexed again. */
  private generations: number[] = [];
  private joined: { text: string; starts: Int32Array } | undefined;
  private stale = 0;

  constructor(
    private readonly min: number,
    /** 1: any suffix of a term; GRAM_UNITS: only at a gram boundary (a hashed number's grams). */
    private readonly width = 1,
  ) {}

  add(num: number, generation: number, terms: readonly string[]): void {
    // Only terms that are not a suffix of a longer one of the same complaint.
    const longest = [...terms].sort((a, b) => b.length - a.length);
    const kept: string[] = [];
    for (const term of longest) if (!kept.some((other) => other.endsWith(term))) kept.push(term);
    for (const term of kept) {
      this.terms.push(term);
      this.docs.push(num);
      this.generations.push(generation);
    }
    this.joined = undefined;
  }

  /** Terms of `count` complaint versions became stale (compacted on the next query when many). */
  forget(count: number): void {
    this.stale += count;
  }

  /** Tags every live complaint one of whose indexed suffixes is in `[lower, upper]` (exact or prefix). */
  match(
    range: KeyRange,
    key: string,
    generationOf: (num: number) => number,
    out: Uint8Array,
    bit: number,
  ): void {
    if (this.stale > this.terms.length / 4) this.compact(generationOf);
    const exact = range.lower === range.upper;
    if (!exact && range.upper !== range.lower + HIGH) throw new Error(`unsupported range ${range.lower}`);
    const term = key;
    if (term === '') return;
    const joined = (this.joined ??= this.join());
    const { text, starts } = joined;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      // The term holding this position: the last start ≤ at.
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if ((starts[mid] ?? 0) <= at) low = mid;
        else high = mid - 1;
      }
      const index = low;
      const end = (starts[index + 1] ?? text.length + 1) - 1;
      const suffixLength = end - at;
      if (this.width > 1) {
        // A typed number's grams inside a stored number's, starting at one of its grams.
        if ((at - (starts[index] ?? 0)) % this.width !== 0 || suffixLength < term.length) continue;
      } else if (suffixLength < this.min || (exact && suffixLength !== term.length)) continue;
      const num = this.docs[index] ?? -1;
      if (num >= 0 && this.generations[index] === generationOf(num)) out[num] = (out[num] ?? 0) | bit;
    }
  }

  private join(): { text: string; starts: Int32Array } {
    const starts = new Int32Array(this.terms.length);
    let at = 0;
    for (let index = 0; index < this.terms.length; index += 1) {
      starts[index] = at;
      at += (this.terms[index] ?? '').length + 1;
    }
    return { text: this.terms.join(SEPARATOR), starts };
  }

  /** The live terms and their complaints (for a snapshot). */
  /** The live terms and their complaints (for a snapshot), in slices of at most `size` terms. */
  live(generationOf: (num: number) => number, size: number): SuffixSnapshot[] {
    this.compact(generationOf);
    const slices: SuffixSnapshot[] = [];
    for (let from = 0; from < this.terms.length; from += size) {
      slices.push({
        terms: this.terms.slice(from, from + size).join(SEPARATOR),
        docs: Uint32Array.from(this.docs.slice(from, from + size)),
      });
    }
    return slices;
  }

  /** Adds a slice of a snapshot's terms (as `live` gave them, in order). */
  restore(snapshot: SuffixSnapshot): void {
    if (snapshot.terms === '') return;
    const terms = snapshot.terms.split(SEPARATOR);
    for (let index = 0; index < terms.length; index += 1) {
      this.terms.push(terms[index] ?? '');
      this.docs.push(snapshot.docs[index] ?? 0);
      this.generations.push(0);
    }
    this.joined = undefined;
  }

  private compact(generationOf: (num: number) => number): void {
    const terms: string[] = [];
    const docs: number[] = [];
    const generations: number[] = [];
    for (let index = 0; index < this.terms.length; index += 1) {
      const num = this.docs[index] ?? -1;
      const generation = this.generations[index] ?? -1;
      if (num >= 0 && generation === generationOf(num)) {
        terms.push(this.terms[index] ?? '');
        docs.push(num);
        generations.push(generation);
      }
    }
    this.terms = terms;
    this.docs = docs;
    this.generations = generations;
    this.stale = 0;
    this.joined = undefined;
  }
}

/** The in-memory structure (see the file's comment). */
class Postings {
  /** Complaint ids by number (undefined once deleted). */
  readonly ids: (string | undefined)[] = [];
  readonly numbers = new Map<string, number>();
  /** Per table, bumped each time a complaint's row there is replaced or removed (its suffix terms go stale). */
  readonly generations: Readonly<Record<Table, number[]>> = { content: [], identity: [] };
  /** Word key → its postings (complaint numbers with field bits, see FIELD_SHIFT). */
  readonly words = new Map<string, List>();
  /** The word keys, sorted (built on first use, kept sorted after). */
  private sortedKeys: string[] | undefined;
  readonly suffixes = new Map<string, SuffixPart>();
  readonly vocabulary = new Set<string>();
  /** Whether numbers follow the id order (else ranking compares ids). */
  ordered = true;

  generationOf(table: Table): (num: number) => number {
    const generations = this.generations[table];
    return (num) => generations[num] ?? 0;
  }

  numberOf(id: string): number {
    const known = this.numbers.get(id);
    if (known !== undefined) return known;
    const num = this.ids.length;
    const last = this.ids.findLast((other) => other !== undefined);
    if (last !== undefined && id < last) this.ordered = false;
    this.ids.push(id);
    this.numbers.set(id, num);
    return num;
  }

  /** Adds a complaint's keys (a row of either table; a content row's word keys with their field bits). */
  add(num: number, row: SearchContentRow | SearchIdentityRow): void {
    const suffixTerms = new Map<string, string[]>();
    const bits = fieldBits(row);
    for (const key of row.keys) {
      const part = partOf(key);
      if (part in SUFFIX_MIN) {
        const terms = suffixTerms.get(part) ?? [];
        terms.push(key.slice(part.length + 1));
        suffixTerms.set(part, terms);
        continue;
      }
      let list = this.words.get(key);
      if (list instanceof Uint32Array) {
        list = Array.from(list);
        this.words.set(key, list);
      }
      if (!list) {
        list = [];
        this.words.set(key, list);
        if (this.sortedKeys) this.sortedKeys.splice(lowerBound(this.sortedKeys, key), 0, key);
        if (isContentWord(part)) this.vocabulary.add(key.slice(part.length + 1));
      }
      const value = posting(num, isContentWord(part) ? (bits.get(key.slice(part.length + 1)) ?? 0) : 0);
      const last = list.length > 0 ? (list[list.length - 1] ?? -1) : -1;
      if (value > last) list.push(value);
      else {
        const at = lowerBound(list, posting(num, 0));
        const there = list[at];
        if (there !== undefined && postingNumber(there) === num) list[at] = value;
        else list.splice(at, 0, value);
      }
    }
    for (const [part, terms] of suffixTerms) {
      let suffix = this.suffixes.get(part);
      if (!suffix) {
        suffix = suffixPart(part);
        this.suffixes.set(part, suffix);
      }
      suffix.add(num, this.generationOf(SUFFIX_TABLE[part] ?? 'content')(num), terms);
    }
  }

  /** Removes a complaint's keys (as its stored row lists them). */
  remove(num: number, keys: readonly string[]): void {
    const parts = new Set<string>();
    for (const key of keys) {
      const part = partOf(key);
      if (part in SUFFIX_MIN) {
        parts.add(part);
        continue;
      }
      const stored = this.words.get(key);
      if (!stored) continue;
      const list = stored instanceof Uint32Array ? Array.from(stored) : stored;
      this.words.set(key, list);
      const at = lowerBound(list, posting(num, 0));
      const there = list[at];
      if (there !== undefined && postingNumber(there) === num) list.splice(at, 1);
      // Emptied content keys stay (the vocabulary may still name them); they match nothing. An
      // emptied identity key goes: a deleted identity leaves none of its hashes (decision 023).
      if (list.length === 0 && IDENTITY_PARTS.has(part)) {
        this.words.delete(key);
        if (this.sortedKeys) {
          const sortedAt = lowerBound(this.sortedKeys, key);
          if (this.sortedKeys[sortedAt] === key) this.sortedKeys.splice(sortedAt, 1);
        }
      }
    }
    for (const part of parts) this.suffixes.get(part)?.forget(1);
  }

  /** Marks the complaint's suffix terms from its previous row in `table` stale (before adding the new ones). */
  bump(table: Table, num: number): void {
    this.generations[table][num] = this.generationOf(table)(num) + 1;
  }

  /** Forgets every identity key (the identity part is rebuilt under another unit key version). */
  dropIdentity(): void {
    for (const key of [...this.words.keys()]) if (IDENTITY_PARTS.has(partOf(key))) this.words.delete(key);
    this.sortedKeys = undefined;
    for (const part of [...this.suffixes.keys()]) if (IDENTITY_PARTS.has(part)) this.suffixes.delete(part);
  }

  delete(id: string): void {
    const num = this.numbers.get(id);
    if (num === undefined) return;
    this.numbers.delete(id);
    this.ids[num] = undefined;
  }

  /**
   * The whole structure as parts of a few strings and typed arrays (../search-schema SnapshotPart),
   * built a part at a time: `pause` between parts yields the main thread and says whether to go on
   * (undefined when it says no: the structure changed meanwhile).
   */
  async snapshotParts(pause: () => Promise<boolean>): Promise<SnapshotPart[] | undefined> {
    const parts: SnapshotPart[] = [];
    const add = (part: DistributiveOmit<SnapshotPart, 'id'>): void => {
      parts.push({ ...part, id: `${SNAPSHOT_ID}:${parts.length}` });
    };
    for (let from = 0; from < this.ids.length; from += SNAPSHOT_PART_IDS) {
      const ids = this.ids.slice(from, from + SNAPSHOT_PART_IDS);
      add({ kind: 'ids', ids: ids.map((id) => id ?? '').join('\n') });
      if (!(await pause())) return undefined;
    }
    // Keys that match nothing any more are not saved.
    const keys = [...this.words.keys()].filter((key) => (this.words.get(key)?.length ?? 0) > 0);
    for (let from = 0; from < keys.length;) {
      let to = from;
      let total = 0;
      while (to < keys.length && (to === from || total < SNAPSHOT_PART_POSTINGS)) {
        total += this.words.get(keys[to] ?? '')?.length ?? 0;
        to += 1;
      }
      const offsets = new Uint32Array(to - from + 1);
      const postings = new Uint32Array(total);
      let at = 0;
      for (let index = from; index < to; index += 1) {
        const list = this.words.get(keys[index] ?? '') ?? [];
        offsets[index - from] = at;
        postings.set(list, at);
        at += list.length;
      }
      offsets[to - from] = at;
      add({ kind: 'words', keys: keys.slice(from, to).join('\n'), offsets, postings });
      from = to;
      if (!(await pause())) return undefined;
    }
    for (const [part, suffix] of this.suffixes) {
      const generationOf = this.generationOf(SUFFIX_TABLE[part] ?? 'content');
      for (const slice of suffix.live(generationOf, SNAPSHOT_PART_TERMS)) {
        add({ kind: 'suffix', part, ...slice });
        if (!(await pause())) return undefined;
      }
    }
    return parts;
  }

  /** Adds a part of a snapshot (an empty structure's parts, in the order they were saved). */
  restorePart(part: SnapshotPart): void {
    if (part.kind === 'ids') {
      part.ids.split('\n').forEach((id) => {
        const num = this.ids.length;
        this.ids.push(id === '' ? undefined : id);
        if (id !== '') this.numbers.set(id, num);
      });
      return;
    }
    if (part.kind === 'suffix') {
      let suffix = this.suffixes.get(part.part);
      if (!suffix) {
        suffix = suffixPart(part.part);
        this.suffixes.set(part.part, suffix);
      }
      suffix.restore(part);
      return;
    }
    if (part.keys === '') return;
    part.keys.split('\n').forEach((key, index) => {
      this.words.set(key, part.postings.subarray(part.offsets[index] ?? 0, part.offsets[index + 1] ?? 0));
      const wordPart = partOf(key);
      if (isContentWord(wordPart)) this.vocabulary.add(key.slice(wordPart.length + 1));
    });
  }

  /**
   * Sets `bit` in `out` for every complaint the range matches; `read` gets the postings of each word
   * key in the range.
   */
  match(range: KeyRange, out: Uint8Array, bit: number, read?: (list: List) => void): void {
    const part = partOf(range.lower);
    if (part in SUFFIX_MIN) {
      this.suffixes
        .get(part)
        ?.match(range, range.lower.slice(part.length + 1), this.generationOf(range.table), out, bit);
      return;
    }
    const mark = (list: List | undefined): void => {
      if (!list) return;
      read?.(list);
      for (let at = 0; at < list.length; at += 1) {
        const num = (list[at] ?? 0) >>> FIELD_SHIFT;
        out[num] = (out[num] ?? 0) | bit;
      }
    };
    if (range.lower === range.upper) {
      mark(this.words.get(range.lower));
      return;
    }
    const sorted = (this.sortedKeys ??= [...this.words.keys()].sort());
    for (let at = lowerBound(sorted, range.lower); at < sorted.length; at += 1) {
      const key = sorted[at] ?? '';
      if (key > range.upper) break;
      mark(this.words.get(key));
    }
  }
}

export class SearchIndex {
  private memory: Postings | undefined;
  private loading: Promise<Postings> | undefined;
  /** Bumped by `clear`: a load under way then is dropped. */
  private generation = 0;
  /** Bumped whenever what a query finds may have changed (a write, a clear, a load). */
  private changeCount = 0;
  private readonly progressListeners = new Set<LoadProgress>();
  /** Writes under way (a snapshot is not saved meanwhile). */
  private writing = 0;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: DeviceDatabase,
    /**
     * The hasher of identity tokens under the current unit key (decision 023), or undefined while
     * no key is unlocked: then a query does not look in the identity part at all. The indexer sets
     * it at its start (`useIdentityHasher`); none given: identity is never looked up.
     */
    private identityHasher: () => Promise<IdentityHasher | undefined> = () => Promise.resolve(undefined),
  ) {}

  /** Where queries get the identity hasher from (the indexer's records' vault). */
  useIdentityHasher(source: () => Promise<IdentityHasher | undefined>): void {
    this.identityHasher = source;
    this.changeCount += 1;
  }

  /**
   * Loads the in-memory structure from the rows (once; later calls share it), reporting rows read of
   * the rows stored. Queries and writes wait for it.
   */
  load(onProgress?: LoadProgress): Promise<void> {
    if (onProgress) this.progressListeners.add(onProgress);
    return this.loaded()
      .then(() => undefined)
      .finally(() => {
        if (onProgress) this.progressListeners.delete(onProgress);
      });
  }

  /** Changes when what a query finds may have changed (matches computed before are then out of date). */
  changes(): number {
    return this.changeCount;
  }

  /** Whether the in-memory structure is loaded. */
  isLoaded(): boolean {
    return this.memory !== undefined;
  }

  /** Writes the rows of re-indexed complaints and deletes those of complaints gone or without identity. */
  async write(
    content: readonly SearchContentRow[],
    identity: readonly SearchIdentityRow[],
    goneContent: readonly string[],
    goneIdentity: readonly string[],
  ): Promise<void> {
    // Changes that touch no complaint (the roster, settings, access records) change nothing here,
    // and keep the snapshot: a write would drop it, and the next start would read every row.
    if (content.length + identity.length + goneContent.length + goneIdentity.length === 0) return;
    const memory = await this.loaded();
    // The keys stored before (to take them out of the postings), read in the writing transaction.
    const known = (ids: readonly string[]): string[] => ids.filter((id) => memory.numbers.has(id));
    const contentIds = known([...content.map((row) => row.id), ...goneContent]);
    const identityIds = known([...identity.map((row) => row.id), ...goneIdentity]);
    this.writing += 1;
    this.cancelSnapshot();
    const before = await this.db
      .transaction('rw', this.db.searchContent, this.db.searchIdentity, this.db.searchSnapshot, async () => {
        await this.db.searchSnapshot.clear();
        const old = await Promise.all([
          contentIds.length > 0 ? this.db.searchContent.bulkGet(contentIds) : [],
          identityIds.length > 0 ? this.db.searchIdentity.bulkGet(identityIds) : [],
        ]);
        await this.db.searchContent.bulkDelete([...goneContent]);
        await this.db.searchIdentity.bulkDelete([...goneIdentity]);
        await this.db.searchContent.bulkPut([...content]);
        await this.db.searchIdentity.bulkPut([...identity]);
        return old;
      })
      .finally(() => {
        this.writing -= 1;
      });
    if (this.memory !== memory) return; // cleared meanwhile
    for (const [table, ids] of [
      ['content', contentIds],
      ['identity', identityIds],
    ] as const) {
      for (const id of ids) {
        const num = memory.numbers.get(id);
        if (num !== undefined) memory.bump(table, num);
      }
    }
    for (const row of [...before[0], ...before[1]]) {
      const num = row ? memory.numbers.get(row.id) : undefined;
      if (row && num !== undefined) memory.remove(num, row.keys);
    }
    const stillThere = new Set<string>();
    for (const row of [...content, ...identity]) {
      memory.add(memory.numberOf(row.id), row);
      stillThere.add(row.id);
    }
    for (const id of goneContent) if (!stillThere.has(id)) memory.delete(id);
    this.changeCount += 1;
    this.scheduleSnapshot();
  }

  /**
   * Saves the in-memory structure as the snapshot now, unless a write is under way (resolves to
   * whether it was saved). Called once the writes pause, and after loading from the rows.
   */
  async saveSnapshot(): Promise<boolean> {
    this.cancelSnapshot();
    const memory = this.memory;
    if (!memory || this.writing > 0) return false;
    const generation = this.generation;
    const changes = this.changeCount;
    const unchanged = (): boolean =>
      this.writing === 0 &&
      generation === this.generation &&
      this.memory === memory &&
      changes === this.changeCount;
    const parts = await memory.snapshotParts(async () => {
      await yieldToMain();
      return unchanged();
    });
    if (!parts) return false;
    const manifest: SnapshotManifest = {
      id: SNAPSHOT_ID,
      version: SNAPSHOT_VERSION,
      ordered: memory.ordered,
      parts: parts.length,
    };
    return this.db.transaction('rw', this.db.searchSnapshot, async () => {
      if (!unchanged()) return false;
      await this.db.searchSnapshot.clear();
      // One part per request: each is cloned in its own task (writes wait for this transaction).
      for (const part of parts) await this.db.searchSnapshot.put(part);
      await this.db.searchSnapshot.put(manifest);
      return true;
    });
  }

  private scheduleSnapshot(): void {
    this.cancelSnapshot();
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      this.saveSnapshot().catch(() => undefined); // the database closed meanwhile: the rows remain
    }, SNAPSHOT_DELAY_MS);
  }

  private cancelSnapshot(): void {
    if (this.snapshotTimer !== undefined) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
  }

  /**
   * Deletes every identity row and key, in memory and on disk, with the snapshot (before the identity
   * part is rebuilt under another unit key version: the old hashes would match nothing).
   */
  async clearIdentity(): Promise<void> {
    const memory = await this.loaded();
    this.writing += 1;
    this.cancelSnapshot();
    try {
      await this.db.transaction('rw', this.db.searchIdentity, this.db.searchSnapshot, async () => {
        await this.db.searchSnapshot.clear();
        await this.db.searchIdentity.clear();
      });
    } finally {
      this.writing -= 1;
    }
    if (this.memory !== memory) return;
    memory.dropIdentity();
    this.changeCount += 1;
  }

  /** Empties the index (before a rebuild). */
  async clear(): Promise<void> {
    this.generation += 1;
    this.cancelSnapshot();
    await this.db.transaction(
      'rw',
      this.db.searchContent,
      this.db.searchIdentity,
      this.db.searchSnapshot,
      async () => {
        await this.db.searchSnapshot.clear();
        await this.db.searchContent.clear();
        await this.db.searchIdentity.clear();
      },
    );
    this.memory = new Postings();
    this.changeCount += 1;
    this.loading = Promise.resolve(this.memory);
  }

  /** How many complaints have a content row. */
  count(): Promise<number> {
    return this.db.searchContent.count();
  }

  /** The complaints every unit of `text` matches, for a session that may (or may not) see confidential complaints. */
  async candidates(text: string, seeConfidential: boolean): Promise<Candidates> {
    const memory = await this.loaded();
    const plan = queryPlan(text, {
      seeConfidential,
      nearWords: (word) => nearWords(memory.vocabulary, word),
    });
    // Identity is looked up only as keyed hashes, and only while a unit key is unlocked.
    const hasher = plan.some((unit) => unit.identity.length > 0) ? await this.identityHasher() : undefined;
    const units = await Promise.all(
      plan.map(async (unit) =>
        hasher ? { ...unit, ranges: [...unit.ranges, ...(await hashedRanges(unit.identity, hasher))] } : unit,
      ),
    );
    const words = units.flatMap((unit) => (unit.word ? [unit.word] : []));
    const size = memory.ids.length;
    if (units.length === 0 || size === 0) {
      return { ids: [], tags: new Map(), newest: () => [], words, fields: () => [] };
    }
    // The content word keys the typed words matched (their postings say in which fields).
    const contentLists: List[] = [];
    const keep = (list: List): void => {
      contentLists.push(list);
    };
    // Per unit, the tags of every complaint it matched (0: none); the intersection ORs them.
    let all: Uint8Array | undefined;
    for (const unit of units) {
      const found = new Uint8Array(size);
      for (const range of unit.ranges) {
        const read = unit.word && range.tag === 'content' ? keep : undefined;
        memory.match(range, found, TAG_BITS[range.tag], read);
      }
      if (!all) {
        all = found;
        continue;
      }
      for (let num = 0; num < size; num += 1) {
        const before = all[num] ?? 0;
        const here = found[num] ?? 0;
        all[num] = before !== 0 && here !== 0 ? before | here : 0;
      }
    }
    const combined = all ?? new Uint8Array(0);
    const title: string[] = [];
    const rest: string[] = [];
    for (let num = size - 1; num >= 0; num -= 1) {
      const bits = combined[num] ?? 0;
      const id = memory.ids[num];
      if (bits === 0 || id === undefined) continue;
      (bits & TAG_BITS.title ? title : rest).push(id);
    }
    if (!memory.ordered) {
      title.sort(byNewest);
      rest.sort(byNewest);
    }
    const tags: MatchTags = {
      get: (id) => {
        const num = memory.numbers.get(id);
        const bits = num === undefined ? 0 : (combined[num] ?? 0);
        if (bits === 0) return undefined;
        return new Set(TAGS.filter(([, bit]) => bits & bit).map(([tag]) => tag));
      },
    };
    const newest = (): string[] => {
      if (!memory.ordered) return [...title, ...rest].sort(byNewest);
      const found: string[] = [];
      for (let num = size - 1; num >= 0; num -= 1) {
        const id = memory.ids[num];
        if ((combined[num] ?? 0) !== 0 && id !== undefined) found.push(id);
      }
      return found;
    };
    const fields = (id: string): ContentField[] => {
      const num = memory.numbers.get(id);
      if (num === undefined) return [];
      let bits = 0;
      const lowest = posting(num, 0);
      for (const list of contentLists) {
        const value = list[lowerBound(list, lowest)];
        if (value !== undefined && postingNumber(value) === num) bits |= value & FIELD_MASK;
        if (bits === FIELD_MASK) break;
      }
      return CONTENT_FIELDS.filter((_, index) => bits & (1 << index));
    };
    return { ids: [...title, ...rest], tags, newest, words, fields };
  }

  private loaded(): Promise<Postings> {
    this.loading ??= this.readRows(this.generation);
    return this.loading;
  }

  /** Loads the snapshot when there is one (of this version), else every row (then saves a snapshot). */
  private async readRows(generation: number): Promise<Postings> {
    const restored = await this.readSnapshot();
    if (restored) {
      if (generation !== this.generation) return this.loaded();
      const rows = restored.numbers.size;
      for (const listener of [...this.progressListeners]) listener(rows, rows);
      this.memory = restored;
      this.changeCount += 1;
      return restored;
    }
    const memory = await this.readAllRows(generation);
    if (this.memory === memory) this.scheduleSnapshot();
    return memory;
  }

  /** A new structure from the snapshot's parts, read one at a time; undefined when there is no whole snapshot. */
  private async readSnapshot(): Promise<Postings | undefined> {
    const manifest = await this.db.searchSnapshot.get(SNAPSHOT_ID);
    if (!manifest || !('parts' in manifest) || manifest.version !== SNAPSHOT_VERSION) return undefined;
    const memory = new Postings();
    memory.ordered = manifest.ordered;
    for (let index = 0; index < manifest.parts; index += 1) {
      const part = await this.db.searchSnapshot.get(`${SNAPSHOT_ID}:${index}`);
      if (!part || !('kind' in part)) return undefined;
      memory.restorePart(part);
    }
    return memory;
  }

  /** Reads every row in pages by primary key into a new structure. */
  private async readAllRows(generation: number): Promise<Postings> {
    const memory = new Postings();
    const [contentCount, identityCount] = await Promise.all([
      this.db.searchContent.count(),
      this.db.searchIdentity.count(),
    ]);
    const total = contentCount + identityCount;
    let done = 0;
    const report = (): void => {
      for (const listener of [...this.progressListeners]) listener(done, total);
    };
    report();
    for (const table of [this.db.searchContent, this.db.searchIdentity] as const) {
      let after: string | undefined;
      for (;;) {
        if (generation !== this.generation) return this.loaded();
        const rows: readonly (SearchContentRow | SearchIdentityRow)[] = await (after === undefined
          ? table.orderBy(':id').limit(LOAD_PAGE).toArray()
          : table.where(':id').above(after).limit(LOAD_PAGE).toArray());
        for (const row of rows) memory.add(memory.numberOf(row.id), row);
        done += rows.length;
        report();
        const last = rows.at(-1);
        if (rows.length < LOAD_PAGE || !last) break;
        after = last.id;
      }
    }
    if (generation !== this.generation) return this.loaded();
    this.memory = memory;
    this.changeCount += 1;
    return memory;
  }
}

const byNewest = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/** Words of the vocabulary one edit from a typed word of 5+ letters (not the word itself). */
export function nearWords(vocabulary: ReadonlySet<string>, word: QueryWord): string[] {
  if (word.typos === 0 || word.word.length < TYPO_MIN_LENGTH) return [];
  const near: string[] = [];
  for (const candidate of vocabulary) {
    if (candidate !== word.word && withinOneEdit(candidate, word.word)) near.push(candidate);
  }
  return near;
}

/**
 * `editDistance(a, b, 1) <= 1` (one insertion, deletion or substitution at most) without allocating:
 * run for every word of the vocabulary and every term of a page's rows.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let at = 0;
  while (at < short.length && short.charCodeAt(at) === long.charCodeAt(at)) at += 1;
  if (at === short.length) return true;
  // The first difference: a substitution (same lengths) or an insertion into the shorter one.
  const skip = short.length === long.length ? 1 : 0;
  for (let rest = at + skip; rest < short.length; rest += 1) {
    if (short.charCodeAt(rest) !== long.charCodeAt(rest + 1 - skip)) return false;
  }
  return true;
}
