/**
 * Access records: a closed schema (no names, no free text, no secret fits), ids that sort by time
 * and stay unique per device without coordination, content-addressed like events.
 */
import { describe, expect, it } from 'vitest';
import { baseOfId, verifyImmutable } from '../ids/content-id';
import {
  ACCESS_ID_PREFIX,
  ACCESS_KINDS,
  accessBaseId,
  accessDocSchema,
  accessNonce,
  isAccessKind,
  newAccessDoc,
} from './access-record';

const DEVICE = { unitCode: 'KTB', deviceCode: 'X7Q' } as const;
const AT = new Date('2026-03-02T03:04:05.678Z');

describe('newAccessDoc', () => {
  it('builds a valid, sealed record of every kind', () => {
    for (const kind of ACCESS_KINDS) {
      const doc = newAccessDoc({ kind, officerId: 'officer-siti' }, DEVICE, AT);
      expect(accessDocSchema.safeParse(doc).success, kind).toBe(true);
      expect(verifyImmutable(doc)).toBe('ok');
      expect(doc._rev).toBe(`1-${doc._id.slice(-64)}`);
    }
  });

  it('names the instant, the device and a nonce in its id, then the content hash', () => {
    const doc = newAccessDoc({ kind: 'sign-in', officerId: 'officer-siti' }, DEVICE, AT, '0a1b2c3d');
    expect(baseOfId(doc._id)).toBe('access:2026-03-02T03:04:05.678Z:X7Q:0a1b2c3d');
    expect(doc).toMatchObject({
      type: 'access',
      schemaVersion: 1,
      unitCode: 'KTB',
      kind: 'sign-in',
      at: '2026-03-02T03:04:05.678Z',
      deviceCode: 'X7Q',
      officerId: 'officer-siti',
    });
  });

  it('keeps the subject only when it is another officer, and the role given', () => {
    const self = newAccessDoc(
      { kind: 'secret-changed', officerId: 'officer-ani', subjectId: 'officer-ani' },
      DEVICE,
      AT,
    );
    expect(self).not.toHaveProperty('subjectId');
    const role = newAccessDoc(
      { kind: 'role-changed', officerId: 'officer-siti', subjectId: 'officer-ani', role: 'supervisor' },
      DEVICE,
      AT,
    );
    expect(role).toMatchObject({ subjectId: 'officer-ani', role: 'supervisor' });
  });

  it('records a failed sign-in of nobody known without an officer', () => {
    const doc = newAccessDoc({ kind: 'sign-in-failed' }, DEVICE, AT);
    expect(doc).not.toHaveProperty('officerId');
    expect(accessDocSchema.safeParse(doc).success).toBe(true);
  });

  it('gives two records of the same millisecond and content two ids', () => {
    const entry = { kind: 'sign-in-failed', officerId: 'officer-ani' } as const;
    expect(newAccessDoc(entry, DEVICE, AT)._id).not.toBe(newAccessDoc(entry, DEVICE, AT)._id);
    expect(accessNonce()).toMatch(/^[0-9a-f]{8}$/);
  });

  it('sorts by time across devices (newest first with a descending read)', () => {
    const later = newAccessDoc(
      { kind: 'sign-in' },
      { ...DEVICE, deviceCode: 'A23' },
      new Date(AT.getTime() + 1),
    );
    const earlier = newAccessDoc({ kind: 'sign-in' }, { ...DEVICE, deviceCode: 'Z99' }, AT);
    expect([later._id, earlier._id].sort()).toEqual([earlier._id, later._id]);
    expect(later._id.startsWith(ACCESS_ID_PREFIX)).toBe(true);
  });

  it('refuses an officer id that is no officer id (a name, a secret typed in the wrong place)', () => {
    expect(() => newAccessDoc({ kind: 'sign-in-failed', officerId: 'PIN 123456' }, DEVICE, AT)).toThrow();
  });
});

describe('accessDocSchema', () => {
  const valid = newAccessDoc({ kind: 'sign-in', officerId: 'officer-siti' }, DEVICE, AT);

  it('holds no field beyond its own: a name, a secret or a complaint cannot be added', () => {
    for (const extra of [{ name: 'Siti' }, { secret: '135792' }, { trackingNumber: 'KTB-260302-X7Q-0001' }]) {
      expect(accessDocSchema.safeParse({ ...valid, ...extra }).success).toBe(false);
    }
  });

  it('accepts only the listed kinds, a real instant and a device code', () => {
    expect(accessDocSchema.safeParse({ ...valid, kind: 'impersonated' }).success).toBe(false);
    expect(accessDocSchema.safeParse({ ...valid, at: '2026-03-02 03:04' }).success).toBe(false);
    expect(accessDocSchema.safeParse({ ...valid, deviceCode: 'x' }).success).toBe(false);
    expect(isAccessKind('lock')).toBe(true);
    expect(isAccessKind('desk-locked')).toBe(false);
  });
});

describe('accessBaseId', () => {
  it('refuses a time, device or nonce of another form', () => {
    expect(() => accessBaseId('2026-03-02', 'X7Q', '0a1b2c3d')).toThrow(RangeError);
    expect(() => accessBaseId(AT.toISOString(), 'x7', '0a1b2c3d')).toThrow(RangeError);
    expect(() => accessBaseId(AT.toISOString(), 'X7Q', 'XYZ')).toThrow(RangeError);
  });
});
