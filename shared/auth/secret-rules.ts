/**
 * What an officer's secret may be (docs/domain.md, 'Officers and sign-in'): every officer may use a
 * PIN of at least 6 digits (at most 12; not one digit repeated, not a run such as 123456 or 987654);
 * supervisors and managers may use a passphrase instead: at least 12 characters (at most 128), not
 * only digits (that would be a PIN) and not only spaces.
 */
import type { Role } from '../workflow/roles';

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 128;

export type SecretKind = 'pin' | 'passphrase';
export type SecretProblem =
  | 'required'
  | 'pin-too-short'
  | 'pin-too-long'
  | 'pin-too-simple'
  | 'passphrase-not-allowed'
  | 'passphrase-too-short'
  | 'passphrase-too-long'
  | 'mismatch';

export function canUsePassphrase(role: Role): boolean {
  return role === 'supervisor' || role === 'manager';
}

/** A PIN is digits only; anything else is a passphrase. */
export function secretKind(secret: string): SecretKind {
  return /^\d+$/.test(secret) ? 'pin' : 'passphrase';
}

/** One digit repeated (000000), or each digit one up or one down from the last (123456, 987654). */
function isTooSimplePin(pin: string): boolean {
  const digits = Array.from(pin, Number);
  const steps = new Set(digits.slice(1).map((digit, i) => digit - (digits[i] ?? 0)));
  return steps.size === 1 && [0, 1, -1].some((step) => steps.has(step));
}

/** Why `secret` cannot be the secret of an officer with `role`, or null. */
export function secretProblem(secret: string, role: Role): SecretProblem | null {
  if (secret === '') return 'required';
  if (secretKind(secret) === 'pin') {
    if (secret.length < PIN_MIN_DIGITS) return 'pin-too-short';
    if (secret.length > PIN_MAX_DIGITS) return 'pin-too-long';
    return isTooSimplePin(secret) ? 'pin-too-simple' : null;
  }
  if (!canUsePassphrase(role)) return 'passphrase-not-allowed';
  if (secret.trim() === '' || Array.from(secret).length < PASSPHRASE_MIN_LENGTH)
    return 'passphrase-too-short';
  return Array.from(secret).length > PASSPHRASE_MAX_LENGTH ? 'passphrase-too-long' : null;
}

/** As secretProblem, and the confirmation must be the same text. */
export function newSecretProblem(secret: string, confirmation: string, role: Role): SecretProblem | null {
  return secretProblem(secret, role) ?? (secret === confirmation ? null : 'mismatch');
}
