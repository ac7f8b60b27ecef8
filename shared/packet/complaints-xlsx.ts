/**
 * `complaints.xlsx`: the complaint rows (./complaint-rows) as a workbook, written with exceljs
 * (pure JavaScript; its browser build bundles with Vite and runs under the app's CSP). Sheet
 * "Pengaduan" has one row per complaint under a frozen, filterable header; dates are real date
 * cells (`yyyy-mm-dd`), so sorting and filtering work. Sheet "Keterangan" says what the file is
 * and what was left out.
 */
import ExcelJS from 'exceljs';
import { COMPLAINT_COLUMNS, COMPLAINT_COLUMN_KEYS, type ComplaintRow } from './complaint-rows';
import { formatLongDate } from './packet-labels';

export const COMPLAINTS_SHEET = 'Pengaduan';
export const NOTES_SHEET = 'Keterangan';

export type ComplaintsXlsxMeta = Readonly<{
  unitName: string;
  unitCode: string;
  period: Readonly<{ from: string; to: string }>;
  createdAt: Date;
  generator: string;
}>;

/** A local date `YYYY-MM-DD` as the Date exceljs writes as that calendar day. */
function dateCell(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** The bytes of `complaints.xlsx`. */
export async function complaintsXlsx(
  rows: readonly ComplaintRow[],
  meta: ComplaintsXlsxMeta,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.generator;
  workbook.created = meta.createdAt;
  workbook.modified = meta.createdAt;

  const sheet = workbook.addWorksheet(COMPLAINTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COMPLAINT_COLUMN_KEYS.map((key) => {
    const column = COMPLAINT_COLUMNS[key];
    return {
      header: column.header,
      key,
      width: column.width,
      style: column.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      COMPLAINT_COLUMN_KEYS.map((key) => {
        const value = row[key];
        return COMPLAINT_COLUMNS[key].kind === 'date' && typeof value === 'string' ? dateCell(value) : value;
      }),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COMPLAINT_COLUMN_KEYS.length } };

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 28 }, { width: 90 }];
  const lines: readonly (readonly [string, string])[] = [
    ['Unit', `${meta.unitName} (${meta.unitCode})`],
    ['Periode', `${formatLongDate(meta.period.from)} s.d. ${formatLongDate(meta.period.to)}`],
    ['Dibuat', meta.createdAt.toISOString()],
    ['Pembuat', meta.generator],
    ['Isi', 'Satu baris per pengaduan yang diterima dalam periode; status dan tanggal saat paket dibuat.'],
    ['Identitas pelapor', 'Tidak pernah dicantumkan.'],
    [
      'Pengaduan rahasia',
      'Hanya kanal, kategori, mode pelapor, tanggal alur kerja dan status; kolom lain dikosongkan.',
    ],
  ];
  for (const [label, value] of lines) notes.addRow([label, value]);
  notes.getColumn(1).font = { bold: true };

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
