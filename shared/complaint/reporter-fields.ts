/**
 * Rules for the reporter's identity fields (docs/domain.md: name as on the KTP, NIK, phone and/or
 * email, address). Each takes a trimmed value; an empty value is "not given" and is checked
 * elsewhere (required-ness depends on the privacy mode).
 */
import { z } from 'zod';
import { EMAIL_MAX } from './complaint-limits';

export type ReporterFields = Readonly<{
  name: string;
  nik: string;
  phone: string;
  email: string;
  address: string;
}>;

export const REPORTER_FIELD_NAMES = ['name', 'nik', 'phone', 'email', 'address'] as const;
export type ReporterFieldName = (typeof REPORTER_FIELD_NAMES)[number];

/**
 * True for a non-empty list of reporter field names, each once, in REPORTER_FIELD_NAMES order
 * (what a reporter-corrected event names; the server checks the same: shared/couch/refinement-patterns).
 */
export function isReporterFieldList(list: readonly unknown[]): boolean {
  let last = -1;
  for (const name of list) {
    const at = typeof name === 'string' ? (REPORTER_FIELD_NAMES as readonly string[]).indexOf(name) : -1;
    if (at <= last) return false;
    last = at;
  }
  return list.length > 0;
}

export const EMPTY_REPORTER: ReporterFields = { name: '', nik: '', phone: '', email: '', address: '' };

/** NIK (Nomor Induk Kependudukan), the number on the KTP-el: 16 digits. */
export function isValidNik(nik: string): boolean {
  return /^\d{16}$/.test(nik);
}

/**
 * An Indonesian-style phone number (Meja Aduan's own rule, no regulation behind it): 8–15 digits, optionally a leading `+`, single spaces or
 * dashes between digits (`0812-3456-7890`, `+62 812 3456 7890`, `021 1234567`).
 */
export function isValidPhone(phone: string): boolean {
  if (!/^\+?\d(?:[ -]?\d)*$/.test(phone)) return false;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}

const emailSchema = z.email().max(EMAIL_MAX);

export function isValidEmail(email: string): boolean {
  return emailSchema.safeParse(email).success;
}

/** True when any identity field holds more than whitespace. */
export function hasIdentity(reporter: ReporterFields): boolean {
  return REPORTER_FIELD_NAMES.some((field) => reporter[field].trim() !== '');
}

/** True when the reporter can be reached: at least one of phone, email, address. */
export function hasContact(reporter: ReporterFields): boolean {
  return [reporter.phone, reporter.email, reporter.address].some((value) => value.trim() !== '');
}
