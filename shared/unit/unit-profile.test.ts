import { describe, expect, it } from 'vitest';
import { defaultTimeZone, emptySetupInput, validateSetup, type SetupInput } from './unit-profile';

const valid: SetupInput = {
  ...emptySetupInput('Asia/Makassar', () => 0.5),
  unitCode: ' ktb ',
  unitName: 'Unit Pengaduan Kota Contoh',
  agency: 'Pemerintah Kota Contoh',
  entityType: 'city',
  contact: 'WA 0812-3456-7890',
  officerName: 'Siti',
};

describe('first-run setup', () => {
  it('starts with a valid generated device code, the device zone and a manager', () => {
    const input = emptySetupInput('Asia/Makassar', () => 0.5);
    expect(input.deviceCode).toMatch(/^[A-HJKMNP-Z2-9]{3}$/);
    expect(input.timeZone).toBe('Asia/Makassar');
    expect(input.officerRole).toBe('manager');
    expect(defaultTimeZone('Europe/Berlin')).toBe('Asia/Jakarta');
  });

  it('accepts a complete setup, normalising the codes', () => {
    const result = validateSetup(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.profile.unitCode).toBe('KTB');
    expect(result.value.profile.entityType).toBe('city');
    expect(result.value.timeZone).toBe('Asia/Makassar');
    expect(result.value.officerRole).toBe('manager');
  });

  it('reports every problem at once, in form order, with message keys', () => {
    const result = validateSetup({
      ...valid,
      unitCode: 'BOGOR', // O is not in the safe alphabet
      unitName: ' ',
      entityType: 'village',
      contact: '',
      timeZone: 'Europe/Berlin',
      deviceCode: 'I10',
      officerName: '',
      officerRole: 'admin',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.path, issue.key])).toEqual([
      ['unitCode', 'validation.unitCode.invalid'],
      ['unitName', 'validation.unitName.required'],
      ['entityType', 'validation.entityType.unknown'],
      ['contact', 'validation.unitContact.required'],
      ['timeZone', 'validation.invalid'],
      ['deviceCode', 'validation.deviceCode.invalid'],
      ['officerName', 'validation.officerName.required'],
      ['officerRole', 'validation.invalid'],
    ]);
  });
});
