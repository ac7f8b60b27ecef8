import { describe, expect, it } from 'vitest';
import { newSecretProblem, secretKind, secretProblem } from './secret-rules';

describe('secret rules', () => {
  it('takes a PIN of 6 to 12 digits from every role', () => {
    expect(secretProblem('', 'officer')).toBe('required');
    expect(secretProblem('48291', 'officer')).toBe('pin-too-short');
    expect(secretProblem('482913', 'officer')).toBeNull();
    expect(secretProblem('4829130517', 'manager')).toBeNull();
    expect(secretProblem('4829130517223', 'officer')).toBe('pin-too-long');
  });

  it('refuses a PIN of one repeated digit or a straight run', () => {
    expect(secretProblem('000000', 'officer')).toBe('pin-too-simple');
    expect(secretProblem('123456', 'officer')).toBe('pin-too-simple');
    expect(secretProblem('9876543', 'manager')).toBe('pin-too-simple');
    expect(secretProblem('123457', 'officer')).toBeNull();
  });

  it('lets supervisors and managers use a passphrase of at least 12 characters; officers may not', () => {
    expect(secretKind('meja aduan pagi')).toBe('passphrase');
    expect(secretKind('482913')).toBe('pin');
    expect(secretProblem('meja aduan pagi', 'officer')).toBe('passphrase-not-allowed');
    expect(secretProblem('meja aduan pagi', 'supervisor')).toBeNull();
    expect(secretProblem('meja aduan', 'manager')).toBe('passphrase-too-short');
    expect(secretProblem('            ', 'manager')).toBe('passphrase-too-short');
    expect(secretProblem('x'.repeat(129), 'manager')).toBe('passphrase-too-long');
  });

  it('needs the confirmation to match', () => {
    expect(newSecretProblem('482913', '482931', 'officer')).toBe('mismatch');
    expect(newSecretProblem('482913', '482913', 'officer')).toBeNull();
    expect(newSecretProblem('48291', '48291', 'officer')).toBe('pin-too-short');
  });
});
