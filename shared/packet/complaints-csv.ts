/**
 * `complaints.csv`: the complaint rows (./complaint-rows) as RFC 4180 CSV, comma-separated, CRLF
 * line ends, UTF-8 with a byte-order mark so that Excel reads the Indonesian text right. Dates are
 * `YYYY-MM-DD`. Every text cell goes through `spreadsheetText` (../text/spreadsheet-cell): one whose
 * first non-space character is `=`, `+`, `-` or `@`, or which starts with a tab, CR or LF, gets a
 * leading apostrophe, so a spreadsheet never runs complaint text as a formula (CSV injection).
 * Numbers passed as numbers (the app's own figures) are written as they are. The SP4N-LAPOR!
 * export (./lapor-export) writes its CSV with these same functions.
 */
import { spreadsheetText } from '../text/spreadsheet-cell';
import { COMPLAINT_COLUMNS, COMPLAINT_COLUMN_KEYS, type ComplaintRow } from './complaint-rows';

export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * One CSV field: text guarded against formulas (`spreadsheetText`), a number as it is; quoted when
 * it holds a comma, quote, line break or edge space.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : spreadsheetText(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text (without the BOM) from a header row and data rows. */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** UTF-8 bytes of `text` preceded by the byte-order mark. */
export function utf8WithBom(text: string): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM, 0);
  bytes.set(body, UTF8_BOM.length);
  return bytes;
}

/** The bytes of `complaints.csv`. */
export function complaintsCsv(rows: readonly ComplaintRow[]): Uint8Array<ArrayBuffer> {
  const header = COMPLAINT_COLUMN_KEYS.map((key) => COMPLAINT_COLUMNS[key].header);
  const body = rows.map((row) => COMPLAINT_COLUMN_KEYS.map((key) => row[key]));
  return utf8WithBom(csvText([header, ...body]));
}
