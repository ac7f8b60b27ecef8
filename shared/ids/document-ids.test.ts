import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_ID_PREFIX,
  EVENT_ID_PREFIX,
  REPORTER_ID_PREFIX,
  UNIT_PROFILE_ID,
  complaintId,
  complaintIdRange,
  complaintIdRangeDescending,
  docKind,
  eventId,
  eventIdRange,
  parseComplaintId,
  parseEventId,
  reporterId,
} from './document-ids';

const tn = 'KBM-261123-X7Q-0042';
const at = '2026-11-23T03:04:05.678Z';

const inRange = (id: string, range: { startkey: string; endkey: string }): boolean =>
  id >= range.startkey && id <= range.endkey;

describe('id builders', () => {
  it('build the documented shapes', () => {
    expect(complaintId(at, tn)).toBe('complaint:2026-11-23T03:04:05.678Z:KBM-261123-X7Q-0042');
    expect(reporterId(tn)).toBe('reporter:KBM-261123-X7Q-0042');
    expect(eventId(tn, at, 'X7Q', 7)).toBe(
      'event:KBM-261123-X7Q-0042:2026-11-23T03:04:05.678Z:X7Q:0000000007',
    );
    expect(complaintId(at, tn).startsWith(COMPLAINT_ID_PREFIX)).toBe(true);
    expect(reporterId(tn).startsWith(REPORTER_ID_PREFIX)).toBe(true);
    expect(eventId(tn, at, 'X7Q', 1).startsWith(EVENT_ID_PREFIX)).toBe(true);
  });

  it('throw on parts that would break ordering or splitting', () => {
    expect(() => complaintId('2026-11-23T03:04:05Z', tn)).toThrow(RangeError);
    expect(() => complaintId(at, 'kbm-261123-x7q0042')).toThrow(RangeError);
    expect(() => reporterId('nope')).toThrow(RangeError);
    expect(() => eventId(tn, at, 'X0Q', 1)).toThrow(RangeError);
    expect(() => eventId(tn, at, 'X7Q', 0)).toThrow(RangeError);
    expect(() => eventId(tn, at, 'X7Q', 1e10)).toThrow(RangeError);
    expect(() => eventIdRange('nope')).toThrow(RangeError);
  });
});

describe('ordering and ranges', () => {
  it('lists complaints newest first when sorted descending by _id', () => {
    const received = [
      ['2026-11-23T03:04:05.678Z', 'KBM-261123-X7Q-0042'],
      ['2026-11-23T10:00:00.000Z', 'KBM-261123-A23-0001'],
      ['2025-01-01T00:00:00.000Z', 'KBM-250101-X7Q-0001'],
      ['2026-11-23T03:04:05.679Z', 'KBM-261123-X7Q-10000'],
    ] as const;
    const ids = received.map(([iso, number]) => complaintId(iso, number));
    const newestFirst = [...ids]
      .sort()
      .reverse()
      .map((id) => parseComplaintId(id)?.receivedAt);
    expect(newestFirst).toEqual([...received.map(([iso]) => iso)].sort().reverse());
  });

  it('covers all complaints and nothing else with complaintIdRange', () => {
    const range = complaintIdRange();
    expect(inRange(complaintId(at, tn), range)).toBe(true);
    for (const other of [
      eventId(tn, at, 'X7Q', 1),
      reporterId(tn),
      UNIT_PROFILE_ID,
      '_design/app',
      'complaints',
    ]) {
      expect(inRange(other, range), other).toBe(false);
    }
    expect(complaintIdRangeDescending()).toEqual({ startkey: range.endkey, endkey: range.startkey });
  });

  it('covers exactly one complaint’s events with eventIdRange', () => {
    const own = [eventId('KBM-261123-X7Q-1000', at, 'X7Q', 1), eventId('KBM-261123-X7Q-1000', at, 'A23', 9)];
    const others = [
      eventId('KBM-261123-X7Q-10000', at, 'X7Q', 1),
      eventId('KBM-261123-X7Q-1001', at, 'X7Q', 1),
      complaintId(at, 'KBM-261123-X7Q-1000'),
      reporterId('KBM-261123-X7Q-1000'),
    ];
    const range = eventIdRange('KBM-261123-X7Q-1000');
    for (const id of own) expect(inRange(id, range), id).toBe(true);
    for (const id of others) expect(inRange(id, range), id).toBe(false);
  });

  it('orders one complaint’s events by time, then device and sequence', () => {
    const ids = [
      eventId(tn, '2026-11-24T00:00:00.000Z', 'X7Q', 2),
      eventId(tn, at, 'X7Q', 10),
      eventId(tn, at, 'X7Q', 9),
    ];
    expect([...ids].sort()).toEqual([ids[2], ids[1], ids[0]]);
  });
});

describe('parsers', () => {
  it('parse complaint ids back, and refuse anything else', () => {
    expect(parseComplaintId(complaintId(at, tn))).toEqual({ receivedAt: at, trackingNumber: tn });
    for (const id of [
      'complaint:',
      'complaint:2026-11-23T03:04:05.678Z',
      'complaint:2026-11-23T03:04:05.678Z:',
      'complaint:2026-11-23T03:04:05Z:KBM-261123-X7Q-0042',
      'complaint:2026-11-23T03:04:05.678Z:kbm-261123-x7q0042',
      'complaint:2026-11-23T03:04:05.678ZXKBM-261123-X7Q-0042',
      'event:KBM-261123-X7Q-0042:2026-11-23T03:04:05.678Z:X7Q:0000000001',
    ]) {
      expect(parseComplaintId(id), id).toBeNull();
    }
  });

  it('parse event ids back, and refuse anything else', () => {
    expect(parseEventId(eventId(tn, at, 'A23', 12))).toEqual({
      trackingNumber: tn,
      at,
      deviceCode: 'A23',
      sequence: 12,
    });
    for (const id of [
      'event:',
      `event:${tn}`,
      `event:${tn}:${at}`,
      `event:${tn}:${at}:X7Q:1`,
      `event:${tn}:${at}:X7Q:0000000000`,
      `event:${tn}:${at}:X0Q:0000000001`,
      `event:${tn}:${at}:X7Q:0000000001:extra`,
      complaintId(at, tn),
    ]) {
      expect(parseEventId(id), id).toBeNull();
    }
  });

  it('classify ids by kind', () => {
    expect(docKind(complaintId(at, tn))).toBe('complaint');
    expect(docKind(eventId(tn, at, 'X7Q', 1))).toBe('event');
    expect(docKind(reporterId(tn))).toBe('reporter');
    expect(docKind(UNIT_PROFILE_ID)).toBe('unit-profile');
    expect(docKind('unit-profile-old')).toBe('other');
    expect(docKind('_design/meja-aduan')).toBe('other');
    expect(docKind('')).toBe('other');
  });
});
