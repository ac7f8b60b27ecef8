/**
 * Why the central server refused a document. The validator in every unit database
 * (./validate-doc-update-source) throws `{forbidden: '<code>: <English sentence>'}`; CouchDB
 * answers the write with HTTP 403 `{error: 'forbidden', reason}` (per document in `_bulk_docs`,
 * and as a `denied` event in PouchDB replication). The code prefix is stable, so the app can show
 * its own words for it; the sentence is for logs and administrators.
 */

export const REJECTION_CODES = [
  /** The document does not match the schema of its `type`, or its `_id` does not fit the type. */
  'schema',
  /** A complaint or event document was changed or deleted (they are append-only). */
  'immutable',
  /** The document belongs to another unit, or the user does not hold this unit's role. */
  'unit',
  /** Only server admins write design documents. */
  'design',
  /** The database's design document is broken (its validation settings are missing). */
  'server',
  /** The national database refused a document that must never leave a unit (identity, files). */
  'privacy',
  /**
   * The document names another device than the one signed in (a device writes only as itself: a
   * record's `deviceCode`, a mutable document's `lastChangedBy.device`), or a mutable document names
   * none, or the user is not a device of the unit (docs/decisions/014-device-accounts.md).
   */
  'device',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type Rejection = Readonly<{ code: RejectionCode; message: string }>;

/** The code and sentence of a `forbidden` reason written by the validator, or null for any other reason. */
export function parseRejection(reason: string): Rejection | null {
  const colon = reason.indexOf(': ');
  if (colon < 0) return null;
  const code = REJECTION_CODES.find((known) => known === reason.slice(0, colon));
  return code ? { code, message: reason.slice(colon + 2) } : null;
}
