/**
 * THE shared unit key of tests (imported by tests only; docs/decisions/017-unit-key.md): tests that
 * put two devices, or a device and the test itself, on one unit give each the same key through
 * this fixture, instead of the real transfer (a one-time code a manager shows). The app never
 * installs a key any other way than its own creation, an officer's copy, or a transfer.
 */
import { UnitKey } from '../../../shared/crypto/unit-key';
import { ReporterVault } from './reporter-vault';
import { UnitKeyring } from './unit-keyring';

/** Fixed bytes: every test process makes the same key (and fingerprint). */
const TEST_UNIT_KEY_BYTES = new Uint8Array(Array.from({ length: 32 }, (_, index) => (index * 37 + 11) % 256));

/** The tests' unit key, version 1. */
export function testUnitKey(): Promise<UnitKey> {
  return UnitKey.fromBytes(1, TEST_UNIT_KEY_BYTES);
}

/** A keyring holding the tests' unit key (as a device after sign-in). */
export async function testKeyring(): Promise<UnitKeyring> {
  const keyring = new UnitKeyring();
  const key = await testUnitKey();
  keyring.install(key, key);
  return keyring;
}

/** A vault that seals and opens with the tests' unit key. */
export async function testVault(): Promise<ReporterVault> {
  return new ReporterVault(await testKeyring());
}

/** Installs the tests' unit key into `keyring` (a second device of a test's unit). */
export async function installTestUnitKey(keyring: UnitKeyring): Promise<void> {
  const key = await testUnitKey();
  const installed = keyring.install(key, key);
  if (!installed.ok) throw new Error(`the tests' unit key was not installed: ${installed.problem}`);
}
