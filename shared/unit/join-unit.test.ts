import { describe, expect, it } from 'vitest';
import { formatEnrolmentCode, type Enrolment } from '../enrolment/enrolment-code';
import { deviceCodeInUse, deviceCodeOfEnrolment, emptyJoinInput, validateJoin } from './join-unit';

const ENROLMENT: Enrolment = {
  serverUrl: 'https://pusat.example.go.id',
  unitCode: 'KTB',
  deviceCode: 'Q7M',
  password: 'ABCDEFGHJKMNPQRS',
  expiresAt: '2026-12-09T14:46:00.000Z',
};
const CODE = formatEnrolmentCode(ENROLMENT);
const NOW = new Date('2026-12-06T15:00:00.000Z');
const valid = { enrolmentCode: CODE, deviceCode: 'q7m', officerName: ' Rina ', officerRole: 'officer' };

describe('validateJoin', () => {
  it('accepts a complete form, tidied: unit, server and device from the enrolment code', () => {
    expect(validateJoin({ ...valid, enrolmentCode: ` ${CODE} ` }, NOW)).toEqual({
      ok: true,
      value: {
        enrolment: ENROLMENT,
        unitCode: 'KTB',
        serverUrl: 'https://pusat.example.go.id',
        deviceCode: 'Q7M',
        officerName: 'Rina',
        officerRole: 'officer',
      },
    });
    expect(deviceCodeOfEnrolment(CODE)).toBe('Q7M');
    expect(deviceCodeOfEnrolment(CODE.replace('ABCD', 'ABCE'))).toBeNull();
  });

  it('reports every problem at once, in form order', () => {
    const result = validateJoin({ ...emptyJoinInput(), deviceCode: 'I0', officerRole: 'boss' }, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.path, issue.key])).toEqual([
      ['enrolmentCode', 'enrolment.code.required'],
      ['deviceCode', 'validation.deviceCode.invalid'],
      ['officerName', 'validation.officerName.required'],
      ['officerRole', 'validation.invalid'],
    ]);
  });

  it('refuses a typo, an expired code, and a device code other than the code’s', () => {
    const issues = (input: typeof valid, now = NOW) => {
      const result = validateJoin(input, now);
      return result.ok ? [] : result.issues.map((issue) => issue.key);
    };
    expect(issues({ ...valid, enrolmentCode: CODE.replace('ABCD', 'ABDC') })).toEqual([
      'enrolment.code.checksum',
    ]);
    expect(issues({ ...valid, enrolmentCode: CODE }, new Date('2026-12-10T00:00:00.000Z'))).toEqual([
      'enrolment.code.expired',
    ]);
    expect(issues({ ...valid, enrolmentCode: CODE, deviceCode: 'A2C' })).toEqual([
      'enrolment.code.otherDevice',
    ]);
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
