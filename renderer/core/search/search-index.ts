/**
 * The device-local search index in Dexie (docs/decisions/012-search-index.md): one content row and
 * at most one identity row per complaint, each with a multi-entry index over its keys
 * (shared/search/search-keys), and in memory only the vocabulary of content words (for typo
 * tolerance). A query reads, per typed word, the key ranges its plan names (getAllKeys over each
 * range: no row is read), intersects the words' sets of complaint ids, and ranks them; nothing
 * reads every complaint.
 */
import { editDistance, TYPO_MIN_LENGTH, type QueryWord } from '../../../shared/search/indonesian-text';
import {
  queryPlan,
  type ContentField,
  type KeyRange,
  type MatchTag,
  type SearchContentRow,
  type SearchIdentityRow,
} from '../../../shared/search/search-keys';
import type { DeviceDatabase } from '../data/device-database';

/** The complaints a query matched, each with where it matched. */
export type Candidates = Readonly<{
  /** Matched complaint ids, best first: title matches, then newest (ids sort by receipt time). */
  ids: readonly string[];
  tags: ReadonlyMap<string, ReadonlySet<MatchTag>>;
  /** The typed words (for saying which content field matched). */
  words: readonly QueryWord[];
}>;

const CONTENT_KEY = /^c?w:/;

export class SearchIndex {
  /** Content words the index holds (both parts), for typo tolerance; loaded on first use. */
  private vocabulary: Set<string> | undefined;

  constructor(private readonly db: DeviceDatabase) {}

  /** Writes the rows of re-indexed complaints and deletes those of complaints gone or without identity. */
  async write(
    content: readonly SearchContentRow[],
    identity: readonly SearchIdentityRow[],
    goneContent: readonly string[],
    goneIdentity: readonly string[],
  ): Promise<void> {
    await this.db.transaction('rw', this.db.searchContent, this.db.searchIdentity, async () => {
      await this.db.searchContent.bulkDelete([...goneContent]);
      await this.db.searchIdentity.bulkDelete([...goneIdentity]);
      await this.db.searchContent.bulkPut([...content]);
      await this.db.searchIdentity.bulkPut([...identity]);
    });
    if (this.vocabulary) {
      for (const row of content) {
        for (const key of row.keys)
          if (CONTENT_KEY.test(key)) this.vocabulary.add(key.slice(key.indexOf(':') + 1));
      }
    }
  }

  /** Empties the index (before a rebuild). */
  async clear(): Promise<void> {
    await this.db.transaction('rw', this.db.searchContent, this.db.searchIdentity, async () => {
      await this.db.searchContent.clear();
      await this.db.searchIdentity.clear();
    });
    this.vocabulary = new Set();
  }

  /** How many complaints have a content row. */
  count(): Promise<number> {
    return this.db.searchContent.count();
  }

  /** The content rows of these complaints (to say which field matched), in the same order. */
  contentRows(ids: readonly string[]): Promise<(SearchContentRow | undefined)[]> {
    return this.db.searchContent.bulkGet([...ids]);
  }

  /** The complaints every unit of `text` matches, for a session that may (or may not) see confidential complaints. */
  async candidates(text: string, seeConfidential: boolean): Promise<Candidates> {
    const vocabulary = await this.loadVocabulary();
    const units = queryPlan(text, {
      seeConfidential,
      nearWords: (word) => nearWords(vocabulary, word),
    });
    const words = units.flatMap((unit) => (unit.word ? [unit.word] : []));
    if (units.length === 0) return { ids: [], tags: new Map(), words };
    // Each range in its own read: IndexedDB runs a transaction's requests one after another, while
    // separate read-only transactions may run side by side.
    const perUnit = await Promise.all(units.map((unit) => this.readUnit(unit.ranges)));
    // Intersect, smallest set first.
    const order = [...perUnit].sort((a, b) => a.size - b.size);
    const [first, ...rest] = order;
    const tags = new Map<string, Set<MatchTag>>();
    for (const [id, firstTags] of first ?? new Map<string, Set<MatchTag>>()) {
      const all = new Set(firstTags);
      let everywhere = true;
      for (const other of rest) {
        const found = other.get(id);
        if (!found) {
          everywhere = false;
          break;
        }
        for (const tag of found) all.add(tag);
      }
      if (everywhere) tags.set(id, all);
    }
    const ids = [...tags.keys()].sort((a, b) => {
      const titleA = tags.get(a)?.has('title') ? 1 : 0;
      const titleB = tags.get(b)?.has('title') ? 1 : 0;
      return titleB - titleA || (a < b ? 1 : a > b ? -1 : 0);
    });
    return { ids, tags, words };
  }

  /** The ids each range of one unit matched, with the tags of the ranges that matched them. */
  private async readUnit(ranges: readonly KeyRange[]): Promise<Map<string, Set<MatchTag>>> {
    const found = new Map<string, Set<MatchTag>>();
    const results = await Promise.all(
      ranges.map(async (range) => {
        const table = range.table === 'content' ? this.db.searchContent : this.db.searchIdentity;
        const keys = await table.where('keys').between(range.lower, range.upper, true, true).primaryKeys();
        return { range, keys };
      }),
    );
    for (const { range, keys } of results) {
      for (const id of keys) {
        let tags = found.get(id);
        if (!tags) {
          tags = new Set();
          found.set(id, tags);
        }
        tags.add(range.tag);
      }
    }
    return found;
  }

  private async loadVocabulary(): Promise<Set<string>> {
    if (this.vocabulary) return this.vocabulary;
    const [open, confidential] = await Promise.all(
      ['w:', 'cw:'].map((part) => this.db.searchContent.where('keys').startsWith(part).uniqueKeys()),
    );
    const vocabulary = new Set<string>();
    for (const key of [...(open ?? []), ...(confidential ?? [])]) {
      if (typeof key !== 'string') continue;
      vocabulary.add(key.slice(key.indexOf(':') + 1));
    }
    this.vocabulary ??= vocabulary;
    return this.vocabulary;
  }
}

/** Words of the vocabulary one edit from a typed word of 5+ letters (not the word itself). */
export function nearWords(vocabulary: ReadonlySet<string>, word: QueryWord): string[] {
  if (word.typos === 0 || word.word.length < TYPO_MIN_LENGTH) return [];
  const near: string[] = [];
  for (const candidate of vocabulary) {
    if (candidate !== word.word && editDistance(candidate, word.word, 1) <= 1) near.push(candidate);
  }
  return near;
}

/** Which content fields of a row hold a term one of `words` matches. */
export function matchedContentFields(
  row: SearchContentRow,
  matches: (term: string) => boolean,
): ContentField[] {
  return (Object.entries(row.fields) as [ContentField, readonly string[]][])
    .filter(([, terms]) => terms.some(matches))
    .map(([field]) => field);
}
