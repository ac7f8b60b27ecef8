/**
 * Daftar Pengaduan: one search box over the unit's complaints with the list's filters and sort,
 * the results as the list's rows (matched words marked), ranked as the core ranks them. Search,
 * filters and sort live in the URL (`#/pengaduan?q=…`: back/forward restore them) and are
 * remembered for the officer at the desk on this device: the list opened without them shows the
 * officer's last search. Each history entry the list makes names the officer who made it (its
 * `history.state`): Back after the desk changed hands to an entry another officer made shows the
 * officer at the desk their own search, never the other one's. The rows are virtualised and read a page at a time (./result-list,
 * ./use-search-results); while the search index is built its progress is shown. While the first
 * download to this device is under way the list says that older complaints may be missing, and a
 * whole tracking number not found here is offered from the central ("Ambil dari pusat", as Enter
 * does by itself: the core fetches it when it can, or says why not). On a device with a budget
 * (shared/sync/device-budget) the list says that older closed complaints are only on the central,
 * and offers a whole tracking number from there in the same way ("di luar simpanan perangkat ini"),
 * and a search of the central for the words typed (./not-on-device-notes, ./central-search).
 */
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { parseTrackingNumber } from '../../../shared/ids/tracking-number';
import { budgetRuleOf } from '../../../shared/sync/device-budget';
import { firstDownloadPending } from '../../../shared/sync/first-download';
import { useCore } from '../../app/core-context';
import { complaintPath, ROUTES } from '../../app/routes';
import type { SearchFilters, SearchSort, TrackingNumberLookup } from '../../core/client-core';
import { useAppStore } from '../../store/app-store';
import { FilterBar } from './filter-bar';
import { BudgetNote, FirstDownloadNote } from './not-on-device-notes';
import {
  hasFilters,
  listQueryString,
  madeByAnotherOfficer,
  parseListQuery,
  searchEntryState,
  type ListQuery,
} from './list-query';
import { ResultList, type ResultListHandle } from './result-list';
import { SearchBox } from './search-box';
import { buildPercent, useIndexStatus } from './use-index-status';
import { useSearchResults, type SearchResults } from './use-search-results';

/** Typing waits this long for the next key before the search runs. */
const TYPING_DELAY_MS = 150;
/** The officer's search is remembered once it has stayed the same this long (or the list is left). */
const REMEMBER_DELAY_MS = 500;

/** What the list says of a tracking number that did not open (`number` as typed, upper-cased). */
function notOpenedMessage(
  t: TFunction,
  number: string,
  lookup: Exclude<TrackingNumberLookup, { status: 'found' }>,
): string {
  if (lookup.status === 'not-found') return t('list.searchNotFound', { number });
  if (lookup.status === 'outside-budget') {
    return lookup.reason === 'offline'
      ? t('list.outsideBudget.offline', { number })
      : t('list.outsideBudget.unreachable', { number });
  }
  const { percent } = lookup;
  if (lookup.reason === 'offline') {
    return percent === null
      ? t('list.notOnDevice.offline', { number })
      : t('list.notOnDevice.offlinePercent', { number, percent });
  }
  return percent === null
    ? t('list.notOnDevice.unreachable', { number })
    : t('list.notOnDevice.unreachablePercent', { number, percent });
}

