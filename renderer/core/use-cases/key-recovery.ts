/**
 * The unit key's recovery passphrase (docs/decisions/022-unit-key-recovery.md).
 *
 * On a manager's device holding the key, `set` wraps every key version held under the passphrase
 * (typed twice; shared/crypto/recovery-passphrase's rule) and writes the unit's one
 * `unit-key-recovery` document (shared/crypto/unit-key-recovery-document) on top of the current
 * revision, closing any revision in conflict with it: the newest passphrase is the unit's. It
 * reaches the central by sync, which cannot open it. `status` says whether the unit has one, when and
 * from which device it was set (Pengaturan shows it; the status bar reminds a manager while none is).
 *
 * On a device of the unit that holds no key (every device that held it lost), `recover` opens the
 * synced document with the passphrase (every leaf revision, should two managers have set one at
 * once), checks each key against the unit's `unit-key:<version>` fingerprint, installs the keys and
 * keeps them wrapped for the officer signed in here, as a transfer code does. A wrong passphrase is
 * said so and counted on this device: after two in a row each next try waits, 15 s doubling up to an
 * hour (kept in Dexie, so a reload does not reset it); the right one clears the count.
 */
import {
  normalizeRecoveryPassphrase,
  recoveryDelayMs,
  recoveryPassphraseProblem,
  type RecoveryPassphraseProblem,
} from '../../../shared/crypto/recovery-passphrase';
import type { UnitKey } from '../../../shared/crypto/unit-key';
import {
  UNIT_KEY_RECOVERY_ID,
  createUnitKeyRecovery,
  openUnitKeyRecovery,
  unitKeyRecoveryDocSchema,
  type UnitKeyRecoveryDoc,
} from '../../../shared/crypto/unit-key-recovery-document';
import { assertBulkWritten } from '../../../shared/couch/pouch-toolkit';
import type { ChangedBy } from '../../../shared/unit/changed-by';
import type { UnitDatabase } from '../data/database';
import type { ExpectedKey, UnitKeyring } from '../keys/unit-keyring';
import { changedBy, type CoreDeps } from './core-deps';

/** What recovery needs of the unit key's part of the core (as the transfer code's). */
export type KeyRecoveryKeys = Readonly<{
  keyring: UnitKeyring;
  /** The unit's public fingerprint of `version` (its `unit-key:<version>` document), once synced here. */
  expected: (version: number) => Promise<ExpectedKey | undefined>;
  /** After keys were installed: keep them wrapped for the officer signed in here. */
  keepForOfficer: () => Promise<void>;
}>;

export type KeyRecoveryStatus =
  | Readonly<{ set: false }>
  | Readonly<{ set: true; setAt: string; by: ChangedBy; versions: readonly number[] }>;

export type SetKeyRecoveryOutcome =
  | Readonly<{ ok: true; setAt: string }>
  /**
   * `not-allowed`: only a manager; `no-key`: this device holds no unlocked key; the passphrase's
   * problems (shared/crypto/recovery-passphrase); `mismatch`: the two entries differ.
   */
  | Readonly<{ ok: false; reason: 'not-allowed' | 'no-key' | 'mismatch' | RecoveryPassphraseProblem }>;

export type RecoverKeyOutcome =
  | Readonly<{ ok: true; versions: readonly number[] }>
  /**
   * `empty`: nothing typed; `not-found`: this device has no recovery copy of the unit (none was set,
   * or sync has not brought it yet); `not-synced`: the unit's `unit-key` document of a version is
   * not here yet; `mismatch`: a key is not the unit's (its fingerprint differs); `wrong`: the
   * passphrase opens nothing (`waitUntil` when the next try must wait).
   */
  | Readonly<{ ok: false; reason: 'empty' | 'not-found' | 'not-synced' | 'mismatch' }>
  | Readonly<{ ok: false; reason: 'wrong'; waitUntil?: string }>
  /** A wrong passphrase was typed shortly before: the next try waits until then. */
  | Readonly<{ ok: false; reason: 'wait'; waitUntil: string }>;

/** This device's count of wrong recovery passphrases in a row (Dexie settings; never synced). */
export type KeyRecoveryAttempts = Readonly<{ failures: number; notBefore?: string }>;
export const KEY_RECOVERY_ATTEMPTS_KEY = 'keyRecoveryAttempts';

type StoredRecovery = UnitKeyRecoveryDoc & Readonly<{ _rev: string }>;

/** The winning revision and every revision in conflict with it (each a whole recovery copy). */
async function leaves(db: UnitDatabase): Promise<{ winner?: StoredRecovery; others: StoredRecovery[] }> {
  let winner: Record<string, unknown>;
  try {
    winner = (await db.get(UNIT_KEY_RECOVERY_ID, { conflicts: true })) as unknown as Record<string, unknown>;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { others: [] };
    throw error;
  }
  const { _conflicts: conflicts, ...doc } = winner as { _conflicts?: string[] } & Record<string, unknown>;
  const parse = (raw: unknown): StoredRecovery[] => {
    const parsed = unitKeyRecoveryDocSchema.safeParse(raw);
    return parsed.success && parsed.data._rev !== undefined ? [parsed.data as StoredRecovery] : [];
  };
  const others: StoredRecovery[] = [];
  for (const rev of conflicts ?? []) others.push(...parse(await db.get(UNIT_KEY_RECOVERY_ID, { rev })));
  const [parsedWinner] = parse(doc);
  return parsedWinner ? { winner: parsedWinner, others } : { others };
}

