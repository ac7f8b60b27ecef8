/**
 * The offices (OPD / work units) complaints are disposed to. An office that no longer exists is
 * made inactive rather than removed, so older dispositions still name it. Managers edit.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListEditorActions } from './list-editor-actions';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import { validateOfficesInput, type UnitOfficesDoc } from '../../../shared/unit/unit-settings';
import { useCore } from '../../app/core-context';
import { errorFor, ErrorSummary } from '../../components/error-summary';
import { fieldId } from '../../components/form-fields';
import { useSettingsSave } from './use-settings-save';

type Row = { code: string; name: string; active: boolean };

/** A code from a name when the manager leaves it blank: "Dinas Kesehatan" → "dinas-kesehatan". */
export function officeCodeFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function OfficesEditor(props: { offices: UnitOfficesDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [rows, setRows] = useState<Row[]>(() => props.offices.offices.map((office) => ({ ...office })));
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { saving, save } = useSettingsSave();
  const update = (index: number, patch: Partial<Row>): void =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setAttempt((value) => value + 1);
    const input = rows.map((row) => ({ ...row, code: row.code.trim() || officeCodeFrom(row.name) }));
    const checked = validateOfficesInput(input);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    const outcome = await save(() => core.settings.saveOffices(checked.value, new Date()));
    if (outcome === 'saved') setRows(checked.value.map((office) => ({ ...office })));
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="offices-title"
    >
      <h2 id="offices-title">{t('unitSettingsUi.officesSection')}</h2>
      <p className="field__hint">{t('unitSettingsUi.officesHint')}</p>
      <ErrorSummary issues={issues} attempt={attempt} />
      {rows.length === 0 ? <p className="empty">{t('unitSettingsUi.noOffices')}</p> : null}
      <fieldset disabled={!props.editable}>
        <table className="table" data-testid="offices">
          <caption className="visually-hidden">{t('unitSettingsUi.officesSection')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('unitSettingsUi.officeName')}</th>
              <th scope="col">{t('unitSettingsUi.officeCode')}</th>
              <th scope="col">{t('unitSettingsUi.officeActive')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>
                  <input
                    id={fieldId(`offices.${index}.name`)}
                    aria-label={t('unitSettingsUi.officeNameOf', { row: index + 1 })}
                    aria-invalid={errorFor(issues, `offices.${index}.name`) ? true : undefined}
                    value={row.name}
                    onChange={(event) => update(index, { name: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    id={fieldId(`offices.${index}.code`)}
                    aria-label={t('unitSettingsUi.officeCodeOf', { row: index + 1 })}
                    className="mono"
                    value={row.code}
                    placeholder={officeCodeFrom(row.name)}
                    onChange={(event) => update(index, { code: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('unitSettingsUi.officeActiveOf', { row: index + 1 })}
                    checked={row.active}
                    onChange={(event) => update(index, { active: event.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      {props.editable ? (
        <ListEditorActions
          addLabel={t('unitSettingsUi.addOffice')}
          onAdd={() => {
            setRows([...rows, { code: '', name: '', active: true }]);
            setTimeout(() => document.getElementById(fieldId(`offices.${rows.length}.name`))?.focus(), 0);
          }}
          saveLabel={t('unitSettingsUi.saveOffices')}
          saving={saving}
        />
      ) : null}
    </form>
  );
}
