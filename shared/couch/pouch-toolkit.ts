/**
 * The one PouchDB toolkit: how a refused read or write is recognised, how a bulk write is checked,
 * and a read that answers `undefined` for a missing document. Used by the renderer's storage
 * (renderer/core/data), tests and benchmarks alike instead of hand-written copies.
 *
 * Only structural types: shared/ imports no PouchDB, and the same checks fit CouchDB's HTTP bodies.
 */

/** The HTTP-like status PouchDB and CouchDB put on a refusal (`error.status`), if any. */
export function errorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** The document (or database) does not exist, or is deleted: 404. */
export function isNotFound(error: unknown): boolean {
  return errorStatus(error) === 404;
}

/** The write names a revision that is no longer the current one, or the document exists: 409. */
export function isConflict(error: unknown): boolean {
  return errorStatus(error) === 409;
}

/** One row of a `bulkDocs` answer: a stored document or a refusal. */
export type BulkResult = Readonly<{ ok?: boolean; error?: unknown; message?: unknown; status?: unknown }>;

/** The refused rows of a `bulkDocs` answer. */
export function bulkFailures<R extends BulkResult>(results: readonly R[]): R[] {
  return results.filter((result) => 'error' in result && Boolean(result.error));
}

/** An Error for a refused bulk row, carrying its `status` (so isConflict/isNotFound work on it). */
export function bulkError(failed: BulkResult, context = ''): Error {
  const message = typeof failed.message === 'string' && failed.message ? failed.message : 'write refused';
  const error = new Error(context ? `${message} ${context}` : message);
  return typeof failed.status === 'number' ? Object.assign(error, { status: failed.status }) : error;
}

/**
 * Throws unless every row of a `bulkDocs` answer was stored: the first refusal's message (and
 * status), followed by `context` when given (e.g. how many were stored before it).
 */
export function assertBulkWritten(results: readonly BulkResult[], context = ''): void {
  const failed = bulkFailures(results)[0];
  if (failed) throw bulkError(failed, context);
}

/** How many rows of a `bulkDocs` answer were stored. */
export function bulkStored(results: readonly BulkResult[]): number {
  return results.filter((result) => 'ok' in result && result.ok === true).length;
}

/**
 * The document a read (`db.get(id, …)`) resolves to, or undefined when it does not exist (any other
 * failure is thrown): `await getOrUndefined(db.get<UnitProfile>(UNIT_PROFILE_ID))`.
 */
export async function getOrUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
