/**
 * The list's results a page at a time (`core.search.query`): the first page when the query
 * changes, the next one when the list asks (scrolled near its end). When the records change
 * (`dataVersion`: an intake, a sync, the search index growing) the pages shown are read again as one
 * query of the same length, so the list follows without losing its place. Only the pages the officer
 * scrolled through are held, never every complaint.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCore } from '../../app/core-context';
import type { SearchHit } from '../../core/client-core';
import { useAppStore } from '../../store/app-store';
import type { ListQuery } from './list-query';

/** Rows per page: the list shows about 15 at 1366×768; the rest are read as the officer scrolls. */
export const PAGE_SIZE = 20;
/** At most this many rows are read again at once when the records change. */
const RELOAD_LIMIT = 500;
/** Reads after a change of the records wait this long for the next change (a sync brings many). */
const RELOAD_DELAY_MS = 150;

export type SearchResults =
  | Readonly<{ status: 'loading' }>
  | Readonly<{ status: 'failed'; reason: string }>
  | Readonly<{
      status: 'ready';
      /** The query these results answer (`JSON.stringify` of it): older results stay shown while a new query runs. */
      key: string;
      hits: readonly SearchHit[];
      total?: number;
      complete: boolean;
      nextCursor?: string;
      loadingMore: boolean;
    }>;

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useSearchResults(query: ListQuery): { results: SearchResults; loadMore: () => void } {
  const core = useCore();
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [results, setResults] = useState<SearchResults>({ status: 'loading' });
  const key = JSON.stringify(query);
  // The same query object for as long as the query is the same.
  const current = useMemo(() => JSON.parse(key) as ListQuery, [key]);
  // Every read gets a number; an answer to an older read than the latest is dropped.
  const generation = useRef(0);
  const latest = useRef({ query: current, results });
  useEffect(() => {
    latest.current = { query: current, results };
  });

  const read = useCallback(
    (of: ListQuery, limit: number, after?: Readonly<{ cursor: string; hits: readonly SearchHit[] }>) => {
      const mine = ++generation.current;
      core.search.query({ ...of, limit, ...(after ? { cursor: after.cursor } : {}) }).then(
        (page) => {
          if (mine !== generation.current) return;
          setResults({
            status: 'ready',
            key: JSON.stringify(of),
            hits: after ? [...after.hits, ...page.hits] : page.hits,
            ...(page.total === undefined ? {} : { total: page.total }),
            complete: page.complete,
            ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
            loadingMore: false,
          });
        },
        (error: unknown) => {
          if (mine === generation.current) setResults({ status: 'failed', reason: reasonOf(error) });
        },
      );
    },
    [core],
  );

  // A new query: its first page (the results of the last one stay until it comes).
  useEffect(() => {
    read(current, PAGE_SIZE);
  }, [current, read]);

  // The records changed: the rows shown, read again (the first version is the query's own read).
  const firstVersion = useRef(dataVersion);
  useEffect(() => {
    if (dataVersion === firstVersion.current) return;
    const timer = setTimeout(() => {
      const { query: of, results: was } = latest.current;
      const shown = was.status === 'ready' ? was.hits.length : 0;
      read(of, Math.min(RELOAD_LIMIT, Math.max(PAGE_SIZE, shown)));
    }, RELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dataVersion, read]);

  const loadMore = useCallback(() => {
    const { query: of, results: now } = latest.current;
    if (now.status !== 'ready' || !now.nextCursor || now.loadingMore) return;
    const loading = { ...now, loadingMore: true };
    latest.current = { query: of, results: loading };
    setResults(loading);
    read(of, PAGE_SIZE, { cursor: now.nextCursor, hits: now.hits });
  }, [read]);

  return { results, loadMore };
}
