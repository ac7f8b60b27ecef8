import { describe, expect, it } from 'vitest';
import { deviceCodeInUse, emptyJoinInput, validateJoin } from './join-unit';

const valid = {
  unitCode: ' ktb ',
  serverUrl: 'https://pusat.example.go.id/',
  password: 'rahasia unit',
  deviceCode: 'q7m',
  officerName: ' Rina ',
  officerRole: 'officer',
};

describe('validateJoin', () => {
  it('accepts a complete form, tidied', () => {
    expect(validateJoin(valid)).toEqual({
      ok: true,
      value: {
        unitCode: 'KTB',
        serverUrl: 'https://pusat.example.go.id',
        password: 'rahasia unit',
        deviceCode: 'Q7M',
        officerName: 'Rina',
        officerRole: 'officer',
      },
    });
  });

  it('reports every problem at once, in form order', () => {
    const result = validateJoin({
      ...emptyJoinInput(() => 0),
      deviceCode: 'I0',
      serverUrl: 'ftp://x',
      officerRole: 'boss',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.path, issue.key])).toEqual([
      ['unitCode', 'validation.unitCode.invalid'],
      ['serverUrl', 'validation.serverUrl.invalid'],
      ['password', 'validation.password.required'],
      ['deviceCode', 'validation.deviceCode.invalid'],
      ['officerName', 'validation.officerName.required'],
      ['officerRole', 'validation.invalid'],
    ]);
  });

  it('refuses a server address with credentials in it', () => {
    expect(validateJoin({ ...valid, serverUrl: 'https://unit-ktb:pw@pusat.example.go.id' }).ok).toBe(false);
  });
});

describe('deviceCodeInUse', () => {
  const ids = [
    'complaint:2026-11-23T03:00:00.000Z:KTB-261123-A2C-0001',
    'event:KTB-261123-A2C-0001:2026-11-24T03:00:00.000Z:Q7M:0000000004',
    'unit-profile',
  ];
  it('finds a code in tracking numbers and in the devices that wrote events', () => {
    expect(deviceCodeInUse(ids, 'A2C')).toBe(true);
    expect(deviceCodeInUse(ids, 'Q7M')).toBe(true);
  });
  it('does not find a code nobody used', () => {
    expect(deviceCodeInUse(ids, 'Z9X')).toBe(false);
  });
});
