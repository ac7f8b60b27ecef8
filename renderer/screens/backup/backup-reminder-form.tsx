/**
 * "Ingatkan cadangan setelah N hari": the unit's backup reminder (shared/backup/backup-reminder),
 * a synced unit setting. Managers set the days (1–365) or leave the field empty for no reminder,
 * saved with Enter; everyone else sees it and is told who may change it.
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseReminderDays } from '../../../shared/backup/backup-reminder';
import type { UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { useCore } from '../../app/core-context';
import { TextField, fieldId } from '../../components/form-fields';
import { useSettingsSave } from '../settings/use-settings-save';

export function BackupReminderForm(props: { settings: UnitSettingsDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [days, setDays] = useState(() =>
    props.settings.backupReminderDays === undefined ? '' : String(props.settings.backupReminderDays),
  );
  const [error, setError] = useState<string>();
  const { saving, save } = useSettingsSave();

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving || !props.editable) return;
    const value = days.trim() === '' ? null : parseReminderDays(days);
    if (value === null && days.trim() !== '') {
      setError(t('backup.reminderInvalid'));
      document.getElementById(fieldId('backupReminderDays'))?.focus();
      return;
    }
    setError(undefined);
    await save(() => core.settings.saveBackupReminder(value, new Date()));
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="backup-reminder-title"
    >
      <h3 id="backup-reminder-title">{t('backup.reminderTitle')}</h3>
      <fieldset disabled={!props.editable} className="form__grid">
        <TextField
          path="backupReminderDays"
          label={t('backup.reminderDays')}
          hint={t('backup.reminderHint')}
          inputMode="numeric"
          maxLength={3}
          value={days}
          onChange={setDays}
          error={error}
        />
      </fieldset>
      {props.editable ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('backup.saveReminder')}
          </button>
        </div>
      ) : (
        <p className="field__hint">{t('backup.managersOnly')}</p>
      )}
    </form>
  );
}
