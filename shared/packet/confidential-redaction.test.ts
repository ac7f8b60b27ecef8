/**
 * "Export all records" holds no content of confidential complaints unless a manager ticked that it
 * may (docs/central.md, confidential complaints): planted strings (the packet fixture's confidential title, chronology,
 * location, office and event texts, and every identity) are searched for in the NDJSON. The
 * redacted file still passes every schema and content-hash check and gives the same indicators.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_HASH_LENGTH, verifyImmutable } from '../ids/content-id';
import { computeIndicators } from '../indicators/compute-indicators';
import { reduceComplaint } from '../workflow/complaint-state';
import { payloadSpecs, PAYLOAD_FIELDS, type PayloadKind } from '../workflow/payload-fields';
import {
  CONFIDENTIAL_PLACEHOLDER,
  EVENT_TEXT_FIELDS,
  KEPT_EVENT_TEXT_FIELDS,
  redactConfidentialRecords,
} from './confidential-redaction';
import {
  CONFIDENTIAL_CONTENT,
  CREATED_AT,
  NAMED_REPORTER,
  PacketCase,
  PERIOD,
  PUBLIC_TITLE,
  SECRETS,
  SETTINGS,
  UNIT_CODE,
  UNIT_NAME,
  packetFixture,
  wib,
} from './packet.fixtures';
import { buildRecordsExport } from './records-export';
import { collectUnitRecords, parseNdjson } from './unit-records';

const fixture = packetFixture();
/** The fixture's confidential content, without the file name (file names are neutral in every export). */
const CONTENT = CONFIDENTIAL_CONTENT.filter((text) => text !== 'RAHASIA-LAMPIRAN-TUV');
const IDENTITY = SECRETS.filter((text) => !(CONFIDENTIAL_CONTENT as readonly string[]).includes(text));

const found = (text: string, needles: readonly string[]): string[] =>
  needles.filter((needle) => text.includes(needle));

