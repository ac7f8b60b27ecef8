/**
 * The unit's officers and who is at the desk (docs/decisions/015-officer-roster-and-sign-in.md): the
 * roster (synced `officer:<id>` documents), signing in with a PIN or passphrase, the lock after
 * five failures, a supervisor's or manager's unlock, the first PIN a manager sets (changed by the
 * officer at first sign-in), signing out and locking the desk. Every decision is taken here from
 * the roster as stored, never from what the screen shows: the role of the session is the signed-in
 * officer's role in the roster.
 */
import { newSecretProblem, type SecretProblem } from '../../../shared/auth/secret-rules';
import { createVerifier, verifySecret } from '../../../shared/auth/secret-verifier';
import {
  afterFailure,
  attemptsLeft,
  lockRemainingMs,
  NO_LOCK,
  unlockProblem,
  type UnlockProblem,
} from '../../../shared/auth/sign-in-lock';
import {
  changedOfficerDoc,
  newOfficerDoc,
  type ChangedBy,
  type OfficerDoc,
} from '../../../shared/unit/officer-document';
import {
  addOfficerProblem,
  isActiveOfficer,
  mustChangeAfterSet,
  officerNameKey,
  setActiveProblem,
  setRoleProblem,
  setSecretProblem,
  type AddOfficerProblem,
  type RosterChangeProblem,
  type RosterOfficer,
} from '../../../shared/unit/officer-roster';
import { canEditSettings, type Role } from '../../../shared/workflow/roles';
import type { UnitDatabase } from '../data/database';
import {
  readOfficer,
  readRoster,
  rosterEntryOf,
  writeOfficer,
  type RosterEntry,
} from '../data/officer-roster-store';
import { createFirstUnitKey, type CreateOnCentral } from '../keys/first-unit-key';
import { knownKeys } from '../keys/unit-key-documents';
import type { KeyUnlockOutcome, OpenedCopy } from '../keys/unit-key-session';
import type { AccessRecorder } from './access-log';
import type { CoreDeps } from './core-deps';

export type SignInOutcome =
  /**
   * `unitKey` (docs/decisions/017-unit-key.md): whether the unit key opened for this officer here;
   * `no-key` means identity can be neither written nor shown until an officer who has signed in on
   * this device before signs in, or a transfer code brings the key.
   */
  | Readonly<{ ok: true; mustChangeSecret: boolean; unitKey?: KeyUnlockOutcome }>
  | Readonly<{ ok: false; problem: 'wrong-secret'; attemptsLeft: number }>
  | Readonly<{ ok: false; problem: 'locked'; remainingMs: number }>
  | Readonly<{ ok: false; problem: 'no-secret' | 'unknown' }>;

export type SecretOutcome =
  | Readonly<{ ok: true }>
  | Readonly<{ ok: false; problem: SecretProblem | 'same-secret' | 'not-allowed' | 'unknown' }>;

export type UnlockOutcome =
  | Readonly<{ ok: true }>
  | Readonly<{ ok: false; problem: UnlockProblem | 'wrong-secret' | 'locked' | 'no-secret' | 'unknown' }>;

export type AddOfficerOutcome =
  | Readonly<{ ok: true; officer: RosterEntry }>
  | Readonly<{ ok: false; problem: AddOfficerProblem | SecretProblem | 'not-allowed' }>;

export type LockState = Readonly<{ remainingMs: number; attemptsLeft: number }>;

/** The access log's recorder (./access-log writes each call as an `access` document). */
export type { AccessRecorder };

const toRoster = (docs: readonly OfficerDoc[]): RosterOfficer[] =>
  docs.map((doc) => ({ id: doc.officerId, name: doc.name, role: doc.role, active: doc.active }));

