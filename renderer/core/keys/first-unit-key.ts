/**
 * Version 1 of a unit's key, made by the one device that may (docs/decisions/017-unit-key.md,
 * "Creating the key"): a new unit's first device at set-up, or, for a unit set up before the unit
 * key existed, the first device where an officer signs in while the unit has no `unit-key`
 * document and no officer holds a copy on that device.
 *
 * Two upgraded devices of one unit may both find no key. When sync is configured the
 * `unit-key:1` document is therefore created straight on the central first (a plain PUT, not a
 * replication): the central accepts the first and answers 409 to every other, so exactly one key
 * becomes the unit's; the loser makes nothing, and receives the key from an officer of the winning
 * device (a transfer code). The winner then stores the document locally with the central's
 * revision, so replication finds one revision, not two. When the central cannot be asked (offline,
 * sync not running yet) no key is made now: the next sign-in tries again. Only a unit with no
 * central configured writes the document locally alone.
 */
import { createUnitKey, type UnitKey } from '../../../shared/crypto/unit-key';
import { newUnitKeyDoc, type UnitKeyDoc } from '../../../shared/crypto/unit-key-document';
import type { ChangedBy } from '../../../shared/unit/changed-by';
import { assertBulkWritten, isConflict } from '../../../shared/couch/pouch-toolkit';
import type { UnitDatabase } from '../data/database';

/**
 * A document created on the central directly: `created` with the central's revision; `exists`
 * (409: another device made it first); `unreachable` (offline, sync configured but not running, a
 * refusal or server error); `not-configured` (this device does not sync).
 */
export type CentralCreate =
  | Readonly<{ status: 'created'; rev: string }>
  | Readonly<{ status: 'exists' | 'unreachable' | 'not-configured' }>;

export type CreateOnCentral = (doc: UnitKeyDoc) => Promise<CentralCreate>;

/** The new key once it is the unit's (its document stored here), or undefined when none was made. */
export async function createFirstUnitKey(
  db: UnitDatabase,
  unitCode: string,
  by: ChangedBy,
  now: Date,
  createOnCentral: CreateOnCentral,
  newKey: (version: number) => Promise<UnitKey> = createUnitKey,
): Promise<UnitKey | undefined> {
  const key = await newKey(1);
  const doc = newUnitKeyDoc(unitCode, key, now, by);
  const central = await createOnCentral(doc);
  if (central.status === 'created') {
    assertBulkWritten(await db.bulkDocs([{ ...doc, _rev: central.rev }], { new_edits: false }));
    return key;
  }
  if (central.status !== 'not-configured') return undefined;
  try {
    await db.put(doc);
  } catch (error) {
    if (isConflict(error)) return undefined;
    throw error;
  }
  return key;
}
