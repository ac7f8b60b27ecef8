/**
 * Rotating the unit key (docs/decisions/022-unit-key-recovery.md, "Rotation"):
 *
 * - `rotateUnitKey`: a manager's device makes version n+1, wraps it under n (shared/crypto/
 *   key-chain) and announces it in the write-once `unit-key:<n+1>` document, straight on the central
 *   first when sync is configured (409: another device rotated first; ./first-unit-key's rule), and
 *   installs it: new seals use it from now on.
 * - `followKeyChain`: every device installs each newer version whose chain a version it holds opens
 *   (after an unlock, and whenever a `unit-key` document arrives), checked against the fingerprint
 *   its document announces. No transfer code is needed.
 * - `rewrapReporters`: in the background, every reporter document whose seal names an older version
 *   gets a new revision whose data key is re-wrapped under the newest version (only the wrapped key
 *   and the version change; the ciphertext stays). Batches of 50 with progress; resumable, because
 *   each pass looks for what is left; idempotent, because AES-KW is deterministic: two devices
 *   re-wrapping one document write the same seal, and revisions in conflict that differ only in who
 *   wrote them (`lastChangedBy`) are closed here, keeping the winner.
 */
import { chainUnwrap, chainWrap } from '../../../shared/crypto/key-chain';
import { rewrapIdentity, sealedIdentitySchema } from '../../../shared/crypto/reporter-seal';
import type { UnitKey } from '../../../shared/crypto/unit-key';
import { newUnitKeyDoc, versionOf } from '../../../shared/crypto/unit-key-document';
import { SEALED_REPORTER_SCHEMA_VERSION } from '../../../shared/complaint/sealed-reporter';
import { canonicalJson } from '../../../shared/couch/canonical-json';
import { assertBulkWritten, isConflict } from '../../../shared/couch/pouch-toolkit';
import { HIGH_SENTINEL, REPORTER_ID_PREFIX } from '../../../shared/ids/document-ids';
import type { ChangedBy } from '../../../shared/unit/changed-by';
import type { UnitDatabase } from '../data/database';
import type { CreateOnCentral } from './first-unit-key';
import { readUnitKeyDocs } from './unit-key-documents';
import type { UnitKeyring } from './unit-keyring';

export type RotateOutcome =
  | Readonly<{ ok: true; version: number }>
  /** `exists`: another device made that version first (its key arrives by the chain); `unreachable`: the central could not be asked. */
  | Readonly<{ ok: false; reason: 'no-key' | 'exists' | 'unreachable' }>;

/** Makes, announces and installs version n+1 (see the module's comment). */
export async function rotateUnitKey(
  input: Readonly<{
    db: UnitDatabase;
    keyring: UnitKeyring;
    unitCode: string;
    by: ChangedBy;
    now: Date;
    createOnCentral: CreateOnCentral;
    newKey: (version: number) => Promise<UnitKey>;
  }>,
): Promise<RotateOutcome> {
  if (!input.keyring.isUnlocked()) return { ok: false, reason: 'no-key' };
  await followKeyChain(input.db, input.keyring);
  const announced = await readUnitKeyDocs(input.db);
  const current = input.keyring.current();
  const newest = Math.max(current.version, ...announced.map((doc) => versionOf(doc)));
  // Another device rotated and its chain does not open here: do not fork the versions.
  if (newest > current.version) return { ok: false, reason: 'exists' };
  const key = await input.newKey(current.version + 1);
  const doc = newUnitKeyDoc(input.unitCode, key, input.now, input.by, await chainWrap(current, key));
  const central = await input.createOnCentral(doc);
  if (central.status === 'created') {
    assertBulkWritten(await input.db.bulkDocs([{ ...doc, _rev: central.rev }], { new_edits: false }));
  } else if (central.status === 'not-configured') {
    try {
      await input.db.put(doc);
    } catch (error) {
      if (isConflict(error)) return { ok: false, reason: 'exists' };
      throw error;
    }
  } else {
    return { ok: false, reason: central.status };
  }
  const installed = input.keyring.install(key, key);
  if (!installed.ok) throw new Error(`The new unit key could not be installed: ${installed.problem}`);
  return { ok: true, version: key.version };
}