export function createOfficers(
  deps: CoreDeps,
  record: AccessRecorder = () => Promise.resolve(),
  iterations?: number,
  /** Writes a document straight to the central (the unit key's first version: ../keys/first-unit-key). */
  createOnCentral: CreateOnCentral = () => Promise.resolve({ status: 'not-configured' }),
) {
  const { store, deviceStore, records, unitKeys } = deps;
  const db = (): UnitDatabase => records.current().db;

  /**
   * Opens the unit key for `officerId`, who just proved `secret` (../keys/unit-key-session). On a
   * device upgraded from before the unit key, where the unit has none yet (no `unit-key` document
   * here) and no officer has a copy on this device, this device makes version 1
   * (../keys/first-unit-key: straight to the central first when sync is configured).
   */
  const unlockUnitKey = async (
    officerId: string,
    secret: string,
    now: Date,
    copies?: Promise<readonly OpenedCopy[]>,
  ): Promise<KeyUnlockOutcome> => {
    const known = await knownKeys(db());
    const outcome = await unitKeys.signedIn(officerId, secret, known, copies);
    if (outcome !== 'no-key' || known.length > 0 || (await unitKeys.anyCopyHere())) return outcome;
    const device = store.getState().device;
    if (!device) return outcome;
    const key = await createFirstUnitKey(
      db(),
      device.unitCode,
      { device: device.deviceCode, officer: officerId },
      now,
      createOnCentral,
      (version) => unitKeys.newKey(version),
    );
    if (!key) return outcome;
    await unitKeys.adopt(key, officerId, secret);
    return 'unlocked';
  };

  const changedBy = (): ChangedBy => {
    const { device, officer } = store.getState();
    if (!device || !officer) throw new Error('No officer is signed in on this device.');
    return { device: device.deviceCode, officer: officer.id };
  };

  /** The signed-in officer as the roster has them now (a role changed elsewhere counts). */
  const actor = async (): Promise<OfficerDoc | undefined> => {
    const officer = store.getState().officer;
    if (!officer) return undefined;
    const doc = await readOfficer(db(), officer.id);
    return doc?.active ? doc : undefined;
  };

  const newVerifier = (secret: string) => createVerifier(secret, iterations);

  /** Checks `secret` for `officerId` against this device's lock; counts a failure. */
  const check = async (
    officerId: string,
    secret: string,
    now: Date,
  ): Promise<
    | Readonly<{ ok: true; doc: OfficerDoc }>
    | Readonly<{ ok: false; outcome: Exclude<SignInOutcome, { ok: true }> }>
  > => {
    const doc = await readOfficer(db(), officerId);
    if (!doc || !doc.active) {
      // An id the roster does not hold is not recorded (nobody known tried); a deactivated one is.
      await record('sign-in-failed', doc ? { officerId } : {}, now);
      return { ok: false, outcome: { ok: false, problem: 'unknown' } };
    }
    const lock = await deviceStore.signInLock(officerId);
    const remainingMs = lockRemainingMs(lock, now);
    if (remainingMs > 0) return { ok: false, outcome: { ok: false, problem: 'locked', remainingMs } };
    if (!doc.verifier) return { ok: false, outcome: { ok: false, problem: 'no-secret' } };
    if (await verifySecret(secret, doc.verifier)) {
      await deviceStore.setSignInLock(officerId, NO_LOCK);
      return { ok: true, doc };
    }
    const failed = afterFailure(lock, now);
    await deviceStore.setSignInLock(officerId, failed.lock);
    await record('sign-in-failed', { officerId }, now);
    if (failed.locked) {
      await record('locked-out', { officerId }, now);
      return {
        ok: false,
        outcome: { ok: false, problem: 'locked', remainingMs: lockRemainingMs(failed.lock, now) },
      };
    }
    return {
      ok: false,
      outcome: { ok: false, problem: 'wrong-secret', attemptsLeft: attemptsLeft(failed.lock) },
    };
  };

  /** Opens the desk for `doc` (or the must-change step). */
  const openSession = (doc: OfficerDoc): void => {
    const entry = rosterEntryOf(doc);
    if (doc.mustChangeSecret) store.getState().mustChangeSecret(entry);
    else store.getState().setOfficer(entry);
  };

  return {
    list: async (): Promise<RosterEntry[]> => (await readRoster(db())).map(rosterEntryOf),

    /** The officers offered at the desk: the active ones. */
    listActive: async (): Promise<RosterEntry[]> =>
      (await readRoster(db())).filter((doc) => doc.active).map(rosterEntryOf),

    /**
     * True when no active manager has a secret yet (a device upgraded from the local officer list):
     * then, once, an active manager without a secret sets their own PIN at the desk.
     */
    async needsFirstManagerSecret(): Promise<boolean> {
      return !(await readRoster(db())).some(
        (doc) => doc.active && canEditSettings(doc.role) && doc.verifier !== undefined,
      );
    },

    async lockState(officerId: string, now: Date): Promise<LockState> {
      const lock = await deviceStore.signInLock(officerId);
      return { remainingMs: lockRemainingMs(lock, now), attemptsLeft: attemptsLeft(lock) };
    },

    /** Signs `officerId` in with their PIN or passphrase; five failures in a row lock them here. */
    async signIn(officerId: string, secret: string, now: Date): Promise<SignInOutcome> {
      // The officer's copies of the unit key open beside the verifier's check (two PBKDF2 runs at
      // once, not one after the other); nothing is installed unless the check passes.
      const copies = unitKeys.openCopies(officerId, secret);
      const checked = await check(officerId, secret, now);
      if (!checked.ok) {
        void copies.catch(() => undefined);
        return checked.outcome;
      }
      // The officer whose desk locked, opening it again with their own secret: an unlock.
      const resumes = store.getState().lockedBy === officerId;
      // Before the desk opens: what it shows first may be a complainant's identity.
      const unitKey = await unlockUnitKey(officerId, secret, now, copies);
      await deviceStore.setCurrentOfficer(officerId);
      openSession(checked.doc);
      await record(resumes ? 'unlock' : 'sign-in', { officerId }, now);
      return { ok: true, mustChangeSecret: checked.doc.mustChangeSecret, unitKey };
    },

    /** A supervisor or manager (`unlockerId`, with their own secret) unlocks `targetId` on this device. */
    async unlock(
      targetId: string,
      unlockerId: string,
      unlockerSecret: string,
      now: Date,
    ): Promise<UnlockOutcome> {
      const unlocker = await readOfficer(db(), unlockerId);
      if (!unlocker) return { ok: false, problem: 'unknown' };
      const targetLock = await deviceStore.signInLock(targetId);
      const problem = unlockProblem(
        { id: unlocker.officerId, role: unlocker.role, active: unlocker.active },
        targetId,
        targetLock,
        now,
      );
      if (problem) return { ok: false, problem };
      const checked = await check(unlockerId, unlockerSecret, now);
      if (!checked.ok) {
        const outcome = checked.outcome;
        return {
          ok: false,
          problem:
            outcome.problem === 'locked'
              ? 'locked'
              : outcome.problem === 'wrong-secret'
                ? 'wrong-secret'
                : outcome.problem,
        };
      }
      await deviceStore.setSignInLock(targetId, NO_LOCK);
      await record('unlocked', { officerId: unlockerId, subjectId: targetId }, now);
      return { ok: true };
    },

    /**
     * The signed-in officer's new secret (the must-change step after a first PIN, or a change in
     * Pengaturan): typed twice; the must-change mark goes.
     */
    async changeOwnSecret(secret: string, confirmation: string, now: Date): Promise<SecretOutcome> {
      const self = await actor();
      if (!self) return { ok: false, problem: 'not-allowed' };
      const problem = newSecretProblem(secret, confirmation, self.role);
      if (problem) return { ok: false, problem };
      // A first PIN from a manager is known to the manager: the officer's own must differ.
      if (self.verifier && (await verifySecret(secret, self.verifier))) {
        return { ok: false, problem: 'same-secret' };
      }
      const next = changedOfficerDoc(
        self,
        { verifier: await newVerifier(secret), mustChangeSecret: false },
        now,
        changedBy(),
      );
      const saved = await writeOfficer(db(), next);
      // This device's copy of the unit key follows the new secret (the old one no longer opens it).
      await unitKeys.secretChanged(self.officerId, secret);
      await record('secret-changed', { officerId: self.officerId }, now);
      store.getState().setOfficer(rosterEntryOf(saved));
      return { ok: true };
    },

    /**
     * Once, on a device upgraded from the local officer list where no active manager has a secret:
     * an active manager without one sets their own PIN and is signed in.
     */
    async setFirstManagerSecret(
      officerId: string,
      secret: string,
      confirmation: string,
      now: Date,
    ): Promise<SecretOutcome> {
      const roster = await readRoster(db());
      const anyManagerHasSecret = roster.some(
        (doc) => doc.active && canEditSettings(doc.role) && doc.verifier !== undefined,
      );
      const target = roster.find((doc) => doc.officerId === officerId);
      if (!target) return { ok: false, problem: 'unknown' };
      if (anyManagerHasSecret || !target.active || !canEditSettings(target.role) || target.verifier) {
        return { ok: false, problem: 'not-allowed' };
      }
      const problem = newSecretProblem(secret, confirmation, target.role);
      if (problem) return { ok: false, problem };
      const device = store.getState().device;
      if (!device) return { ok: false, problem: 'not-allowed' };
      const saved = await writeOfficer(
        db(),
        changedOfficerDoc(target, { verifier: await newVerifier(secret), mustChangeSecret: false }, now, {
          device: device.deviceCode,
          officer: officerId,
        }),
      );
      await unlockUnitKey(officerId, secret, now);
      await deviceStore.setCurrentOfficer(officerId);
      store.getState().setOfficer(rosterEntryOf(saved));
      await record('first-secret-set', { officerId }, now);
      await record('sign-in', { officerId }, now);
      return { ok: true };
    },

    /** Signs the officer out: back to the sign-in screen (another officer takes the desk). */
    async chooseAnother(now: Date = deps.now()): Promise<void> {
      const { device, unitProfile, officer, lockedBy } = store.getState();
      // From the lock screen, the officer whose desk locked leaves it to another.
      const leaving = officer?.id ?? lockedBy;
      // The unit key stays unlocked for the app's run; only a copy waiting for this officer is dropped.
      unitKeys.signedOut();
      if (leaving) await record('sign-out', { officerId: leaving }, now);
      if (device) store.getState().chooseOfficer({ device, unitProfile });
    },

    /**
     * Locks the desk (the unit's idle time passed, or the shortcut): every screen closes at once,
     * before anything is recorded; the same officer opens it again with their secret, or another
     * signs in. A second call while locked does nothing.
     */
    async lock(now: Date = deps.now()): Promise<void> {
      const { device, unitProfile, officer, phase } = store.getState();
      if (!device || phase !== 'ready') return;
      store.getState().chooseOfficer({ device, unitProfile, lockedBy: officer?.id });
      if (officer) await record('lock', { officerId: officer.id }, now);
    },

    /** Managers: a new officer with a first PIN (which they change at their first sign-in). */
    async add(
      name: string,
      role: Role,
      secret: string,
      confirmation: string,
      now: Date,
    ): Promise<AddOfficerOutcome> {
      const self = await actor();
      if (!self || !canEditSettings(self.role)) return { ok: false, problem: 'not-allowed' };
      const roster = await readRoster(db());
      const nameProblem = addOfficerProblem(toRoster(roster), name);
      if (nameProblem) return { ok: false, problem: nameProblem };
      const secretProblem = newSecretProblem(secret, confirmation, role);
      if (secretProblem) return { ok: false, problem: secretProblem };
      const device = store.getState().device;
      if (!device) return { ok: false, problem: 'not-allowed' };
      const doc = newOfficerDoc(
        {
          unitCode: device.unitCode,
          officerId: `officer-${crypto.randomUUID()}`,
          name,
          role,
          verifier: await newVerifier(secret),
          mustChangeSecret: true,
        },
        now,
        changedBy(),
      );
      const saved = await writeOfficer(db(), doc);
      await record('officer-added', { officerId: self.officerId, subjectId: saved.officerId, role }, now);
      return { ok: true, officer: rosterEntryOf(saved) };
    },

    /** Managers: a new first PIN for another officer (forgotten, or none yet); they change it at sign-in. */
    async setSecret(
      officerId: string,
      secret: string,
      confirmation: string,
      now: Date,
    ): Promise<SecretOutcome> {
      const self = await actor();
      const roster = await readRoster(db());
      const selfEntry = self ? toRoster([self])[0] : undefined;
      const problem = setSecretProblem(toRoster(roster), selfEntry, officerId);
      if (problem) return { ok: false, problem };
      const target = roster.find((doc) => doc.officerId === officerId);
      if (!self || !target) return { ok: false, problem: 'unknown' };
      if (self.officerId === officerId) return { ok: false, problem: 'not-allowed' };
      const secretProblem = newSecretProblem(secret, confirmation, target.role);
      if (secretProblem) return { ok: false, problem: secretProblem };
      await writeOfficer(
        db(),
        changedOfficerDoc(
          target,
          {
            verifier: await newVerifier(secret),
            mustChangeSecret: mustChangeAfterSet(self.officerId, officerId),
          },
          now,
          changedBy(),
        ),
      );
      // Their copy of the unit key on this device follows the new PIN (when the key is unlocked here).
      await unitKeys.secretChanged(officerId, secret);
      await deviceStore.setSignInLock(officerId, NO_LOCK);
      await record('first-secret-set', { officerId: self.officerId, subjectId: officerId }, now);
      return { ok: true };
    },

    /** Managers: another officer's role; the unit keeps an active manager. */
    async setRole(
      officerId: string,
      role: Role,
      now: Date = deps.now(),
    ): Promise<RosterChangeProblem | null> {
      const self = await actor();
      const roster = await readRoster(db());
      const problem = setRoleProblem(
        toRoster(roster),
        self ? toRoster([self])[0] : undefined,
        officerId,
        role,
      );
      if (problem) return problem;
      const target = roster.find((doc) => doc.officerId === officerId);
      if (!target || !self) return 'unknown';
      await writeOfficer(db(), changedOfficerDoc(target, { role }, now, changedBy()));
      await record('role-changed', { officerId: self.officerId, subjectId: officerId, role }, now);
      return null;
    },

    /** Managers: deactivates (kept in the trail, no longer offered) or reactivates another officer. */
    async setActive(
      officerId: string,
      active: boolean,
      now: Date = deps.now(),
    ): Promise<RosterChangeProblem | null> {
      const self = await actor();
      const roster = await readRoster(db());
      const problem = setActiveProblem(
        toRoster(roster),
        self ? toRoster([self])[0] : undefined,
        officerId,
        active,
      );
      if (problem) return problem;
      const target = roster.find((doc) => doc.officerId === officerId);
      if (!target || !self) return 'unknown';
      await writeOfficer(db(), changedOfficerDoc(target, { active }, now, changedBy()));
      await record(
        active ? 'officer-reactivated' : 'officer-deactivated',
        { officerId: self.officerId, subjectId: officerId },
        now,
      );
      return null;
    },
  };
}

