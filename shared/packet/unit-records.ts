/**
 * A unit's records as the packet builder needs them, picked out of a dump of its database: the
 * app's "export all records" file (NDJSON, one document per line) or CouchDB's `_all_docs`.
 * Complaints, events, the unit profile, the unit settings and the central's national calendars
 * (../calendar/national-calendar: they carry no unit code) are checked against their schemas;
 * reporter documents (identity, docs/decisions/002-reporter-documents-apart.md) are dropped
 * unread, so identity never reaches the builder, and complaints' file names are replaced by
 * neutral ones (`withNeutralNames`); documents of other units, design documents and other types
 * are skipped and counted.
 */
import {
  NATIONAL_CALENDAR_TYPE,
  nationalCalendarDocSchema,
  type NationalCalendarDoc,
} from '../calendar/national-calendar';
import { withNeutralNames } from '../complaint/attachment-types';
import { complaintDocSchema, type ComplaintDoc } from '../complaint/complaint-schema';
import { REPORTER_ID_PREFIX, UNIT_PROFILE_ID } from '../ids/document-ids';
import { unitProfileDocSchema, type UnitProfile } from '../unit/unit-profile';
import { UNIT_SETTINGS_ID, unitSettingsDocSchema, type UnitSettingsDoc } from '../unit/unit-settings';
import { eventDocSchema, type EventDoc } from '../workflow/events';

export type UnitRecords = Readonly<{
  complaints: ComplaintDoc[];
  events: EventDoc[];
  profile: UnitProfile | null;
  settings: UnitSettingsDoc | null;
  /** The central's national calendars the unit's database held (`calendar:national:<year>`). */
  nationals: NationalCalendarDoc[];
  /** What was left out, by reason. */
  skipped: Readonly<{ reporter: number; otherUnit: number; invalid: number; other: number }>;
  /** Ids of the first few documents that failed their schema (to tell the user which). */
  invalidIds: readonly string[];
}>;

const MAX_INVALID_IDS = 10;

export type NdjsonResult = Readonly<{ docs: unknown[]; badLines: readonly number[] }>;

/** The JSON values of an NDJSON text, skipping blank lines; 1-based numbers of lines that are not JSON. */
export function parseNdjson(text: string): NdjsonResult {
  const docs: unknown[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      docs.push(JSON.parse(line));
    } catch {
      badLines.push(index + 1);
    }
  });
  return { docs, badLines };
}

/** The NDJSON text of `docs`: one JSON document per line (what the app's records export writes). */
export function toNdjson(docs: Iterable<unknown>): string {
  let text = '';
  for (const doc of docs) text += `${JSON.stringify(doc)}\n`;
  return text;
}

function field(doc: object, name: string): unknown {
  return (doc as Record<string, unknown>)[name];
}

/** Sorts `docs` (any JSON values) into the records of unit `unitCode`. */
export function collectUnitRecords(docs: Iterable<unknown>, unitCode: string): UnitRecords {
  const complaints: ComplaintDoc[] = [];
  const events: EventDoc[] = [];
  let profile: UnitProfile | null = null;
  let settings: UnitSettingsDoc | null = null;
  const nationals: NationalCalendarDoc[] = [];
  const skipped = { reporter: 0, otherUnit: 0, invalid: 0, other: 0 };
  const invalidIds: string[] = [];
  const invalid = (id: unknown): void => {
    skipped.invalid += 1;
    if (invalidIds.length < MAX_INVALID_IDS) invalidIds.push(typeof id === 'string' ? id : '(no _id)');
  };

  for (const doc of docs) {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      skipped.other += 1;
      continue;
    }
    const id = field(doc, '_id');
    const type = field(doc, 'type');
    // Identity: dropped before anything else looks at it.
    if (type === 'reporter' || (typeof id === 'string' && id.startsWith(REPORTER_ID_PREFIX))) {
      skipped.reporter += 1;
      continue;
    }
    if (field(doc, '_deleted') === true || (typeof id === 'string' && id.startsWith('_design/'))) {
      skipped.other += 1;
      continue;
    }
    if (type === NATIONAL_CALENDAR_TYPE) {
      const parsed = nationalCalendarDocSchema.safeParse(doc);
      if (parsed.success) nationals.push(parsed.data);
      else invalid(id);
      continue;
    }
    if (type !== 'complaint' && type !== 'event' && id !== UNIT_PROFILE_ID && id !== UNIT_SETTINGS_ID) {
      skipped.other += 1;
      continue;
    }
    if (field(doc, 'unitCode') !== unitCode) {
      skipped.otherUnit += 1;
      continue;
    }
    if (type === 'complaint') {
      const parsed = complaintDocSchema.safeParse(doc);
      if (parsed.success) {
        complaints.push({ ...parsed.data, attachments: withNeutralNames(parsed.data.attachments) });
      } else invalid(id);
    } else if (type === 'event') {
      const parsed = eventDocSchema.safeParse(doc);
      if (parsed.success) events.push(parsed.data);
      else invalid(id);
    } else if (id === UNIT_PROFILE_ID) {
      const parsed = unitProfileDocSchema.safeParse(doc);
      if (parsed.success) profile = parsed.data;
      else invalid(id);
    } else {
      const parsed = unitSettingsDocSchema.safeParse(doc);
      if (parsed.success) settings = parsed.data;
      else invalid(id);
    }
  }
  return { complaints, events, profile, settings, nationals, skipped, invalidIds };
}