/** Installs every newer version a held version's chain opens; returns the versions added. */
export async function followKeyChain(db: UnitDatabase, keyring: UnitKeyring): Promise<number[]> {
  if (!keyring.isUnlocked()) return [];
  const added: number[] = [];
  for (const doc of await readUnitKeyDocs(db)) {
    const version = versionOf(doc);
    if (keyring.byVersion(version) || !doc.chain) continue;
    const from = keyring.byVersion(doc.chain.fromVersion);
    if (!from) continue;
    const key = await chainUnwrap(from, doc.chain, version, doc.fingerprint);
    if (key && keyring.install(key, { version, fingerprint: doc.fingerprint }).ok) added.push(version);
  }
  return added;
}

/** How far a re-wrap pass got: documents moved to the newest version, of those that needed it. */
export type RewrapProgress = Readonly<{ done: number; total: number }>;

type StoredReporter = Readonly<Record<string, unknown>> &
  Readonly<{ _id: string; _rev: string; _conflicts?: string[]; identity?: unknown; schemaVersion?: unknown }>;

/** The fields that say who wrote a revision, or are PouchDB's: twins may differ only in these. */
function content(doc: Readonly<Record<string, unknown>>): string {
  const { _rev: _r, _conflicts: _c, _revisions: _h, lastChangedBy: _by, ...rest } = doc;
  return canonicalJson(rest);
}

/** Closes revisions in conflict with the winner that differ from it only in who wrote them. */
async function closeTwins(db: UnitDatabase, doc: StoredReporter): Promise<void> {
  const twins: string[] = [];
  for (const rev of doc._conflicts ?? []) {
    const other = (await db.get(doc._id, { rev })) as unknown as Record<string, unknown>;
    if (content(other) === content(doc)) twins.push(rev);
  }
  if (twins.length === 0) return;
  await db.bulkDocs(twins.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })));
}

/**
 * Re-wraps every reporter document sealed under an older version than the keyring's newest, in
 * batches; a document changed meanwhile (409) is left for the next pass. Returns the progress.
 */
export async function rewrapReporters(
  db: UnitDatabase,
  keyring: UnitKeyring,
  by: () => ChangedBy,
  onProgress: (progress: RewrapProgress) => void = () => undefined,
  batch = 50,
): Promise<RewrapProgress> {
  if (!keyring.isUnlocked()) return { done: 0, total: 0 };
  const newest = keyring.current().version;
  const to = await keyring.purposeKey('reporter-seal', newest);
  const result = await db.allDocs({
    startkey: REPORTER_ID_PREFIX,
    endkey: `${REPORTER_ID_PREFIX}${HIGH_SENTINEL}`,
    include_docs: true,
    conflicts: true,
  });
  const docs = result.rows.flatMap((row) =>
    'doc' in row && row.doc ? [row.doc as unknown as StoredReporter] : [],
  );
  for (const doc of docs) if ((doc._conflicts?.length ?? 0) > 0) await closeTwins(db, doc);
  const stale = docs.filter((doc) => {
    if (doc.schemaVersion !== SEALED_REPORTER_SCHEMA_VERSION) return false;
    const seal = sealedIdentitySchema.safeParse(doc.identity);
    return (
      seal.success && seal.data.keyVersion < newest && keyring.byVersion(seal.data.keyVersion) !== undefined
    );
  });
  const total = stale.length;
  let done = 0;
  onProgress({ done, total });
  for (let start = 0; start < stale.length; start += batch) {
    const writes: object[] = [];
    for (const doc of stale.slice(start, start + batch)) {
      const seal = sealedIdentitySchema.parse(doc.identity);
      const from = await keyring.purposeKey('reporter-seal', seal.keyVersion);
      const identity = await rewrapIdentity(from, to, seal);
      if (!identity) continue;
      const { _conflicts: _ignored, ...stored } = doc;
      writes.push({ ...stored, identity, lastChangedBy: by() });
    }
    const written = await db.bulkDocs(writes);
    done += written.filter((entry) => 'ok' in entry && entry.ok).length;
    onProgress({ done, total });
  }
  return { done, total };
}
