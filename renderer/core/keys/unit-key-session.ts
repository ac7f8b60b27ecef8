/**
 * The unit key at sign-in (docs/decisions/017-unit-key.md): opens the signed-in officer's copy on
 * this device into the session's keyring (./unit-keyring), gives an officer without a copy one when
 * the key is already unlocked in this run, re-wraps on a new PIN or passphrase, and creates the key
 * of a new unit. Copies live in ./device-key-wraps.
 *
 * An officer who signs in on a device where the key is not unlocked and who has no copy here keeps
 * a wrapper derived from their secret in memory (never the secret) until a key is installed in this
 * run (another officer's sign-in does not count: their session replaces this one; a transfer code
 * does), and then gets their copy.
 */
import { secretWrapper, unwrapUnitKey, type SecretWrapper } from '../../../shared/crypto/secret-wrap';
import { createUnitKey, type UnitKey } from '../../../shared/crypto/unit-key';
import type { DeviceKeyWraps } from './device-key-wraps';
import type { ExpectedKey, UnitKeyring } from './unit-keyring';

export type KeyUnlockOutcome =
  /** The officer's copy opened: the keyring holds the unit key. */
  | 'unlocked'
  /** The key was unlocked already in this run; the officer now has a copy on this device too. */
  | 'copied'
  /**
   * No copy of this officer opens here and the key is not unlocked: identity can be neither written
   * nor shown until an officer who has signed in here before signs in, or a transfer code brings it.
   */
  | 'no-key';

/** A copy of the unit key opened with an officer's secret, with what its wrap says it holds. */
export type OpenedCopy = Readonly<{ key: UnitKey; wrapVersion: number; wrapFingerprint: string }>;

type Pending = Readonly<{ officerId: string; wrapper: SecretWrapper; stop: () => void }>;

export class UnitKeySession {
  #pending: Pending | undefined;
  /** The copy being stored for the waiting officer since a key arrived (see `keepForOfficer`). */
  #storing: Promise<void> | undefined;

  constructor(
    readonly keyring: UnitKeyring,
    private readonly wraps: DeviceKeyWraps,
    private readonly options: Readonly<{
      iterations?: number;
      now: () => Date;
      /** Makes a new unit key (random; a test gives every device the tests' key: ./test-unit-key.fixtures). */
      newKey?: (version: number) => Promise<UnitKey>;
      /**
       * Installs the newer versions the unlocked ones open by the key chain (./key-rotation,
       * decision 022): run at sign-in before the officer's missing copies are made, so that their
       * copies move to the newest version.
       */
      followChain?: () => Promise<unknown>;
    }>,
  ) {}

  /** A new random unit key of `version` (not yet the unit's: ./first-unit-key announces it). */
  newKey(version: number): Promise<UnitKey> {
    return (this.options.newKey ?? createUnitKey)(version);
  }

  /**
   * Opens `officerId`'s copies on this device with `secret`, installing nothing. Each copy costs a
   * PBKDF2 run as long as the verifier's, so the sign-in starts this beside the verifier's check
   * (Web Crypto runs both at once) and hands the result to `signedIn` only once the secret was
   * verified; a wrong secret's result is dropped. A copy under an earlier secret (changed on another
   * device) does not open: `signedIn` replaces it.
   */
  async openCopies(officerId: string, secret: string): Promise<readonly OpenedCopy[]> {
    const wraps = await this.wraps.of(officerId);
    const results = await Promise.all(wraps.map(({ wrap }) => unwrapUnitKey(wrap, secret, 'officer')));
    return results.flatMap((result, index) => {
      const wrap = wraps[index]?.wrap;
      return result.ok && wrap
        ? [{ key: result.key, wrapVersion: wrap.keyVersion, wrapFingerprint: wrap.fingerprint }]
        : [];
    });
  }

