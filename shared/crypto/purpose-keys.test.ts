import { describe, expect, it } from 'vitest';
import { toBase64url } from './base64url';
import { KEY_PURPOSES, derivePurposeKey, purposeInfo } from './purpose-keys';
import { UnitKey, createUnitKey } from './unit-key';

const sample = new TextEncoder().encode('tokens');

describe('purpose keys', () => {
  it('gives each purpose a non-extractable key of its own algorithm', async () => {
    const unitKey = await createUnitKey();
    const seal = await derivePurposeKey(unitKey, 'reporter-seal');
    const search = await derivePurposeKey(unitKey, 'search-index');
    const drafts = await derivePurposeKey(unitKey, 'drafts');
    expect(seal.algorithm.name).toBe('AES-KW');
    expect(seal.usages.sort()).toEqual(['unwrapKey', 'wrapKey']);
    expect(search.algorithm.name).toBe('HMAC');
    expect(search.usages.sort()).toEqual(['sign', 'verify']);
    expect(drafts.algorithm.name).toBe('AES-GCM');
    expect(drafts.usages.sort()).toEqual(['decrypt', 'encrypt']);
    for (const key of [seal, search, drafts]) expect(key.extractable).toBe(false);
    // A key of one purpose cannot be used for another's operation.
    await expect(crypto.subtle.sign('HMAC', drafts, sample)).rejects.toThrow();
  });

  it('is deterministic for one key and version, different across keys and versions (HMAC outputs)', async () => {
    const unitKey = await createUnitKey(1);
    const same = await UnitKey.fromBytes(1, unitKey.exportBytes());
    const nextVersion = await UnitKey.fromBytes(2, unitKey.exportBytes());
    const other = await createUnitKey(1);
    const mac = async (key: UnitKey): Promise<string> =>
      toBase64url(
        new Uint8Array(await crypto.subtle.sign('HMAC', await derivePurposeKey(key, 'search-index'), sample)),
      );
    expect(await mac(same)).toBe(await mac(unitKey));
    expect(await mac(nextVersion)).not.toBe(await mac(unitKey));
    expect(await mac(other)).not.toBe(await mac(unitKey));
  });

  it('names purpose and version in the HKDF info', () => {
    expect(new Set(KEY_PURPOSES.map((purpose) => purposeInfo(purpose, 1))).size).toBe(KEY_PURPOSES.length);
    expect(purposeInfo('drafts', 2)).toBe('meja-aduan/purpose/drafts/unit-key-v2');
  });
});
