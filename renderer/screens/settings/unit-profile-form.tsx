/**
 * The unit profile after setup: name, agency, kind, the contact printed on every receipt and the
 * address. Managers edit it; everyone else sees it. The unit code names the unit's database and
 * every tracking number, so it stays. A save names the revision shown: an edit made meanwhile on
 * another device is refused (and two offline edits that meet show on the conflicts screen).
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES } from '../../../shared/complaint/vocabulary';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import {
  profileEditInput,
  validateProfileEdit,
  type ProfileEditInput,
  type UnitProfile,
} from '../../../shared/unit/unit-profile';
import { useCore } from '../../app/core-context';
import { errorFor, ErrorSummary } from '../../components/error-summary';
import { SelectField, TextField } from '../../components/form-fields';
import { useSettingsSave } from './use-settings-save';

export function UnitProfileForm(props: { profile: UnitProfile; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [input, setInput] = useState<ProfileEditInput>(() => profileEditInput(props.profile));
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { saving, save } = useSettingsSave();
  const field = (key: keyof ProfileEditInput) => ({
    path: `profile.${key}`,
    value: input[key],
    onChange: (value: string) => setInput((current) => ({ ...current, [key]: value })),
    error: errorFor(issues, `profile.${key}`),
  });

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setAttempt((value) => value + 1);
    const checked = validateProfileEdit(input);
    if (!checked.ok) {
      setIssues(checked.issues.map((issue) => ({ ...issue, path: `profile.${issue.path}` })));
      return;
    }
    setIssues([]);
    await save(() => core.settings.saveProfile(checked.value, new Date()));
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="unit-profile-title"
    >
      <h2 id="unit-profile-title">{t('unitSettingsUi.profileSection')}</h2>
      <p className="field__hint">{t('unitSettingsUi.profileHint')}</p>
      <ErrorSummary issues={issues} attempt={attempt} />
      <fieldset disabled={!props.editable}>
        <TextField {...field('unitName')} label={t('setup.unitName')} required maxLength={200} />
        <TextField {...field('agency')} label={t('setup.agency')} required maxLength={200} />
        <SelectField
          {...field('entityType')}
          label={t('setup.entityType')}
          required
          options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`entityType.${type}`) }))}
        />
        <TextField
          {...field('contact')}
          label={t('setup.contact')}
          hint={t('setup.contactHint')}
          required
          maxLength={200}
        />
        <TextField {...field('address')} label={t('setup.address')} maxLength={300} />
      </fieldset>
      {props.editable ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('unitSettingsUi.saveProfile')}
          </button>
        </div>
      ) : (
        <p className="field__hint">{t('unitSettingsUi.managersOnly')}</p>
      )}
    </form>
  );
}