  /**
   * After `officerId` signed in with `secret` (already verified): opens their copies, checked
   * against what the unit says each version is (`known`, from its `unit-key` documents; a version
   * not announced yet is checked against the wrap's own fingerprint), and copies every unlocked
   * version they lack.
   */
  async signedIn(
    officerId: string,
    secret: string,
    known: readonly ExpectedKey[],
    copies: Promise<readonly OpenedCopy[]> = this.openCopies(officerId, secret),
  ): Promise<KeyUnlockOutcome> {
    this.#dropPending();
    const opened = new Set<number>();
    for (const { key, wrapVersion, wrapFingerprint } of await copies) {
      const expected = known.find((entry) => entry.version === key.version) ?? {
        version: wrapVersion,
        fingerprint: wrapFingerprint,
      };
      if (this.keyring.install(key, expected).ok) opened.add(key.version);
    }
    if (this.keyring.isUnlocked()) {
      try {
        await this.options.followChain?.();
      } catch (error) {
        // The sign-in goes on with the versions opened; the background pass follows the chain later.
        console.warn('The unit key chain could not be followed at sign-in:', error);
      }
      const copied = await this.#copyMissing(officerId, secret, opened);
      return opened.size > 0 || !copied ? 'unlocked' : 'copied';
    }
    const wrapper = await secretWrapper(secret, 'officer', this.options.iterations);
    const stop = this.keyring.onUnlock(() => {
      if (this.#pending?.officerId !== officerId) return;
      this.#dropPending();
      this.#storing = this.#storeAll(officerId, wrapper);
      this.#storing.catch((error: unknown) =>
        console.warn('The unit key could not be copied for the signed-in officer:', error),
      );
    });
    this.#pending = { officerId, wrapper, stop };
    return 'no-key';
  }

  /**
   * Resolves once the officer who signed in without the key has their copy of a key installed
   * since (a transfer code): the copy is made as the key is installed; this waits for it to be
   * stored, and throws when it could not be.
   */
  async keepForOfficer(): Promise<void> {
    const storing = this.#storing;
    this.#storing = undefined;
    await storing;
  }

  /** The officer at the desk left it (sign-out, another officer): a waiting copy is not made for them. */
  signedOut(): void {
    this.#dropPending();
  }

  /**
   * `officerId`'s secret changed (their own change, or a manager's new first PIN): their copies are
   * replaced by copies under the new secret when the key is unlocked; otherwise they are left (the
   * old secret no longer signs in, so nobody opens them through the app).
   */
  async secretChanged(officerId: string, secret: string): Promise<boolean> {
    if (!this.keyring.isUnlocked()) return false;
    const wrapper = await secretWrapper(secret, 'officer', this.options.iterations);
    const wraps = await Promise.all(this.#held().map((key) => wrapper.wrap(key)));
    await this.wraps.replace(officerId, wraps, this.options.now());
    return true;
  }

  /**
   * Makes `key` (just created and announced: ./first-unit-key) this run's and copies it for
   * `officerId` under `secret`.
   */
  async adopt(key: UnitKey, officerId: string, secret: string): Promise<void> {
    const installed = this.keyring.install(key, key);
    if (!installed.ok) throw new Error(`The unit key could not be installed: ${installed.problem}`);
    await this.#copyMissing(officerId, secret);
  }

  /** Whether any officer has a copy of the unit key on this device. */
  anyCopyHere(): Promise<boolean> {
    return this.wraps.any();
  }

  #held(): UnitKey[] {
    return this.keyring.versions().flatMap((version) => this.keyring.byVersion(version) ?? []);
  }

  /**
   * Copies for `officerId` every unlocked version not in `have` (default: the versions they have a
   * copy of here); true when it wrote one.
   */
  async #copyMissing(officerId: string, secret: string, have?: ReadonlySet<number>): Promise<boolean> {
    const skip = have ?? new Set(await this.wraps.versionsOf(officerId));
    const missing = this.#held().filter((key) => !skip.has(key.version));
    if (missing.length === 0) return false;
    await this.#storeAll(officerId, await secretWrapper(secret, 'officer', this.options.iterations), missing);
    return true;
  }

  async #storeAll(
    officerId: string,
    wrapper: SecretWrapper,
    keys: readonly UnitKey[] = this.#held(),
  ): Promise<void> {
    for (const key of keys) await this.wraps.store(officerId, await wrapper.wrap(key), this.options.now());
  }

  #dropPending(): void {
    this.#pending?.stop();
    this.#pending = undefined;
  }
}
