/**
 * The audit trail: every event of the complaint, oldest first, with who, when, from which device
 * and what it recorded. An event that met a state where it was not allowed (two offline devices
 * acted at once) stays visible, marked as not applied, with the reason. Every stored code shows
 * as words (channels, report types, categories, reasons, modes), never as the code.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isChannel, isReportType } from '../../../shared/complaint/vocabulary';
import { isIsoDate } from '../../../shared/time/local-date';
import type { TrailEntry } from '../../../shared/workflow/complaint-state-types';
import { complaintPath } from '../../app/routes';
import { formatCalendarDate, formatDateTime } from '../../format/format-date';
import { categoryLabel } from '../../i18n/i18n';
import { isTranslationKey, labelUnder } from '../../i18n/keys';
import { useAppStore } from '../../store/app-store';

/** The option list a stored code belongs to, by field name (`from` uses the list of `to`). */
const OPTION_LIST: Readonly<Record<string, string>> = { from: 'to' };

/**
 * The field whose vocabulary a stored value belongs to, when that is not the value's own name:
 * the received event's channel is an intake channel (not a response channel), and a correction's
 * old and new values belong to the field corrected.
 */
function vocabularyOf(name: string, entry: TrailEntry): string | undefined {
  if (entry.kind === 'received' && name === 'channel') return 'channel';
  if (entry.kind === 'correct-field' && (name === 'oldValue' || name === 'newValue'))
    return entry.details.field;
  return undefined;
}

function DetailValue(props: { name: string; entry: TrailEntry; value: unknown }): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { name, value } = props;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'number') return <>{String(value)}</>;
  if (typeof value !== 'string') return <>{JSON.stringify(value)}</>;
  switch (vocabularyOf(name, props.entry)) {
    case 'channel':
      if (isChannel(value)) return <>{t(`channel.${value}`)}</>;
      break;
    case 'reportType':
      if (isReportType(value)) return <>{t(`reportType.${value}`)}</>;
      break;
    case 'category':
      if (value !== '') return <>{categoryLabel(value)}</>;
      break;
    case 'incidentDate':
      if (isIsoDate(value)) return <>{formatCalendarDate(value, language)}</>;
      break;
    default:
      break;
  }
  const optionKey = `actionOption.${OPTION_LIST[name] ?? name}.${value}`;
  if (isTranslationKey(optionKey)) return <>{t(optionKey)}</>;
  if (name === 'until' && isIsoDate(value)) return <>{formatCalendarDate(value, language)}</>;
  return <>{value}</>;
}

function EntryDetails(props: { entry: TrailEntry }): ReactNode {
  const { t } = useTranslation();
  const details = Object.entries(props.entry.details as Readonly<Record<string, unknown>>).filter(
    ([, value]) => value !== null && value !== '' && value !== false,
  );
  if (details.length === 0) return null;
  return (
    <dl className="timeline__details">
      {details.map(([name, value]) => (
        <div key={name}>
          <dt>{labelUnder(t, 'actionField', name)}</dt>
          <dd>
            <DetailValue name={name} entry={props.entry} value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What the entry is, in words: its kind, for a correction of the reporter document the fields
 * it changed ("Data pelapor dikoreksi: nomor telepon, alamat"; the event holds no values), and for
 * a link the other complaint ("Terkait dengan KBM-…", a link to its detail), and for a deletion of
 * identity at the end of its retention why ("Identitas pelapor dihapus: masa retensi berakhir").
 */
function KindLine(props: { entry: TrailEntry }): ReactNode {
  const { t } = useTranslation();
  const { entry } = props;
  if (entry.kind === 'related') {
    return (
      <>
        {t('trail.relatedTo')}{' '}
        <Link href={complaintPath(entry.details.relatedComplaintId)} className="tracking-number">
          {entry.details.relatedTrackingNumber}
        </Link>
      </>
    );
  }
  if (entry.kind === 'identity-deleted') {
    // Why, never what: the event holds no identity (shared/retention/retention-event).
    return <>{t('trail.identityDeletedRetention', { months: entry.details.retentionMonths })}</>;
  }
  if (entry.kind !== 'reporter-corrected') return <>{t(`eventKind.${entry.kind}`)}</>;
  const fields = entry.details.fields.map((field) => t(`reporterField.${field}`)).join(', ');
  return <>{t('trail.reporterCorrected', { fields })}</>;
}

export function ComplaintTrail(props: { trail: readonly TrailEntry[]; masked: boolean }): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  return (
    <ol className="timeline" data-testid="trail">
      {props.trail.map((entry) => (
        <li
          key={entry.eventId}
          className={`timeline__entry${entry.applied ? '' : ' timeline__entry--refused'}`}
          data-kind={entry.kind}
        >
          <p className="timeline__kind">
            <KindLine entry={entry} />
          </p>
          <p className="timeline__when">{formatDateTime(entry.at, language)}</p>
          <p className="timeline__who">
            {t('detail.eventBy', { name: entry.by.name, device: entry.deviceCode })}
          </p>
          {entry.refusal ? (
            <p className="timeline__refused" role="note">
              {t('trail.notApplied')}{' '}
              {t(entry.refusal, {
                action: t(`eventKind.${entry.kind}`),
                status: t(`complaintStatus.${entry.status}`),
              })}
            </p>
          ) : null}
          {props.masked ||
          entry.kind === 'reporter-corrected' ||
          entry.kind === 'related' ||
          entry.kind === 'identity-deleted' ? null : (
            <EntryDetails entry={entry} />
          )}
        </li>
      ))}
    </ol>
  );
}
