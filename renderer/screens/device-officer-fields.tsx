/** The first-run fields of this device and its first officer, shared by both ways to set up. */
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
}): ReactNode {
  const { t } = useTranslation();
  const { field } = props;
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
      <SelectField
        {...field('officerRole')}
        label={t('setup.officerRole')}
        {...(props.roleHint ? { hint: props.roleHint } : {})}
        required
        options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      />
    </fieldset>
  );
}
