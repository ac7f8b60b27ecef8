/**
 * The unit's `unit-key:<version>` documents in its database (shared/crypto/unit-key-document): which
 * key versions exist and their fingerprints. Read to check a key before it is installed; written
 * once when a version is created.
 */
import {
  UNIT_KEY_ID_PREFIX,
  unitKeyDocSchema,
  versionOf,
  type UnitKeyDoc,
} from '../../../shared/crypto/unit-key-document';
import type { UnitDatabase } from '../data/database';
import type { ExpectedKey } from './unit-keyring';

/** Every well-formed `unit-key` document the database holds (the winners), oldest version first. */
export async function readUnitKeyDocs(db: UnitDatabase): Promise<UnitKeyDoc[]> {
  const result = await db.allDocs({
    startkey: UNIT_KEY_ID_PREFIX,
    endkey: `${UNIT_KEY_ID_PREFIX}\ufff0`,
    include_docs: true,
  });
  const docs: UnitKeyDoc[] = [];
  for (const row of result.rows) {
    const parsed = unitKeyDocSchema.safeParse(row.doc);
    if (parsed.success) docs.push(parsed.data);
  }
  return docs.sort((a, b) => versionOf(a) - versionOf(b));
}

/** What the unit says each key version is. */
export async function knownKeys(db: UnitDatabase): Promise<ExpectedKey[]> {
  return (await readUnitKeyDocs(db)).map((doc) => ({
    version: versionOf(doc),
    fingerprint: doc.fingerprint,
  }));
}

/** Writes a new `unit-key` document (its first revision); a 409 when one of that version exists. */
export async function writeUnitKeyDoc(db: UnitDatabase, doc: UnitKeyDoc): Promise<void> {
  await db.put(doc);
}

/** What the unit says key `version` is (its `unit-key:<version>` document), once it is here. */
export async function expectedKey(db: UnitDatabase, version: number): Promise<ExpectedKey | undefined> {
  return (await knownKeys(db)).find((entry) => entry.version === version);
}
