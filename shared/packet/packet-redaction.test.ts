/**
 * Redaction (docs/domain.md, 'Exports'): a packet built from named, anonymous and confidential
 * complaints holds no identity and no confidential content in any byte of any file, decoded
 * every way the formats hide text (./packet-bytes-search.fixtures). Positive controls show the search
 * does find what is meant to be there, and finds a planted string in each format.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPacketZip } from './build-packet';
import { complaintRows } from './complaint-rows';
import { findInPacket, pdfSearchText } from './packet-bytes-search.fixtures';
import {
  CONFIDENTIAL_CONTENT,
  EXAMPLE_CASE_MARKER,
  NAMED_REPORTER,
  PERIOD,
  PUBLIC_TITLE,
  SECRETS,
  TIME_ZONE,
  UNIT_NAME,
  packetFixture,
  type PacketFixture,
} from './packet.fixtures';

let fixture: PacketFixture;
let zip: Uint8Array;

beforeAll(async () => {
  fixture = packetFixture();
  zip = await buildPacketZip(fixture.input);
});

describe('packet redaction', () => {
  it('the fixture really holds the secrets in its records (so the test means something)', () => {
    const records = JSON.stringify(fixture.allDocs);
    for (const secret of SECRETS) expect(records).toContain(secret);
    expect(fixture.reporters.map((reporter) => reporter.name)).toContain(NAMED_REPORTER.name);
  });

  it('no identity string and no confidential content in any file of the packet', () => {
    expect(findInPacket(zip, SECRETS)).toEqual([]);
  });

  it('positive control: a named complaint’s title is in the CSV and the XLSX', () => {
    const paths = findInPacket(zip, [PUBLIC_TITLE]).map((hit) => hit.path);
    expect(paths).toContain('complaints.csv');
    expect(paths).toContain('complaints.xlsx!/xl/sharedStrings.xml');
  });

  it('positive control: the unit name and an example case’s text are found in the PDF', () => {
    const paths = (needle: string): string[] => findInPacket(zip, [needle]).map((hit) => hit.path);
    expect(paths(UNIT_NAME)).toContain('packet.pdf');
    expect(paths(EXAMPLE_CASE_MARKER)).toContain('packet.pdf');
  });

  it('positive control: a secret planted in the draft is found in the PDF (the PDF search decodes text)', async () => {
    const planted = fixture.draft.sections.innovation;
    const leaky = await buildPacketZip({
      ...fixture.input,
      draft: {
        ...fixture.draft,
        sections: {
          ...fixture.draft.sections,
          innovation: { ...planted, narrative: `Ditulis oleh ${NAMED_REPORTER.name}.` },
        },
      },
    });
    const pdf = unzipSync(leaky)['packet.pdf'];
    expect(pdf).toBeDefined();
    // Not visible in the raw bytes (compressed, hex-encoded), visible once decoded.
    expect(new TextDecoder('latin1').decode(pdf)).not.toContain(NAMED_REPORTER.name);
    expect(pdfSearchText(pdf ?? new Uint8Array())).toContain(NAMED_REPORTER.name);
    expect(findInPacket(leaky, [NAMED_REPORTER.name]).map((hit) => hit.path)).toEqual(['packet.pdf']);
  });

  it('confidential rows keep only channel, category, privacy mode, dates and status', () => {
    const rows = complaintRows({
      complaints: fixture.complaints,
      events: fixture.events,
      period: PERIOD,
      timeZone: TIME_ZONE,
    });
    // Received in the period: named, anonymous, confidential, later confidential (not the old one
    // nor the one after the period).
    expect(rows).toHaveLength(4);
    const confidential = rows.filter((row) => row.privacy === 'Rahasia');
    expect(confidential).toHaveLength(2);
    for (const row of confidential) {
      const filled = Object.entries(row)
        .filter(([, value]) => value !== null)
        .map(([key]) => key);
      expect(
        filled.every((key) =>
          [
            'receivedDate',
            'channel',
            'privacy',
            'category',
            'status',
            'verifiedDate',
            'disposedDate',
            'followedUpDate',
            'answeredDate',
            'closedDate',
          ].includes(key),
        ),
      ).toBe(true);
      expect(row.trackingNumber).toBeNull();
      expect(row.title).toBeNull();
    }
    const values = JSON.stringify(rows);
    for (const content of CONFIDENTIAL_CONTENT) expect(values).not.toContain(content);
    const named = rows.find((row) => row.title === PUBLIC_TITLE);
    expect(named).toMatchObject({ privacy: 'Biasa', status: 'Selesai', satisfaction: 5 });
  });
});
