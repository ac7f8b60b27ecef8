/**
 * The fixed vocabularies and limits of workflow events, as codes (the UI holds the words).
 */

/** Free text a person writes on an event (a note, a summary, a reason, an outcome). */
export const NOTE_MAX = 4000;
/** The name of an office or of another body. */
export const NAME_MAX = 200;
/** A report's id in SP4N-LAPOR! (its own number, given when the report is entered there). */
export const LAPOR_ID_MAX = 64;
/** The name of an exported file. */
export const FILE_NAME_MAX = 255;

/**
 * Why a complaint is archived. SP4N-LAPOR! archives reports of the wrong format, too general, or
 * not about public service (docs/domain.md, 'Workflow'); Meja Aduan adds "duplicate of another complaint"
 * (the tracking number is recorded) and "other" (with a text).
 */
export const ARCHIVE_REASONS = [
  'wrong-format',
  'too-general',
  'not-public-service',
  'duplicate',
  'other',
] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

/**
 * Why a complainant's identity was deleted by the app itself (an `identity-deleted` event): the
 * unit's retention period after closure ended (../retention/identity-retention).
 */
export const IDENTITY_DELETION_REASONS = ['retention'] as const;
export type IdentityDeletionReason = (typeof IDENTITY_DELETION_REASONS)[number];

/** How an answer reached the complainant. */
export const RESPONSE_CHANNELS = ['phone', 'letter', 'email', 'whatsapp', 'in-person'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

/** How a satisfaction rating was collected. */
export const SATISFACTION_SOURCES = ['phone', 'in-person', 'form', 'whatsapp', 'email', 'other'] as const;
export type SatisfactionSource = (typeof SATISFACTION_SOURCES)[number];

/** A satisfaction score is a whole number from 1 (very dissatisfied) to 5 (very satisfied). */
export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;

/**
 * The complaint fields a correction event may change. The complaint document is never edited
 * (docs/decisions/001-append-only-events.md): the corrected value is an overlay derived from the
 * events. The verifier may rewrite the title as a summary (SP4N-LAPOR!). Identity fields are not here:
 * they live in the mutable reporter document.
 */
export const CORRECTABLE_FIELDS = [
  'title',
  'chronology',
  'incidentDate',
  'location',
  'category',
  'targetOffice',
  'reportType',
  'channel',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export function isCorrectableField(value: unknown): value is CorrectableField {
  return typeof value === 'string' && (CORRECTABLE_FIELDS as readonly string[]).includes(value);
}
