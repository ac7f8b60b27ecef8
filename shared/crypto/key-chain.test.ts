/**
 * The key chain and the re-wrapped seal (decision 022, rotation): v1 → v2 → v3, each opened only by
 * the version it names into the key its document announces; a wrong key, a changed wrap, another
 * target version or fingerprint give null. A seal re-wrapped from v1 to v2 (and on to v3) opens with
 * the newer key only, keeps its ciphertext, and is the same on every device (AES-KW is
 * deterministic); a relabelled or pasted seal still does not open.
 */
import { describe, expect, it } from 'vitest';
import type { ReporterFields } from '../complaint/reporter-fields';
import { fromBase64url, toBase64url } from './base64url';
import { chainUnwrap, chainWrap } from './key-chain';
import { derivePurposeKey } from './purpose-keys';
import { openIdentity, rewrapIdentity, sealIdentity, type SealingKey } from './reporter-seal';
import { createUnitKey, type UnitKey } from './unit-key';
import { newUnitKeyDoc, unitKeyDocSchema } from './unit-key-document';

const FIELDS: ReporterFields = {
  name: 'Siti Aminah',
  nik: '3374015505900001',
  phone: '081234567890',
  email: '',
  address: 'Jl. Pemuda 5',
};
const ID = 'reporter:KTB-260302-A2C-0001';

const sealing = async (key: UnitKey): Promise<SealingKey> => ({
  version: key.version,
  key: await derivePurposeKey(key, 'reporter-seal'),
});

describe('the key chain', () => {
  it('carries v1 to v2 to v3, each opened by the version before it only', async () => {
    const [v1, v2, v3] = [await createUnitKey(1), await createUnitKey(2), await createUnitKey(3)];
    const chain2 = await chainWrap(v1, v2);
    const chain3 = await chainWrap(v2, v3);
    expect(chain2.fromVersion).toBe(1);
    expect(JSON.stringify(chain2)).not.toContain(toBase64url(v2.exportBytes()));

    const got2 = await chainUnwrap(v1, chain2, 2, v2.fingerprint);
    expect(got2?.fingerprint).toBe(v2.fingerprint);
    if (!got2) throw new Error('v2');
    const got3 = await chainUnwrap(got2, chain3, 3, v3.fingerprint);
    expect(got3?.fingerprint).toBe(v3.fingerprint);
    expect(toBase64url(got3?.exportBytes() ?? new Uint8Array())).toBe(toBase64url(v3.exportBytes()));

    // v1 does not open v3's chain (it names v2); another key of v1 does not open v2's.
    expect(await chainUnwrap(v1, chain3, 3, v3.fingerprint)).toBeNull();
    expect(await chainUnwrap(await createUnitKey(1), chain2, 2, v2.fingerprint)).toBeNull();
    // A changed wrap, another target version or another fingerprint.
    const bytes = fromBase64url(chain2.wrappedKey);
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    expect(
      await chainUnwrap(v1, { ...chain2, wrappedKey: toBase64url(bytes) }, 2, v2.fingerprint),
    ).toBeNull();
    expect(await chainUnwrap(v1, chain2, 3, v2.fingerprint)).toBeNull();
    expect(await chainUnwrap(v1, chain2, 2, v3.fingerprint)).toBeNull();
    expect(await chainUnwrap(v1, { ...chain2, extra: 1 }, 2, v2.fingerprint)).toBeNull();
    await expect(chainWrap(v2, v1)).rejects.toThrow(RangeError);
  });

  it('travels in the unit-key document of the newer version', async () => {
    const [v1, v2] = [await createUnitKey(1), await createUnitKey(2)];
    const doc = newUnitKeyDoc(
      'KTB',
      v2,
      new Date('2026-12-06T03:00:00.000Z'),
      { device: 'A2C', officer: 'o' },
      await chainWrap(v1, v2),
    );
    expect(unitKeyDocSchema.safeParse(doc).success).toBe(true);
    expect((await chainUnwrap(v1, doc.chain, 2, doc.fingerprint))?.fingerprint).toBe(v2.fingerprint);
    expect(unitKeyDocSchema.safeParse({ ...doc, chain: { ...doc.chain, key: 'AAAA' } }).success).toBe(false);
  });
});

describe('a re-wrapped seal', () => {
  it('moves from v1 to v2 to v3 with the same ciphertext, the same on every device, and opens only with the newest key', async () => {
    const [v1, v2, v3] = [await createUnitKey(1), await createUnitKey(2), await createUnitKey(3)];
    const [s1, s2, s3] = [await sealing(v1), await sealing(v2), await sealing(v3)];
    const sealed = await sealIdentity(s1, ID, FIELDS);
    const moved = await rewrapIdentity(s1, s2, sealed);
    if (!moved) throw new Error('rewrap');
    expect(moved).toEqual({ ...sealed, keyVersion: 2, sealedVersion: 1, wrappedKey: moved.wrappedKey });
    expect(moved.wrappedKey).not.toBe(sealed.wrappedKey);
    // Another device with the same keys writes the same seal, field for field and in the same order.
    const again = await rewrapIdentity(await sealing(v1), await sealing(v2), sealed);
    expect(JSON.stringify(again)).toBe(JSON.stringify(moved));

    expect(await openIdentity(s2, ID, moved)).toEqual({ ok: true, fields: FIELDS });
    expect(await openIdentity(s1, ID, moved)).toEqual({ ok: false, reason: 'wrong-key' });
    const onward = await rewrapIdentity(s2, s3, moved);
    expect(onward?.sealedVersion).toBe(1);
    expect(await openIdentity(s3, ID, onward)).toEqual({ ok: true, fields: FIELDS });

    // Not the seal's key, or not newer: nothing.
    expect(await rewrapIdentity(s2, s3, sealed)).toBeNull();
    expect(await rewrapIdentity(s2, s1, moved)).toBeNull();
    // Relabelled to another sealed version, or pasted into another document: does not open.
    expect(await openIdentity(s2, ID, { ...moved, sealedVersion: 2 })).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(await openIdentity(s2, 'reporter:KTB-260302-A2C-0002', moved)).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });
});
