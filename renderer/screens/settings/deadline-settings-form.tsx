/**
 * The unit's deadlines, rules and time zone. Managers edit them; everyone else sees them. Each
 * deadline shows its regulation default, so a unit that changes one knows what it departs from.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import {
  DEADLINE_SETTING_NAMES,
  DEADLINE_SETTINGS,
  SLA_RULE_NAMES,
} from '../../../shared/sla/deadline-settings';
import { INDONESIAN_TIME_ZONES } from '../../../shared/time/local-date';
import { validateSettingsInput, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { useCore } from '../../app/core-context';
import { errorFor, ErrorSummary } from '../../components/error-summary';
import { CheckboxField, SelectField, TextField } from '../../components/form-fields';
import { useSettingsSave } from './use-settings-save';

type Draft = {
  timeZone: string;
  deadlines: Record<string, string>;
  rules: Record<(typeof SLA_RULE_NAMES)[number], boolean>;
};

function draftOf(doc: UnitSettingsDoc): Draft {
  return {
    timeZone: doc.timeZone,
    deadlines: Object.fromEntries(DEADLINE_SETTING_NAMES.map((name) => [name, String(doc.deadlines[name])])),
    rules: { ...doc.rules },
  };
}

export function DeadlineSettingsForm(props: { settings: UnitSettingsDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.settings));
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { saving, save } = useSettingsSave();

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setAttempt((value) => value + 1);
    const checked = validateSettingsInput({
      timeZone: draft.timeZone,
      deadlines: draft.deadlines as Record<(typeof DEADLINE_SETTING_NAMES)[number], string>,
      rules: draft.rules,
      holidays: props.settings.holidays,
    });
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    await save(() => core.settings.save(checked.value, new Date()));
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="deadlines-title"
    >
      <h2 id="deadlines-title">{t('unitSettingsUi.deadlinesSection')}</h2>
      <ErrorSummary issues={issues} attempt={attempt} />
      <fieldset disabled={!props.editable} className="form__grid">
        <SelectField
          path="timeZone"
          label={t('setup.timeZone')}
          required
          value={draft.timeZone}
          onChange={(timeZone) => setDraft({ ...draft, timeZone })}
          options={INDONESIAN_TIME_ZONES.map((zone) => ({ value: zone, label: t(`timeZone.${zone}`) }))}
          error={errorFor(issues, 'timeZone')}
        />
        {DEADLINE_SETTING_NAMES.map((name) => (
          <TextField
            key={name}
            path={`deadlines.${name}`}
            label={t(`unitSettingsUi.deadline.${name}`)}
            hint={t('unitSettingsUi.defaultIs', { value: DEADLINE_SETTINGS[name].default })}
            required
            inputMode="numeric"
            value={draft.deadlines[name] ?? ''}
            onChange={(value) => setDraft({ ...draft, deadlines: { ...draft.deadlines, [name]: value } })}
            error={errorFor(issues, `deadlines.${name}`)}
          />
        ))}
        {SLA_RULE_NAMES.map((name) => (
          <CheckboxField
            key={name}
            id={`field-rules-${name}`}
            label={t(`unitSettingsUi.rule.${name}`)}
            checked={draft.rules[name]}
            onChange={(checked) => setDraft({ ...draft, rules: { ...draft.rules, [name]: checked } })}
          />
        ))}
      </fieldset>
      {props.editable ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('unitSettingsUi.saveDeadlines')}
          </button>
        </div>
      ) : (
        <p className="field__hint">{t('unitSettingsUi.managersOnly')}</p>
      )}
    </form>
  );
}
