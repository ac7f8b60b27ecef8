/**
 * The app's "export all records" file (NDJSON, one document per line, for `npm run packet --
 * build --data`), made from the unit's documents as the local database holds them:
 *   - only what the packet builder reads goes in (./unit-records: complaints, events, the unit
 *     profile and settings): reporter documents (identity), the officer roster (PIN verifiers),
 *     access records, offices, packet drafts and design documents are left out;
 *   - files are not included, and the file names listed in each complaint become neutral
 *     (`lampiran-1.jpg`: a name given to a file can carry a person's name);
 *   - confidential complaints and their events lose their content (./confidential-redaction),
 *     unless a manager ticked that it may be included (for the unit's internal archive only);
 *   - complaints and events changed by the above are sealed again (./resealed-records), so that
 *     the file passes the content-hash checks of the packet builder.
 */
import { withNeutralNames } from '../complaint/attachment-types';
import { REPORTER_ID_PREFIX, UNIT_PROFILE_ID } from '../ids/document-ids';
import { UNIT_SETTINGS_ID } from '../unit/unit-settings';
import { NATIONAL_CALENDAR_TYPE } from '../calendar/national-calendar';
import { redactConfidentialRecords } from './confidential-redaction';
import { resealChanged } from './resealed-records';
import { toNdjson } from './unit-records';

export type RecordsExportOptions = Readonly<{
  /** A manager ticked "include the content of confidential complaints". */
  includeConfidential: boolean;
}>;

export type RecordsExport = Readonly<{
  ndjson: string;
  /** Documents written. */
  count: number;
  /** Confidential complaints written without their content (0 when it was included). */
  redactedComplaints: number;
}>;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A document as the records export writes it: no files, and complaints' file names neutral. */
function withoutFiles(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { _attachments: _files, ...rest } = doc;
  const attachments: unknown = rest.attachments;
  if (rest.type !== 'complaint' || !Array.isArray(attachments)) return rest;
  const objects = attachments.map((item: unknown) => (typeof item === 'object' && item !== null ? item : {}));
  return { ...rest, attachments: withNeutralNames(objects) };
}

/**
 * Whether `doc` goes into the file at all: only the documents the packet builder reads (an
 * allow-list, so a document type added later stays out until it is named here); never identity.
 */
function exported(doc: Readonly<Record<string, unknown>>): boolean {
  const id = typeof doc._id === 'string' ? doc._id : '';
  if (id.startsWith('_design/') || id.startsWith(REPORTER_ID_PREFIX) || doc.type === 'reporter') return false;
  return (
    doc.type === 'complaint' ||
    doc.type === 'event' ||
    id === UNIT_PROFILE_ID ||
    id === UNIT_SETTINGS_ID ||
    // The central's national calendars: the command-line packet counts deadlines with them too.
    doc.type === NATIONAL_CALENDAR_TYPE
  );
}

/** The records export of `docs` (see the module comment). */
export function buildRecordsExport(docs: Iterable<unknown>, options: RecordsExportOptions): RecordsExport {
  const kept = [...docs].filter(isRecord).filter(exported).map(withoutFiles);
  const redacted = options.includeConfidential
    ? { docs: kept, complaints: 0 }
    : redactConfidentialRecords(kept);
  const { docs: sealed } = resealChanged(redacted.docs);
  return { ndjson: toNdjson(sealed), count: sealed.length, redactedComplaints: redacted.complaints };
}
