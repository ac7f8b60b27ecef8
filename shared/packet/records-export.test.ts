/**
 * "Export all records" holds only what the packet builder reads: the officer roster (its PIN
 * verifiers), the access log, offices, packet drafts and any document type the export does not
 * name stay out, next to the reporters (./confidential-redaction.test.ts covers the content).
 */
import { describe, expect, it } from 'vitest';
import { packetFixture } from './packet.fixtures';
import { buildRecordsExport } from './records-export';
import { parseNdjson } from './unit-records';

const fixture = packetFixture();

const unitDocsBesideRecords = [
  {
    _id: 'officer:o-1',
    type: 'officer',
    name: 'Petugas Satu',
    verifier: { salt: 'GARAM-RAHASIA', hash: 'VERIFIER-RAHASIA', iterations: 1_500_000 },
  },
  { _id: 'access:2026-12-06T01:00:00.000Z:V7S:0a1b2c3d:abc', type: 'access', kind: 'sign-in' },
  { _id: 'unit-offices', type: 'unit-offices', offices: ['Dinas Rahasia'] },
  { _id: 'packet-draft:2026', type: 'packet-draft', narrative: 'DRAF-RAHASIA' },
  { _id: 'something-new:1', type: 'something-new', note: 'TIPE-BARU' },
];

describe('export all records: only what the packet reads', () => {
  it('leaves out the roster, the access log, offices, packet drafts and unnamed document types', () => {
    const file = buildRecordsExport([...fixture.allDocs, ...unitDocsBesideRecords], {
      includeConfidential: true,
    });
    const planted = [
      'VERIFIER-RAHASIA',
      'GARAM-RAHASIA',
      'Petugas Satu',
      'Dinas Rahasia',
      'DRAF-RAHASIA',
      'TIPE-BARU',
    ];
    // The planted documents really hold the strings (so the test means something).
    expect(planted.filter((text) => JSON.stringify(unitDocsBesideRecords).includes(text))).toEqual(planted);
    expect(planted.filter((text) => file.ndjson.includes(text))).toEqual([]);
    // What the packet reads is all there: the profile, the settings, complaints and events.
    const { docs, badLines } = parseNdjson(file.ndjson);
    expect(badLines).toEqual([]);
    const types = docs.map(
      (doc) => (doc as { type?: string; _id: string }).type ?? (doc as { _id: string })._id,
    );
    expect(new Set(types)).toEqual(new Set(['unit-profile', 'unit-settings', 'complaint', 'event']));
    expect(file.count).toBe(fixture.allDocs.length - fixture.reporters.length);
  });
});
