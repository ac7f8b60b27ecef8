/**
 * Corrections of complaint fields. The complaint document is written once and never changed
 * (docs/decisions/001-append-only-events.md); a correction is an event, and the complaint as it
 * now reads is the document with the corrections laid over it. A corrected value obeys the same
 * rules as at intake (../complaint/intake), so the overlay is always a valid complaint.
 */
import type { ComplaintDoc } from '../complaint/complaint-schema';
import { CHRONOLOGY_MAX, LOCATION_MAX, TARGET_OFFICE_MAX, TITLE_MAX } from '../complaint/complaint-limits';
import { isChannel, isReportType } from '../complaint/vocabulary';
import type { MessageKey, MessageParams } from '../messages/validation-messages';
import { daysBetween, isIsoDate } from '../time/local-date';
import { NAME_MAX, type CorrectableField } from './event-vocabulary';

/** The correctable fields of a complaint, as it reads now. */
export type CurrentFields = Readonly<Pick<ComplaintDoc, CorrectableField>>;

export type FieldProblem = Readonly<{ key: MessageKey; params?: MessageParams }>;

export function currentFieldsOf(complaint: ComplaintDoc): CurrentFields {
  const { title, chronology, incidentDate, location, category, targetOffice, reportType, channel } =
    complaint;
  return { title, chronology, incidentDate, location, category, targetOffice, reportType, channel };
}

function text(
  value: string,
  rule: Readonly<{ required?: MessageKey; max: number; tooLong?: MessageKey }>,
): FieldProblem | null {
  if (value.trim() === '') return rule.required ? { key: rule.required } : null;
  if (value.length > rule.max)
    return { key: rule.tooLong ?? 'validation.tooLong', params: { max: rule.max } };
  return null;
}

/**
 * What is wrong with `value` as the new value of `field`, or null when it is valid. `today` (the
 * unit-local date, when known) also refuses an incident date in the future.
 */
export function correctionProblem(
  field: CorrectableField,
  value: string,
  today?: string,
): FieldProblem | null {
  switch (field) {
    case 'title':
      return text(value, {
        required: 'validation.title.required',
        max: TITLE_MAX,
        tooLong: 'validation.title.tooLong',
      });
    case 'chronology':
      return text(value, {
        required: 'validation.chronology.required',
        max: CHRONOLOGY_MAX,
        tooLong: 'validation.chronology.tooLong',
      });
    case 'incidentDate':
      if (value.trim() === '') return { key: 'validation.incidentDate.required' };
      if (!isIsoDate(value)) return { key: 'validation.incidentDate.invalid' };
      if (today !== undefined && isIsoDate(today) && daysBetween(value, today) < 0) {
        return { key: 'validation.incidentDate.future' };
      }
      return null;
    case 'location':
      return text(value, { max: LOCATION_MAX, tooLong: 'validation.location.tooLong' });
    case 'category':
      return text(value, { required: 'validation.category.required', max: NAME_MAX });
    case 'targetOffice':
      return text(value, { max: TARGET_OFFICE_MAX });
    case 'reportType':
      return isReportType(value) ? null : { key: 'validation.reportType.unknown' };
    case 'channel':
      return isChannel(value) ? null : { key: 'validation.channel.unknown' };
    default: {
      const unknownField: never = field;
      throw new Error(`Unknown correctable field: ${String(unknownField)}`);
    }
  }
}

/** `current` with `field` set to `value`, or null when `value` is not valid for the field. */
export function applyCorrection(
  current: CurrentFields,
  field: CorrectableField,
  value: string,
): CurrentFields | null {
  if (correctionProblem(field, value) !== null) return null;
  switch (field) {
    case 'reportType':
      return isReportType(value) ? { ...current, reportType: value } : null;
    case 'channel':
      return isChannel(value) ? { ...current, channel: value } : null;
    case 'title':
    case 'chronology':
    case 'incidentDate':
    case 'location':
    case 'category':
    case 'targetOffice':
      return { ...current, [field]: value };
    default: {
      const unknownField: never = field;
      throw new Error(`Unknown correctable field: ${String(unknownField)}`);
    }
  }
}
