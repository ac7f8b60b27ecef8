/** The fields of one action form, from its descriptor (./action-forms). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import type { WorkflowAction } from '../../../shared/workflow/workflow-actions';
import { errorFor } from '../../components/error-summary';
import { SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { ACTION_FORMS, isVisible, type ActionField, type FormValues } from './action-forms';

const PREFIX = 'action';

/** Element id of an action form's field (its path is `action.<name>`). */
export function actionFieldId(name: string): string {
  return `field-${PREFIX}-${name.replace(/^action\./, '')}`;
}

export function ActionFormFields(props: {
  action: WorkflowAction;
  values: FormValues;
  issues: readonly ValidationIssue[];
  offices: readonly string[];
  onChange: (values: FormValues) => void;
}): ReactNode {
  const { t } = useTranslation();
  const set = (name: string) => (value: string) => props.onChange({ ...props.values, [name]: value });
  const render = (field: ActionField): ReactNode => {
    const common = {
      path: `${PREFIX}.${field.name}`,
      label: t(`actionField.${field.name}`),
      required: !field.optional,
      value: props.values[field.name] ?? '',
      onChange: set(field.name),
      error: errorFor(props.issues, field.name),
    };
    switch (field.kind) {
      case 'text':
        return <TextField key={field.name} {...common} />;
      case 'date':
        return <TextField key={field.name} {...common} inputMode="numeric" placeholder={t('intake.incidentDatePlaceholder')} hint={t('intake.incidentDateHint')} />;
      case 'textarea':
        return <TextAreaField key={field.name} {...common} rows={3} />;
      case 'select':
        return (
          <SelectField
            key={field.name}
            {...common}
            options={(field.options ?? []).map((value) => ({ value, label: t(`actionOption.${field.name}.${value}`, { defaultValue: value }) }))}
          />
        );
      case 'office':
        return (
          <SelectField
            key={field.name}
            {...common}
            placeholder={field.optional ? t('actionField.noOffice') : t('actionField.chooseOffice')}
            options={props.offices.map((office) => ({ value: office, label: office }))}
          />
        );
      case 'checkbox':
        return (
          <label key={field.name} className="checkbox">
            <input
              id={`field-${PREFIX}-${field.name}`}
              type="checkbox"
              checked={props.values[field.name] === 'true'}
              onChange={(event) => set(field.name)(event.target.checked ? 'true' : 'false')}
            />
            {t(`actionField.${field.name}`)}
          </label>
        );
      default: {
        const never: never = field.kind;
        return never;
      }
    }
  };
  return <>{ACTION_FORMS[props.action].filter((field) => isVisible(field, props.values)).map(render)}</>;
}
