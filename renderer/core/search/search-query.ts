/**
 * `ClientCore.search.query` over the two device-local indexes (docs/decisions/012-search-index.md):
 * the search index gives the complaints a text matches, best first (./search-index); the complaint
 * index (../data/complaint-index) gives their list rows, the filters and the sorts. Without text,
 * pages are read straight from the complaint index through its Dexie indexes. Every read is paged
 * or bounded by what the text matched; nothing reads every complaint.
 */
import Dexie, { type Collection } from 'dexie';
import { COMPLAINT_STATUSES } from '../../../shared/complaint/vocabulary';
import { parseComplaintId } from '../../../shared/ids/document-ids';
import { formatTrackingNumber, parseTrackingNumber } from '../../../shared/ids/tracking-number';
import { foldReference } from '../../../shared/search/identifiers';
import { matchedRanges } from '../../../shared/search/indonesian-text';
import type { ContentField, MatchTag } from '../../../shared/search/search-keys';
import type { ComplaintIndexRow } from '../data/complaint-index';
import { rowCount } from '../data/complaint-index-counts';
import type { DeviceDatabase } from '../data/device-database';
import type { Candidates, SearchIndex } from './search-index';
import type {
  SearchFilters,
  SearchHit,
  SearchMatch,
  SearchPage,
  SearchQuery,
  SearchSort,
  TextRange,
} from './search-types';

/** What the filters need to know of today: the unit-local date and the last date that counts as due soon. */
export type SearchDay = Readonly<{ today: string; attentionHorizon: string }>;

export type SearchContext = Readonly<{
  seeConfidential: boolean;
  /** Undefined before the unit has settings (no deadline filter then matches). */
  day: SearchDay | undefined;
  /** False while the search index is being built. */
  complete: boolean;
}>;

const CHUNK = 200;
const STATUS_ORDER = new Map(COMPLAINT_STATUSES.map((status, index) => [status, index]));

/** Whether any filter is set. */
function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((value: unknown) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false && value !== '',
  );
}

/** The filters as one test of a row. */
export function rowFilter(
  filters: SearchFilters,
  day: SearchDay | undefined,
): (row: ComplaintIndexRow) => boolean {
  const among = <T>(list: readonly T[] | undefined, value: T): boolean =>
    !list || list.length === 0 || list.includes(value);
  return (row) =>
    among(filters.status, row.status) &&
    among(filters.channel as readonly string[] | undefined, row.channel) &&
    among(filters.category, row.category) &&
    among(filters.reportType, row.reportType) &&
    among(filters.office, row.office) &&
    among(filters.privacyMode, row.privacyMode) &&
    (!filters.receivedFrom || row.receivedDate >= filters.receivedFrom) &&
    (!filters.receivedTo || row.receivedDate <= filters.receivedTo) &&
    (!filters.overdue || (day !== undefined && row.open === 1 && row.dueDate < day.today)) &&
    (!filters.needsAttention || (day !== undefined && row.open === 1 && row.dueDate <= day.attentionHorizon));
}

/** Rows in the order of a sort that is not by relevance. */
function compareRows(sort: SearchSort): (a: ComplaintIndexRow, b: ComplaintIndexRow) => number {
  const newest = (a: ComplaintIndexRow, b: ComplaintIndexRow): number =>
    a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  if (sort === 'deadline') {
    return (a, b) =>
      b.open - a.open || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) || newest(a, b);
  }
  if (sort === 'status') {
    return (a, b) => (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0) || newest(a, b);
  }
  return newest;
}

const OFFSET_CURSOR = /^#(\d+)$/;

export class SearchQueries {
  /** The last text's matches, for its next pages (until the index changes). */
  private last:
    Readonly<{ text: string; seeConfidential: boolean; changes: number; candidates: Candidates }> | undefined;

  constructor(
    private readonly db: DeviceDatabase,
    private readonly index: SearchIndex,
  ) {}

  /** The index's matches for `text`: the last ones again when only the page or the filters changed. */
  private async candidates(text: string, seeConfidential: boolean): Promise<Candidates> {
    const last = this.last;
    if (
      last?.text === text &&
      last.seeConfidential === seeConfidential &&
      last.changes === this.index.changes()
    ) {
      return last.candidates;
    }
    const changes = this.index.changes();
    const candidates = await this.index.candidates(text, seeConfidential);
    if (changes === this.index.changes()) this.last = { text, seeConfidential, changes, candidates };
    return candidates;
  }

