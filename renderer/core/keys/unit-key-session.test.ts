/**
 * The session's unit key with this device's copies (fake-indexeddb, the browser host's sealing):
 * an officer who signs in without the key and without a copy gets one as soon as a key is
 * installed later in the run (a transfer code), and `keepForOfficer` waits for it; a copy the host
 * cannot open any more (another OS keychain) is left out, never an error.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../../../shared/auth/secret-verifier';
import { chainUnwrap, chainWrap } from '../../../shared/crypto/key-chain';
import { createUnitKey } from '../../../shared/crypto/unit-key';
import { DeviceDatabase } from '../data/device-database';
import { DeviceKeyWraps } from './device-key-wraps';
import { UnitKeySession } from './unit-key-session';
import { UnitKeyring } from './unit-keyring';

const browserHost = {
  sealKeyWrap: ({ text }: { text: string }) =>
    Promise.resolve({ sealed: text, protection: 'browser-storage' as const }),
  openKeyWrap: ({ sealed }: { sealed: string }) =>
    Promise.resolve({ text: sealed, protection: 'browser-storage' as const }),
};

const databases: DeviceDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function session(host: ConstructorParameters<typeof DeviceKeyWraps>[1] = browserHost) {
  const db = new DeviceDatabase(`device-${crypto.randomUUID()}`);
  databases.push(db);
  const keyring = new UnitKeyring();
  const wraps = new DeviceKeyWraps(db, host);
  return {
    db,
    keyring,
    wraps,
    unitKeys: new UnitKeySession(keyring, wraps, {
      iterations: MIN_SECRET_ITERATIONS,
      now: () => new Date(),
    }),
  };
}

describe('the unit key session', () => {
  it('copies the key for an officer who signed in without it once a key is installed in the run', async () => {
    const { keyring, wraps, unitKeys } = session();
    expect(await unitKeys.signedIn('officer-wati', '482913', [])).toBe('no-key');
    const key = await createUnitKey();
    // A transfer code brings the key: installed after its fingerprint was checked.
    expect(keyring.install(key, key).ok).toBe(true);
    await unitKeys.keepForOfficer();
    expect(await wraps.versionsOf('officer-wati')).toEqual([1]);
    // The copy opens with the officer's secret in a later run.
    const later = new UnitKeySession(new UnitKeyring(), wraps, { now: () => new Date() });
    expect(await later.signedIn('officer-wati', '482913', [key])).toBe('unlocked');
    expect(later.keyring.current().fingerprint).toBe(key.fingerprint);
  });

  it('after a rotation, follows the chain at sign-in so the officer gets a copy of the newer version', async () => {
    const v1 = await createUnitKey(1);
    const v2 = await createUnitKey(2);
    const chain = await chainWrap(v1, v2);
    const db = new DeviceDatabase(`device-${crypto.randomUUID()}`);
    databases.push(db);
    const wraps = new DeviceKeyWraps(db, browserHost);
    const first = new UnitKeySession(new UnitKeyring(), wraps, {
      iterations: MIN_SECRET_ITERATIONS,
      now: () => new Date(),
    });
    first.keyring.install(v1, v1);
    expect(await first.signedIn('officer-wati', '482913', [v1])).toBe('copied');
    expect(await wraps.versionsOf('officer-wati')).toEqual([1]);
    // A later run, after version 2 was announced with its chain: the sign-in follows it first.
    const keyring = new UnitKeyring();
    const later = new UnitKeySession(keyring, wraps, {
      iterations: MIN_SECRET_ITERATIONS,
      now: () => new Date(),
      followChain: async () => {
        const from = keyring.byVersion(1);
        const next = from ? await chainUnwrap(from, chain, 2, v2.fingerprint) : null;
        if (next) keyring.install(next, v2);
      },
    });
    expect(await later.signedIn('officer-wati', '482913', [v1, v2])).toBe('unlocked');
    expect(keyring.versions()).toEqual([1, 2]);
    expect(await wraps.versionsOf('officer-wati')).toEqual([1, 2]);
  });

  it('makes no copy for an officer who left the desk before the key arrived', async () => {
    const { keyring, wraps, unitKeys } = session();
    await unitKeys.signedIn('officer-wati', '482913', []);
    unitKeys.signedOut();
    const key = await createUnitKey();
    keyring.install(key, key);
    await unitKeys.keepForOfficer();
    expect(await wraps.versionsOf('officer-wati')).toEqual([]);
  });

  it('refuses a copy whose key is not the one the unit announces (another fingerprint)', async () => {
    const { wraps, unitKeys } = session();
    const key = await createUnitKey();
    await unitKeys.adopt(key, 'officer-sari', '482913');
    const other = await createUnitKey();
    const later = new UnitKeySession(new UnitKeyring(), wraps, { now: () => new Date() });
    expect(
      await later.signedIn('officer-sari', '482913', [{ version: 1, fingerprint: other.fingerprint }]),
    ).toBe('no-key');
    expect(later.keyring.isUnlocked()).toBe(false);
  });

  it('leaves out a copy the host cannot open any more, without an error', async () => {
    const sealedAway = {
      sealKeyWrap: ({ text }: { text: string }) =>
        Promise.resolve({
          sealed: `enc:${Buffer.from(text).toString('base64')}`,
          protection: 'browser-storage' as const,
        }),
      openKeyWrap: () => Promise.resolve({ text: null, protection: 'browser-storage' as const }),
    };
    const { unitKeys, wraps } = session(sealedAway);
    await unitKeys.adopt(await createUnitKey(), 'officer-sari', '482913');
    expect(await wraps.versionsOf('officer-sari')).toEqual([1]);
    expect(await wraps.of('officer-sari')).toEqual([]);
  });
});
