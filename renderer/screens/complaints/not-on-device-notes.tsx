/**
 * Under the complaint list when the device may not hold every complaint: while the first download
 * runs, or on a device with a budget (docs/decisions/027-device-budget.md). Each says why, offers a
 * whole tracking number no result has from the central, and on a budget device the words typed
 * can be searched there too (./central-search).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirstDownloadPending } from '../../../shared/sync/first-download';
import { CentralSearch } from './central-search';

/**
 * Under the results while the first download runs (plain text: the notices are the app's one live
 * region): older complaints may be missing; a whole tracking number no result has is offered from
 * the central.
 */
export function FirstDownloadNote(props: {
  pending: FirstDownloadPending;
  offerNumber: string | undefined;
  fetching: boolean;
  onFetch: (number: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { percent } = props.pending;
  const number = props.offerNumber;
  return (
    <div className="list__first-download" data-testid="first-download">
      <p>{percent === null ? t('list.firstDownload') : t('list.firstDownloadPercent', { percent })}</p>
      {number === undefined ? null : (
        <FetchOffer
          hint={t('list.fetchHint', { number: number.toUpperCase() })}
          number={number}
          fetching={props.fetching}
          onFetch={props.onFetch}
        />
      )}
    </div>
  );
}

/**
 * Under the results on a device with a budget: older closed complaints are on the central only; a
 * whole tracking number no result has is offered from there, and other words can be searched there.
 */
export function BudgetNote(props: {
  months: number;
  offerNumber: string | undefined;
  fetching: boolean;
  onFetch: (number: string) => void;
  /** The words typed (not a whole tracking number), to search the central for. */
  words: string;
  /** Opens a complaint the search of the central named. */
  onOpenFound: (number: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const number = props.offerNumber;
  return (
    <div className="list__first-download" data-testid="budget-note">
      <p>{t('list.budgetNote', { months: props.months })}</p>
      {number === undefined ? null : (
        <FetchOffer
          hint={t('list.budgetFetchHint', { number: number.toUpperCase() })}
          number={number}
          fetching={props.fetching}
          onFetch={props.onFetch}
        />
      )}
      <CentralSearch text={props.words} onOpen={props.onOpenFound} opening={props.fetching} />
    </div>
  );
}

/** A whole tracking number offered from the central, with why it may be there. */
function FetchOffer(props: {
  hint: string;
  number: string;
  fetching: boolean;
  onFetch: (number: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <p>
      <span id="fetch-from-central-hint">{props.hint}</span>{' '}
      <button
        type="button"
        className="button button--small"
        aria-describedby="fetch-from-central-hint"
        aria-disabled={props.fetching}
        onClick={() => {
          if (!props.fetching) props.onFetch(props.number);
        }}
      >
        {props.fetching ? t('list.fetchingFromCentral') : t('list.fetchFromCentral')}
      </button>
    </p>
  );
}
