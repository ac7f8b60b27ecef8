/**
 * Daftar Pengaduan: newest first, a page at a time through the id index; ↑/↓ move between rows,
 * Enter opens one. A tracking number typed in the search box jumps straight to its complaint.
 */
import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { parseTrackingNumber } from '../../shared/ids/tracking-number';
import { records } from '../app/session';
import { LoadState } from '../components/load-state';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format/format-date';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';
import { complaintPath } from './routes';

export const PAGE_SIZE = 25;

function moveRowFocus(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]'));
  const index = links.findIndex((link) => link === document.activeElement);
  const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function ComplaintListScreen(): ReactNode {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const language = useAppStore((state) => state.language);
  // Cursors of the pages before this one; the last is where this page starts.
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const loaded = useRecords(() => records().page(PAGE_SIZE, cursor), [cursor]);
  const [query, setQuery] = useState('');
  const [searchMessage, setSearchMessage] = useState<string>();

  const search = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const text = query.trim();
    if (!parseTrackingNumber(text)) return setSearchMessage(t('list.searchInvalid'));
    const id = await records().findByTrackingNumber(text);
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
      <LoadState loaded={loaded}>
        {(page) =>
          page.rows.length === 0 && cursors.length === 1 ? (
            <p className="empty">{t('list.empty')}</p>
          ) : (
            <>
              <table className="table" data-testid="complaint-table">
                <caption className="visually-hidden">{t('list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('list.trackingNumber')}</th>
                    <th scope="col">{t('list.receivedAt')}</th>
                    <th scope="col">{t('list.channel')}</th>
                    <th scope="col">{t('list.titleColumn')}</th>
                    <th scope="col">{t('list.status')}</th>
                  </tr>
                </thead>
                <tbody onKeyDown={moveRowFocus}>
                  {page.rows.map(({ complaint, state }) => (
                    <tr key={complaint._id}>
                      <td>
                        <Link data-row-link href={complaintPath(complaint._id)} className="mono">
                          {complaint.trackingNumber}
                        </Link>
                      </td>
                      <td>{formatDateTime(complaint.receivedAt, language)}</td>
                      <td>{t(`channel.${complaint.channel}`)}</td>
                      <td>{complaint.title}</td>
                      <td>
                        <StatusBadge status={state.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
