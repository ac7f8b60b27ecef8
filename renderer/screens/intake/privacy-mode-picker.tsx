/** The reporter privacy mode, shown large at the top of the intake form. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIVACY_MODES, type PrivacyMode } from '../../../shared/complaint/vocabulary';
import { fieldId } from '../../components/form-fields';

export const PRIVACY_FIELD_ID = fieldId('privacyMode');

export function PrivacyModePicker(props: {
  value: PrivacyMode;
  onChange: (mode: PrivacyMode) => void;
  error?: string;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <fieldset
      className="privacy-picker"
      aria-describedby={props.error ? `${PRIVACY_FIELD_ID}-error` : undefined}
    >
      <legend>{t('intake.privacySection')}</legend>
      <div className="privacy-picker__options">
        {PRIVACY_MODES.map((mode, index) => (
          <label key={mode} className={`privacy-option privacy-option--${mode}`}>
            <input
              type="radio"
              name="privacyMode"
              value={mode}
              id={index === 0 ? PRIVACY_FIELD_ID : `${PRIVACY_FIELD_ID}-${mode}`}
              checked={props.value === mode}
              onChange={() => props.onChange(mode)}
            />
            <span className="privacy-option__name">{t(`privacy.${mode}`)}</span>
            <span className="privacy-option__hint">{t(`privacy.${mode}Hint`)}</span>
          </label>
        ))}
      </div>
      {props.error ? (
        <p className="field__error" id={`${PRIVACY_FIELD_ID}-error`}>
          ✖ {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
