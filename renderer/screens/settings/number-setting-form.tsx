/**
 * One whole-number unit setting as its own form (the idle lock's minutes, the retention's months):
 * typed as text, checked by the domain's validator on Enter, its problem told at the field and in
 * the error summary, saved through the settings' save (./use-settings-save: "saved" said once
 * stored). Managers change it; everyone else sees it.
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import type { SaveOutcome } from '../../core/client-core';
import { errorFor, ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { useSettingsSave } from './use-settings-save';

type Checked =
  Readonly<{ ok: true; value: number }> | Readonly<{ ok: false; issues: readonly ValidationIssue[] }>;

export type NumberSettingFormProps = Readonly<{
  editable: boolean;
  /** The stored value (or the default) as the field first shows it. */
  initial: number;
  /** The setting's field path: the field's id and where the validator's issue points. */
  path: string;
  label: string;
  hint: string;
  saveLabel: string;
  validate: (text: string) => Checked;
  write: (value: number) => Promise<SaveOutcome>;
  /** The form's name: a heading inside it, or a label when the section around it has the heading. */
  name: Readonly<{ heading: string; id: string }> | Readonly<{ label: string }>;
}>;

export function NumberSettingForm(props: NumberSettingFormProps): ReactNode {
  const { t } = useTranslation();
  const [text, setText] = useState(() => String(props.initial));
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { saving, save } = useSettingsSave();

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving || !props.editable) return;
    setAttempt((value) => value + 1);
    const checked = props.validate(text);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    await save(() => props.write(checked.value));
  };

  const { name } = props;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      {...('heading' in name ? { 'aria-labelledby': name.id } : { 'aria-label': name.label })}
    >
      {'heading' in name ? <h2 id={name.id}>{name.heading}</h2> : null}
      <ErrorSummary issues={issues} attempt={attempt} />
      <fieldset disabled={!props.editable} className="form__grid">
        <TextField
          path={props.path}
          label={props.label}
          hint={props.hint}
          required
          inputMode="numeric"
          maxLength={3}
          value={text}
          onChange={setText}
          error={errorFor(issues, props.path)}
        />
      </fieldset>
      {props.editable ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : props.saveLabel}
          </button>
        </div>
      ) : (
        <p className="field__hint">{t('unitSettingsUi.managersOnly')}</p>
      )}
    </form>
  );
}
