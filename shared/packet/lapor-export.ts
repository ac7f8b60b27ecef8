/**
 * The national export: a unit's complaints in the SP4N-LAPOR! field layout (docs/domain.md, 'Exports':
 * title, chronology, incident date, location, category, target agency, channel, status,
 * anonymous/confidential flags, tracking number), as CSV (UTF-8 with BOM) and JSON.
 * docs/lapor-export.md maps every field to the LAPOR! form; LAPOR!'s own import format was not
 * published, so this layout follows its report form.
 *
 * Privacy (docs/domain.md, 'Privacy modes'), enforced here and not left to care:
 *   - identity (name, NIK, phone, email, address) appears only when the caller sets
 *     `includeIdentity` (the manager ticked that it may be included) AND the complaint is named
 *     now (not anonymous, not confidential); otherwise the reporter documents are not even read;
 *   - a confidential complaint keeps no content field: title, chronology, incident date, location
 *     and target agency are null; its tracking number, channel, category, dates, status and flags
 *     remain, so that a LAPOR! id can be recorded against it.
 */
import type { ComplaintDoc, ReporterDoc } from '../complaint/complaint-schema';
import type { ComplaintStatus } from '../complaint/vocabulary';
import { reporterId } from '../ids/document-ids';
import { parseTrackingNumber } from '../ids/tracking-number';
import { localDateOf } from '../time/local-date';
import type { ComplaintState } from '../workflow/complaint-state-types';
import type { EventDoc } from '../workflow/events';
import { complaintsInPeriod, withStates } from './complaint-rows';
import { csvText, utf8WithBom } from './complaints-csv';
import { CHANNEL_LABELS, REPORT_TYPE_LABELS, categoryLabel } from './packet-labels';

export const LAPOR_EXPORT_FORMAT = 'meja-aduan-lapor-export';
export const LAPOR_EXPORT_FORMAT_VERSION = 1;

/**
 * The three statuses LAPOR! dashboards show (docs/domain.md, 'Exports'; list not confirmed), plus archived
 * and forwarded ("no wrong door": sent to the body with authority).
 */
export const LAPOR_STATUSES = {
  new: 'Belum Ditindaklanjuti',
  'on-hold': 'Belum Ditindaklanjuti',
  verified: 'Dalam Proses',
  'followed-up': 'Dalam Proses',
  answered: 'Dalam Proses',
  closed: 'Selesai',
  archived: 'Diarsipkan',
  forwarded: 'Diteruskan',
} as const satisfies Readonly<Record<ComplaintStatus, string>>;

export type LaporIdentity = Readonly<{
  name: string;
  nik: string;
  phone: string;
  email: string;
  address: string;
}>;

export type LaporRecord = Readonly<{
  trackingNumber: string;
  receivedDate: string;
  title: string | null;
  body: string | null;
  incidentDate: string | null;
  location: string | null;
  category: string;
  categoryCode: string;
  targetAgency: string | null;
  channel: string;
  channelCode: string;
  reportType: string;
  status: string;
  statusCode: ComplaintStatus;
  anonymous: boolean;
  confidential: boolean;
  /** LAPOR!'s own number for the report, when an earlier forwarding recorded one. */
  laporId: string | null;
  /** Null unless identity was asked for and the complaint is named. */
  reporter: LaporIdentity | null;
}>;

export type LaporExportInput = Readonly<{
  complaints: readonly ComplaintDoc[];
  events: readonly EventDoc[];
  /** The unit's time zone (local dates). */
  timeZone: string;
  /** Only complaints received in this period (local dates, inclusive); all when absent. */
  period?: Readonly<{ from: string; to: string }>;
  /** Leave out complaints already recorded as forwarded to LAPOR! (the `lapor-forwarded` event). */
  onlyNotForwarded?: boolean;
  /** The manager ticked that identity may be included (named, non-confidential complaints only). */
  includeIdentity: boolean;
  /** Read only when `includeIdentity` is true. */
  reporters?: readonly ReporterDoc[];
  categoryLabels?: Readonly<Record<string, string>>;
}>;

const nonEmpty = (text: string): string | null => (text.trim() === '' ? null : text);

/** One exported complaint: its state (to record the forwarding against) and its LAPOR! record. */
export type LaporRow = Readonly<{ state: ComplaintState; record: LaporRecord }>;

/** The LAPOR! records of the input's complaints, oldest first. */
export function laporRecords(input: LaporExportInput): LaporRecord[] {
  return laporRows(input).map((row) => row.record);
}

