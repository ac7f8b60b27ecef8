/**
 * A complaint as the indicators read it: its document and its events with the free text left out
 * (chronology, notes, summaries, reasons, the file list). Facts only — instants, statuses,
 * channels, categories, offices, scores — never a derived value: a due date or a "met" depends on
 * the unit's calendar and deadlines at the time of computing, so it is computed each time
 * (./complaint-outcome), never stored.
 *
 * The device keeps one such record per complaint (renderer/core/data/indicator-records) so that
 * Beranda reads small rows instead of every document; `computeIndicators` gives the same figures
 * from these records as from the full documents (./compute-indicators.test.ts proves it), because
 * nothing left out is read by the reducer's transitions or by the indicators:
 * - the reducer reads an event's free text only to keep it (trail details, hold reason, outcome);
 * - a correction's new value is validated (an invalid one is refused): a valid title or
 *   chronology becomes a one-character stand-in (still valid), an invalid one is kept as it is.
 * Bump INDICATOR_RECORD_VERSION whenever what is kept changes: the device rebuilds its records.
 */
import type { ComplaintDoc } from '../complaint/complaint-schema';
import type { EventDoc, EventKind } from '../workflow/events';
import { correctionProblem } from '../workflow/corrections';

export const INDICATOR_RECORD_VERSION = 2;

/** The fields every event of a complaint shares with it: left out of the record, put back on reading. */
type SharedEventField = 'complaintId' | 'trackingNumber' | 'unitCode' | 'type' | 'schemaVersion';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as the record keeps it: without the fields it shares with its complaint, nor its revision. */
export type RecordEvent = DistributiveOmit<EventDoc, SharedEventField | '_rev'>;

export type IndicatorRecord = Readonly<{
  /** The complaint's id. */
  id: string;
  /** The complaint's receipt instant (ISO; what a period's end is compared with). */
  receivedAt: string;
  complaint: ComplaintDoc;
  /** The complaint's own events, free text and the fields shared with the complaint left out. */
  events: readonly RecordEvent[];
}>;

/** The free-text fields of each kind: kept by the reducer for display only, never read by a rule. */
const FREE_TEXT: Readonly<Partial<Record<EventKind, readonly string[]>>> = {
  verify: ['note'],
  hold: ['reason'],
  'not-our-authority': ['note'],
  archive: ['otherText'],
  dispose: ['note'],
  'follow-up': ['summary'],
  response: ['summary'],
  'complainant-reply': ['summary'],
  satisfaction: ['comment'],
  close: ['outcome'],
  reopen: ['reason'],
  'correct-field': ['oldValue', 'reason'],
  note: ['text'],
  'privacy-change': ['reason'],
};

/** The long text fields a correction may carry, with a valid stand-in of each. */
const CORRECTED_TEXT: Readonly<Record<string, string>> = { title: '-', chronology: '-', location: '' };

function slimEvent(event: EventDoc): RecordEvent {
  const {
    _rev: _revision,
    complaintId: _complaint,
    trackingNumber: _tracking,
    unitCode: _unit,
    type: _type,
    schemaVersion: _version,
    ...kept
  } = event;
  const slim: Record<string, unknown> = { ...kept };
  for (const field of FREE_TEXT[event.kind] ?? []) if (typeof slim[field] === 'string') slim[field] = '';
  if (event.kind === 'correct-field') {
    const standIn = CORRECTED_TEXT[event.field];
    // Only a valid value becomes the stand-in: an invalid one must stay invalid (refused).
    if (standIn !== undefined && correctionProblem(event.field, event.newValue) === null) {
      slim.newValue = standIn;
    }
  }
  // Sound: the same kind with string fields emptied (allowed where emptied) or valid stand-ins.
  return slim as RecordEvent;
}

/** The complaint's indicator record from its document and its own events (others are left out). */
export function indicatorRecord(complaint: ComplaintDoc, events: readonly EventDoc[]): IndicatorRecord {
  const { _rev: _revision, _attachments: _files, ...kept } = complaint;
  return {
    id: complaint._id,
    receivedAt: complaint.receivedAt,
    complaint: { ...kept, title: '-', chronology: '-', location: '', attachments: [] },
    events: events.filter((event) => event.complaintId === complaint._id).map(slimEvent),
  };
}

/**
 * The complaint and its events as the indicators take them (`indicatorsComputation().add`): the
 * fields each event shares with its complaint put back.
 */
export function recordDocuments(record: IndicatorRecord): {
  complaint: ComplaintDoc;
  events: EventDoc[];
} {
  const { complaint } = record;
  const shared = {
    complaintId: complaint._id,
    trackingNumber: complaint.trackingNumber,
    unitCode: complaint.unitCode,
    type: 'event',
    schemaVersion: complaint.schemaVersion,
  } as const;
  return { complaint, events: record.events.map((event) => ({ ...event, ...shared })) };
}
