import { describe, expect, it } from 'vitest';
import {
  EMPTY_REPORTER,
  hasContact,
  hasIdentity,
  isValidEmail,
  isValidNik,
  isValidPhone,
} from './reporter-fields';

describe('reporter field rules', () => {
  it('NIK is exactly 16 digits', () => {
    expect(isValidNik('3201012345678901')).toBe(true);
    for (const nik of ['320101234567890', '32010123456789012', '3201 0123 4567 8901', '320101234567890a']) {
      expect(isValidNik(nik), nik).toBe(false);
    }
  });

  it('phone is 8–15 digits, optional leading +, single spaces or dashes between digits', () => {
    for (const phone of ['08123456', '081234567890', '+6281234567890', '+62 812-3456-7890', '0274 512345']) {
      expect(isValidPhone(phone), phone).toBe(true);
    }
    for (const phone of [
      '0812345',
      '+62812345678901234',
      '0812--3456',
      '0812-',
      '-0812345678',
      '++62812345678',
      '0812 3456 789O',
      '(0274) 512345',
    ]) {
      expect(isValidPhone(phone), phone).toBe(false);
    }
  });

  it('email must be a valid address', () => {
    expect(isValidEmail('warga@contoh.go.id')).toBe(true);
    for (const email of ['warga@', '@contoh.id', 'warga contoh@x.id', 'warga@contoh']) {
      expect(isValidEmail(email), email).toBe(false);
    }
  });

  it('tells identity and contact apart', () => {
    expect(hasIdentity(EMPTY_REPORTER)).toBe(false);
    expect(hasIdentity({ ...EMPTY_REPORTER, nik: '3201012345678901' })).toBe(true);
    expect(hasContact({ ...EMPTY_REPORTER, name: 'Budi', nik: '3201012345678901' })).toBe(false);
    expect(hasContact({ ...EMPTY_REPORTER, address: 'Jl. Merdeka 1' })).toBe(true);
  });
});
