/**
 * Content-addressed ids of the immutable documents (complaints and events): each id ends with
 * `:<H>`, where H is the SHA-256 (64 lowercase hex digits) of the document's canonical body, and
 * the document is stored under exactly one revision, `1-<H>`. docs/decisions/007-content-addressed-records.md
 * says why: on CouchDB a replication write with a disjoint history reaches `validate_doc_update`
 * with `oldDoc = null`, so a validator that compares with the stored document cannot stop a forged
 * sibling revision. With the id and the only allowed revision both committed to the content,
 * there is no other content, and no other revision, that the server (shared/couch/
 * validate-doc-update-source.ts recomputes H in ES5) or a device (`verifyImmutable`) accepts.
 *
 * Canonical body: every field whose name does not start with `_` (so not `_id`, `_rev`,
 * `_revisions`, `_attachments`, `_conflicts`, ...), objects with keys in code-unit order,
 * arrays in order, strings and numbers as JSON.stringify writes them, no white space; hashed as
 * UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder does). The validator builds the same text
 * by the same rules; shared/couch/content-hash.test.ts checks both agree on random documents.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Length of the content hash at the end of an immutable id. */
export const CONTENT_HASH_LENGTH = 64;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Canonical JSON text of `value` (see the module comment); throws on values JSON cannot hold. */
export function canonicalText(value: unknown): string {
  // Numbers as JSON.stringify writes them (NaN and ±Infinity as null, as the ES5 validator does too).
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'string' ||
    typeof value === 'number'
  ) {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const parts = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalText(record[key])}`);
    return `{${parts.join(',')}}`;
  }
  throw new TypeError(`canonicalText: not a JSON value: ${typeof value}`);
}

/** The document's own fields: everything but the `_`-prefixed bookkeeping. */
export function documentBody(doc: object): Record<string, unknown> {
  const record = doc as Readonly<Record<string, unknown>>;
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (!key.startsWith('_')) body[key] = record[key];
  return body;
}

/** H: the SHA-256 of the canonical body, 64 lowercase hex digits. */
export function contentHash(doc: object): string {
  return bytesToHex(sha256(new TextEncoder().encode(canonicalText(documentBody(doc)))));
}

/** The hash at the end of an immutable id (`…:<64 hex>`), or null. */
export function hashOfId(id: string): string | null {
  const hash = id.slice(-CONTENT_HASH_LENGTH);
  return id.charAt(id.length - CONTENT_HASH_LENGTH - 1) === ':' && HASH_PATTERN.test(hash) ? hash : null;
}

/** The id without its `:<hash>` tail (the part built from the document's fields). */
export function baseOfId(id: string): string {
  return hashOfId(id) === null ? id : id.slice(0, -(CONTENT_HASH_LENGTH + 1));
}

export type Sealed<T> = T & Readonly<{ _id: string; _rev: string }>;

/**
 * `doc` under its content-addressed id `<baseId>:<H>` and its only revision `1-<H>`. Write it with
 * `new_edits: false` (PouchDB `bulkDocs(docs, { new_edits: false })`), so every copy on every
 * device and on the server has that revision.
 */
export function sealImmutable<T extends Readonly<Record<string, unknown>>>(
  doc: T,
  baseId: string,
): Sealed<T> {
  const hash = contentHash(doc);
  return { ...doc, _id: `${baseId}:${hash}`, _rev: `1-${hash}` };
}

/** The revision history PouchDB and CouchDB expect with `new_edits: false` for a sealed document. */
export function sealedRevisions(doc: Readonly<{ _rev: string }>): Readonly<{ start: 1; ids: [string] }> {
  return { start: 1, ids: [doc._rev.slice(2)] };
}

export type ImmutableCheck = 'ok' | 'wrong-revision' | 'wrong-content' | 'no-hash';

/**
 * Whether a stored immutable document is the one its id names: its revision is `1-<H>` and its
 * content hashes to H. Anything else was forged or damaged (a sibling revision written with a
 * disjoint history, a tampered backup).
 */
export function verifyImmutable(
  doc: Readonly<Record<string, unknown>> & Readonly<{ _id: string }>,
): ImmutableCheck {
  const hash = hashOfId(doc._id);
  if (hash === null) return 'no-hash';
  if (doc._rev !== undefined && doc._rev !== `1-${hash}`) return 'wrong-revision';
  return contentHash(doc) === hash ? 'ok' : 'wrong-content';
}
