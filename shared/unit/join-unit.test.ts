import { describe, expect, it } from 'vitest';
import { formatEnrolmentCode, type Enrolment } from '../enrolment/enrolment-code';
import { intakeDocuments, workflowEvents } from '../couch/documents.fixtures';
import { parseEventId } from '../ids/document-ids';
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
  // Real sealed ids: a complaint logged on X7Q, and the manager's verification written on A23
  // (`event:<tn>:<at>:<device>:<seq>:<H>`, whose instant holds colons of its own).
  const intake = intakeDocuments('KTB', 1, 'named', { deviceCode: 'X7Q' });
  const verified = workflowEvents(intake, ['verify'])[0];
  if (!verified) throw new Error('no event');
  const ids = [intake.complaint._id, intake.received._id, verified._id, 'unit-profile'];
  it('finds a code in tracking numbers and in the devices that wrote events', () => {
    expect(deviceCodeInUse(ids, 'X7Q')).toBe(true);
    expect(deviceCodeInUse(ids, 'A23')).toBe(true);
    // The writing device alone (the complaint's own ids left out): found through the event id.
    expect(deviceCodeInUse([verified._id], 'A23')).toBe(true);
    expect(parseEventId(verified._id)?.deviceCode).toBe('A23');
  });
  it('does not find a code nobody used', () => {
    expect(deviceCodeInUse(ids, 'Z9X')).toBe(false);
    // The event's sequence is not a device code.
    expect(deviceCodeInUse([verified._id], verified._id.split(':').at(-2) ?? '')).toBe(false);
  });
});
