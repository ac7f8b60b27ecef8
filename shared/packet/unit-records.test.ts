/**
 * collectUnitRecords and NDJSON: a unit's dump is sorted into complaints, events, profile and
 * settings; reporter documents are dropped unread; other units, design and deleted documents
 * are skipped; documents failing their schema are counted and named.
 */
import { describe, expect, it } from 'vitest';
import { nationalCalendarDoc } from '../calendar/national-calendar';
import { withNeutralNames } from '../complaint/attachment-types';
import { packetFixture } from './packet.fixtures';
import { collectUnitRecords, parseNdjson, toNdjson } from './unit-records';

describe('NDJSON', () => {
  it('round-trips documents, skipping blank lines and naming lines that are not JSON', () => {
    const docs = [{ _id: 'a' }, { _id: 'b', n: 1 }];
    expect(parseNdjson(toNdjson(docs))).toEqual({ docs, badLines: [] });
    expect(parseNdjson('{"a":1}\r\n\n{oops\n[]\n')).toEqual({ docs: [{ a: 1 }, []], badLines: [3] });
  });
});

describe('collectUnitRecords', () => {
  it('keeps the unit’s complaints, events, profile and settings; drops reporter documents', () => {
    const fixture = packetFixture();
    const records = collectUnitRecords(parseNdjson(toNdjson(fixture.allDocs)).docs, 'KBM');
    // The same complaints, their files renamed neutrally (a file name can carry a name).
    expect(records.complaints).toEqual(
      fixture.complaints.map((doc) => ({ ...doc, attachments: withNeutralNames(doc.attachments) })),
    );
    expect(records.complaints.flatMap((doc) => doc.attachments.map((file) => file.name))).toEqual([
      'lampiran-1.jpg',
      'lampiran-1.pdf',
    ]);
    expect(records.events).toHaveLength(fixture.events.length);
    expect(records.profile).toEqual(fixture.profile);
    expect(records.settings).toEqual(fixture.settings);
    expect(records.skipped).toEqual({
      reporter: fixture.reporters.length,
      otherUnit: 0,
      invalid: 0,
      other: 0,
    });
    expect(JSON.stringify(records)).not.toContain('Zulkarnaen');
  });

  it('skips other units, design documents, deleted and unknown documents; counts invalid ones', () => {
    const fixture = packetFixture();
    const complaint = fixture.complaints[0];
    const docs: unknown[] = [
      { ...complaint, unitCode: 'KTB' },
      { _id: '_design/unit', language: 'javascript' },
      { _id: 'x', _deleted: true },
      { _id: 'packet-draft:2026', type: 'packet-draft', unitCode: 'KBM' },
      { _id: 'reporter:whatever', unitCode: 'KBM', name: 'Siapa Saja' },
      { ...complaint, title: '' },
      'not an object',
      null,
    ];
    const records = collectUnitRecords(docs, 'KBM');
    expect(records.complaints).toEqual([]);
    expect(records.skipped).toEqual({ reporter: 1, otherUnit: 1, invalid: 1, other: 5 });
    expect(records.invalidIds).toEqual([complaint?._id]);
  });
  it('keeps the central’s national calendars (they name no unit); counts a malformed one', () => {
    const calendar = nationalCalendarDoc(
      {
        year: '2026',
        source: 'SKB 3 Menteri 1497/2025, 2/2025, 5/2025',
        entries: [
          { date: '2026-11-24', weekday: 'Selasa', name: { id: 'Libur', en: 'Holiday' }, kind: 'holiday' },
        ],
      },
      1,
      '2026-11-23T03:00:00.000Z',
    );
    const records = collectUnitRecords(
      [calendar, { ...calendar, _id: 'calendar:national:2027', year: '2027', version: 0 }],
      'KBM',
    );
    expect(records.nationals).toEqual([calendar]);
    expect(records.invalidIds).toEqual(['calendar:national:2027']);
  });
});
