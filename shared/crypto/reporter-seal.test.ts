import { describe, expect, it } from 'vitest';
import type { ReporterFields } from '../complaint/reporter-fields';
import { fromBase64url, toBase64url } from './base64url';
import { derivePurposeKey } from './purpose-keys';
import { openIdentity, sealIdentity, sealedIdentitySchema, type SealingKey } from './reporter-seal';
import { createUnitKey, type UnitKey } from './unit-key';

const IDENTITY: ReporterFields = {
  name: 'Budi Santoso',
  nik: '3201234567890123',
  phone: '0812-3456-7890',
  email: 'budi@example.id',
  address: 'Jl. Merdeka 1, Bandung',
};
const DOC = 'reporter:ADU-KAB01-D01-20261206-0001';
const OTHER_DOC = 'reporter:ADU-KAB01-D01-20261206-0002';

async function sealingKey(unitKey: UnitKey): Promise<SealingKey> {
  return { version: unitKey.version, key: await derivePurposeKey(unitKey, 'reporter-seal') };
}

function flipFirstByte(text: string): string {
  const bytes = fromBase64url(text);
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return toBase64url(bytes);
}

describe('sealing a reporter identity', () => {
  it('stores only the key version, a wrapped data key, an IV and ciphertext; opens to the five fields', async () => {
    const key = await sealingKey(await createUnitKey());
    const sealed = await sealIdentity(key, DOC, IDENTITY);
    expect(sealedIdentitySchema.parse(sealed)).toEqual(sealed);
    expect(Object.keys(sealed).sort()).toEqual(['algorithm', 'ciphertext', 'iv', 'keyVersion', 'wrappedKey']);
    const json = JSON.stringify(sealed);
    for (const value of Object.values(IDENTITY)) expect(json).not.toContain(value);
    expect(json).not.toContain('Budi');
    expect(await openIdentity(key, DOC, sealed)).toEqual({ ok: true, fields: IDENTITY });
  });

  it('uses a fresh data key and IV per seal (the same identity twice gives different seals)', async () => {
    const key = await sealingKey(await createUnitKey());
    const first = await sealIdentity(key, DOC, IDENTITY);
    const second = await sealIdentity(key, DOC, IDENTITY);
    expect(second.wrappedKey).not.toBe(first.wrappedKey);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it('pads: a short and a slightly longer name give ciphertexts of one length', async () => {
    const key = await sealingKey(await createUnitKey());
    // {"name":…,"nik":…,"phone":…,"email":"","address":""}: 81 and 91 bytes, both padded to 128.
    const short = await sealIdentity(key, DOC, { ...IDENTITY, email: '', address: '', name: 'Ani' });
    const longer = await sealIdentity(key, DOC, {
      ...IDENTITY,
      email: '',
      address: '',
      name: 'Ani Wulandari',
    });
    expect(longer.ciphertext).toHaveLength(short.ciphertext.length);
  });

  it('keeps identity at its limits (every character escaped) within the stored bounds', async () => {
    const key = await sealingKey(await createUnitKey());
    const control = '\u0001';
    const widest = {
      name: control.repeat(150),
      nik: '',
      phone: '',
      email: control.repeat(254),
      address: control.repeat(500),
    };
    const sealed = await sealIdentity(key, DOC, widest);
    expect(sealedIdentitySchema.safeParse(sealed).success).toBe(true);
    expect(await openIdentity(key, DOC, sealed)).toEqual({ ok: true, fields: widest });
  });

  it('does not open with a wrong key, or with a key of another version', async () => {
    const unitKey = await createUnitKey();
    const sealed = await sealIdentity(await sealingKey(unitKey), DOC, IDENTITY);
    const otherKey = await sealingKey(await createUnitKey());
    expect(await openIdentity(otherKey, DOC, sealed)).toEqual({ ok: false, reason: 'wrong-key' });
    const relabelled = { version: 2, key: (await sealingKey(unitKey)).key };
    expect(await openIdentity(relabelled, DOC, sealed)).toEqual({ ok: false, reason: 'wrong-key' });
  });

  it('does not open under another document id (an identity pasted into another reporter document)', async () => {
    const key = await sealingKey(await createUnitKey());
    const sealed = await sealIdentity(key, DOC, IDENTITY);
    expect(await openIdentity(key, OTHER_DOC, sealed)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('does not open a tampered ciphertext, IV, wrapped key or key version', async () => {
    const unitKey = await createUnitKey();
    const key = await sealingKey(unitKey);
    const sealed = await sealIdentity(key, DOC, IDENTITY);
    expect(await openIdentity(key, DOC, { ...sealed, ciphertext: flipFirstByte(sealed.ciphertext) })).toEqual(
      {
        ok: false,
        reason: 'tampered',
      },
    );
    expect(await openIdentity(key, DOC, { ...sealed, iv: flipFirstByte(sealed.iv) })).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(await openIdentity(key, DOC, { ...sealed, wrappedKey: flipFirstByte(sealed.wrappedKey) })).toEqual(
      {
        ok: false,
        reason: 'wrong-key',
      },
    );
    // The version is authenticated: a seal relabelled as version 2 fails even with a version-2 key of the same bytes.
    const relabelled = { version: 2, key: key.key };
    expect(await openIdentity(relabelled, DOC, { ...sealed, keyVersion: 2 })).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('says malformed for anything that is not a sealed identity, never throws', async () => {
    const key = await sealingKey(await createUnitKey());
    const sealed = await sealIdentity(key, DOC, IDENTITY);
    for (const bad of [
      null,
      'x',
      {},
      { ...sealed, extra: 1 },
      { ...sealed, iv: 'short' },
      { ...sealed, keyVersion: 0 },
    ]) {
      expect(await openIdentity(key, DOC, bad)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});
