import { describe, expect, it } from 'vitest';
import { toBase64url } from './base64url';
import { FINGERPRINT_PATTERN, UNIT_KEY_BYTES, UnitKey, createUnitKey, matchesFingerprint } from './unit-key';

describe('unit key', () => {
  it('is 256 random bits with a version and a public fingerprint', async () => {
    const first = await createUnitKey();
    const second = await createUnitKey(2);
    expect(first.version).toBe(1);
    expect(second.version).toBe(2);
    expect(first.exportBytes()).toHaveLength(UNIT_KEY_BYTES);
    expect(first.exportBytes()).not.toEqual(second.exportBytes());
    expect(first.fingerprint).toMatch(FINGERPRINT_PATTERN);
    expect(first.fingerprint).not.toBe(second.fingerprint);
  });

  it('gives the same fingerprint for the same bytes, a different one for a key one bit apart', async () => {
    const key = await createUnitKey(3);
    const again = await UnitKey.fromBytes(3, key.exportBytes());
    expect(again.fingerprint).toBe(key.fingerprint);
    expect(matchesFingerprint(again, 3, key.fingerprint)).toBe(true);
    expect(matchesFingerprint(again, 4, key.fingerprint)).toBe(false);
    const flipped = key.exportBytes();
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const other = await UnitKey.fromBytes(3, flipped);
    expect(matchesFingerprint(other, 3, key.fingerprint)).toBe(false);
  });

  it('never shows its bytes in JSON or the fingerprint', async () => {
    const key = await createUnitKey();
    const json = JSON.stringify({ key });
    expect(JSON.parse(json)).toEqual({ key: { version: 1, fingerprint: key.fingerprint } });
    const encoded = toBase64url(key.exportBytes());
    expect(json).not.toContain(encoded.slice(0, 16));
    expect(encoded).not.toContain(key.fingerprint);
  });

  it('refuses a wrong length or version', async () => {
    await expect(UnitKey.fromBytes(1, new Uint8Array(16))).rejects.toThrow(RangeError);
    await expect(UnitKey.fromBytes(0, new Uint8Array(32))).rejects.toThrow(RangeError);
    await expect(UnitKey.fromBytes(1.5, new Uint8Array(32))).rejects.toThrow(RangeError);
  });

  it('keeps its own copy: changing the bytes given or exported changes nothing', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const key = await UnitKey.fromBytes(1, bytes);
    const before = key.exportBytes();
    bytes.fill(0);
    key.exportBytes().fill(0);
    expect(key.exportBytes()).toEqual(before);
  });
});
