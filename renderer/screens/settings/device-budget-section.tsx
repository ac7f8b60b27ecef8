/**
 * Simpanan perangkat: what each device of the unit keeps (shared/sync/device-budget), a unit
 * setting: every complaint (the default), or the complaints received in the last N months plus
 * every open one (1–120). The hint says what it means: older closed complaints stay on the central
 * and open on demand when online; indicators and packets on such a device count only what it
 * holds; a device keeps what it already holds. Managers change it (saved
 * with Enter, "saved" said once stored); everyone else sees it.
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import { DEVICE_BUDGET_MONTHS } from '../../../shared/sync/device-budget';
import { validateDeviceBudgetInput, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { useCore } from '../../app/core-context';
import { errorFor, ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { useSettingsSave } from './use-settings-save';

/** The months the field offers when the unit keeps everything. */
const SUGGESTED_MONTHS = 12;

export function DeviceBudgetSection(props: { settings: UnitSettingsDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const stored = props.settings.deviceBudgetMonths;
  const [keep, setKeep] = useState<'everything' | 'months'>(stored === undefined ? 'everything' : 'months');
  const [months, setMonths] = useState(String(stored ?? SUGGESTED_MONTHS));
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { saving, save } = useSettingsSave();

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving || !props.editable) return;
    setAttempt((value) => value + 1);
    const checked = validateDeviceBudgetInput({ keep, months });
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    await save(() => core.settings.saveDeviceBudget(checked.value, new Date()));
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="device-budget-title"
      data-testid="device-budget"
    >
      <h2 id="device-budget-title">{t('deviceBudget.section')}</h2>
      <ErrorSummary issues={issues} attempt={attempt} />
      <fieldset disabled={!props.editable} aria-describedby="device-budget-hint">
        <legend>{t('deviceBudget.legend')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="device-budget"
            value="everything"
            checked={keep === 'everything'}
            onChange={() => setKeep('everything')}
          />
          {t('deviceBudget.everything')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="device-budget"
            value="months"
            checked={keep === 'months'}
            onChange={() => setKeep('months')}
          />
          {t('deviceBudget.months')}
        </label>
        {keep === 'months' ? (
          <TextField
            path="deviceBudgetMonths"
            label={t('deviceBudget.monthsField')}
            hint={t('deviceBudget.monthsHint', {
              min: DEVICE_BUDGET_MONTHS.min,
              max: DEVICE_BUDGET_MONTHS.max,
            })}
            required
            inputMode="numeric"
            maxLength={3}
            value={months}
            onChange={setMonths}
            error={errorFor(issues, 'deviceBudgetMonths')}
          />
        ) : null}
        <p className="field__hint" id="device-budget-hint">
          {t('deviceBudget.hint')}
        </p>
      </fieldset>
      {props.editable ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('deviceBudget.save')}
          </button>
        </div>
      ) : (
        <p className="field__hint">{t('unitSettingsUi.managersOnly')}</p>
      )}
    </form>
  );
}