function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** The officer's last search, put in the URL when the list opens without one; true once settled. */
function useRememberedSearch(search: string, go: (query: ListQuery) => void): boolean {
  const core = useCore();
  const [settled, setSettled] = useState(search !== '');
  const opened = useRef(search);
  useEffect(() => {
    if (opened.current !== '') return;
    let live = true;
    core.search.remembered().then(
      (remembered) => {
        if (!live) return;
        if (remembered && listQueryString(remembered) !== '') go(remembered);
        setSettled(true);
      },
      () => live && setSettled(true),
    );
    return () => {
      live = false;
    };
    // Once, when the list opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return settled;
}

export function ComplaintListScreen(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [, navigate] = useLocation();
  const officerId = useAppStore((state) => state.officer?.id);
  const inUrl = useSearch();
  // A history entry another officer at this desk made (Back after "Ganti petugas"): not shown.
  const foreign = inUrl !== '' && madeByAnotherOfficer(history.state, officerId);
  const search = foreign ? '' : inUrl;
  const query = useMemo(() => parseListQuery(search), [search]);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<ResultListHandle>(null);
  const [message, setMessage] = useState<string>();
  const firstDownload = firstDownloadPending(useAppStore((state) => state.syncStatus));
  // The months this device keeps, when the unit set a budget (else null: it keeps everything).
  const budgetMonths =
    budgetRuleOf(
      useAppStore((state) => state.unitSettings),
      new Date(),
    )?.months ?? null;
  // A tracking number being looked up (it may be fetched from the central: that takes a moment).
  const [lookingUp, setLookingUp] = useState<string>();
  // ↓ pressed before the results of what was typed came: the first row gets the focus when they do.
  const focusFirst = useRef(false);

  // What is typed; follows the URL when it changes from elsewhere (back/forward, the remembered search).
  const [text, setText] = useState(query.text);
  const [urlText, setUrlText] = useState(query.text);
  if (query.text !== urlText) {
    setUrlText(query.text);
    setText(query.text);
  }

  const go = (next: ListQuery, replace = false): void => {
    const qs = listQueryString(next);
    navigate(qs === '' ? ROUTES.complaints : `${ROUTES.complaints}?${qs}`, {
      replace,
      state: searchEntryState(officerId),
    });
  };
  const settled = useRememberedSearch(search, (remembered) => {
    go(remembered, true);
    // Typing replaces a remembered text rather than adding to it.
    requestAnimationFrame(() => {
      if (document.activeElement === input.current) input.current?.select();
    });
  });

  // The other officer's entry is replaced by this officer's own search (or none).
  useEffect(() => {
    if (!foreign) return;
    let live = true;
    const own = (remembered?: ListQuery): void => {
      if (live) go(remembered ?? { text: '' }, true);
    };
    core.search.remembered().then(own, () => own());
    return () => {
      live = false;
    };
    // When an entry turns out to be another officer's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [foreign, inUrl]);

  const typed = useDebounced(query.text, TYPING_DELAY_MS);
  const running: ListQuery = { ...query, text: typed };
  const { results, loadMore } = useSearchResults(running);
  const indexStatus = useIndexStatus();
  const fresh = results.status === 'ready' && results.key === JSON.stringify(query);
  const toFirstRow = (): void => {
    if (fresh) list.current?.focusRow(0);
    else focusFirst.current = true;
  };
  useEffect(() => {
    if (!focusFirst.current || !fresh) return;
    focusFirst.current = false;
    list.current?.focusRow(0);
  }, [fresh]);

  // The search is remembered once it has stayed the same a moment, or when the list is left.
  const runningKey = listQueryString(query);
  const unremembered = useRef<string>(undefined);
  useEffect(() => {
    if (!settled) return;
    unremembered.current = runningKey;
    const timer = setTimeout(() => {
      unremembered.current = undefined;
      void core.search.remember(parseListQuery(runningKey));
    }, REMEMBER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [settled, runningKey, core]);
  useEffect(
    () => () => {
      const left = unremembered.current;
      if (left !== undefined) void core.search.remember(parseListQuery(left));
    },
    [core],
  );

  const onText = (next: string): void => {
    setText(next);
    setMessage(undefined);
    focusFirst.current = false;
    go({ ...query, text: next }, true);
  };
  const onFilters = (filters: SearchFilters | undefined): void => {
    const { filters: _old, ...rest } = query;
    go(filters ? { ...rest, filters } : rest);
  };
  const onSort = (sort: SearchSort | undefined): void => {
    const { sort: _old, ...rest } = query;
    go(sort ? { ...rest, sort } : rest);
  };
  // What is typed now: a lookup that ends after the text changed leaves the list as it is.
  const textNow = useRef(text);
  useEffect(() => {
    textNow.current = text;
  }, [text]);
  /**
   * Opens the complaint with tracking number `whole`, fetched from the central when not here, if
   * the search box still holds `typed` when it comes (the number itself, or the words of a search
   * of the central that named it).
   */
  const openNumber = async (whole: string, typed: string = whole): Promise<void> => {
    if (lookingUp !== undefined) return;
    setLookingUp(whole);
    // Not here, it is asked of the central: said while it comes (or why it does not).
    if (firstDownload !== null) setMessage(t('list.fetchingFromCentral'));
    else if (budgetMonths !== null) setMessage(t('list.fetchingOutsideBudget'));
    let lookup: TrackingNumberLookup;
    try {
      lookup = await core.complaints.findByTrackingNumber(whole);
    } finally {
      setLookingUp(undefined);
    }
    if (textNow.current.trim() !== typed.trim()) return;
    if (lookup.status !== 'found') {
      setMessage(notOpenedMessage(t, whole.toUpperCase(), lookup));
      return;
    }
    // Opening a complaint by its number is not a search to come back to: the officer's search
    // (and the list Back returns to) keeps the filters and sort without the number. Words are.
    const without: ListQuery = typed === whole ? { ...query, text: '' } : query;
    unremembered.current = undefined;
    void core.search.remember(without);
    go(without, true);
    navigate(complaintPath(lookup.complaintId));
  };
  const onEnter = async (): Promise<void> => {
    const whole = text.trim();
    if (parseTrackingNumber(whole)) {
      await openNumber(whole);
      return;
    }
    toFirstRow();
  };
  // A whole tracking number that no result has, while the device may not hold every complaint.
  const typedNumber = typed.trim();
  const offerFetch =
    (firstDownload !== null || budgetMonths !== null) &&
    fresh &&
    parseTrackingNumber(typedNumber) !== null &&
    !results.hits.some((hit) => hit.exactTrackingNumber);

  return (
    <section className="screen list" aria-labelledby="list-title">
      <div className="screen__header">
        <h1 id="list-title">{t('list.title')}</h1>
        <SearchBox
          ref={input}
          value={text}
          onChange={onText}
          onEnter={() => void onEnter()}
          onArrowDown={toFirstRow}
          {...(message ? { message } : {})}
        />
      </div>
      <FilterBar
        filters={query.filters}
        sort={query.sort}
        defaultSort={query.text.trim() === '' ? 'received' : 'relevance'}
        onFilters={onFilters}
        onSort={onSort}
      />
      <p className="list__summary" role="status" data-testid="list-summary">
        {indexStatus.state === 'building' ? (
          <span className="list__progress" data-testid="index-progress">
            {t('list.indexBuilding', { percent: buildPercent(indexStatus) })}
          </span>
        ) : null}
        <ResultSummary results={results} hasText={typed.trim() !== ''} />
      </p>
      <Results
        results={results}
        busy={!fresh}
        query={running}
        onLoadMore={loadMore}
        onClear={() => {
          setText('');
          go({ text: '' });
          input.current?.focus();
        }}
        onLeaveTop={() => input.current?.focus()}
        listRef={list}
      />
      {firstDownload ? (
        <FirstDownloadNote
          pending={firstDownload}
          offerNumber={offerFetch ? typedNumber : undefined}
          fetching={lookingUp !== undefined}
          onFetch={(number) => void openNumber(number)}
        />
      ) : budgetMonths !== null ? (
        <BudgetNote
          months={budgetMonths}
          offerNumber={offerFetch ? typedNumber : undefined}
          fetching={lookingUp !== undefined}
          onFetch={(number) => void openNumber(number)}
          onOpenFound={(number) => void openNumber(number, typedNumber)}
          words={fresh && parseTrackingNumber(typedNumber) === null ? typedNumber : ''}
        />
      ) : null}
    </section>
  );
}

function ResultSummary(props: { results: SearchResults; hasText: boolean }): ReactNode {
  const { t } = useTranslation();
  const { results } = props;
  if (results.status !== 'ready' || results.hits.length === 0) return null;
  const count =
    results.total !== undefined
      ? t('list.results', { count: results.total })
      : results.nextCursor
        ? t('list.resultsMore', { count: results.hits.length })
        : t('list.results', { count: results.hits.length });
  return (
    <>
      <span data-testid="result-count">{count}</span>
      {props.hasText && !results.complete ? <span> · {t('list.indexIncomplete')}</span> : null}
    </>
  );
}

function Results({
  listRef,
  ...props
}: {
  results: SearchResults;
  busy: boolean;
  query: ListQuery;
  onLoadMore: () => void;
  onClear: () => void;
  onLeaveTop: () => void;
  listRef: React.RefObject<ResultListHandle | null>;
}): ReactNode {
  const { t } = useTranslation();
  const { results, query } = props;
  switch (results.status) {
    case 'loading':
      return <p aria-busy="true">{t('common.loading')}</p>;
    case 'failed':
      return (
        <p className="error-summary" role="alert">
          {t('common.failedToLoad', { reason: results.reason })}
        </p>
      );
    case 'ready':
      break;
    default: {
      const never: never = results;
      return never;
    }
  }
  if (results.hits.length === 0) {
    const { status, ...others } = query.filters ?? {};
    const searching = query.text.trim() !== '' || hasFilters(others);
    if (!searching) {
      return (
        <p className="empty" data-testid="list-empty">
          {status?.length ? t('list.emptyStatus') : t('list.empty')}
        </p>
      );
    }
    return (
      <div className="empty" data-testid="list-empty">
        <p>{t('list.noMatch')}</p>
        <button type="button" className="button button--small" onClick={props.onClear}>
          {t('list.clearAll')}
        </button>
      </div>
    );
  }
  return (
    <ResultList
      ref={listRef}
      busy={props.busy}
      hits={results.hits}
      hasMore={results.nextCursor !== undefined}
      loadingMore={results.loadingMore}
      onLoadMore={props.onLoadMore}
      onLeaveTop={props.onLeaveTop}
      caption={t('list.caption')}
    />
  );
}
