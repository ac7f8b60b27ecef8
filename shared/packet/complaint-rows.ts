/**
 * The rows of `complaints.csv` and `complaints.xlsx`: one per complaint received in the period,
 * derived from the complaint documents and their events with the workflow reducer (current
 * fields and privacy mode as the events leave them). This module is where the packet's redaction
 * of records happens (docs/domain.md, 'Privacy modes' and 'Exports'):
 *   - identity is never an input: reporter documents are not passed in, and no column holds one;
 *   - a complaint whose privacy mode is (now) confidential keeps only the columns marked
 *     `confidential: true` below: channel, category, privacy mode, the workflow dates and the
 *     status. Its tracking number, report type, title, chronology, incident date, location,
 *     office, forwarding body and satisfaction are left empty.
 * "Received in the period" is the indicators' definition: the local date of `receivedAt` in the
 * unit's time zone lies from `period.from` to `period.to`, both inclusive.
 */
import type { ComplaintDoc } from '../complaint/complaint-schema';
import { statusWord } from '../complaint/vocabulary';
import { localDateOf } from '../time/local-date';
import { reduceComplaint } from '../workflow/complaint-state';
import type { ComplaintState } from '../workflow/complaint-state-types';
import type { EventDoc } from '../workflow/events';
import {
  CHANNEL_LABELS,
  PRIVACY_LABELS,
  REPORT_TYPE_LABELS,
  STATUS_WORD_LABELS,
  categoryLabel,
} from './packet-labels';

export type ColumnKind = 'text' | 'date' | 'number';

type ColumnSpec = Readonly<{
  header: string;
  kind: ColumnKind;
  /** Kept for a confidential complaint; every other column is empty for one. */
  confidential: boolean;
  /** Spreadsheet column width, in characters. */
  width: number;
}>;

/** The columns, in file order. No identity column exists (the reporter document is no input). */
export const COMPLAINT_COLUMNS = {
  trackingNumber: { header: 'Nomor tiket', kind: 'text', confidential: false, width: 24 },
  receivedDate: { header: 'Tanggal diterima', kind: 'date', confidential: true, width: 14 },
  channel: { header: 'Kanal', kind: 'text', confidential: true, width: 18 },
  privacy: { header: 'Mode pelapor', kind: 'text', confidential: true, width: 12 },
  reportType: { header: 'Jenis laporan', kind: 'text', confidential: false, width: 16 },
  category: { header: 'Kategori', kind: 'text', confidential: true, width: 24 },
  title: { header: 'Judul', kind: 'text', confidential: false, width: 40 },
  chronology: { header: 'Kronologi', kind: 'text', confidential: false, width: 60 },
  incidentDate: { header: 'Tanggal kejadian', kind: 'date', confidential: false, width: 14 },
  location: { header: 'Lokasi', kind: 'text', confidential: false, width: 24 },
  office: { header: 'Kantor/OPD', kind: 'text', confidential: false, width: 24 },
  status: { header: 'Status', kind: 'text', confidential: true, width: 20 },
  verifiedDate: { header: 'Tanggal verifikasi', kind: 'date', confidential: true, width: 14 },
  disposedDate: { header: 'Tanggal disposisi', kind: 'date', confidential: true, width: 14 },
  followedUpDate: { header: 'Tanggal tindak lanjut', kind: 'date', confidential: true, width: 14 },
  answeredDate: { header: 'Tanggal tanggapan', kind: 'date', confidential: true, width: 14 },
  closedDate: { header: 'Tanggal selesai', kind: 'date', confidential: true, width: 14 },
  archivedDate: { header: 'Tanggal diarsipkan', kind: 'date', confidential: true, width: 14 },
  forwardedDate: { header: 'Tanggal diteruskan', kind: 'date', confidential: true, width: 14 },
  forwardedTo: { header: 'Diteruskan ke', kind: 'text', confidential: false, width: 24 },
  satisfaction: { header: 'Nilai kepuasan (1-5)', kind: 'number', confidential: false, width: 10 },
} as const satisfies Readonly<Record<string, ColumnSpec>>;

export type ComplaintColumn = keyof typeof COMPLAINT_COLUMNS;
export const COMPLAINT_COLUMN_KEYS = Object.keys(COMPLAINT_COLUMNS) as readonly ComplaintColumn[];

/** One row: text, an ISO date (`YYYY-MM-DD`), a number, or null for an empty cell. */
export type ComplaintRow = Readonly<Record<ComplaintColumn, string | number | null>>;

