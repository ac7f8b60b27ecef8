/**
 * One complaint of a list (Daftar Pengaduan, Perlu Perhatian): tracking number (the row's link),
 * receipt, channel, title, office, status and deadline, from the complaint index. In search results
 * the matched words of the tracking number and title are marked and the other fields that matched
 * are named (never their values: identity values never reach the UI from a search). A masked title
 * (a confidential complaint, for a role that may not see it) is never marked.
 */
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isChannel } from '../../../shared/complaint/vocabulary';
import { complaintPath } from '../../app/routes';
import { ComplaintTitle } from '../../components/complaint-title';
import { IndexDeadline } from '../../components/index-deadline';
import { StatusBadge } from '../../components/status-badge';
import type { ComplaintIndexRow, SearchField, SearchMatch } from '../../core/client-core';
import { formatDateTime } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';
import { Highlighted } from './highlighted';

/** The fields a row shows itself; any other match is named under the title. */
const SHOWN: readonly SearchField[] = ['trackingNumber', 'title'];

export function ComplaintListHead({ ref }: { ref?: Ref<HTMLTableSectionElement> }): ReactNode {
  const { t } = useTranslation();
  return (
    <thead ref={ref}>
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
  );
}

export function ComplaintRow({
  ref,
  ...props
}: {
  row: ComplaintIndexRow;
  matches?: readonly SearchMatch[];
  /** The row's place in a virtualised list (`data-index`, measured by the virtualiser). */
  index?: number;
  ref?: Ref<HTMLTableRowElement>;
}): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { row } = props;
  const matches = props.matches ?? [];
  const rangesOf = (field: SearchField) => matches.find((match) => match.field === field)?.ranges ?? [];
  const elsewhere = matches.filter((match) => !SHOWN.includes(match.field));
  return (
    <tr ref={ref} data-index={props.index} data-tracking-number={row.trackingNumber}>
      <td>
        <Link data-row-link href={complaintPath(row.id)} className="mono nowrap">
          <Highlighted text={row.trackingNumber} ranges={rangesOf('trackingNumber')} />
        </Link>
      </td>
      <td>{formatDateTime(row.receivedAt, language)}</td>
      <td>{isChannel(row.channel) ? t(`channel.${row.channel}`) : row.channel}</td>
      <td>
        <ComplaintTitle
          title={row.title}
          privacyMode={row.privacyMode}
          shown={<Highlighted text={row.title} ranges={rangesOf('title')} />}
        />
        {elsewhere.length > 0 ? (
          <span className="list__matched" data-testid="matched-fields">
            {t('list.matchedIn', {
              fields: elsewhere.map((match) => t(`list.field.${match.field}`)).join(', '),
            })}
          </span>
        ) : null}
      </td>
      <td>{row.office || t('common.none')}</td>
      <td>
        <StatusBadge status={row.status} office={row.office} />
      </td>
      <td>
        <IndexDeadline row={row} />
      </td>
    </tr>
  );
}