export type OfficersUseCases = ReturnType<typeof createOfficers>;

/**
 * The roster documents for this device's officers kept in its local list before the roster synced
 * (a device upgraded from the device-local roster): each becomes a roster document without a
 * secret (they cannot sign in until a manager sets one); officers already in the roster, by id or
 * by name, are left as they are.
 */
export async function migrateLocalOfficers(
  db: UnitDatabase,
  local: readonly Readonly<{ id: string; name: string; role: Role; active?: boolean }>[],
  device: Readonly<{ unitCode: string; deviceCode: string }>,
  now: Date,
): Promise<number> {
  const roster = await readRoster(db);
  const ids = new Set(roster.map((doc) => doc.officerId));
  const names = new Set(roster.map((doc) => officerNameKey(doc.name)));
  let written = 0;
  for (const officer of local) {
    if (ids.has(officer.id) || names.has(officerNameKey(officer.name))) continue;
    const doc = newOfficerDoc(
      {
        unitCode: device.unitCode,
        officerId: officer.id,
        name: officer.name,
        role: officer.role,
        mustChangeSecret: true,
      },
      now,
      { device: device.deviceCode, officer: officer.id },
    );
    await writeOfficer(db, isActiveOfficer(officer) ? doc : { ...doc, active: false });
    names.add(officerNameKey(officer.name));
    written++;
  }
  return written;
}
