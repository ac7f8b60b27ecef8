/**
 * Pengaturan → Log akses (managers; docs/decisions/016-access-log.md): the unit's access records of
 * every device, newest first, a page at a time ("Lebih lama" / "Lebih baru"), filtered by kind of
 * event or by officer. The core refuses the page to anyone but a manager; this section is shown
 * to managers only and says so when refused.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_KINDS, type AccessKind } from '../../../shared/auth/access-record';
import { useCore } from '../../app/core-context';
import { LoadState } from '../../components/load-state';
import { formatDateTimeSeconds } from '../../format/format-date';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';
import type { AccessLogRow } from '../../core/client-core';

/** Records per page: fits 1366×768 with the filters above. */
export const ACCESS_LOG_PAGE_SIZE = 15;

export function AccessLogSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const [kind, setKind] = useState<AccessKind | ''>('');
  const [officerId, setOfficerId] = useState('');
  /** The cursor of each page after the first one shown (the last is the page in view). */
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const [reloads, setReloads] = useState(0);
  const cursor = cursors.at(-1);
  const officers = useRecords(() => core.officers.list(), []);
  const page = useRecords(
    () =>
      core.accessLog.page({
        limit: ACCESS_LOG_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
        ...(kind ? { kind } : {}),
        ...(officerId ? { officerId } : {}),
      }),
    [cursor, kind, officerId, reloads],
  );

  const who = (row: AccessLogRow): string =>
    row.officerName ??
    (row.officerId ? t('accessLog.unknownOfficer', { id: row.officerId }) : t('accessLog.nobody'));
  const what = (row: AccessLogRow): string => {
    const kindText = t(`accessLog.kind.${row.kind}`);
    const subject = row.subjectId
      ? t('accessLog.subject', { what: kindText, name: row.subjectName ?? row.subjectId })
      : kindText;
    return row.role ? t('accessLog.withRole', { what: subject, role: t(`role.${row.role}`) }) : subject;
  };

  return (
    <section aria-labelledby="access-log-title" data-testid="access-log">
      <h2 id="access-log-title">{t('accessLog.title')}</h2>
      <p className="field__hint">{t('accessLog.hint')}</p>
      <div className="form__row">
        <div className="field">
          <label htmlFor="access-log-kind">{t('accessLog.kindFilter')}</label>
          <select
            id="access-log-kind"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as AccessKind | '');
              setCursors([]);
            }}
          >
            <option value="">{t('accessLog.allKinds')}</option>
            {ACCESS_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`accessLog.kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="access-log-officer">{t('accessLog.officerFilter')}</label>
          <select
            id="access-log-officer"
            value={officerId}
            onChange={(event) => {
              setOfficerId(event.target.value);
              setCursors([]);
            }}
          >
            <option value="">{t('accessLog.allOfficers')}</option>
            {officers.status === 'ready'
              ? officers.value.map((officer) => (
                  <option key={officer.id} value={officer.id}>
                    {officer.name}
                  </option>
                ))
              : null}
          </select>
        </div>
      </div>
      <LoadState loaded={page}>
        {(outcome) =>
          !outcome.ok ? (
            <p className="field__hint">{t('accessLog.managersOnly')}</p>
          ) : (
            <>
              {outcome.page.tampered > 0 ? (
                <p className="error-summary" role="alert">
                  {t('accessLog.tampered', { count: outcome.page.tampered })}
                </p>
              ) : null}
              {outcome.page.rows.length === 0 ? (
                <p>
                  {kind !== '' || officerId !== '' || cursor !== undefined
                    ? t('accessLog.emptyFiltered')
                    : t('accessLog.empty')}
                </p>
              ) : (
                <table className="table" data-testid="access-log-rows">
                  <thead>
                    <tr>
                      <th scope="col">{t('accessLog.at')}</th>
                      <th scope="col">{t('accessLog.who')}</th>
                      <th scope="col">{t('accessLog.what')}</th>
                      <th scope="col">{t('accessLog.device')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outcome.page.rows.map((row) => (
                      <tr key={row.id}>
                        <td>
                          <time dateTime={row.at}>{formatDateTimeSeconds(row.at, language)}</time>
                        </td>
                        <td>{who(row)}</td>
                        <td>{what(row)}</td>
                        <td className="mono">{row.deviceCode}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <div className="form__actions">
                <button
                  type="button"
                  className="button"
                  disabled={cursors.length === 0}
                  onClick={() => setCursors((stack) => stack.slice(0, -1))}
                >
                  {t('accessLog.newer')}
                </button>
                <span>{t('accessLog.pageNumber', { page: cursors.length + 1 })}</span>
                <button
                  type="button"
                  className="button"
                  disabled={!outcome.page.nextCursor}
                  onClick={() => {
                    const next = outcome.page.nextCursor;
                    if (next) setCursors((stack) => [...stack, next]);
                  }}
                >
                  {t('accessLog.older')}
                </button>
                <button type="button" className="button" onClick={() => setReloads((value) => value + 1)}>
                  {t('accessLog.refresh')}
                </button>
              </div>
            </>
          )
        }
      </LoadState>
    </section>
  );
}
