import { describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS, SECRET_ITERATIONS } from '../auth/secret-verifier';
import { fromBase64url, toBase64url } from './base64url';
import { secretWrapSchema, secretWrapper, unwrapUnitKey, wrapUnitKey } from './secret-wrap';
import { createUnitKey } from './unit-key';

// The lowest count the schema accepts keeps the tests fast; the app uses SECRET_ITERATIONS.
const FAST = MIN_SECRET_ITERATIONS;

function flipFirstByte(text: string): string {
  const bytes = fromBase64url(text);
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return toBase64url(bytes);
}

describe('the unit key wrapped under a secret', () => {
  it('stores the count, a salt, an IV, the version and fingerprint, never the key; opens with the secret', async () => {
    const key = await createUnitKey(2);
    const wrap = await wrapUnitKey(key, '482913', 'officer', FAST);
    expect(secretWrapSchema.parse(wrap)).toEqual(wrap);
    expect(wrap).toMatchObject({
      keyVersion: 2,
      fingerprint: key.fingerprint,
      iterations: FAST,
      purpose: 'officer',
    });
    expect(JSON.stringify(wrap)).not.toContain(toBase64url(key.exportBytes()));
    const opened = await unwrapUnitKey(wrap, '482913', 'officer');
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.key.version).toBe(2);
      expect(opened.key.exportBytes()).toEqual(key.exportBytes());
    }
  });

  it('uses the sign-in verifier’s iteration count by default', async () => {
    const wrap = await wrapUnitKey(await createUnitKey(), 'a passphrase of words', 'recovery');
    expect(wrap.iterations).toBe(SECRET_ITERATIONS);
  });

  it('gives "wrong-secret" for a wrong secret, never an exception', async () => {
    const wrap = await wrapUnitKey(await createUnitKey(), '482913', 'officer', FAST);
    expect(await unwrapUnitKey(wrap, '482914', 'officer')).toEqual({ ok: false, reason: 'wrong-secret' });
    expect(await unwrapUnitKey(wrap, '', 'officer')).toEqual({ ok: false, reason: 'wrong-secret' });
  });

  it('does not open a tampered ciphertext, salt, IV, version or fingerprint', async () => {
    const key = await createUnitKey();
    const wrap = await wrapUnitKey(key, '482913', 'officer', FAST);
    const other = await createUnitKey();
    for (const tampered of [
      { ...wrap, ciphertext: flipFirstByte(wrap.ciphertext) },
      { ...wrap, salt: flipFirstByte(wrap.salt) },
      { ...wrap, iv: flipFirstByte(wrap.iv) },
      { ...wrap, keyVersion: 2 },
      { ...wrap, fingerprint: other.fingerprint },
      { ...wrap, iterations: FAST + 1 },
    ]) {
      expect(await unwrapUnitKey(tampered, '482913', 'officer')).toEqual({
        ok: false,
        reason: 'wrong-secret',
      });
    }
  });

  it('does not open a wrap made for another purpose (a transfer wrap is not an officer wrap)', async () => {
    const wrap = await wrapUnitKey(await createUnitKey(), '482913', 'transfer', FAST);
    expect(await unwrapUnitKey(wrap, '482913', 'officer')).toEqual({ ok: false, reason: 'malformed' });
    expect(await unwrapUnitKey({ ...wrap, purpose: 'officer' }, '482913', 'officer')).toEqual({
      ok: false,
      reason: 'wrong-secret',
    });
  });

  it('says malformed for what is not a wrap, and refuses a count below the minimum', async () => {
    const wrap = await wrapUnitKey(await createUnitKey(), '482913', 'officer', FAST);
    for (const bad of [null, 42, {}, { ...wrap, iterations: 1000 }, { ...wrap, extra: true }]) {
      expect(await unwrapUnitKey(bad, '482913', 'officer')).toEqual({ ok: false, reason: 'malformed' });
    }
    await expect(wrapUnitKey(await createUnitKey(), '482913', 'officer', 1000)).rejects.toThrow(RangeError);
  });

  it('derives once and wraps later keys with one salt and a fresh IV each (a key that arrives after sign-in)', async () => {
    const wrapper = await secretWrapper('482913', 'officer', FAST);
    const first = await createUnitKey(1);
    const second = await createUnitKey(2);
    const a = await wrapper.wrap(first);
    const b = await wrapper.wrap(second);
    expect(b.salt).toBe(a.salt);
    expect(b.iv).not.toBe(a.iv);
    const opened = await unwrapUnitKey(b, '482913', 'officer');
    expect(opened.ok && opened.key.fingerprint).toBe(second.fingerprint);
    expect(await unwrapUnitKey(a, '000000', 'officer')).toEqual({ ok: false, reason: 'wrong-secret' });
  });
});
