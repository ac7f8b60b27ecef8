/**
 * Moving the unit key to a device of the unit that lacks it (docs/decisions/018-unit-key-transfer.md).
 *
 * On a manager's device with the key unlocked, `create` writes a `key-transfer:<id>` document
 * (shared/enrolment/key-transfer-document: every key version held, wrapped under a one-time code)
 * and returns the code to show; `cancel` deletes it. On the device without the key, `receive`
 * reads the code, waits until such a document has arrived by sync, opens it, checks each key
 * against the unit's `unit-key:<version>` fingerprint, installs the keys in the keyring, keeps them
 * wrapped for the officer signed in here, and deletes the transfer document. Every device deletes
 * the expired transfer documents it meets.
 *
 * Waiting is by state, never by time: the documents are read again whenever a transfer document
 * changes in the unit database or the sync status changes. A code is judged wrong only when
 * transfer documents are there, none opens with it, and sync had caught up when they were read
 * (so one still on its way is not mistaken for a wrong code). Five wrong codes in a row lock the
 * field for 15 minutes on this device (shared/auth/sign-in-lock's rule, kept in Dexie so a reload
 * does not reset it); a typo the check character catches does not count.
 */
import { afterFailure, isLocked, NO_LOCK } from '../../../shared/auth/sign-in-lock';
import { HIGH_SENTINEL } from '../../../shared/ids/document-ids';
import type { UnitKey } from '../../../shared/crypto/unit-key';
import {
  KEY_TRANSFER_ID_PREFIX,
  createKeyTransfer,
  isKeyTransferExpired,
  keyTransferDocSchema,
  openKeyTransfer,
  type KeyTransferDoc,
} from '../../../shared/enrolment/key-transfer-document';
import { parseTransferCode } from '../../../shared/enrolment/transfer-code';
import type { MessageKey, MessageParams } from '../../../shared/messages/validation-messages';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import type { UnitDatabase } from '../data/database';
import type { ExpectedKey, UnitKeyring } from '../keys/unit-keyring';
import { changedBy, type CoreDeps } from './core-deps';

/** What the transfer needs of the unit key's part of the core. */
export type KeyTransferKeys = Readonly<{
  keyring: UnitKeyring;
  /** The unit's public fingerprint of `version` (its `unit-key:<version>` document), once synced here. */
  expected: (version: number) => Promise<ExpectedKey | undefined>;
  /** After keys were installed: keep them wrapped for the officer signed in here. */
  keepForOfficer: () => Promise<void>;
}>;

export type KeyTransferCode = Readonly<{ id: string; code: string; createdAt: string; expiresAt: string }>;

export type CreateKeyTransferOutcome =
  | Readonly<{ ok: true; transfer: KeyTransferCode }>
  /** `not-allowed`: only a manager; `no-key`: this device has no unlocked unit key to give. */
  | Readonly<{ ok: false; reason: 'not-allowed' | 'no-key' }>;

export type KeyTransferProblem = Readonly<{ key: MessageKey; params?: MessageParams }>;

export type ReceiveKeyTransferOutcome =
  | Readonly<{ ok: true; versions: readonly number[] }>
  | Readonly<{ ok: false; problem: KeyTransferProblem }>
  | Readonly<{ ok: false; cancelled: true }>;

/** What `receive` is doing, for the screen: waiting for sync (with its state) or checking a document. */
export type KeyTransferProgress =
  Readonly<{ phase: 'waiting'; sync: SyncStatus['state'] }> | Readonly<{ phase: 'checking' }>;

export type ReceiveKeyTransferOptions = Readonly<{
  signal?: AbortSignal;
  onProgress?: (progress: KeyTransferProgress) => void;
}>;

/** The unit's `unit-key:<version>` documents (their arrival may be what a transfer waits for). */
const UNIT_KEY_ID_PREFIX = 'unit-key:';

