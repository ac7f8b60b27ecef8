/**
 * Field checks of the intake form, one function per rule. Each reads a raw form value (unknown),
 * records issues and warnings in a collector, and returns the trimmed value.
 */
import type { MessageKey, ValidationIssue } from '../messages/validation-messages';
import { wellFormed } from '../text/well-formed';
import { daysBetween, isIsoDate } from '../time/local-date';
import { LATE_COMPLAINT_DAYS, REPORTER_ADDRESS_MAX, REPORTER_NAME_MAX } from './complaint-limits';
import {
  EMPTY_REPORTER,
  hasContact,
  hasIdentity,
  isValidEmail,
  isValidNik,
  isValidPhone,
} from './reporter-fields';
import type { ReporterFields } from './reporter-fields';
import type { PrivacyMode } from './vocabulary';

export type IssueCollector = Readonly<{ issues: ValidationIssue[]; warnings: ValidationIssue[] }>;
export type RawFields = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is RawFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A text field, trimmed, with lone surrogates replaced (shared/text/well-formed); absent
 * (undefined/null) means ''. A non-string is invalid: null is returned.
 */
export function readText(value: unknown, path: string, out: IssueCollector): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return wellFormed(value).trim();
  out.issues.push({ path, key: 'validation.invalid' });
  return null;
}

/** A text field with an optional "required" key and a maximum length (reported with `{max}`). */
export function checkText(
  value: unknown,
  path: string,
  rule: Readonly<{ required?: MessageKey; max?: number; tooLong?: MessageKey }>,
  out: IssueCollector,
): string {
  const text = readText(value, path, out);
  if (text === null) return '';
  if (text === '') {
    if (rule.required) out.issues.push({ path, key: rule.required });
  } else if (rule.max !== undefined && text.length > rule.max) {
    out.issues.push({ path, key: rule.tooLong ?? 'validation.tooLong', params: { max: rule.max } });
  }
  return text;
}

/** A choice from a vocabulary: blank → `validation.required`, anything else unknown → `unknownKey`. */
export function checkChoice<T extends string>(
  value: unknown,
  path: string,
  isKnown: (v: unknown) => v is T,
  unknownKey: MessageKey,
  out: IssueCollector,
): T | null {
  if (isKnown(value)) return value;
  const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  out.issues.push({ path, key: blank ? 'validation.required' : unknownKey });
  return null;
}

/**
 * The reporter block (docs/domain.md, 'Privacy modes'): anonymous = no identity stored at all, so
 * every field must be empty; named and confidential need a name (as on the KTP) and a way to reach
 * the reporter (phone and/or email, as SP4N-LAPOR! asks; an address also serves for a letter).
 * Formats are checked whenever a field is given. With an unknown privacy mode only the formats are checked.
 */
export function checkReporter(
  value: unknown,
  privacyMode: PrivacyMode | null,
  out: IssueCollector,
): ReporterFields {
  if (value !== undefined && value !== null && !isRecord(value)) {
    out.issues.push({ path: 'reporter', key: 'validation.invalid' });
    return EMPTY_REPORTER;
  }
  const fields: RawFields = value ?? {};
  const text = (field: keyof ReporterFields): string =>
    readText(fields[field], `reporter.${field}`, out) ?? '';
  const reporter: ReporterFields = {
    name: text('name'),
    // A NIK is often copied from a KTP scan or a letter in groups ("3201 0123 4567 8901").
    nik: text('nik').replace(/[\s.-]/g, ''),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
  };
  const issue = (path: string, key: MessageKey, params?: ValidationIssue['params']): void => {
    out.issues.push(params ? { path, key, params } : { path, key });
  };
  if (privacyMode === 'anonymous') {
    if (hasIdentity(reporter)) issue('reporter', 'validation.reporter.anonymousHasIdentity');
    return reporter;
  }
  const identified = privacyMode === 'named' || privacyMode === 'confidential';
  if (identified && reporter.name === '') issue('reporter.name', 'validation.reporter.nameRequired');
  if (reporter.name.length > REPORTER_NAME_MAX)
    issue('reporter.name', 'validation.tooLong', { max: REPORTER_NAME_MAX });
  if (reporter.nik !== '' && !isValidNik(reporter.nik))
    issue('reporter.nik', 'validation.reporter.nikInvalid');
  if (identified && !hasContact(reporter)) issue('reporter.phone', 'validation.reporter.contactRequired');
  if (reporter.phone !== '' && !isValidPhone(reporter.phone))
    issue('reporter.phone', 'validation.reporter.phoneInvalid');
  if (reporter.email !== '' && !isValidEmail(reporter.email))
    issue('reporter.email', 'validation.reporter.emailInvalid');
  if (reporter.address.length > REPORTER_ADDRESS_MAX) {
    issue('reporter.address', 'validation.tooLong', { max: REPORTER_ADDRESS_MAX });
  }
  return reporter;
}

/**
 * The date of the incident or of the service: required (SP4N-LAPOR!), a real calendar date,
 * not after today. More than 30 days before today is only a warning: Perpres 76/2013 lets a
 * complaint be made up to 30 days after the service, but the officer may still record it.
 */
export function checkIncidentDate(value: unknown, today: string, out: IssueCollector): string {
  const path = 'incidentDate';
  const date = readText(value, path, out);
  if (date === null) return '';
  if (date === '') out.issues.push({ path, key: 'validation.incidentDate.required' });
  else if (!isIsoDate(date)) out.issues.push({ path, key: 'validation.incidentDate.invalid' });
  else if (daysBetween(date, today) < 0) out.issues.push({ path, key: 'validation.incidentDate.future' });
  else if (daysBetween(date, today) > LATE_COMPLAINT_DAYS) {
    out.warnings.push({ path, key: 'validation.incidentDate.late', params: { days: LATE_COMPLAINT_DAYS } });
  }
  return date;
}