  async query(query: SearchQuery, context: SearchContext): Promise<SearchPage> {
    const text = query.text.trim();
    const filters = query.filters ?? {};
    if (text === '') return this.browse(query, filters, context);
    const sort = query.sort ?? 'relevance';
    const candidates = await this.candidates(text, context.seeConfidential);
    let ids = sort === 'received' ? [...candidates.newest()] : [...candidates.ids];
    const exactId = exactAmong(candidates.ids, text) ?? (await this.exactTrackingNumber(text));
    if (exactId) ids = [exactId, ...ids.filter((id) => id !== exactId)];
    const filter = rowFilter(filters, context.day);
    const filtered = hasFilters(filters);
    const limit = Math.max(1, query.limit);

    let rows: ComplaintIndexRow[];
    let nextCursor: string | undefined;
    let total: number | undefined;
    if (sort === 'deadline' || sort === 'status') {
      // Every match's row is needed to sort them: bounded by what the text matched.
      const all = (await this.rowsOf(ids)).filter(filter).sort(compareRows(sort));
      const start = offsetOf(query.cursor);
      rows = all.slice(start, start + limit);
      nextCursor = start + limit < all.length ? `#${start + limit}` : undefined;
      total = all.length;
    } else {
      const start = query.cursor ? ids.indexOf(query.cursor) + 1 : 0;
      rows = [];
      let at = start;
      while (rows.length <= limit && at < ids.length) {
        const chunk = ids.slice(at, at + (filtered ? CHUNK : limit + 1 - rows.length));
        at += chunk.length;
        rows.push(...(await this.rowsOf(chunk)).filter(filter));
      }
      const page = rows.slice(0, limit);
      nextCursor = rows.length > limit ? page[page.length - 1]?.id : undefined;
      rows = page;
      total = filtered ? undefined : ids.length;
    }
    const hits = this.hits(rows, candidates, text, exactId, context);
    return {
      hits,
      ...(total === undefined ? {} : { total }),
      ...(nextCursor ? { nextCursor } : {}),
      complete: context.complete,
    };
  }

  /** No text: a page of the complaint index, filtered and sorted through its Dexie indexes. */
  private async browse(
    query: SearchQuery,
    filters: SearchFilters,
    context: SearchContext,
  ): Promise<SearchPage> {
    const table = this.db.complaintIndex;
    const filter = rowFilter(filters, context.day);
    const limit = Math.max(1, query.limit);
    const sort = query.sort === 'deadline' || query.sort === 'status' ? query.sort : 'received';
    const toHits = (rows: readonly ComplaintIndexRow[]): SearchHit[] =>
      rows.map((row) => ({ row, exactTrackingNumber: false, matches: [] }));
    if (sort === 'received') {
      const statuses = filters.status ?? [];
      const only = statuses.length === 1 ? statuses[0] : undefined;
      const collection = only
        ? table
            .where('[status+id]')
            .between([only, Dexie.minKey], [only, query.cursor ?? Dexie.maxKey], true, false)
        : query.cursor
          ? table.where('id').below(query.cursor)
          : table.toCollection();
      const rows = await collection
        .reverse()
        .filter(filter)
        .limit(limit + 1)
        .toArray();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        hits: toHits(page),
        // Kept with the rows (../data/complaint-index-counts): a count() walks every row.
        ...(hasFilters(filters) ? {} : { total: await rowCount(this.db) }),
        ...(rows.length > limit && last ? { nextCursor: last.id } : {}),
        complete: context.complete,
      };
    }
    const phases: (() => Collection<ComplaintIndexRow, string>)[] =
      sort === 'deadline'
        ? [
            () => table.where('[open+dueDate]').between([1, Dexie.minKey], [1, Dexie.maxKey]),
            () => table.where('[open+dueDate]').between([0, Dexie.minKey], [0, Dexie.maxKey]).reverse(),
          ]
        : COMPLAINT_STATUSES.map(
            (status) => () =>
              table.where('[status+id]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse(),
          );
    const start = offsetOf(query.cursor);
    const rows = await pageOfPhases(phases, filter, start, limit + 1);
    const page = rows.slice(0, limit);
    return {
      hits: toHits(page),
      ...(rows.length > limit ? { nextCursor: `#${start + limit}` } : {}),
      complete: context.complete,
    };
  }

  /** The id of the complaint whose tracking number the text is (any case, with or without dashes). */
  private async exactTrackingNumber(text: string): Promise<string | undefined> {
    const parts = parseTrackingNumber(text);
    if (!parts) return undefined;
    const row = await this.db.complaintIndex
      .where('trackingNumber')
      .equals(formatTrackingNumber(parts))
      .first();
    return row?.id;
  }

