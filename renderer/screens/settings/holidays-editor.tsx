/**
 * Holidays and collective leave days (cuti bersama), one year at a time. The working-day
 * calendar, and so every deadline, follows the year's national list (the central's decree when it
 * sent one, else the app's) plus the unit's own additions (shared/calendar/calendar-precedence):
 * the table shows every date with where it comes from; managers edit the unit's additions below
 * it (regional holidays), everyone else sees them.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListEditorActions } from './list-editor-actions';
import { HOLIDAY_KINDS } from '../../../shared/calendar/indonesian-holidays';
import type { HolidaysByYear } from '../../../shared/calendar/holiday-list';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import { formatDateInput, parseDateInput } from '../../../shared/time/date-input';
import { validateSettingsInput, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { CalendarYear } from '../../../shared/calendar/calendar-precedence';
import { useCore } from '../../app/core-context';
import { useAppStore } from '../../store/app-store';
import { errorFor, ErrorSummary } from '../../components/error-summary';
import { fieldId } from '../../components/form-fields';
import { useSettingsSave } from './use-settings-save';

type Row = { date: string; nameId: string; nameEn: string; kind: string; confirmed?: boolean };

/** The unit's own dates of each year (the copies of national lists in its settings left out). */
function unitOwn(years: readonly CalendarYear[]): Record<string, HolidaysByYear[string]> {
  return Object.fromEntries(
    years
      .map(
        (year) =>
          [
            year.year,
            year.holidays
              .filter((holiday) => holiday.source === 'unit')
              .map(({ source: _source, ...holiday }) => holiday),
          ] as const,
      )
      .filter(([, list]) => list.length > 0),
  );
}

function rowsOf(own: HolidaysByYear, year: string): Row[] {
  return (own[year] ?? []).map((holiday) => ({
    date: formatDateInput(holiday.date),
    nameId: holiday.name.id,
    nameEn: holiday.name.en,
    kind: holiday.kind,
    ...(holiday.confirmed === undefined ? {} : { confirmed: holiday.confirmed }),
  }));
}