async function transferDocs(db: UnitDatabase): Promise<KeyTransferDoc[]> {
  const result = await db.allDocs({
    startkey: KEY_TRANSFER_ID_PREFIX,
    endkey: `${KEY_TRANSFER_ID_PREFIX}${HIGH_SENTINEL}`,
    include_docs: true,
  });
  return result.rows.flatMap((row) => {
    if (!('doc' in row) || !row.doc) return [];
    const parsed = keyTransferDocSchema.safeParse(row.doc);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Deletes a transfer document (a bare tombstone); one deleted or changed meanwhile is left. */
async function remove(db: UnitDatabase, doc: Pick<KeyTransferDoc, '_id' | '_rev'>): Promise<void> {
  if (doc._rev === undefined) return;
  try {
    await db.bulkDocs([{ _id: doc._id, _rev: doc._rev, _deleted: true }]);
  } catch {
    // Another device deleted it first: nothing to do.
  }
}

/**
 * Resolves at the next change of a transfer document, or when the sync status is no longer `seen`
 * (the state the caller judged by: a change while it was checking resolves at once), or when aborted.
 */
function nextChange(
  deps: CoreDeps,
  db: UnitDatabase,
  seen: SyncStatus['state'],
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve) => {
    const changes = db.changes({ since: 'now', live: true });
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      stopStore();
      changes.cancel();
      signal?.removeEventListener('abort', finish);
      resolve();
    };
    const stopStore = deps.store.subscribe((state) => {
      if (state.syncStatus.state !== seen) finish();
    });
    void changes.on('change', (change: { id: string }) => {
      if (change.id.startsWith(KEY_TRANSFER_ID_PREFIX) || change.id.startsWith(UNIT_KEY_ID_PREFIX)) finish();
    });
    void changes.on('error', finish);
    signal?.addEventListener('abort', finish);
    if (signal?.aborted || deps.store.getState().syncStatus.state !== seen) finish();
  });
}

