/** The fields of one action form, from its descriptor (./action-forms). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  DEFAULT_CATEGORIES,
  REPORT_TYPES,
  type PrivacyMode,
} from '../../../shared/complaint/vocabulary';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import { formatDateInput } from '../../../shared/time/date-input';
import type { CurrentFields } from '../../../shared/workflow/corrections';
import { isCorrectableField } from '../../../shared/workflow/event-vocabulary';
import type { WorkflowAction } from '../../../shared/workflow/workflow-actions';
import { errorFor } from '../../components/error-summary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { categoryLabel } from '../../i18n/i18n';
import { labelUnder } from '../../i18n/keys';
import { ACTION_FORMS, isVisible, type ActionField, type FormValues } from './action-forms';

const PREFIX = 'action';
const RELATED_LIST_ID = 'related-complaint-options';

/** Element id of an action form's field (its path is `action.<name>`). */
export function actionFieldId(name: string): string {
  return `field-${PREFIX}-${name.replace(/^action\./, '')}`;
}

type Option = Readonly<{ value: string; label: string }>;
type Common = Readonly<{
  path: string;
  label: string;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}>;

/** The new value of a correction, asked for the way the corrected field is asked for at intake. */
function CorrectionValue(props: { common: Common; field: string }): ReactNode {
  const { t } = useTranslation();
  const { common, field } = props;
  const select = (options: readonly Option[]): ReactNode => <SelectField {...common} options={options} />;
  switch (field) {
    case 'category':
      return select(
        DEFAULT_CATEGORIES.map((category) => ({ value: category.code, label: categoryLabel(category.code) })),
      );
    case 'reportType':
      return select(REPORT_TYPES.map((value) => ({ value, label: t(`reportType.${value}`) })));
    case 'channel':
      return select(CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) })));
    case 'chronology':
      return <TextAreaField {...common} rows={5} />;
    case 'incidentDate':
      return (
        <TextField
          {...common}
          inputMode="numeric"
          placeholder={t('intake.incidentDatePlaceholder')}
          hint={t('intake.incidentDateHint')}
        />
      );
    default:
      return <TextField {...common} />;
  }
}

/** The value a correction form starts with: the field as it reads now. */
function currentText(current: CurrentFields, field: string): string {
  if (!isCorrectableField(field)) return '';
  const value = current[field];
  return field === 'incidentDate' ? formatDateInput(value) : value;
}

export function ActionFormFields(props: {
  action: WorkflowAction;
  values: FormValues;
  issues: readonly ValidationIssue[];
  offices: readonly string[];
  current: CurrentFields;
  /** The complaint's privacy mode now: identity fields are asked only for a named one. */
  privacyMode: PrivacyMode;
  /** Tracking numbers of the complaints this one is linked to (offered as the duplicate's original). */
  related?: readonly string[];
  onChange: (values: FormValues) => void;
}): ReactNode {
  const { t } = useTranslation();
  const set = (name: string) => (value: string) =>
    props.onChange(
      props.action === 'correct' && name === 'field'
        ? { ...props.values, field: value, newValue: currentText(props.current, value) }
        : { ...props.values, [name]: value },
    );
  const render = (field: ActionField): ReactNode => {
    const common: Common = {
      path: `${PREFIX}.${field.name}`,
      label: labelUnder(t, 'actionField', field.name),
      required: !field.optional,
      value: props.values[field.name] ?? '',
      onChange: set(field.name),
      error: errorFor(props.issues, field.name),
    };
    switch (field.kind) {
      case 'text':
        if (field.name === 'duplicateOf' && (props.related ?? []).length > 0) {
          // Archived as a duplicate: the complaints it is linked to are offered (another may be typed).
          return (
            <div key={field.name}>
              <TextField {...common} list={RELATED_LIST_ID} hint={t('actionField.duplicateOfRelated')} />
              <datalist id={RELATED_LIST_ID}>
                {(props.related ?? []).map((trackingNumber) => (
                  <option key={trackingNumber} value={trackingNumber} />
                ))}
              </datalist>
            </div>
          );
        }
        return <TextField key={field.name} {...common} />;
      case 'date':
        return (
          <TextField
            key={field.name}
            {...common}
            inputMode="numeric"
            placeholder={t('intake.incidentDatePlaceholder')}
            hint={t('actionField.dateHint')}
          />
        );
      case 'textarea':
        return <TextAreaField key={field.name} {...common} rows={3} />;
      case 'correction':
        return (
          <CorrectionValue
            key={`${field.name}:${props.values.field ?? ''}`}
            common={common}
            field={props.values.field ?? ''}
          />
        );
      case 'select':
        return (
          <SelectField
            key={field.name}
            {...common}
            options={(field.options ?? []).map((value) => ({
              value,
              label: labelUnder(t, `actionOption.${field.name}`, value),
            }))}
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
          <CheckboxField
            key={field.name}
            id={actionFieldId(field.name)}
            label={labelUnder(t, 'actionField', field.name)}
            checked={props.values[field.name] === 'true'}
            onChange={(checked) => set(field.name)(checked ? 'true' : 'false')}
          />
        );
      default: {
        const never: never = field.kind;
        return never;
      }
    }
  };
  const shown = ACTION_FORMS[props.action].filter(
    (field) => isVisible(field, props.values) && (!field.namedOnly || props.privacyMode === 'named'),
  );
  return <>{shown.map(render)}</>;
}