describe('export all records: confidential complaints', () => {
  it('by default holds no confidential content and no identity; the named complaint’s content is there', () => {
    // The fixture really holds the strings (so the test means something).
    const everything = JSON.stringify(fixture.allDocs);
    expect(found(everything, SECRETS)).toEqual(SECRETS);

    const file = buildRecordsExport(fixture.allDocs, { includeConfidential: false });
    expect(found(file.ndjson, CONTENT)).toEqual([]);
    expect(found(file.ndjson, IDENTITY)).toEqual([]);
    expect(file.ndjson).toContain(PUBLIC_TITLE);
    expect(file.ndjson).toContain(CONFIDENTIAL_PLACEHOLDER);
    // The confidential one and the one made confidential later.
    expect(file.redactedComplaints).toBe(2);
    // Every document but the reporters'.
    expect(file.count).toBe(fixture.allDocs.length - fixture.reporters.length);
  });

  it('with the manager’s tick holds the confidential content, and still no identity', () => {
    const file = buildRecordsExport(fixture.allDocs, { includeConfidential: true });
    expect(found(file.ndjson, CONTENT)).toEqual(CONTENT);
    expect(found(file.ndjson, IDENTITY)).toEqual([]);
    expect(file.ndjson).not.toContain('RAHASIA-LAMPIRAN-TUV');
    expect(file.ndjson).not.toContain(CONFIDENTIAL_PLACEHOLDER);
    expect(file.redactedComplaints).toBe(0);
  });

  it('keeps what counts need: the redacted file passes every schema and hash check and gives the same indicators', () => {
    for (const includeConfidential of [false, true]) {
      const { docs, badLines } = parseNdjson(
        buildRecordsExport(fixture.allDocs, { includeConfidential }).ndjson,
      );
      expect(badLines).toEqual([]);
      const records = collectUnitRecords(docs, UNIT_CODE);
      expect(records.invalidIds).toEqual([]);
      expect(records.complaints).toHaveLength(fixture.complaints.length);
      expect(records.events).toHaveLength(fixture.events.length);
      const indicators = computeIndicators({
        complaints: records.complaints,
        events: records.events,
        unit: { code: UNIT_CODE, name: UNIT_NAME },
        settings: SETTINGS,
        period: PERIOD,
        computedAt: CREATED_AT,
      });
      expect(indicators).toEqual(fixture.indicators);
    }
  });

  it('keeps status, dates, channel, category and flags of a confidential complaint and its events', () => {
    const [, , , confidential] = fixture.cases;
    if (!confidential) throw new Error('fixture changed');
    const { docs } = parseNdjson(buildRecordsExport(fixture.allDocs, { includeConfidential: false }).ndjson);
    const records = collectUnitRecords(docs, UNIT_CODE);
    const complaint = records.complaints.find(
      (doc) => doc.trackingNumber === confidential.complaint.trackingNumber,
    );
    expect(complaint).toMatchObject({
      channel: confidential.complaint.channel,
      category: confidential.complaint.category,
      privacyMode: 'confidential',
      receivedAt: confidential.complaint.receivedAt,
      title: CONFIDENTIAL_PLACEHOLDER,
      chronology: CONFIDENTIAL_PLACEHOLDER,
      location: '',
      targetOffice: '',
      incidentDate: confidential.complaint.receivedLocalDate,
    });
    // Sealed again under the same base id, with the hash of what it holds now.
    expect(complaint?._id).not.toBe(confidential.complaint._id);
    expect(complaint?._id.slice(0, -CONTENT_HASH_LENGTH)).toBe(
      confidential.complaint._id.slice(0, -CONTENT_HASH_LENGTH),
    );
    if (complaint) expect(verifyImmutable(complaint)).toBe('ok');
    const events = records.events.filter((event) => event.complaintId === complaint?._id);
    expect(events.map((event) => [event.kind, event.at])).toEqual(
      confidential.events.map((event) => [event.kind, event.at]),
    );
    expect(events.find((event) => event.kind === 'follow-up')).toMatchObject({
      office: CONFIDENTIAL_PLACEHOLDER,
      summary: CONFIDENTIAL_PLACEHOLDER,
    });
  });

  it('judges by the privacy mode now: a confidential complaint made named again is exported whole', () => {
    const back = new PacketCase({
      sequence: 40,
      receivedAt: wib('2026-03-02'),
      privacyMode: 'confidential',
      channel: 'phone',
      category: 'health',
      title: 'DULU-RAHASIA-ABC',
      chronology: 'Sekarang boleh dibaca.',
      reporter: { ...NAMED_REPORTER },
    }).act('change-privacy', wib('2026-03-03'), { to: 'named', reason: 'Pelapor setuju' });
    const docs = [back.complaint, ...back.events];
    expect(redactConfidentialRecords(docs).complaints).toBe(0);
    expect(buildRecordsExport(docs, { includeConfidential: false }).ndjson).toContain('DULU-RAHASIA-ABC');
  });

  it('redacts corrections of content, keeps corrections of codes, and the result still reads', () => {
    const corrected = new PacketCase({
      sequence: 41,
      receivedAt: wib('2026-03-04'),
      privacyMode: 'confidential',
      channel: 'phone',
      category: 'health',
      title: 'RAHASIA-JUDUL-LAMA',
      chronology: 'RAHASIA-URAIAN-LAMA',
      reporter: { ...NAMED_REPORTER },
    })
      .act('correct', wib('2026-03-05'), {
        field: 'title',
        newValue: 'RAHASIA-JUDUL-BARU',
        reason: 'RAHASIA-ALASAN',
      })
      .act('correct', wib('2026-03-05', '11:00'), {
        field: 'category',
        newValue: 'education',
        reason: 'Salah pilih',
      })
      .act('correct', wib('2026-03-05', '12:00'), {
        field: 'incidentDate',
        newValue: '2026-02-27',
        reason: 'Tanggal keliru',
      });
    const file = buildRecordsExport([corrected.complaint, ...corrected.events], {
      includeConfidential: false,
    });
    expect(
      found(file.ndjson, [
        'RAHASIA-JUDUL-LAMA',
        'RAHASIA-URAIAN-LAMA',
        'RAHASIA-JUDUL-BARU',
        'RAHASIA-ALASAN',
        '2026-02-27',
      ]),
    ).toEqual([]);
    const records = collectUnitRecords(parseNdjson(file.ndjson).docs, UNIT_CODE);
    expect(records.invalidIds).toEqual([]);
    const [complaint] = records.complaints;
    if (!complaint) throw new Error('no complaint');
    const state = reduceComplaint(complaint, records.events);
    expect(state.current).toMatchObject({ category: 'education', title: CONFIDENTIAL_PLACEHOLDER });
    expect(state.privacyMode).toBe('confidential');
  });

  it('redacts a confidential complaint the app cannot read, by what it says', () => {
    const [, , , confidential] = fixture.cases;
    if (!confidential) throw new Error('fixture changed');
    const broken = { ...confidential.complaint, extra: 'not in the schema' };
    const result = redactConfidentialRecords([broken, ...confidential.events]);
    expect(result.complaints).toBe(1);
    expect(found(JSON.stringify(result.docs), CONTENT)).toEqual([]);
  });

  it('lists every free-text field of every event kind as redacted or as kept on purpose', () => {
    for (const kind of Object.keys(PAYLOAD_FIELDS) as PayloadKind[]) {
      const texts = Object.entries(payloadSpecs(kind))
        .filter(
          ([, spec]) => spec.type === 'line' || spec.type === 'paragraph' || spec.type === 'correction-value',
        )
        .map(([field]) => field);
      const redacted = Object.keys(EVENT_TEXT_FIELDS[kind]);
      const kept = KEPT_EVENT_TEXT_FIELDS[kind] ?? [];
      // correct-field's texts depend on the field corrected (handled apart).
      const apart = kind === 'correct-field' ? ['oldValue', 'newValue'] : [];
      expect([...redacted, ...kept, ...apart].sort(), kind).toEqual([...texts].sort());
    }
  });
});