export function HolidaysEditor(props: { settings: UnitSettingsDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  // Read again when a national calendar arrives by sync.
  useAppStore((state) => state.nationalCalendars);
  const calendarYears = core.calendar.years();
  const own = unitOwn(calendarYears);
  const thisYear = Number(core.calendar.today().slice(0, 4));
  const years = [
    ...new Set([...calendarYears.map((entry) => entry.year), String(thisYear), String(thisYear + 1)]),
  ].sort();
  const [year, setYear] = useState(String(thisYear));
  const [rows, setRows] = useState<Row[]>(() => rowsOf(own, String(thisYear)));
  const shown = calendarYears.find((entry) => entry.year === year);
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { saving, save } = useSettingsSave();
  const path = (index: number, field: string): string => `holidays.${year}.${index}.${field}`;
  const update = (index: number, patch: Partial<Row>): void =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const chooseYear = (next: string): void => {
    setYear(next);
    setRows(rowsOf(own, next));
    setIssues([]);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setAttempt((value) => value + 1);
    // Only the unit's own dates are stored: the national list of a year comes from the central or
    // the app, so that a date the government moves is never kept as a copy.
    const holidays = {
      ...own,
      [year]: rows.map((row) => ({
        date: parseDateInput(row.date) ?? row.date,
        name: { id: row.nameId, en: row.nameEn },
        kind: row.kind,
        // A date a manager saved is taken as checked against the decree.
        confirmed: true,
      })),
    };
    const checked = validateSettingsInput({ ...props.settings, holidays });
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    const outcome = await save(() => core.settings.save(checked.value, new Date()));
    if (outcome === 'saved') setRows(rowsOf(checked.value.holidays, year));
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="holidays-title"
    >
      <h2 id="holidays-title">{t('unitSettingsUi.holidaysSection')}</h2>
      <p className="field__hint">{t('unitSettingsUi.holidaysSource')}</p>
      <div className="filter">
        <label htmlFor="holiday-year">{t('unitSettingsUi.year')}</label>
        <select id="holiday-year" value={year} onChange={(event) => chooseYear(event.target.value)}>
          {years.map((candidate) => (
            <option key={candidate} value={candidate}>
              {candidate}
            </option>
          ))}
        </select>
      </div>
      <p className="field__hint" data-testid="holidays-base">
        {shown?.base.kind === 'central'
          ? t('calendarUi.baseCentral', { year, version: shown.base.version, source: shown.base.source })
          : shown?.base.kind === 'shipped'
            ? t('calendarUi.baseShipped', { year, source: shown.base.source })
            : t('calendarUi.baseNone', { year })}
      </p>
      <table className="table" data-testid="holidays-effective">
        <caption className="visually-hidden">{t('calendarUi.effectiveCaption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('unitSettingsUi.holidayDate')}</th>
            <th scope="col">{t('unitSettingsUi.holidayNameId')}</th>
            <th scope="col">{t('unitSettingsUi.holidayKind')}</th>
            <th scope="col">{t('calendarUi.source')}</th>
          </tr>
        </thead>
        <tbody>
          {(shown?.holidays ?? []).map((holiday) => (
            <tr key={`${holiday.source}:${holiday.date}`} data-source={holiday.source}>
              <td className="mono">{formatDateInput(holiday.date)}</td>
              <td>{holiday.name.id}</td>
              <td>{t(`unitSettingsUi.kind.${holiday.kind}`)}</td>
              <td>{t(`calendarUi.sourceOf.${holiday.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('calendarUi.ownHeading', { year })}</h3>
      <p className="field__hint">{t('calendarUi.ownHint')}</p>
      <ErrorSummary issues={issues} attempt={attempt} />
      <fieldset disabled={!props.editable}>
        <table className="table" data-testid="holidays">
          <caption className="visually-hidden">{t('unitSettingsUi.holidaysCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('unitSettingsUi.holidayDate')}</th>
              <th scope="col">{t('unitSettingsUi.holidayNameId')}</th>
              <th scope="col">{t('unitSettingsUi.holidayNameEn')}</th>
              <th scope="col">{t('unitSettingsUi.holidayKind')}</th>
              <th scope="col">{t('unitSettingsUi.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>
                  <input
                    id={fieldId(path(index, 'date'))}
                    aria-label={t('unitSettingsUi.holidayDateOf', { row: index + 1 })}
                    aria-invalid={errorFor(issues, path(index, 'date')) ? true : undefined}
                    value={row.date}
                    inputMode="numeric"
                    placeholder={t('intake.incidentDatePlaceholder')}
                    onChange={(event) => update(index, { date: event.target.value })}
                  />
                  {row.confirmed === false ? (
                    <span className="field__hint"> {t('unitSettingsUi.unconfirmed')}</span>
                  ) : null}
                </td>
                <td>
                  <input
                    id={fieldId(path(index, 'name.id'))}
                    aria-label={t('unitSettingsUi.holidayNameIdOf', { row: index + 1 })}
                    value={row.nameId}
                    onChange={(event) => update(index, { nameId: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('unitSettingsUi.holidayNameEnOf', { row: index + 1 })}
                    value={row.nameEn}
                    onChange={(event) => update(index, { nameEn: event.target.value })}
                  />
                </td>
                <td>
                  <select
                    id={fieldId(path(index, 'kind'))}
                    aria-label={t('unitSettingsUi.holidayKindOf', { row: index + 1 })}
                    value={row.kind}
                    onChange={(event) => update(index, { kind: event.target.value })}
                  >
                    {HOLIDAY_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`unitSettingsUi.kind.${kind}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setRows(rows.filter((_, at) => at !== index))}
                  >
                    {t('unitSettingsUi.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      {props.editable ? (
        <ListEditorActions
          addLabel={t('unitSettingsUi.addHoliday')}
          onAdd={() => setRows([...rows, { date: '', nameId: '', nameEn: '', kind: 'national-holiday' }])}
          saveLabel={t('unitSettingsUi.saveHolidays', { year })}
          saving={saving}
        />
      ) : null}
    </form>
  );
}
