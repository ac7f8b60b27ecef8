/**
 * The documents of the national database `meja-aduan-national` (docs/central.md, "National
 * database"; docs/decisions/008-national-projection.md). The national database holds no unit
 * document as it is: the projector (central/national-projector) writes a projection of each
 * complaint and of each unit's profile, computed by ./national-projection.
 *
 *   complaint:<UNIT>:<32 hex>  national-complaint     one per complaint; the hex digits are the
 *                                                     first 32 of SHA-256(the complaint's `_id`),
 *                                                     so the id names no tracking number
 *   unit-profile:<UNIT>        national-unit-profile  the unit's public name and contact
 *   units                      national-units         the units the projector follows (server admins write it)
 *   checkpoint:<UNIT>          national-checkpoint    how far the projector has read a unit's changes
 *   compaction-pending         national-compaction    old revisions that held text, until compaction removed them
 *
 * A complaint's projection has two forms, by its privacy mode as now in effect (after any
 * privacy-change event):
 *   - named and anonymous: unit, tracking number, channel, category, report type, status, stage
 *     instants, office, satisfaction score, title and chronology (as corrected);
 *   - confidential (docs/central.md, national database: "only as counts"): unit, month received, channel, category
 *     (a code of the vocabulary, else `other`), status and the stage instants after receipt. No
 *     text, no tracking number, no office, no exact receipt time.
 * Neither form ever holds the reporter's identity, files or file names, locations, officers'
 * names or the text of any event.
 */
import { z } from 'zod';
import {
  CATEGORY_CODE_PATTERN,
  CHANNELS,
  COMPLAINT_STATUSES,
  ENTITY_TYPES,
  REPORT_TYPES,
} from '../complaint/vocabulary';
import { isCanonicalTrackingNumber, isValidUnitCode } from '../ids/tracking-number';
import { isIsoInstant } from '../time/iso-instant';

export const NATIONAL_SCHEMA_VERSION = 1;
export const NATIONAL_COMPLAINT_PREFIX = 'complaint:';
export const NATIONAL_UNIT_PROFILE_PREFIX = 'unit-profile:';
export const NATIONAL_CHECKPOINT_PREFIX = 'checkpoint:';
export const NATIONAL_COMPACTION_ID = 'compaction-pending';
/** Hex digits of SHA-256(complaint `_id`) in a national complaint id (128 bits). */
export const NATIONAL_HASH_DIGITS = 32;
/** The longest category code a confidential projection carries. */
export const CATEGORY_CODE_MAX = 40;

export const NATIONAL_TYPES = [
  'national-complaint',
  'national-unit-profile',
  'national-units',
  'national-checkpoint',
  'national-compaction',
  // The national calendar of a year, written by `central calendar import` (../calendar/national-calendar).
  'national-calendar',
] as const;
export type NationalType = (typeof NATIONAL_TYPES)[number];

/** The stages a confidential projection carries: every one of ComplaintStages but the receipt instant. */
export const CONFIDENTIAL_STAGE_KEYS = [
  'verifiedAt',
  'disposedAt',
  'followedUpAt',
  'answeredAt',
  'closedAt',
  'archivedAt',
  'forwardedAt',
] as const;
export const STAGE_KEYS = ['receivedAt', ...CONFIDENTIAL_STAGE_KEYS] as const;

const unitCodeSchema = z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' });
const instantSchema = z.string().refine(isIsoInstant, { message: 'validation.invalid' });
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const revisionFields = { _rev: z.string().optional() };
const base = {
  ...revisionFields,
  schemaVersion: z.literal(NATIONAL_SCHEMA_VERSION),
  unitCode: unitCodeSchema,
};
const complaintIdSchema = z.string().regex(/^complaint:[A-Z2-9]{2,10}:[0-9a-f]{32}$/);

const confidentialStagesSchema = z
  .object(Object.fromEntries(CONFIDENTIAL_STAGE_KEYS.map((key) => [key, instantSchema.optional()])))
  .strict();
const openStagesSchema = confidentialStagesSchema.extend({ receivedAt: instantSchema }).strict();

const complaintCommon = {
  _id: complaintIdSchema,
  ...base,
  type: z.literal('national-complaint'),
  receivedMonth: monthSchema,
  channel: z.enum(CHANNELS),
  status: z.enum(COMPLAINT_STATUSES),
};

