/**
 * The session's unit keyring (docs/decisions/017-unit-key.md): the unit key versions this device
 * has unlocked in this run of the app, in memory only. It is filled at sign-in (the officer's wrap
 * on this device opened with their PIN or passphrase, ./device-key-wraps), when a new unit creates
 * its key, or when a key received from elsewhere (a transfer code) is installed after its
 * fingerprint was checked. It stays unlocked for the app's run: a desk lock keeps it (the lock
 * protects the screen; the person who opens the desk again must sign in, and nothing is shown
 * before), and it is emptied only when the core stops.
 *
 * The API is what other parts of the core build on, and stays stable: `isUnlocked`, `current`,
 * `byVersion`, `versions`, `purposeKey`, `install`, `onUnlock`, `whenUnlocked`.
 */
import { derivePurposeKey, type KeyPurpose } from '../../../shared/crypto/purpose-keys';
import { matchesFingerprint, type UnitKey } from '../../../shared/crypto/unit-key';

/** A purpose key (shared/crypto/purpose-keys) and the unit key version it was derived from. */
export type PurposeKey = Readonly<{ purpose: KeyPurpose; version: number; key: CryptoKey }>;

/** What the unit says a key version is: from its `unit-key:<version>` document or a wrap. */
export type ExpectedKey = Readonly<{ version: number; fingerprint: string }>;

export type InstallOutcome =
  /** `added`: false when this exact key was held already. */
  | Readonly<{ ok: true; added: boolean }>
  /** The key is not the one expected (another fingerprint or version), or another key of that version is held. */
  | Readonly<{ ok: false; problem: 'fingerprint-mismatch' | 'version-held' }>;

/** The code of the error thrown when identity is needed and no unit key is unlocked. */
export const UNIT_KEY_LOCKED = 'unit-key-locked';

/** Thrown by `current` and `purposeKey` while no key (or not the version asked for) is unlocked. */
export class UnitKeyLockedError extends Error {
  readonly code = UNIT_KEY_LOCKED;
  constructor(version?: number) {
    super(
      version === undefined
        ? 'The unit key is not unlocked on this device: identity can be neither written nor shown.'
        : `Unit key version ${String(version)} is not unlocked on this device.`,
    );
    this.name = 'UnitKeyLockedError';
  }
}

export function isUnitKeyLocked(error: unknown): error is UnitKeyLockedError {
  return (
    error instanceof UnitKeyLockedError ||
    (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIT_KEY_LOCKED)
  );
}

type Listener = (keyring: UnitKeyring) => void;

export class UnitKeyring {
  readonly #keys = new Map<number, UnitKey>();
  readonly #purposeKeys = new Map<string, Promise<CryptoKey>>();
  readonly #listeners = new Set<Listener>();

  /** True when at least one unit key version is unlocked. */
  isUnlocked(): boolean {
    return this.#keys.size > 0;
  }

  /** The newest unlocked version (what new seals use). Throws UnitKeyLockedError when none is. */
  current(): UnitKey {
    let newest: UnitKey | undefined;
    for (const key of this.#keys.values()) if (!newest || key.version > newest.version) newest = key;
    if (!newest) throw new UnitKeyLockedError();
    return newest;
  }

  /** The unlocked key of `version`, if this device holds it. */
  byVersion(version: number): UnitKey | undefined {
    return this.#keys.get(version);
  }

  /** The unlocked versions, oldest first. */
  versions(): number[] {
    return [...this.#keys.keys()].sort((a, b) => a - b);
  }

  /**
   * The `purpose` key of `version` (the current one by default), derived once per run. Throws
   * UnitKeyLockedError when that version is not unlocked.
   */
  async purposeKey(purpose: KeyPurpose, version?: number): Promise<PurposeKey> {
    const unitKey = version === undefined ? this.current() : this.byVersion(version);
    if (!unitKey) throw new UnitKeyLockedError(version);
    const cacheKey = `${purpose}/${String(unitKey.version)}`;
    let derived = this.#purposeKeys.get(cacheKey);
    if (!derived) {
      derived = derivePurposeKey(unitKey, purpose);
      this.#purposeKeys.set(cacheKey, derived);
    }
    return { purpose, version: unitKey.version, key: await derived };
  }

  /**
   * Adds `key` when it is the key `expected` names (same version, same fingerprint): a key opened
   * from this device's wrap, created here, or received from another device. A key whose
   * fingerprint differs is refused, as is a second, different key of a version already held.
   * Listeners hear of every key added.
   */
  install(key: UnitKey, expected: ExpectedKey): InstallOutcome {
    if (!matchesFingerprint(key, expected.version, expected.fingerprint)) {
      return { ok: false, problem: 'fingerprint-mismatch' };
    }
    const held = this.#keys.get(key.version);
    if (held) {
      return held.fingerprint === key.fingerprint
        ? { ok: true, added: false }
        : { ok: false, problem: 'version-held' };
    }
    this.#keys.set(key.version, key);
    // Listeners run after the key is held; they handle their own failures (never throw).
    for (const listener of [...this.#listeners]) listener(this);
    return { ok: true, added: true };
  }

  /**
   * Calls `listener` whenever a key version is added (the first unlock of the run, and any later
   * version); returns the function that stops it. A keyring already unlocked does not call it for
   * the keys it holds: check `isUnlocked()` first, or use `whenUnlocked()`.
   */
  onUnlock(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once a key is unlocked (at once when one is). */
  whenUnlocked(): Promise<void> {
    if (this.isUnlocked()) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.onUnlock(() => {
        stop();
        resolve();
      });
    });
  }

  /** Forgets every key (the core stops). Listeners stay. */
  clear(): void {
    this.#keys.clear();
    this.#purposeKeys.clear();
  }
}