export type ComplaintRowsInput = Readonly<{
  complaints: readonly ComplaintDoc[];
  events: readonly EventDoc[];
  period: Readonly<{ from: string; to: string }>;
  /** The unit's time zone (the indicators' `deadlines.timeZone`). */
  timeZone: string;
  /** Labels of the unit's own category codes, when it has any beyond the defaults. */
  categoryLabels?: Readonly<Record<string, string>>;
}>;

/** Events grouped by their complaint's id, so reducing n complaints stays linear. */
export function eventsByComplaint(events: readonly EventDoc[]): ReadonlyMap<string, EventDoc[]> {
  const groups = new Map<string, EventDoc[]>();
  for (const event of events) {
    const group = groups.get(event.complaintId);
    if (group) group.push(event);
    else groups.set(event.complaintId, [event]);
  }
  return groups;
}

/** True when the complaint's receipt falls on a local date inside the period. */
export function receivedInPeriod(
  complaint: Pick<ComplaintDoc, 'receivedAt'>,
  period: Readonly<{ from: string; to: string }>,
  timeZone: string,
): boolean {
  const date = localDateOf(new Date(complaint.receivedAt), timeZone);
  return date >= period.from && date <= period.to;
}

/** Oldest receipt first; the tracking number breaks ties. */
export function byReceipt(a: ComplaintDoc, b: ComplaintDoc): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
  return a.trackingNumber < b.trackingNumber ? -1 : a.trackingNumber > b.trackingNumber ? 1 : 0;
}

/** Each complaint with its state reduced from its own events, oldest first. */
export function withStates(
  complaints: readonly ComplaintDoc[],
  events: readonly EventDoc[],
): ReadonlyArray<Readonly<{ complaint: ComplaintDoc; state: ComplaintState }>> {
  const groups = eventsByComplaint(events);
  return [...complaints]
    .sort(byReceipt)
    .map((complaint) => ({ complaint, state: reduceComplaint(complaint, groups.get(complaint._id) ?? []) }));
}

/** The complaints received in the period with their reduced states, oldest first. */
export function complaintsInPeriod(
  input: Omit<ComplaintRowsInput, 'categoryLabels'>,
): ReadonlyArray<Readonly<{ complaint: ComplaintDoc; state: ComplaintState }>> {
  const inPeriod = input.complaints.filter((complaint) =>
    receivedInPeriod(complaint, input.period, input.timeZone),
  );
  return withStates(inPeriod, input.events);
}

/** The rows of the complaints received in the period, oldest first, redacted as described above. */
export function complaintRows(input: ComplaintRowsInput): ComplaintRow[] {
  return complaintsInPeriod(input).map(({ complaint, state }) =>
    complaintRow(complaint, state, input.timeZone, input.categoryLabels),
  );
}

function complaintRow(
  complaint: ComplaintDoc,
  state: ComplaintState,
  timeZone: string,
  categoryLabels: Readonly<Record<string, string>> = {},
): ComplaintRow {
  const local = (instant: string | undefined): string | null =>
    instant === undefined ? null : localDateOf(new Date(instant), timeZone);
  const text = (value: string | null): string | null => (value === null || value === '' ? null : value);
  const { current, stages } = state;
  const full: ComplaintRow = {
    trackingNumber: complaint.trackingNumber,
    receivedDate: local(complaint.receivedAt),
    channel: CHANNEL_LABELS[current.channel],
    privacy: PRIVACY_LABELS[state.privacyMode],
    reportType: REPORT_TYPE_LABELS[current.reportType],
    category: categoryLabel(current.category, categoryLabels),
    title: current.title,
    chronology: current.chronology,
    incidentDate: current.incidentDate,
    location: text(current.location),
    office: text(state.currentOffice ?? current.targetOffice),
    status: STATUS_WORD_LABELS[statusWord(state.status, state.currentOffice)],
    verifiedDate: local(stages.verifiedAt),
    disposedDate: local(stages.disposedAt),
    followedUpDate: local(stages.followedUpAt),
    answeredDate: local(stages.answeredAt),
    closedDate: local(stages.closedAt),
    archivedDate: local(stages.archivedAt),
    forwardedDate: local(stages.forwardedAt),
    forwardedTo: text(state.forwardedTo),
    satisfaction: state.satisfaction?.score ?? null,
  };
  return state.privacyMode === 'confidential' ? redactConfidential(full) : full;
}

/** The row with every column not marked `confidential: true` emptied. */
function redactConfidential(row: ComplaintRow): ComplaintRow {
  const kept = { ...row };
  for (const key of COMPLAINT_COLUMN_KEYS) {
    if (!COMPLAINT_COLUMNS[key].confidential) kept[key] = null;
  }
  return kept;
}
