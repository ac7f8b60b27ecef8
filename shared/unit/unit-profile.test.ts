import { describe, expect, it } from 'vitest';
import {
  applyProfileEdit,
  defaultTimeZone,
  emptySetupInput,
  profileEditInput,
  validateProfileEdit,
  validateSetup,
  type SetupInput,
  type UnitProfile,
} from './unit-profile';

const valid: SetupInput = {
  ...emptySetupInput('Asia/Makassar', () => 0.5),
  unitCode: ' ktb ',
  unitName: 'Unit Pengaduan Kota Contoh',
  agency: 'Pemerintah Kota Contoh',
  entityType: 'city',
  contact: 'WA 0812-3456-7890',
  officerName: 'Siti',
  officerSecret: '482913',
  officerSecretConfirm: '482913',
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
      officerSecret: '4829',
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
      ['officerSecret', 'validation.officerSecret.pin-too-short'],
    ]);
  });
});

describe('the first officer’s secret', () => {
  it('needs a PIN of 6+ digits typed twice alike, or a manager’s passphrase', () => {
    const keys = (input: Partial<SetupInput>): string[] => {
      const result = validateSetup({ ...valid, ...input });
      return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.key}`);
    };
    expect(keys({ officerSecret: '', officerSecretConfirm: '' })).toEqual([
      'officerSecret validation.officerSecret.required',
    ]);
    expect(keys({ officerSecretConfirm: '482931' })).toEqual([
      'officerSecretConfirm validation.officerSecret.mismatch',
    ]);
    expect(keys({ officerSecret: 'meja aduan pagi', officerSecretConfirm: 'meja aduan pagi' })).toEqual([]);
    const result = validateSetup(valid);
    expect(result.ok && result.value.officerSecret).toBe('482913');
  });
});

describe('editing the unit profile', () => {
  const setup = validateSetup(valid);
  if (!setup.ok) throw new Error('fixture setup invalid');
  const stored: UnitProfile = {
    ...setup.value.profile,
    _rev: '3-abc',
    updatedAt: '2026-01-05T01:00:00.000Z',
  };

  it('starts from the stored values and applies a valid edit, keeping the unit code and revision', () => {
    const input = { ...profileEditInput(stored), contact: '  WA 0811-1111-2222 ', address: 'Jl. Baru 1' };
    const checked = validateProfileEdit(input);
    expect(checked).toEqual({
      ok: true,
      value: { ...profileEditInput(stored), contact: 'WA 0811-1111-2222', address: 'Jl. Baru 1' },
    });
    if (!checked.ok) return;
    const next = applyProfileEdit(stored, checked.value, new Date('2026-02-01T02:00:00Z'), {
      officerId: 'officer-1',
      name: 'Siti',
    });
    expect(next).toMatchObject({
      unitCode: 'KTB',
      _rev: '3-abc',
      contact: 'WA 0811-1111-2222',
      updatedAt: '2026-02-01T02:00:00.000Z',
      updatedBy: { officerId: 'officer-1', name: 'Siti' },
    });
  });

  it('lists every problem: required names and contact, a known entity type, lengths', () => {
    const checked = validateProfileEdit({
      unitName: ' ',
      agency: '',
      entityType: 'planet',
      contact: '',
      address: 'x'.repeat(301),
    });
    expect(checked.ok ? [] : checked.issues.map((issue) => `${issue.path}:${issue.key}`)).toEqual([
      'unitName:validation.unitName.required',
      'agency:validation.agency.required',
      'entityType:validation.entityType.unknown',
      'contact:validation.unitContact.required',
      'address:validation.tooLong',
    ]);
  });
});
