/**
 * What `ClientCore.search` takes and gives (docs/decisions/012-search-index.md): one search box
 * over the complaints combined with the list's filters and sorts, a page at a time, and the state
 * of the device-local search index (built in the background, with progress).
 *
 * Privacy: a confidential complaint's identity and content are matched only for a role that may
 * see them (shared/workflow/roles `canSeeConfidential`); for any other role such a complaint is
 * found by its tracking number only (the list shows its masked row), never by its words, and it is
 * not counted in `total` for them either. Identity values (name, phone, NIK) never come back in a
 * match: only the name of the field that matched.
 */
import type { Channel, ComplaintStatus, PrivacyMode, ReportType } from '../../../shared/complaint/vocabulary';
import type { ComplaintIndexRow } from '../data/complaint-index';

/**
 * How the results are ordered. `relevance` (the default when there is text): an exact tracking
 * number first, then the best match, then the newest. `received`: newest first (the default without
 * text). `deadline`: the nearest next deadline first, complaints with none last. `status`: in the
 * workflow's order of statuses (COMPLAINT_STATUSES), newest first within one.
 */
export type SearchSort = 'relevance' | 'received' | 'deadline' | 'status';

/** The list's filters; every one given must hold (an empty list or absent: no filter). */
export type SearchFilters = Readonly<{
  status?: readonly ComplaintStatus[];
  /** Only complaints whose next deadline is due soon or overdue today (as Perlu Perhatian). */
  needsAttention?: boolean;
  /** Only complaints whose next deadline has passed today. */
  overdue?: boolean;
  channel?: readonly Channel[];
  /** Category codes (the unit's settings name them). */
  category?: readonly string[];
  reportType?: readonly ReportType[];
  /** The current office (set by a disposition), as the index row holds it. */
  office?: readonly string[];
  privacyMode?: readonly PrivacyMode[];
  /** Received on or after this unit-local date (YYYY-MM-DD). */
  receivedFrom?: string;
  /** Received on or before this unit-local date (YYYY-MM-DD). */
  receivedTo?: string;
}>;

export type SearchQuery = Readonly<{
  /** What was typed in the search box; blank: every complaint the filters let through. */
  text: string;
  filters?: SearchFilters;
  /** Default: `relevance` with text, `received` without. */
  sort?: SearchSort;
  /** Rows per page. */
  limit: number;
  /** The previous page's `nextCursor`, for the page after it. */
  cursor?: string;
}>;

/**
 * Where a query matched. Content fields and the tracking number for every role that may see the
 * complaint's content; `name`, `phone`, `nik` only for a role that may see the complaint's identity.
 */
export type SearchField =
  | 'trackingNumber'
  | 'title'
  | 'chronology'
  | 'location'
  | 'category'
  | 'office'
  | 'laporId'
  | 'name'
  | 'phone'
  | 'nik';

/** The identity fields: kept apart in the index (one day as keyed hashes), matched only for those who may see them. */
export const IDENTITY_FIELDS = ['name', 'phone', 'nik'] as const satisfies readonly SearchField[];

/** `[start, end)` in UTF-16 code units of the text shown. */
export type TextRange = readonly [start: number, end: number];

export type SearchMatch = Readonly<{
  field: SearchField;
  /**
   * For `title` and `trackingNumber`: the ranges of the row's `title` / `trackingNumber` to
   * highlight. Empty for the other fields (the row does not show them): the UI names the field.
   */
  ranges: readonly TextRange[];
}>;

export type SearchHit = Readonly<{
  /** The complaint's list row, as `complaints.page` gives it. */
  row: ComplaintIndexRow;
  /** The text is this complaint's tracking number (any case, with or without dashes). */
  exactTrackingNumber: boolean;
  /** Where the text matched; empty without text. */
  matches: readonly SearchMatch[];
}>;

export type SearchPage = Readonly<{
  hits: readonly SearchHit[];
  /**
   * How many complaints match in all (every page), when known without reading every row: when no
   * filter is set, and with text also when the sort is by deadline or status (then every match's
   * row is read anyway); else undefined. For an officer it never counts a confidential complaint
   * matched by its words (those never match).
   */
  total?: number;
  nextCursor?: string;
  /**
   * False while the search index is (re)built: text matches come from what is indexed so far
   * (see `SearchIndexStatus`); the tracking number is always found.
   */
  complete: boolean;
}>;

/** The device-local search index: `building` with progress (complaints indexed of `total`) or `ready`. */
export type SearchIndexStatus =
  | Readonly<{ state: 'idle' }>
  | Readonly<{
      state: 'building';
      done: number;
      total: number;
      /** Loading the index kept on the device into memory (`done` of `total` rows read), not rebuilding it. */
      loading?: boolean;
    }>
  | Readonly<{ state: 'ready'; total: number }>;
