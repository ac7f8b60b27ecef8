/**
 * The device-local complaint index (docs/decisions/006-pouchdb-and-dexie.md): one small row per complaint,
 * derived from the records by the projector, so lists can filter by status and sort by
 * deadline without reading every complaint and its events. Never the only copy of anything:
 * it can be dropped and rebuilt from PouchDB at any time.
 */
import type { ComplaintStatus, PrivacyMode, ReportType } from '../../../shared/complaint/vocabulary';

export type ComplaintIndexRow = Readonly<{
  id: string;
  trackingNumber: string;
  receivedAt: string;
  channel: string;
  title: string;
  /** The status people see: auto-closed complaints show as closed. */
  status: ComplaintStatus;
  autoClosed: 0 | 1;
  privacyMode: PrivacyMode;
  office: string;
  /** 1 while a deadline runs (IndexedDB cannot index booleans). */
  open: 0 | 1;
  /** Unit-local date the next deadline falls due, '' when none runs. */
  dueDate: string;
  /** Which deadline that is (verify, follow-up, …), '' when none. */
  stage: string;
  /** Category code (as corrected). */
  category: string;
  reportType: ReportType;
  /** Unit-local date of receipt (YYYY-MM-DD), as in the tracking number. */
  receivedDate: string;
}>;

/** The settings key of the projector's checkpoint is this prefix and the unit's code. */
export const INDEX_CHECKPOINT_PREFIX = 'index-checkpoint:';

/** Dexie schema of the table, used by DeviceDatabase. */
export const COMPLAINT_INDEX_SCHEMA = 'id, [status+id], [open+dueDate], trackingNumber';