/** A confidential complaint nationally: counts only. */
export const nationalConfidentialComplaintSchema = z
  .object({
    ...complaintCommon,
    privacyMode: z.literal('confidential'),
    category: z.string().max(CATEGORY_CODE_MAX).regex(CATEGORY_CODE_PATTERN),
    stages: confidentialStagesSchema,
  })
  .strict();
export type NationalConfidentialComplaint = Readonly<{
  _id: string;
  _rev?: string;
  type: 'national-complaint';
  schemaVersion: typeof NATIONAL_SCHEMA_VERSION;
  unitCode: string;
  privacyMode: 'confidential';
  receivedMonth: string;
  channel: (typeof CHANNELS)[number];
  category: string;
  status: (typeof COMPLAINT_STATUSES)[number];
  stages: Readonly<Partial<Record<(typeof CONFIDENTIAL_STAGE_KEYS)[number], string>>>;
}>;

/** A named or anonymous complaint nationally. */
export const nationalOpenComplaintSchema = z
  .object({
    ...complaintCommon,
    privacyMode: z.enum(['named', 'anonymous']),
    trackingNumber: z.string().refine(isCanonicalTrackingNumber, { message: 'validation.invalid' }),
    category: z.string().min(1),
    reportType: z.enum(REPORT_TYPES),
    stages: openStagesSchema,
    office: z.string().min(1).nullable(),
    satisfactionScore: z.number().int().min(1).max(5).nullable(),
    title: z.string().min(1),
    chronology: z.string().min(1),
  })
  .strict();
export type NationalOpenComplaint = Readonly<
  Omit<NationalConfidentialComplaint, 'privacyMode' | 'stages'> & {
    privacyMode: 'named' | 'anonymous';
    trackingNumber: string;
    reportType: (typeof REPORT_TYPES)[number];
    stages: Readonly<{ receivedAt: string } & NationalConfidentialComplaint['stages']>;
    office: string | null;
    satisfactionScore: number | null;
    title: string;
    chronology: string;
  }
>;

export const nationalComplaintSchema = z.union([
  nationalConfidentialComplaintSchema,
  nationalOpenComplaintSchema,
]);
export type NationalComplaint = NationalConfidentialComplaint | NationalOpenComplaint;

/** A unit's public profile nationally (what its receipts print): no officer, no settings. */
export const nationalUnitProfileSchema = z
  .object({
    _id: z.string().regex(/^unit-profile:[A-Z2-9]{2,10}$/),
    ...base,
    type: z.literal('national-unit-profile'),
    unitName: z.string().min(1).max(200),
    agency: z.string().min(1).max(200),
    entityType: z.enum(ENTITY_TYPES),
    contact: z.string().min(1).max(200),
    address: z.string().max(300),
  })
  .strict();
export type NationalUnitProfile = z.infer<typeof nationalUnitProfileSchema>;

/** The units the projector follows, sorted; written by `central national` (server admins). */
export const nationalUnitsSchema = z
  .object({
    _id: z.literal('units'),
    ...revisionFields,
    type: z.literal('national-units'),
    schemaVersion: z.literal(NATIONAL_SCHEMA_VERSION),
    units: z.array(unitCodeSchema),
  })
  .strict();
export type NationalUnits = z.infer<typeof nationalUnitsSchema>;

/** How far the projector has read one unit database's changes feed (CouchDB's opaque `seq`). */
export const nationalCheckpointSchema = z
  .object({
    _id: z.string().regex(/^checkpoint:[A-Z2-9]{2,10}$/),
    ...base,
    type: z.literal('national-checkpoint'),
    since: z.string().min(1).max(2000),
  })
  .strict();
export type NationalCheckpoint = z.infer<typeof nationalCheckpointSchema>;

/**
 * Revisions of national complaint documents that held text before the complaint turned
 * confidential, kept until a compaction of the national database has removed their bodies.
 */
export const nationalCompactionSchema = z
  .object({
    _id: z.literal(NATIONAL_COMPACTION_ID),
    ...revisionFields,
    type: z.literal('national-compaction'),
    schemaVersion: z.literal(NATIONAL_SCHEMA_VERSION),
    pending: z.array(z.object({ id: complaintIdSchema, rev: z.string().min(1).max(200) }).strict()),
  })
  .strict();
export type NationalCompaction = z.infer<typeof nationalCompactionSchema>;

export function nationalUnitProfileId(unitCode: string): string {
  return `${NATIONAL_UNIT_PROFILE_PREFIX}${unitCode}`;
}

export function nationalCheckpointId(unitCode: string): string {
  return `${NATIONAL_CHECKPOINT_PREFIX}${unitCode}`;
}