/** The input's complaints as exported, oldest first, each with its state. */
export function laporRows(input: LaporExportInput): LaporRow[] {
  const { timeZone } = input;
  const inPeriod = input.period
    ? complaintsInPeriod({ ...input, period: input.period })
    : withStates(input.complaints, input.events);
  const selected = input.onlyNotForwarded ? inPeriod.filter(({ state }) => state.lapor === null) : inPeriod;
  const rows = selected.map(({ complaint, state }) => {
    const { current } = state;
    const confidential = state.privacyMode === 'confidential';
    const record: LaporRecord = {
      trackingNumber: complaint.trackingNumber,
      receivedDate: localDateOf(new Date(complaint.receivedAt), timeZone),
      title: confidential ? null : current.title,
      body: confidential ? null : current.chronology,
      incidentDate: confidential ? null : current.incidentDate,
      location: confidential ? null : nonEmpty(current.location),
      category: categoryLabel(current.category, input.categoryLabels),
      categoryCode: current.category,
      targetAgency: confidential ? null : nonEmpty(state.currentOffice ?? current.targetOffice),
      channel: CHANNEL_LABELS[current.channel],
      channelCode: current.channel,
      reportType: REPORT_TYPE_LABELS[current.reportType],
      status: LAPOR_STATUSES[state.status],
      statusCode: state.status,
      anonymous: state.privacyMode === 'anonymous',
      confidential,
      laporId: state.lapor?.laporId ?? null,
      reporter: null,
    };
    return { state, record };
  });
  return input.includeIdentity ? withIdentity(rows, input.reporters ?? []) : rows;
}

/**
 * `rows` with the identity of each complaint that is named now, from its reporter document of
 * the same unit (others, and rows without one, keep `reporter: null`). The caller has the manager's
 * consent: only call this when identity may be included.
 */
export function withIdentity(rows: readonly LaporRow[], reporters: readonly ReporterDoc[]): LaporRow[] {
  const byComplaint = new Map(reporters.map((reporter) => [reporter.complaintId, reporter]));
  return rows.map((row) => {
    const reporter = row.state.privacyMode === 'named' ? byComplaint.get(row.state.complaintId) : undefined;
    // A complaint's unit is its tracking number's (the complaint schema holds them equal).
    if (!reporter || parseTrackingNumber(row.state.trackingNumber)?.unitCode !== reporter.unitCode)
      return row;
    const { name, nik, phone, email, address } = reporter;
    return { ...row, record: { ...row.record, reporter: { name, nik, phone, email, address } } };
  });
}

/** The reporter document ids to read for `withIdentity`: those of the rows named now. */
export function namedReporterIds(rows: readonly LaporRow[]): string[] {
  return rows
    .filter((row) => row.state.privacyMode === 'named')
    .map((row) => reporterId(row.state.trackingNumber));
}

/** CSV columns: header (the LAPOR! form's words) and the record's value. */
const CSV_COLUMNS: ReadonlyArray<readonly [string, (record: LaporRecord) => string | null]> = [
  ['Nomor Tiket', (record) => record.trackingNumber],
  ['Tanggal Diterima', (record) => record.receivedDate],
  ['Judul Laporan', (record) => record.title],
  ['Isi Laporan', (record) => record.body],
  ['Tanggal Kejadian', (record) => record.incidentDate],
  ['Lokasi Kejadian', (record) => record.location],
  ['Kategori', (record) => record.category],
  ['Instansi Tujuan', (record) => record.targetAgency],
  ['Kanal', (record) => record.channel],
  ['Jenis Laporan', (record) => record.reportType],
  ['Status', (record) => record.status],
  ['Anonim', (record) => (record.anonymous ? 'Ya' : 'Tidak')],
  ['Rahasia', (record) => (record.confidential ? 'Ya' : 'Tidak')],
  ['Nomor LAPOR!', (record) => record.laporId],
];
const IDENTITY_COLUMNS: ReadonlyArray<readonly [string, keyof LaporIdentity]> = [
  ['Nama Pelapor', 'name'],
  ['NIK', 'nik'],
  ['Telepon', 'phone'],
  ['Email', 'email'],
  ['Alamat Pelapor', 'address'],
];

/** `lapor-export.csv` bytes; identity columns exist only when `includeIdentity` was set. */
export function laporCsv(records: readonly LaporRecord[], includeIdentity: boolean): Uint8Array<ArrayBuffer> {
  const header = [
    ...CSV_COLUMNS.map(([name]) => name),
    ...(includeIdentity ? IDENTITY_COLUMNS.map(([name]) => name) : []),
  ];
  const rows = records.map((record) => [
    ...CSV_COLUMNS.map(([, value]) => value(record)),
    ...(includeIdentity ? IDENTITY_COLUMNS.map(([, field]) => nonEmpty(record.reporter?.[field] ?? '')) : []),
  ]);
  return utf8WithBom(csvText([header, ...rows]));
}

export type LaporExportMeta = Readonly<{
  unit: Readonly<{ code: string; name: string }>;
  period: Readonly<{ from: string; to: string }> | null;
  createdAt: Date;
  generator: Readonly<{ name: string; version: string }>;
}>;

/** `lapor-export.json` text: the records with what, for whom and when. */
export function laporJson(
  records: readonly LaporRecord[],
  includeIdentity: boolean,
  meta: LaporExportMeta,
): string {
  return `${JSON.stringify(
    {
      format: LAPOR_EXPORT_FORMAT,
      formatVersion: LAPOR_EXPORT_FORMAT_VERSION,
      generator: meta.generator,
      unit: meta.unit,
      period: meta.period,
      createdAt: meta.createdAt.toISOString(),
      includesIdentity: includeIdentity,
      records: includeIdentity ? records : records.map((record) => ({ ...record, reporter: null })),
    },
    null,
    2,
  )}\n`;
}
