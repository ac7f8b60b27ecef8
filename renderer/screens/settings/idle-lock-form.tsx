/**
 * Kunci otomatis: the minutes without keyboard or mouse input after which every desk of the unit
 * locks itself (shared/auth/idle-lock; 10 until a manager sets it, 1–60). A unit setting, synced:
 * managers change it, everyone else sees it. Saved with Enter; "saved" is said once it is stored.
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MINUTES } from '../../../shared/auth/idle-lock';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import { validateIdleLockInput, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { useCore } from '../../app/core-context';
import { LOCK_SHORTCUT } from '../../app/navigation';
import { errorFor, ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { useSettingsSave } from './use-settings-save';

export function IdleLockForm(props: { settings: UnitSettingsDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [minutes, setMinutes] = useState(() =>
    String(props.settings.idleLockMinutes ?? IDLE_LOCK_MINUTES.default),
  );
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { saving, save } = useSettingsSave();

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving || !props.editable) return;
    setAttempt((value) => value + 1);
    const checked = validateIdleLockInput(minutes);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    await save(() => core.settings.saveIdleLock(checked.value, new Date()));
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="idle-lock-title"
    >
      <h2 id="idle-lock-title">{t('unitSettingsUi.idleLockSection')}</h2>
      <ErrorSummary issues={issues} attempt={attempt} />
      <fieldset disabled={!props.editable} className="form__grid">
        <TextField
          path="idleLockMinutes"
          label={t('unitSettingsUi.idleLockMinutes')}
          hint={t('unitSettingsUi.idleLockHint', {
            min: IDLE_LOCK_MINUTES.min,
            max: IDLE_LOCK_MINUTES.max,
            value: IDLE_LOCK_MINUTES.default,
            keys: LOCK_SHORTCUT.keys.join(' / '),
          })}
          required
          inputMode="numeric"
          maxLength={3}
          value={minutes}
          onChange={setMinutes}
          error={errorFor(issues, 'idleLockMinutes')}
        />
      </fieldset>
      {props.editable ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('unitSettingsUi.saveIdleLock')}
          </button>
        </div>
      ) : (
        <p className="field__hint">{t('unitSettingsUi.managersOnly')}</p>
      )}
    </form>
  );
}
