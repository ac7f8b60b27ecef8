/**
 * Daftar Pengaduan: newest first, a page at a time, filtered by status, each row with its
 * deadline. Reads the device-local complaint index (never every complaint and its events);
 * ↑/↓ move between rows, Enter opens one. The search box has the focus when the screen opens
 * and ↓ there moves to the first row. A tracking number typed in the search box jumps straight to
 * its complaint.
 */
import { useEffect, useRef, useState, type SubmitEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { COMPLAINT_STATUSES, isChannel, type ComplaintStatus } from '../../shared/complaint/vocabulary';
import { parseTrackingNumber } from '../../shared/ids/tracking-number';
import { useCore } from '../app/core-context';
import { ComplaintTitle } from '../components/complaint-title';
import { IndexDeadline } from '../components/index-deadline';
import { LoadState } from '../components/load-state';
import { StatusBadge } from '../components/status-badge';
import type { ComplaintIndexRow } from '../core/client-core';
import { formatDateTime } from '../format/format-date';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';
import { complaintPath, ROUTES } from '../app/routes';

export const PAGE_SIZE = 25;

/** ↓ in the search box moves straight to the first row of the table below. */
function focusFirstRow(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'ArrowDown') return;
  const first = document.querySelector<HTMLAnchorElement>('#main a[data-row-link]');
  if (first) {
    event.preventDefault();
    first.focus();
  }
}

export function moveRowFocus(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]'));
  const index = links.findIndex((link) => link === document.activeElement);
  const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The rows of a complaint table from the index: tracking number, receipt, title, status, deadline. */
export function IndexTable(props: {
  rows: readonly ComplaintIndexRow[];
  caption: string;
  testId: string;
}): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const body = useRef<HTMLTableSectionElement>(null);
  const hasRows = props.rows.length > 0;
  // Where work starts: once the rows are there, the first one has the focus unless the officer
  // is already somewhere on the screen (the list's search box, a filter), so ↑/↓ move at once.
  useEffect(() => {
    const active = document.activeElement;
    if (!hasRows || (active && active !== document.body && active.id !== 'main')) return;
    body.current?.querySelector<HTMLAnchorElement>('a[data-row-link]')?.focus();
  }, [hasRows]);
  return (
    <table className="table" data-testid={props.testId}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.trackingNumber')}</th>
          <th scope="col">{t('list.receivedAt')}</th>
          <th scope="col">{t('list.channel')}</th>
          <th scope="col">{t('list.titleColumn')}</th>
          <th scope="col">{t('list.office')}</th>
          <th scope="col">{t('list.status')}</th>
          <th scope="col">{t('list.deadline')}</th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={moveRowFocus}>
        {props.rows.map((row) => (
          <tr key={row.id} data-tracking-number={row.trackingNumber}>
            <td>
              <Link data-row-link href={complaintPath(row.id)} className="mono nowrap">
                {row.trackingNumber}
              </Link>
            </td>
            <td>{formatDateTime(row.receivedAt, language)}</td>
            <td>{isChannel(row.channel) ? t(`channel.${row.channel}`) : row.channel}</td>
            <td>
              <ComplaintTitle title={row.title} privacyMode={row.privacyMode} />
            </td>
            <td>{row.office || t('common.none')}</td>
            <td>
              <StatusBadge status={row.status} office={row.office} />
            </td>
            <td>
              <IndexDeadline row={row} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusFilter(props: {
  status: ComplaintStatus | 'all';
  onChange: (status: ComplaintStatus | 'all') => void;
}): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const counts = useRecords(() => core.complaints.countByStatus(), []);
  const count = (status: ComplaintStatus): string =>
    counts.status === 'ready' ? ` (${counts.value[status]})` : '';
  return (
    <div className="filter">
      <label htmlFor="status-filter">{t('list.filterStatus')}</label>
      <select
        id="status-filter"
        value={props.status}
        onChange={(event) => props.onChange(event.target.value as ComplaintStatus | 'all')}
      >
        <option value="all">{t('list.allStatuses')}</option>
        {COMPLAINT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`complaintStatus.${status}`)}
            {count(status)}
          </option>
        ))}
      </select>
      <Link href={ROUTES.needsAttention} className="button button--small">
        {t('nav.needsAttention')}
      </Link>
    </div>
  );
}

export function ComplaintListScreen(): ReactNode {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const core = useCore();
  const status = useAppStore((state) => state.listStatus);
  const setStatus = useAppStore((state) => state.setListStatus);
  // Cursors of the pages before this one; the last is where this page starts.
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const loaded = useRecords(() => core.complaints.page(status, PAGE_SIZE, cursor), [status, cursor]);
  const [query, setQuery] = useState('');
  const [searchMessage, setSearchMessage] = useState<string>();

  const search = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const text = query.trim();
    if (!parseTrackingNumber(text)) {
      setSearchMessage(t('list.searchInvalid'));
      return;
    }
    const id = await core.complaints.findByTrackingNumber(text);
    if (id) navigate(complaintPath(id));
    else setSearchMessage(t('list.searchNotFound', { number: text.toUpperCase() }));
  };

  return (
    <section className="screen" aria-labelledby="list-title">
      <div className="screen__header">
        <h1 id="list-title">{t('list.title')}</h1>
        <form className="search" role="search" onSubmit={(event) => void search(event)}>
          <label htmlFor="tracking-search">{t('list.search')}</label>
          <input
            id="tracking-search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setSearchMessage(undefined);
            }}
            placeholder="KTB-261123-ABC-0001"
            autoComplete="off"
            autoFocus
            onKeyDown={focusFirstRow}
            aria-describedby={searchMessage ? 'tracking-search-message' : undefined}
          />
          <button type="submit" className="button">
            {t('list.searchButton')}
          </button>
          {searchMessage ? (
            <p id="tracking-search-message" role="status" className="field__error">
              {searchMessage}
            </p>
          ) : null}
        </form>
      </div>
      <StatusFilter
        status={status}
        onChange={(next) => {
          setStatus(next);
          setCursors([undefined]);
        }}
      />
      <LoadState loaded={loaded}>
        {(page) =>
          page.rows.length === 0 && cursors.length === 1 ? (
            <p className="empty">{status === 'all' ? t('list.empty') : t('list.emptyStatus')}</p>
          ) : (
            <>
              <IndexTable rows={page.rows} caption={t('list.caption')} testId="complaint-table" />
              <nav className="pager" aria-label={t('list.page', { page: cursors.length })}>
                <button
                  type="button"
                  className="button"
                  disabled={cursors.length === 1}
                  onClick={() => setCursors(cursors.slice(0, -1))}
                >
                  {t('list.previous')}
                </button>
                <span>{t('list.page', { page: cursors.length })}</span>
                <button
                  type="button"
                  className="button"
                  disabled={!page.nextCursor}
                  onClick={() => setCursors([...cursors, page.nextCursor])}
                >
                  {t('list.next')}
                </button>
              </nav>
            </>
          )
        }
      </LoadState>
    </section>
  );
}
