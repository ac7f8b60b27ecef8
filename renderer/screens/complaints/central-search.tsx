/**
 * "Cari juga di pusat", under the results on a device with a budget: the words typed searched in
 * the older complaints that are only on the central (core.complaints.searchCentral), when the
 * officer asks; each one it names is marked as only on the central and fetched whole with
 * "Ambil dari pusat" (as a whole tracking number is). Plain text, not a live region: the list's
 * summary and the notices are the screen's.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { StatusBadge } from '../../components/status-badge';
import type { CentralSearchOutcome } from '../../core/client-core';
import { formatDateTime } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';

type Asked = Readonly<{ text: string; outcome: CentralSearchOutcome | null }>;

export function CentralSearch(props: {
  /** What is typed in the search box. */
  text: string;
  /** Fetches the complaint with this tracking number and opens it. */
  onOpen: (trackingNumber: string) => void;
  /** A complaint is being fetched. */
  opening: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const [asked, setAsked] = useState<Asked | null>(null);
  const text = props.text.trim();
  if (text === '') return null;
  // What was asked for other words is not shown for these.
  const current = asked?.text === text ? asked : null;
  const search = (): void => {
    setAsked({ text, outcome: null });
    void core.complaints.searchCentral(text).then(
      (outcome) => setAsked((now) => (now?.text === text ? { text, outcome } : now)),
      () =>
        setAsked((now) =>
          now?.text === text ? { text, outcome: { status: 'not-searched', reason: 'unreachable' } } : now,
        ),
    );
  };
  const outcome = current?.outcome ?? null;
  return (
    <div className="central-search" data-testid="central-search">
      <p>
        <button
          type="button"
          className="button button--small"
          aria-disabled={current !== null && outcome === null}
          onClick={() => {
            if (current === null || outcome !== null) search();
          }}
        >
          {current !== null && outcome === null ? t('list.central.searching') : t('list.central.search')}
        </button>{' '}
        <span className="field__hint">{t('list.central.hint')}</span>
      </p>
      {outcome === null ? null : outcome.status === 'not-searched' ? (
        <p data-testid="central-search-outcome">{t(`list.central.notSearched.${outcome.reason}`)}</p>
      ) : outcome.hits.length === 0 ? (
        <p data-testid="central-search-outcome">{t('list.central.none')}</p>
      ) : (
        <section aria-labelledby="central-results-title" data-testid="central-results">
          <h2 id="central-results-title" className="central-search__title">
            {t('list.central.found', { count: outcome.hits.length })}
          </h2>
          <ul className="central-search__hits">
            {outcome.hits.map((hit) => (
              <li key={hit.complaintId} className="central-search__hit">
                <span className="central-search__number">{hit.trackingNumber}</span>
                <span>{formatDateTime(hit.receivedAt, language)}</span>
                <span className="central-search__hit-title">{hit.title}</span>
                <StatusBadge status={hit.status} office={null} />
                <span className="badge">{t('list.central.onlyThere')}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('list.central.fetch', { number: hit.trackingNumber })}
                  aria-disabled={props.opening}
                  onClick={() => {
                    if (!props.opening) props.onOpen(hit.trackingNumber);
                  }}
                >
                  {props.opening ? t('list.fetchingFromCentral') : t('list.fetchFromCentral')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
