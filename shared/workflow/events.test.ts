import { describe, expect, it } from 'vitest';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import { eventId } from '../ids/document-ids';
import { EVENT_KINDS, eventDocSchema, receivedEventSchema } from './events';

const { received } = buildIntakeDocuments(
  {
    channel: 'sp4n-lapor',
    reportType: 'information-request',
    privacyMode: 'anonymous',
    reporter: { name: '', nik: '', phone: '', email: '', address: '' },
    title: 'Jadwal posyandu',
    chronology: 'Mohon informasi jadwal posyandu bulan depan.',
    incidentDate: '2026-11-23',
    location: '',
    category: 'health',
    targetOffice: '',
    attachments: [],
  },
  {
    unitCode: 'KBM',
    deviceCode: 'X7Q',
    sequence: 5,
    eventSequence: 9,
    officer: { officerId: 'o1', name: 'Rina' },
    receivedAt: new Date('2026-11-23T03:04:05.678Z'),
    localDate: '2026-11-23',
  },
);
const refuses = (doc: unknown): boolean => !eventDocSchema.safeParse(doc).success;

describe('event schemas', () => {
  it('lists only the kinds that exist', () => {
    expect(EVENT_KINDS).toEqual(['received']);
  });

  it('accept a built received event through the union and its own schema', () => {
    expect(eventDocSchema.parse(received)).toEqual(received);
    expect(receivedEventSchema.safeParse({ ...received, _rev: '1-a' }).success).toBe(true);
  });

  it('refuse unknown kinds, unknown keys and missing fields', () => {
    expect(refuses({ ...received, kind: 'verify' })).toBe(true);
    expect(refuses({ ...received, note: 'x' })).toBe(true);
    const { channel: _channel, ...withoutChannel } = received;
    expect(refuses(withoutChannel)).toBe(true);
    expect(refuses({ ...received, by: { officerId: 'o1' } })).toBe(true);
  });

  it('refuse an id, complaint, unit, time or device that disagree with each other', () => {
    const tn = received.trackingNumber;
    expect(refuses({ ...received, _id: eventId(tn, received.at, 'A23', 9) })).toBe(true);
    expect(refuses({ ...received, at: '2026-11-23T03:04:05.679Z' })).toBe(true);
    expect(refuses({ ...received, deviceCode: 'A23' })).toBe(true);
    expect(refuses({ ...received, unitCode: 'JKT' })).toBe(true);
    expect(
      refuses({ ...received, complaintId: 'complaint:2026-11-23T03:04:05.678Z:KBM-261123-X7Q-0006' }),
    ).toBe(true);
    expect(refuses({ ...received, trackingNumber: 'KBM-261123-X7Q-0006' })).toBe(true);
  });

  it('accept an event written by another device of the unit', () => {
    const fromOtherDevice = {
      ...received,
      deviceCode: 'A23',
      _id: eventId(received.trackingNumber, received.at, 'A23', 1),
    };
    expect(refuses(fromOtherDevice)).toBe(false);
  });
});
