/**
 * The list's search as the URL holds it (the hash route's query string: `#/pengaduan?q=…&status=…`),
 * so back/forward restore it and a link can name it. One parameter per filter, lists comma-joined;
 * anything unknown or malformed is left out rather than refused.
 */
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  PRIVACY_MODES,
  REPORT_TYPES,
} from '../../../shared/complaint/vocabulary';
import type { SearchFilters, SearchQuery, SearchSort } from '../../core/client-core';

export type ListQuery = Pick<SearchQuery, 'text' | 'filters' | 'sort'>;

export const SORTS = ['relevance', 'received', 'deadline', 'status'] as const satisfies readonly SearchSort[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The list parameters' names in the URL. */
const LISTS = {
  status: 'status',
  channel: 'channel',
  category: 'category',
  reportType: 'type',
  office: 'office',
  privacyMode: 'privacy',
} as const satisfies Partial<Record<keyof SearchFilters, string>>;

function among<T extends string>(allowed: readonly T[]): (value: string) => value is T {
  return (value): value is T => (allowed as readonly string[]).includes(value);
}

function listOf<T extends string>(
  params: URLSearchParams,
  name: string,
  keep: (value: string) => value is T,
): T[] {
  const raw = params.get(name);
  if (!raw) return [];
  return raw.split(',').filter(keep);
}

const anyText = (value: string): value is string => value.trim() !== '';

/** The query a URL's query string names (`q`, the filters, `sort`). */
export function parseListQuery(search: string): ListQuery {
  const params = new URLSearchParams(search);
  const filters: Record<string, unknown> = {};
  const lists: Record<keyof typeof LISTS, string[]> = {
    status: listOf(params, LISTS.status, among(COMPLAINT_STATUSES)),
    channel: listOf(params, LISTS.channel, among(CHANNELS)),
    category: listOf(params, LISTS.category, anyText),
    reportType: listOf(params, LISTS.reportType, among(REPORT_TYPES)),
    office: listOf(params, LISTS.office, anyText),
    privacyMode: listOf(params, LISTS.privacyMode, among(PRIVACY_MODES)),
  };
  for (const [key, values] of Object.entries(lists)) if (values.length > 0) filters[key] = values;
  if (params.get('attention') === '1') filters.needsAttention = true;
  if (params.get('overdue') === '1') filters.overdue = true;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DATE.test(from)) filters.receivedFrom = from;
  if (DATE.test(to)) filters.receivedTo = to;
  const sort = params.get('sort') ?? '';
  return {
    text: params.get('q') ?? '',
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(among(SORTS)(sort) ? { sort } : {}),
  };
}

/** The query string (without `?`) for a query; empty when nothing is searched, filtered or sorted. */
export function listQueryString(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.text !== '') params.set('q', query.text);
  const filters = query.filters ?? {};
  for (const [key, name] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
    const values = filters[key];
    if (values && values.length > 0) params.set(name, values.join(','));
  }
  if (filters.needsAttention) params.set('attention', '1');
  if (filters.overdue) params.set('overdue', '1');
  if (filters.receivedFrom) params.set('from', filters.receivedFrom);
  if (filters.receivedTo) params.set('to', filters.receivedTo);
  if (query.sort) params.set('sort', query.sort);
  return params.toString();
}

/** Whether any filter is set (a search text aside). */
export function hasFilters(filters: SearchFilters | undefined): boolean {
  return Object.values(filters ?? {}).some((value: unknown) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false && value !== '',
  );
}

/** `filters` with one filter set to `value`, or without it when `value` is empty. */
export function withFilter<K extends keyof SearchFilters>(
  filters: SearchFilters | undefined,
  key: K,
  value: SearchFilters[K] | undefined,
): SearchFilters | undefined {
  const empty =
    value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0);
  const next = Object.fromEntries(
    Object.entries({ ...filters, [key]: value }).filter(([name]) => !(empty && name === key)),
  ) as SearchFilters;
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The `history.state` of a list entry: who made it (the officer at the desk). */
export function searchEntryState(officerId: string | undefined): Readonly<{ searchBy: string }> | null {
  return officerId === undefined ? null : { searchBy: officerId };
}

/** Whether a list entry's `history.state` says another officer than `officerId` made it. */
export function madeByAnotherOfficer(state: unknown, officerId: string | undefined): boolean {
  if (typeof state !== 'object' || state === null || !('searchBy' in state)) return false;
  return state.searchBy !== officerId;
}
