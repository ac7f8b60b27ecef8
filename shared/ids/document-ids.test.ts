import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_ID_PREFIX,
  EVENT_ID_PREFIX,
  REPORTER_ID_PREFIX,
  UNIT_PROFILE_ID,
  complaintBaseId,
  complaintIdRange,
  complaintIdRangeDescending,
  docKind,
  eventBaseId,
  eventIdRange,
  parseComplaintId,
  parseEventId,
  reporterId,
} from './document-ids';

const tn = 'KBM-261123-X7Q-0042';
const at = '2026-11-23T03:04:05.678Z';

const inRange = (id: string, range: { startkey: string; endkey: string }): boolean =>
  id >= range.startkey && id <= range.endkey;

/** A content hash (64 hex digits) for ids in these tests. */
const H = 'ab'.repeat(32);

describe('id builders', () => {
  it('build the documented shapes', () => {
    expect(complaintBaseId(at, tn)).toBe('complaint:2026-11-23T03:04:05.678Z:KBM-261123-X7Q-0042');
    expect(reporterId(tn)).toBe('reporter:KBM-261123-X7Q-0042');
    expect(eventBaseId(tn, at, 'X7Q', 7)).toBe(
      'event:KBM-261123-X7Q-0042:2026-11-23T03:04:05.678Z:X7Q:0000000007',
    );
    expect(complaintBaseId(at, tn).startsWith(COMPLAINT_ID_PREFIX)).toBe(true);
    expect(reporterId(tn).startsWith(REPORTER_ID_PREFIX)).toBe(true);
    expect(eventBaseId(tn, at, 'X7Q', 1).startsWith(EVENT_ID_PREFIX)).toBe(true);
  });

  it('throw on parts that would break ordering or splitting', () => {
    expect(() => complaintBaseId('2026-11-23T03:04:05Z', tn)).toThrow(RangeError);
    expect(() => complaintBaseId(at, 'kbm-261123-x7q0042')).toThrow(RangeError);
    expect(() => reporterId('nope')).toThrow(RangeError);
    expect(() => eventBaseId(tn, at, 'X0Q', 1)).toThrow(RangeError);
    expect(() => eventBaseId(tn, at, 'X7Q', 0)).toThrow(RangeError);
    expect(() => eventBaseId(tn, at, 'X7Q', 1e10)).toThrow(RangeError);
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
    const ids = received.map(([iso, number]) => `${complaintBaseId(iso, number)}:${H}`);
    const newestFirst = [...ids]
      .sort()
      .reverse()
      .map((id) => parseComplaintId(id)?.receivedAt);
    expect(newestFirst).toEqual([...received.map(([iso]) => iso)].sort().reverse());
  });

  it('covers all complaints and nothing else with complaintIdRange', () => {
    const range = complaintIdRange();
    expect(inRange(complaintBaseId(at, tn), range)).toBe(true);
    for (const other of [
      eventBaseId(tn, at, 'X7Q', 1),
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
    const own = [
      eventBaseId('KBM-261123-X7Q-1000', at, 'X7Q', 1),
      eventBaseId('KBM-261123-X7Q-1000', at, 'A23', 9),
    ];
    const others = [
      eventBaseId('KBM-261123-X7Q-10000', at, 'X7Q', 1),
      eventBaseId('KBM-261123-X7Q-1001', at, 'X7Q', 1),
      complaintBaseId(at, 'KBM-261123-X7Q-1000'),
      reporterId('KBM-261123-X7Q-1000'),
    ];
    const range = eventIdRange('KBM-261123-X7Q-1000');
    for (const id of own) expect(inRange(id, range), id).toBe(true);
    for (const id of others) expect(inRange(id, range), id).toBe(false);
  });

  it('orders one complaint’s events by time, then device and sequence', () => {
    const ids = [
      eventBaseId(tn, '2026-11-24T00:00:00.000Z', 'X7Q', 2),
      eventBaseId(tn, at, 'X7Q', 10),
      eventBaseId(tn, at, 'X7Q', 9),
    ];
    expect([...ids].sort()).toEqual([ids[2], ids[1], ids[0]]);
  });
});

describe('parsers', () => {
  it('parse complaint ids back, and refuse anything else', () => {
    expect(parseComplaintId(`${complaintBaseId(at, tn)}:${H}`)).toEqual({
      receivedAt: at,
      trackingNumber: tn,
      hash: H,
    });
    for (const id of [
      complaintBaseId(at, tn),
      `${complaintBaseId(at, tn)}:${H.toUpperCase()}`,
      `${complaintBaseId(at, tn)}:${H.slice(1)}`,
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
    expect(parseEventId(`${eventBaseId(tn, at, 'A23', 12)}:${H}`)).toEqual({
      trackingNumber: tn,
      at,
      deviceCode: 'A23',
      sequence: 12,
      hash: H,
    });
    for (const id of [
      eventBaseId(tn, at, 'A23', 12),
      `${complaintBaseId(at, tn)}:${H}`,
      'event:',
      `event:${tn}`,
      `event:${tn}:${at}`,
      `event:${tn}:${at}:X7Q:1`,
      `event:${tn}:${at}:X7Q:0000000000`,
      `event:${tn}:${at}:X0Q:0000000001`,
      `event:${tn}:${at}:X7Q:0000000001:extra`,
      complaintBaseId(at, tn),
    ]) {
      expect(parseEventId(id), id).toBeNull();
    }
  });

  it('classify ids by kind', () => {
    expect(docKind(complaintBaseId(at, tn))).toBe('complaint');
    expect(docKind(eventBaseId(tn, at, 'X7Q', 1))).toBe('event');
    expect(docKind(reporterId(tn))).toBe('reporter');
    expect(docKind(UNIT_PROFILE_ID)).toBe('unit-profile');
    expect(docKind('unit-profile-old')).toBe('other');
    expect(docKind('_design/meja-aduan')).toBe('other');
    expect(docKind('')).toBe('other');
  });
});
