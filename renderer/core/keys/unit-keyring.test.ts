import { describe, expect, it, vi } from 'vitest';
import { openIdentity, sealIdentity } from '../../../shared/crypto/reporter-seal';
import { UnitKey, createUnitKey } from '../../../shared/crypto/unit-key';
import { UnitKeyLockedError, UnitKeyring, isUnitKeyLocked } from './unit-keyring';

const IDENTITY = {
  name: 'Budi Santoso',
  nik: '3201234567890123',
  phone: '081234567890',
  email: '',
  address: '',
};

describe('the unit keyring', () => {
  it('is locked until a key is installed: current and purposeKey refuse with a named error', async () => {
    const keyring = new UnitKeyring();
    expect(keyring.isUnlocked()).toBe(false);
    expect(() => keyring.current()).toThrow(UnitKeyLockedError);
    await expect(keyring.purposeKey('reporter-seal')).rejects.toSatisfy(isUnitKeyLocked);
    expect(keyring.byVersion(1)).toBeUndefined();
  });

  it('installs a key whose fingerprint is the expected one, and tells its listeners', async () => {
    const keyring = new UnitKeyring();
    const key = await createUnitKey();
    const heard = vi.fn();
    keyring.onUnlock(heard);
    const unlocked = keyring.whenUnlocked();
    expect(keyring.install(key, { version: 1, fingerprint: key.fingerprint })).toEqual({
      ok: true,
      added: true,
    });
    await unlocked;
    expect(heard).toHaveBeenCalledTimes(1);
    expect(keyring.isUnlocked()).toBe(true);
    expect(keyring.current()).toBe(key);
    expect(keyring.byVersion(1)).toBe(key);
    // The same key again adds nothing and tells nobody.
    expect(keyring.install(key, { version: 1, fingerprint: key.fingerprint })).toEqual({
      ok: true,
      added: false,
    });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('refuses a key with another fingerprint or version, and a second key of a version held', async () => {
    const keyring = new UnitKeyring();
    const key = await createUnitKey();
    const other = await createUnitKey();
    expect(keyring.install(other, { version: 1, fingerprint: key.fingerprint })).toEqual({
      ok: false,
      problem: 'fingerprint-mismatch',
    });
    expect(keyring.install(key, { version: 2, fingerprint: key.fingerprint })).toEqual({
      ok: false,
      problem: 'fingerprint-mismatch',
    });
    expect(keyring.isUnlocked()).toBe(false);
    keyring.install(key, { version: 1, fingerprint: key.fingerprint });
    expect(keyring.install(other, { version: 1, fingerprint: other.fingerprint })).toEqual({
      ok: false,
      problem: 'version-held',
    });
    expect(keyring.current()).toBe(key);
  });

  it('uses the newest version as current and keeps older ones for reading', async () => {
    const keyring = new UnitKeyring();
    const first = await createUnitKey(1);
    const second = await createUnitKey(2);
    keyring.install(second, second);
    keyring.install(first, first);
    expect(keyring.current()).toBe(second);
    expect(keyring.versions()).toEqual([1, 2]);
    const old = await keyring.purposeKey('reporter-seal', 1);
    expect(old.version).toBe(1);
    const sealed = await sealIdentity(old, 'reporter:X', IDENTITY);
    expect(await openIdentity(await keyring.purposeKey('reporter-seal', 1), 'reporter:X', sealed)).toEqual({
      ok: true,
      fields: IDENTITY,
    });
    await expect(keyring.purposeKey('reporter-seal', 3)).rejects.toThrow(UnitKeyLockedError);
  });

  it('gives the same purpose key for the same key on another device (seal here, open there)', async () => {
    const key = await createUnitKey();
    const here = new UnitKeyring();
    const there = new UnitKeyring();
    here.install(key, key);
    there.install(await UnitKey.fromBytes(1, key.exportBytes()), key);
    const sealed = await sealIdentity(await here.purposeKey('reporter-seal'), 'reporter:X', IDENTITY);
    expect(await openIdentity(await there.purposeKey('reporter-seal'), 'reporter:X', sealed)).toEqual({
      ok: true,
      fields: IDENTITY,
    });
  });

  it('forgets every key when cleared; a listener that stopped hears nothing', async () => {
    const keyring = new UnitKeyring();
    const heard = vi.fn();
    const stop = keyring.onUnlock(heard);
    stop();
    const key = await createUnitKey();
    keyring.install(key, key);
    expect(heard).not.toHaveBeenCalled();
    expect(keyring.isUnlocked()).toBe(true);
    keyring.clear();
    expect(keyring.isUnlocked()).toBe(false);
    expect(() => keyring.current()).toThrow(UnitKeyLockedError);
  });
});
