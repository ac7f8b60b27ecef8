/**
 * Limits on what a complaint may hold. Sources: docs/domain.md, 'Complaints and intake' (fields
 * and the 30-day rule of Perpres 76/2013); the sizes are Meja Aduan's own choices, to keep a unit
 * database that replicates over slow links small.
 */

/** The title is a one-line summary; the verifier may rewrite it (SP4N-LAPOR!). */
export const TITLE_MAX = 150;
/**
 * The chronology is the body of the complaint. Officers paste what the complainant brought: a
 * letter (a few pages, 2,000–3,000 characters a page) or a WhatsApp or e-mail thread copied whole,
 * which runs to tens of thousands of characters; 10,000 cut such threads off. 50,000 characters
 * (some 20 pages of a letter) holds them, while a complaint document stays well under 200 kB even
 * in the widest UTF-8, small next to the 10 MB a single attachment may be. The same number is the
 * intake check, the zod document schema, the central server's JSON Schema (derived from it,
 * shared/couch/document-json-schemas), corrections of the chronology, and the national database.
 */
export const CHRONOLOGY_MAX = 50_000;
export const LOCATION_MAX = 300;
/**
 * A category is a line of the unit's list or a short phrase typed instead (the list's longest
 * entries are under 60 characters). Checked at intake; the document schema does not limit it, so that
 * complaints stored before the check stay readable.
 */
export const CATEGORY_MAX = 120;
export const TARGET_OFFICE_MAX = 200;
export const REPORTER_NAME_MAX = 150;
export const REPORTER_ADDRESS_MAX = 500;
/** RFC 5321 limit on a forward path. */
export const EMAIL_MAX = 254;

/**
 * Perpres 76/2013: a complaint may be made up to 30 days after the service. Older incidents only
 * give a warning: the officer may still record the complaint.
 */
export const LATE_COMPLAINT_DAYS = 30;

export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_TOTAL_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const BYTES_PER_MB = 1024 * 1024;
