/**
 * complaints.xlsx and complaints.csv: the workbook opens with a spreadsheet library and has one
 * row per complaint received in the period under a header; the CSV starts with the UTF-8 BOM,
 * quotes what needs quoting and never lets complaint text run as a formula.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPacketZip } from './build-packet';
import { COMPLAINT_COLUMN_KEYS, COMPLAINT_COLUMNS, complaintRows } from './complaint-rows';
import { UTF8_BOM, csvField, csvText } from './complaints-csv';
import { COMPLAINTS_SHEET, NOTES_SHEET } from './complaints-xlsx';
import { PERIOD, PUBLIC_TITLE, TIME_ZONE, packetFixture, type PacketFixture } from './packet.fixtures';

let fixture: PacketFixture;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  fixture = packetFixture();
  files = unzipSync(await buildPacketZip(fixture.input));
});

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('complaints.xlsx', () => {
  it('opens with exceljs: a header and one row per complaint received in the period', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer(files['complaints.xlsx'] ?? new Uint8Array()));
    const sheet = workbook.getWorksheet(COMPLAINTS_SHEET);
    expect(sheet).toBeDefined();
    expect(workbook.getWorksheet(NOTES_SHEET)).toBeDefined();
    expect(sheet?.rowCount).toBe(1 + 4);
    const header = sheet?.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(COMPLAINT_COLUMN_KEYS.map((key) => COMPLAINT_COLUMNS[key].header));
    const titles = [2, 3, 4, 5].map(
      (row) => sheet?.getRow(row).getCell(COMPLAINT_COLUMN_KEYS.indexOf('title') + 1).value,
    );
    expect(titles).toContain(PUBLIC_TITLE);
    // Dates are real date cells of the local day.
    const received = sheet?.getRow(2).getCell(COMPLAINT_COLUMN_KEYS.indexOf('receivedDate') + 1).value;
    expect(received).toEqual(new Date('2026-02-02T00:00:00.000Z'));
  });
});

describe('complaints.csv', () => {
  it('starts with the UTF-8 byte-order mark and holds a header and one line per complaint', () => {
    const csv = files['complaints.csv'] ?? new Uint8Array();
    expect([...csv.slice(0, 3)]).toEqual([...UTF8_BOM]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv);
    expect(text.startsWith('\ufeffNomor tiket,Tanggal diterima,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(1 + 4);
  });

  it('matches the rows the builder derived', () => {
    const rows = complaintRows({
      complaints: fixture.complaints,
      events: fixture.events,
      period: PERIOD,
      timeZone: TIME_ZONE,
    });
    const text = new TextDecoder().decode(files['complaints.csv']);
    expect(text).toContain(
      `${rows[0]?.trackingNumber},2026-02-02,Datang langsung,Biasa,Pengaduan,Infrastruktur,${PUBLIC_TITLE},`,
    );
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvField('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+62 812')).toBe("'+62 812");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvText([['a', null, 3]])).toBe('a,,3\r\n');
  });
});
