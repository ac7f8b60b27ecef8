/**
 * The first-run fields of this device and its first officer, shared by both ways to set up. A new
 * unit's first officer is its manager, with a PIN (or passphrase) typed twice (`secretField`); a
 * joining device names its officer and role, who gets a first PIN from a manager.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../shared/workflow/roles';
import { SelectField, TextField } from '../components/form-fields';

type FieldProps = Readonly<{
  path: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}>;

export function DeviceOfficerFields(props: {
  field: (key: 'deviceCode' | 'officerName' | 'officerRole') => FieldProps;
  roleHint?: string;
  /** A new unit: no role to choose (the first officer is the manager), a PIN typed twice instead. */
  secretField?: (key: 'officerSecret' | 'officerSecretConfirm') => FieldProps;
}): ReactNode {
  const { t } = useTranslation();
  const { field, secretField } = props;
  return (
    <fieldset>
      <legend>{t('setup.deviceSection')}</legend>
      <TextField
        {...field('deviceCode')}
        label={t('setup.deviceCode')}
        hint={t('setup.deviceCodeHint')}
        required
        maxLength={3}
      />
      <TextField {...field('officerName')} label={t('setup.officerName')} required />
      {secretField ? (
        <>
          <p className="field__hint">{t('setup.firstManagerHint')}</p>
          <TextField
            {...secretField('officerSecret')}
            type="password"
            label={t('setup.officerSecret')}
            hint={t('auth.secretHint')}
            required
          />
          <TextField
            {...secretField('officerSecretConfirm')}
            type="password"
            label={t('setup.officerSecretConfirm')}
            required
          />
        </>
      ) : (
        <SelectField
          {...field('officerRole')}
          label={t('setup.officerRole')}
          {...(props.roleHint ? { hint: props.roleHint } : {})}
          required
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
      )}
    </fieldset>
  );
}