  /** The list rows of `ids`, in that order (complaints not yet in the complaint index left out). */
  private async rowsOf(ids: readonly string[]): Promise<ComplaintIndexRow[]> {
    const rows: ComplaintIndexRow[] = [];
    for (let at = 0; at < ids.length; at += 1000) {
      const found = await this.db.complaintIndex.bulkGet(ids.slice(at, at + 1000));
      for (const row of found) if (row) rows.push(row);
    }
    return rows;
  }

  /** The page's hits: where each matched, from the index in memory (no row of the search index is read). */
  private hits(
    rows: readonly ComplaintIndexRow[],
    candidates: Candidates,
    text: string,
    exactId: string | undefined,
    context: SearchContext,
  ): SearchHit[] {
    const { tags, words } = candidates;
    return rows.map((row) => {
      const found = tags.get(row.id) ?? new Set<MatchTag>();
      const masked = row.privacyMode === 'confidential' && !context.seeConfidential;
      const matches: SearchMatch[] = [];
      const tracking = trackingRanges(row.trackingNumber, text);
      if (row.id === exactId || (found.has('reference') && tracking.length > 0)) {
        matches.push({
          field: 'trackingNumber',
          ranges: row.id === exactId ? [[0, row.trackingNumber.length]] : tracking,
        });
      }
      if (!masked && (found.has('content') || found.has('title') || found.has('reference'))) {
        for (const field of candidates.fields(row.id)) {
          matches.push({ field, ranges: field === 'title' ? matchedRanges(row.title, words) : [] });
        }
        if (
          found.has('reference') &&
          tracking.length === 0 &&
          !matches.some((match) => match.field === 'laporId')
        ) {
          matches.push({ field: 'laporId' satisfies ContentField, ranges: [] });
        }
      }
      for (const field of ['name', 'phone', 'nik'] as const) {
        if (found.has(field)) matches.push({ field, ranges: [] });
      }
      return { row, exactTrackingNumber: row.id === exactId, matches };
    });
  }
}

/** Where the typed fragments stand in a tracking number as shown (dashes skipped over). */
function trackingRanges(trackingNumber: string, text: string): TextRange[] {
  const folded: number[] = [];
  let plain = '';
  for (let at = 0; at < trackingNumber.length; at += 1) {
    const char = trackingNumber.charAt(at);
    if (/[\p{L}\p{N}]/u.test(char)) {
      plain += char.toLowerCase();
      folded.push(at);
    }
  }
  const ranges: TextRange[] = [];
  const fragments = [foldReference(text), ...text.split(/\s+/).map(foldReference)].filter(
    (fragment) => fragment.length >= 3,
  );
  for (const fragment of fragments) {
    const at = plain.indexOf(fragment);
    if (at < 0) continue;
    const start = folded[at] ?? 0;
    const end = (folded[at + fragment.length - 1] ?? start) + 1;
    if (!ranges.some(([from, to]) => from <= start && end <= to)) ranges.push([start, end]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The candidate whose tracking number the text is, typed without its dashes (`ktb260302a2c0002`). */
function exactAmong(ids: readonly string[], text: string): string | undefined {
  const typed = foldReference(text);
  // A tracking number has digits: words alone (which may match half the complaints) skip the walk.
  if (typed.length < 10 || !/\d/.test(typed)) return undefined;
  return ids.find((id) => {
    const trackingNumber = parseComplaintId(id)?.trackingNumber;
    return trackingNumber !== undefined && foldReference(trackingNumber) === typed;
  });
}

function offsetOf(cursor: string | undefined): number {
  const match = cursor ? OFFSET_CURSOR.exec(cursor) : null;
  return match ? Number(match[1]) : 0;
}

/** `count` rows after skipping `skip`, across collections read one after another, each filtered. */
async function pageOfPhases(
  phases: readonly (() => Collection<ComplaintIndexRow, string>)[],
  filter: (row: ComplaintIndexRow) => boolean,
  skip: number,
  count: number,
): Promise<ComplaintIndexRow[]> {
  const rows: ComplaintIndexRow[] = [];
  let toSkip = skip;
  for (const phase of phases) {
    if (rows.length >= count) break;
    const found = await phase()
      .filter(filter)
      .offset(toSkip)
      .limit(count - rows.length)
      .toArray();
    if (found.length === 0 && toSkip > 0) {
      toSkip = Math.max(0, toSkip - (await phase().filter(filter).count()));
      continue;
    }
    rows.push(...found);
    toSkip = 0;
  }
  return rows;
}
