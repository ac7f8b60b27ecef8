/**
 * Holidays and collective leave days (cuti bersama), one year at a time. The working-day
 * calendar, and so every deadline, follows this list; a unit adds regional holidays or the
 * government's changes here. Managers edit; everyone else sees the list.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListEditorActions } from './list-editor-actions';
import { HOLIDAY_KINDS } from '../../../shared/calendar/indonesian-holidays';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import { formatDateInput, parseDateInput } from '../../../shared/time/date-input';
import { validateSettingsInput, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { useCore } from '../../app/core-context';
import { errorFor, ErrorSummary } from '../../components/error-summary';
import { fieldId } from '../../components/form-fields';
import { useSettingsSave } from './use-settings-save';

type Row = { date: string; nameId: string; nameEn: string; kind: string; confirmed?: boolean };

function rowsOf(settings: UnitSettingsDoc, year: string): Row[] {
  return (settings.holidays[year] ?? []).map((holiday) => ({
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
  const thisYear = Number(core.calendar.today().slice(0, 4));
  const years = [
    ...new Set([...Object.keys(props.settings.holidays), String(thisYear), String(thisYear + 1)]),
  ].sort();
  const [year, setYear] = useState(String(thisYear));
  const [rows, setRows] = useState<Row[]>(() => rowsOf(props.settings, String(thisYear)));
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { saving, save } = useSettingsSave();
  const path = (index: number, field: string): string => `holidays.${year}.${index}.${field}`;
  const update = (index: number, patch: Partial<Row>): void =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const chooseYear = (next: string): void => {
    setYear(next);
    setRows(rowsOf(props.settings, next));
    setIssues([]);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setAttempt((value) => value + 1);
    const holidays = {
      ...props.settings.holidays,
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
    if (outcome === 'saved') setRows(rowsOf({ ...props.settings, holidays: checked.value.holidays }, year));
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