export function createKeyTransferUseCases(
  deps: CoreDeps,
  keys: KeyTransferKeys,
  options: Readonly<{ iterations?: number }> = {},
) {
  const db = (): UnitDatabase => deps.records.current().db;

  /** Deletes every expired transfer document this device sees. */
  const sweep = async (): Promise<void> => {
    const now = deps.now();
    for (const doc of await transferDocs(db())) if (isKeyTransferExpired(doc, now)) await remove(db(), doc);
  };

  const lock = () => deps.deviceStore.keyTransferLock();

  const failed = async (): Promise<KeyTransferProblem> => {
    const next = afterFailure(await lock(), deps.now());
    await deps.deviceStore.setKeyTransferLock(next.lock);
    return next.locked && next.lock.lockedUntil
      ? { key: 'keyTransfer.code.locked', params: { until: next.lock.lockedUntil } }
      : { key: 'keyTransfer.code.wrong' };
  };

  /** Installs opened keys after checking each against the unit's fingerprint ('waiting': one is not synced yet). */
  const install = async (opened: readonly UnitKey[]): Promise<'installed' | 'waiting' | 'mismatch'> => {
    const checked: (readonly [UnitKey, ExpectedKey])[] = [];
    for (const key of opened) {
      const expected = await keys.expected(key.version);
      if (!expected) return 'waiting';
      if (expected.fingerprint !== key.fingerprint) return 'mismatch';
      const held = keys.keyring.byVersion(key.version);
      if (held && held.fingerprint !== key.fingerprint) return 'mismatch';
      checked.push([key, expected]);
    }
    for (const [key, expected] of checked) {
      const outcome = keys.keyring.install(key, expected);
      if (!outcome.ok) return 'mismatch';
    }
    return 'installed';
  };

  return {
    /** Whether this device holds an unlocked unit key (identity can be read and written). */
    hasKey: (): boolean => keys.keyring.isUnlocked(),

    /** A new transfer code for the unit key (managers only), valid 15 minutes. */
    async create(): Promise<CreateKeyTransferOutcome> {
      const { device, officer } = deps.store.getState();
      if (!device || officer?.role !== 'manager') return { ok: false, reason: 'not-allowed' };
      if (!keys.keyring.isUnlocked()) return { ok: false, reason: 'no-key' };
      await sweep();
      const held = keys.keyring.versions().flatMap((version) => keys.keyring.byVersion(version) ?? []);
      const { doc, code } = await createKeyTransfer({
        unitCode: device.unitCode,
        keys: held,
        now: deps.now(),
        by: changedBy(deps),
        ...(options.iterations ? { iterations: options.iterations } : {}),
      });
      await db().put(doc);
      return {
        ok: true,
        transfer: { id: doc._id, code, createdAt: doc.createdAt, expiresAt: doc.expiresAt },
      };
    },

    /** Deletes the transfer document `id` (the code stops working everywhere once synced). */
    async cancel(id: string): Promise<void> {
      if (!id.startsWith(KEY_TRANSFER_ID_PREFIX)) throw new RangeError(`Not a key transfer: ${id}`);
      try {
        const doc = await db().get(id);
        await remove(db(), doc);
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
      }
    },

    /** Deletes expired transfer documents (done by `create` and `receive` too). */
    sweep,

    /** Until when the code field is locked on this device (an ISO instant), or null. */
    async lockedUntil(): Promise<string | null> {
      const current = await lock();
      return isLocked(current, deps.now()) ? (current?.lockedUntil ?? null) : null;
    },

    /** Receives the unit key with the code `text` as typed (see the module's comment). */
    async receive(text: string, options: ReceiveKeyTransferOptions = {}): Promise<ReceiveKeyTransferOutcome> {
      const { device } = deps.store.getState();
      if (!device) throw new Error('This device is not set up.');
      const parsed = parseTransferCode(text, device.unitCode);
      if (!parsed.ok) return { ok: false, problem: parsed.problem };
      const current = await lock();
      if (isLocked(current, deps.now()) && current?.lockedUntil) {
        return {
          ok: false,
          problem: { key: 'keyTransfer.code.locked', params: { until: current.lockedUntil } },
        };
      }
      const tried = new Map<string, string>();
      const opened = new Map<string, readonly UnitKey[]>();
      for (;;) {
        if (options.signal?.aborted) return { ok: false, cancelled: true };
        const seen = deps.store.getState().syncStatus.state;
        const caughtUp = seen === 'up-to-date';
        const docs = await transferDocs(db());
        for (const doc of docs) {
          const rev = doc._rev ?? '';
          if (tried.get(doc._id) === rev) continue;
          let keysOfDoc = opened.get(`${doc._id}@${rev}`);
          if (!keysOfDoc) {
            options.onProgress?.({ phase: 'checking' });
            const result = await openKeyTransfer(doc, parsed.value, deps.now());
            if (result.ok) {
              keysOfDoc = result.keys;
              opened.set(`${doc._id}@${rev}`, keysOfDoc);
            } else if (result.reason === 'expired') {
              await remove(db(), doc);
              return {
                ok: false,
                problem: { key: 'keyTransfer.code.expired', params: { expiresAt: result.expiresAt } },
              };
            } else {
              tried.set(doc._id, rev);
              if (isKeyTransferExpired(doc, deps.now())) await remove(db(), doc);
              continue;
            }
          }
          const installed = await install(keysOfDoc);
          if (installed === 'mismatch')
            return { ok: false, problem: { key: 'keyTransfer.code.fingerprint' } };
          if (installed === 'waiting') continue; // the unit's unit-key document has not arrived yet
          await keys.keepForOfficer();
          await remove(db(), doc);
          await deps.deviceStore.setKeyTransferLock(NO_LOCK);
          return { ok: true, versions: keysOfDoc.map((key) => key.version) };
        }
        const live = docs.filter((doc) => !isKeyTransferExpired(doc, deps.now()));
        if (caughtUp && live.length > 0 && live.every((doc) => tried.get(doc._id) === (doc._rev ?? ''))) {
          return { ok: false, problem: await failed() };
        }
        options.onProgress?.({ phase: 'waiting', sync: deps.store.getState().syncStatus.state });
        await nextChange(deps, db(), seen, options.signal);
      }
    },
  };
}

export type KeyTransferUseCases = ReturnType<typeof createKeyTransferUseCases>;