export function createKeyRecoveryUseCases(
  deps: CoreDeps,
  keys: KeyRecoveryKeys,
  options: Readonly<{ iterations?: number }> = {},
) {
  const db = (): UnitDatabase => deps.records.current().db;

  const attempts = async (): Promise<KeyRecoveryAttempts> => {
    const row = await deps.deviceDatabase.settings.get(KEY_RECOVERY_ATTEMPTS_KEY);
    const value = row?.value as KeyRecoveryAttempts | undefined;
    return value && typeof value.failures === 'number' ? value : { failures: 0 };
  };
  const setAttempts = async (value: KeyRecoveryAttempts): Promise<void> => {
    await deps.deviceDatabase.settings.put({ key: KEY_RECOVERY_ATTEMPTS_KEY, value });
  };
  const waiting = (value: KeyRecoveryAttempts): string | null =>
    value.notBefore !== undefined && Date.parse(value.notBefore) > deps.now().getTime()
      ? value.notBefore
      : null;

  /** Installs opened keys after checking each against the unit's fingerprint. */
  const install = async (opened: readonly UnitKey[]): Promise<'installed' | 'not-synced' | 'mismatch'> => {
    const checked: (readonly [UnitKey, ExpectedKey])[] = [];
    for (const key of opened) {
      const expected = await keys.expected(key.version);
      if (!expected) return 'not-synced';
      if (expected.fingerprint !== key.fingerprint) return 'mismatch';
      const held = keys.keyring.byVersion(key.version);
      if (held && held.fingerprint !== key.fingerprint) return 'mismatch';
      checked.push([key, expected]);
    }
    for (const [key, expected] of checked) if (!keys.keyring.install(key, expected).ok) return 'mismatch';
    return 'installed';
  };

  return {
    /** Whether the unit has a recovery copy on this device, and when and where it was set. */
    async status(): Promise<KeyRecoveryStatus> {
      const { winner } = await leaves(db());
      if (!winner) return { set: false };
      return {
        set: true,
        setAt: winner.setAt,
        by: winner.lastChangedBy,
        versions: winner.wraps.map((wrap) => wrap.keyVersion),
      };
    },

    /** Managers on a device holding the key: sets (or replaces) the unit's recovery passphrase. */
    async set(passphrase: string, confirmation: string): Promise<SetKeyRecoveryOutcome> {
      const { device, officer } = deps.store.getState();
      if (!device || officer?.role !== 'manager') return { ok: false, reason: 'not-allowed' };
      if (!keys.keyring.isUnlocked()) return { ok: false, reason: 'no-key' };
      const problem = recoveryPassphraseProblem(passphrase);
      if (problem) return { ok: false, reason: problem };
      if (normalizeRecoveryPassphrase(passphrase) !== normalizeRecoveryPassphrase(confirmation)) {
        return { ok: false, reason: 'mismatch' };
      }
      const held = keys.keyring.versions().flatMap((version) => keys.keyring.byVersion(version) ?? []);
      const doc = await createUnitKeyRecovery({
        unitCode: device.unitCode,
        keys: held,
        passphrase,
        now: deps.now(),
        by: changedBy(deps),
        ...(options.iterations ? { iterations: options.iterations } : {}),
      });
      const { others } = await leaves(db());
      let current: string | undefined;
      try {
        current = (await db().get(UNIT_KEY_RECOVERY_ID))._rev;
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
      }
      // On top of the current revision (replaced, not in conflict), every other leaf closed.
      assertBulkWritten(
        await db().bulkDocs([
          current === undefined ? doc : { ...doc, _rev: current },
          ...others.map((other) => ({ _id: UNIT_KEY_RECOVERY_ID, _rev: other._rev, _deleted: true })),
        ]),
      );
      return { ok: true, setAt: doc.setAt };
    },

    /** Until when this device waits before the next recovery try (ISO instant), or null. */
    async waitUntil(): Promise<string | null> {
      return waiting(await attempts());
    },

    /** Recovers the unit key with the passphrase as typed (see the module's comment). */
    async recover(passphrase: string): Promise<RecoverKeyOutcome> {
      const { device } = deps.store.getState();
      if (!device) throw new Error('This device is not set up.');
      if (normalizeRecoveryPassphrase(passphrase) === '') return { ok: false, reason: 'empty' };
      const before = await attempts();
      const until = waiting(before);
      if (until) return { ok: false, reason: 'wait', waitUntil: until };
      const { winner, others } = await leaves(db());
      const copies = winner ? [winner, ...others] : others;
      if (copies.length === 0) return { ok: false, reason: 'not-found' };
      for (const copy of copies) {
        const opened = await openUnitKeyRecovery(copy, passphrase, device.unitCode);
        if (!opened.ok) continue;
        const installed = await install(opened.keys);
        if (installed !== 'installed') return { ok: false, reason: installed };
        await keys.keepForOfficer();
        await setAttempts({ failures: 0 });
        return { ok: true, versions: opened.keys.map((key) => key.version) };
      }
      const failures = before.failures + 1;
      const delay = recoveryDelayMs(failures);
      const notBefore = delay > 0 ? new Date(deps.now().getTime() + delay).toISOString() : undefined;
      await setAttempts(notBefore ? { failures, notBefore } : { failures });
      return notBefore
        ? { ok: false, reason: 'wrong', waitUntil: notBefore }
        : { ok: false, reason: 'wrong' };
    },
  };
}

export type KeyRecoveryUseCases = ReturnType<typeof createKeyRecoveryUseCases>;
