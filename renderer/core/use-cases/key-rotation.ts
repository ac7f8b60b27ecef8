/**
 * "Ganti kunci unit" and what follows it on every device (docs/decisions/022-unit-key-recovery.md,
 * "Rotation"; the steps are ../keys/key-rotation).
 *
 * `rotate` (managers, on a device holding the key) makes and announces version n+1. On every device,
 * whenever a key is installed and whenever the records change, the chain is followed (a device
 * holding n installs n+1 once its `unit-key` document has arrived), and after a new version is
 * installed one background pass re-wraps the reporter documents sealed under older versions, with
 * its progress published for the status bar. A pass that moved every document it found is
 * remembered per unit and version on this device, so later sign-ins do not read every reporter
 * document again; one interrupted (the app closed, a 409) runs again at the next unlock.
 */
import type { UnitKey } from '../../../shared/crypto/unit-key';
import type { UnitDatabase } from '../data/database';
import type { CreateOnCentral } from '../keys/first-unit-key';
import {
  followKeyChain,
  rewrapReporters,
  rotateUnitKey,
  type RewrapProgress,
  type RotateOutcome,
} from '../keys/key-rotation';
import type { UnitKeyring } from '../keys/unit-keyring';
import { changedBy, type CoreDeps } from './core-deps';

export type { RewrapProgress, RotateOutcome };
export type RotateKeyOutcome = RotateOutcome | Readonly<{ ok: false; reason: 'not-allowed' }>;

export type KeyRotationKeys = Readonly<{
  keyring: UnitKeyring;
  createOnCentral: CreateOnCentral;
  newKey: (version: number) => Promise<UnitKey>;
}>;

/** Device setting: set once every reporter document of the unit is under that version here. */
export const REWRAPPED_PREFIX = 'reporters-rewrapped:';

type Listener = (progress: RewrapProgress | null) => void;

export function createKeyRotationUseCases(deps: CoreDeps, keys: KeyRotationKeys) {
  const db = (): UnitDatabase => deps.records.current().db;
  /** The unit's records, or undefined while none is open (set-up, a restore): nothing to do then. */
  const openDb = (): UnitDatabase | undefined => {
    try {
      return db();
    } catch {
      return undefined;
    }
  };
  const listeners = new Set<Listener>();
  let progress: RewrapProgress | null = null;
  const publish = (next: RewrapProgress | null): void => {
    progress = next;
    for (const listener of [...listeners]) listener(next);
  };

  const pass = async (): Promise<void> => {
    const records = openDb();
    const unitCode = deps.store.getState().device?.unitCode;
    if (!records || !unitCode || !keys.keyring.isUnlocked()) return;
    await followKeyChain(records, keys.keyring);
    // One version held: nothing can be re-wrapped here (no older key to open a seal with).
    if (keys.keyring.versions().length < 2) return;
    const mark = `${REWRAPPED_PREFIX}${unitCode}:${String(keys.keyring.current().version)}`;
    if ((await deps.deviceDatabase.settings.get(mark))?.value === true) return;
    try {
      const result = await rewrapReporters(records, keys.keyring, () => changedBy(deps), publish);
      if (result.done > 0) deps.store.getState().bumpDataVersion();
      if (result.done === result.total) await deps.deviceDatabase.settings.put({ key: mark, value: true });
    } finally {
      publish(null);
    }
  };

  let running: Promise<void> | undefined;
  /** Passes asked for so far: a request while one runs makes it run once more. */
  let requests = 0;
  /** Runs a pass in the background (one at a time; a request while one runs runs it once more). */
  const background = (): Promise<void> => {
    requests++;
    if (running) return running;
    running = (async () => {
      let served = 0;
      while (served < requests) {
        served = requests;
        await pass();
      }
    })()
      .catch((error: unknown) => console.warn('The unit key rotation could not finish yet:', error))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  // A key installed (sign-in, transfer, recovery, rotation, the chain): follow and re-wrap.
  keys.keyring.onUnlock(() => void background());
  // The records changed (a `unit-key` document may have arrived): follow the chain, cheaply.
  let following: Promise<void> | undefined;
  deps.store.subscribe((state, before) => {
    if (state.dataVersion === before.dataVersion || following || !keys.keyring.isUnlocked()) return;
    const records = openDb();
    if (!records) return;
    following = followKeyChain(records, keys.keyring)
      .then(() => undefined)
      .catch((error: unknown) => console.warn('The unit key chain could not be followed yet:', error))
      .finally(() => {
        following = undefined;
      });
  });

  return {
    /** Managers on a device holding the key: makes version n+1 of the unit key. */
    async rotate(): Promise<RotateKeyOutcome> {
      const { device, officer } = deps.store.getState();
      if (!device || officer?.role !== 'manager') return { ok: false, reason: 'not-allowed' };
      return rotateUnitKey({
        db: db(),
        keyring: keys.keyring,
        unitCode: device.unitCode,
        by: changedBy(deps),
        now: deps.now(),
        createOnCentral: keys.createOnCentral,
        newKey: keys.newKey,
      });
    },

    /** The newest key version unlocked here, or null. */
    currentVersion: (): number | null => (keys.keyring.isUnlocked() ? keys.keyring.current().version : null),

    /** The background re-wrap's progress while it runs, else null. */
    rewrapProgress: (): RewrapProgress | null => progress,

    /** Calls `listener` on every change of the progress; returns the function that stops it. */
    onRewrapProgress(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Runs the background pass now and resolves when it is done (tests; the app needs not call it). */
    settle: background,
  };
}

export type KeyRotationUseCases = ReturnType<typeof createKeyRotationUseCases>;
