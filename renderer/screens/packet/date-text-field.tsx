/**
 * A date typed day first (20/11/2026, 20112026, or ISO), as every date field of the app takes it
 * (../../../shared/time/date-input), with the date it was read as in the hint.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDateInput } from '../../../shared/time/date-input';
import { TextField } from '../../components/form-fields';
import { formatCalendarDate } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';

export function DateTextField(props: {
  path: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  required?: boolean;
  error?: string;
}): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const iso = parseDateInput(props.value);
  const hint = iso
    ? t('packetUi.dateRead', { date: formatCalendarDate(iso, language, 'full') })
    : t('packetUi.dateHint');
  return (
    <TextField
      path={props.path}
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      required={props.required}
      placeholder={t('intake.incidentDatePlaceholder')}
      inputMode="numeric"
      hint={hint}
      error={props.error}
    />
  );
}
