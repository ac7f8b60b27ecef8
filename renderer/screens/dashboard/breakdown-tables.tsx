/**
 * The figures per channel, per category and per office as tables, in the order the indicators
 * give (offices worst first: most overdue, then most open). A confidential complaint's office is
 * never named: its row reads "Pengaduan rahasia".
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONFIDENTIAL_OFFICE,
  NO_OFFICE,
  type IndicatorGroupRow,
  type Indicators,
} from '../../../shared/indicators/indicators-types';
import { isChannel } from '../../../shared/complaint/vocabulary';
import { categoryLabel } from '../../i18n/i18n';
import type { FigureFormat } from './figure-format';

export type BreakdownKind = 'channel' | 'category' | 'office';

/** The words for a group's key. */
export function useGroupLabel(): (kind: BreakdownKind, key: string) => string {
  const { t } = useTranslation();
  return (kind, key) => {
    if (kind === 'category') return categoryLabel(key);
    if (kind === 'channel') return isChannel(key) ? t(`channel.${key}`) : key;
    if (key === NO_OFFICE) return t('dashboardFigures.noOffice');
    if (key === CONFIDENTIAL_OFFICE) return t('dashboardFigures.confidentialOffice');
    return key;
  };
}

export function BreakdownTable(props: {
  kind: BreakdownKind;
  rows: readonly IndicatorGroupRow[];
  caption: string;
  format: FigureFormat;
}): ReactNode {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const { format } = props;
  const pair = (distribution: IndicatorGroupRow['timeToVerifyWorkingDays']): string =>
    t('dashboardFigures.medianP90', {
      median: format.number(distribution.median),
      p90: format.number(distribution.p90),
    });
  const backlogFirst = props.kind === 'office';
  const backlog = (row: IndicatorGroupRow) => [
    <td key="open" className="num">
      {format.number(row.open)}
    </td>,
    <td key="overdue" className="num">
      {format.number(row.overdue)}
    </td>,
    <td key="due-soon" className="num">
      {format.number(row.dueSoon)}
    </td>,
  ];
  const backlogHeads = [
    <th key="open" scope="col" className="num">
      {t('dashboardFigures.column.open')}
    </th>,
    <th key="overdue" scope="col" className="num">
      {t('dashboardFigures.column.overdue')}
    </th>,
    <th key="due-soon" scope="col" className="num">
      {t('dashboardFigures.column.dueSoon')}
    </th>,
  ];
  return (
    <table className="table dashboard__table" data-testid={`breakdown-${props.kind}`}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`dashboardFigures.column.${props.kind}`)}</th>
          {backlogFirst ? backlogHeads : null}
          <th scope="col" className="num">
            {t('dashboardFigures.column.received')}
          </th>
          <th scope="col" className="num">
            {t('dashboardFigures.column.verified')}
          </th>
          <th scope="col" className="num">
            {t('dashboardFigures.column.resolved')}
          </th>
          <th scope="col" className="num">
            {t('dashboardFigures.column.verifyMedian')}
          </th>
          <th scope="col" className="num">
            {t('dashboardFigures.column.resolveMedian')}
          </th>
          {backlogFirst ? null : backlogHeads}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(props.kind, row.key)}</th>
            {backlogFirst ? backlog(row) : null}
            <td className="num">{format.number(row.received)}</td>
            <td className="num">{format.percent(row.verifiedWithin3WorkingDays.share)}</td>
            <td className="num">{format.percent(row.resolvedWithin60Days.share)}</td>
            <td className="num">{pair(row.timeToVerifyWorkingDays)}</td>
            <td className="num">{pair(row.timeToResolveDays)}</td>
            {backlogFirst ? null : backlog(row)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BreakdownTables(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const { breakdown } = props.indicators;
  const sections = [
    { kind: 'office', rows: breakdown.byOffice, title: t('dashboardFigures.offices'), id: 'offices' },
    { kind: 'channel', rows: breakdown.byChannel, title: t('dashboardFigures.byChannel'), id: 'channels' },
    {
      kind: 'category',
      rows: breakdown.byCategory,
      title: t('dashboardFigures.byCategory'),
      id: 'categories',
    },
  ] as const;
  return (
    <>
      {sections.map((section) => (
        <section
          key={section.kind}
          className="dashboard__section"
          aria-labelledby={`dashboard-${section.id}-title`}
        >
          <h3 id={`dashboard-${section.id}-title`}>{section.title}</h3>
          {section.kind === 'office' ? (
            <p className="dashboard__note">{t('dashboardFigures.officesNote')}</p>
          ) : null}
          <BreakdownTable
            kind={section.kind}
            rows={section.rows}
            caption={section.title}
            format={props.format}
          />
        </section>
      ))}
    </>
  );
}
