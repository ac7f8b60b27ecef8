/**
 * The recovery passphrase's rule and wait, and the `unit-key-recovery` document: made with every
 * key version, it opens with the passphrase as typed on another keyboard (spaces, NFKC) into the
 * same keys; a wrong passphrase, a changed wrap, a swapped fingerprint, another unit's copy and a
 * key in clear are told, never thrown; the document holds no key bytes in clear.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS, SECRET_ITERATIONS } from '../auth/secret-verifier';
import { fromBase64url, toBase64url } from './base64url';
import {
  MAX_RECOVERY_DELAY_MS,
  RECOVERY_ITERATIONS,
  normalizeRecoveryPassphrase,
  recoveryDelayMs,
  recoveryPassphraseProblem,
} from './recovery-passphrase';
import { createUnitKey, type UnitKey } from './unit-key';
import {
  UNIT_KEY_RECOVERY_ID,
  createUnitKeyRecovery,
  openUnitKeyRecovery,
  unitKeyRecoveryDocSchema,
} from './unit-key-recovery-document';

const NOW = new Date('2026-12-06T03:00:00.000Z');
const PASSPHRASE = 'kopi tubruk pagi hari di Semarang';
const BY = { device: 'X7Q', officer: 'officer-manager' };

async function recovery(keys: readonly UnitKey[], passphrase = PASSPHRASE) {
  return createUnitKeyRecovery({
    unitCode: 'KTB',
    keys,
    passphrase,
    now: NOW,
    by: BY,
    iterations: MIN_SECRET_ITERATIONS,
  });
}

describe('the recovery passphrase', () => {
  it('needs 16 characters or 4 words of 3+ letters, not a pattern', () => {
    expect(recoveryPassphraseProblem('')).toBe('too-short');
    expect(recoveryPassphraseProblem('rahasia-kantor1')).toBe('too-short'); // 15
    expect(recoveryPassphraseProblem('rahasia-kantor12')).toBeNull(); // 16
    expect(recoveryPassphraseProblem('aku dan kau di')).toBe('too-short'); // 4 words, one of 2 letters
    expect(recoveryPassphraseProblem('air teh kue nasi')).toBeNull(); // 4 words of 3+, 16 characters
    expect(recoveryPassphraseProblem('air teh kue ubi')).toBeNull(); // 4 words, 15 characters
    expect(recoveryPassphraseProblem('   air    teh  ')).toBe('too-short'); // spaces do not count
    expect(recoveryPassphraseProblem('aaaaaaaaaaaaaaaaaaaa')).toBe('too-simple');
    expect(recoveryPassphraseProblem('abababababababababab')).toBe('too-simple');
    expect(recoveryPassphraseProblem('x'.repeat(1_025))).toBe('too-long');
  });

  it('is read the same from any keyboard: NFKC, trimmed, inner spaces as one; case counts', () => {
    expect(normalizeRecoveryPassphrase('  kopi\ttubruk \u00a0 pagi  ')).toBe('kopi tubruk pagi');
    expect(normalizeRecoveryPassphrase('ﬁle Ｓemarang')).toBe('file Semarang');
    expect(normalizeRecoveryPassphrase('Kopi')).not.toBe(normalizeRecoveryPassphrase('kopi'));
  });

  it('waits longer after each wrong one past the first two, at most an hour', () => {
    expect([0, 1, 2].map(recoveryDelayMs)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map(recoveryDelayMs)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(recoveryDelayMs(12)).toBe(MAX_RECOVERY_DELAY_MS);
    expect(recoveryDelayMs(1_000)).toBe(MAX_RECOVERY_DELAY_MS);
  });

  it('is derived at twice the sign-in count', () => {
    expect(RECOVERY_ITERATIONS).toBe(SECRET_ITERATIONS * 2);
  });
});

describe('the unit-key-recovery document', () => {
  it('opens with the passphrase, typed with other spacing, into every version it was made with', async () => {
    const keys = [await createUnitKey(1), await createUnitKey(2)];
    const doc = await recovery(keys);
    expect(doc._id).toBe(UNIT_KEY_RECOVERY_ID);
    expect(doc.keyVersion).toBe(2);
    expect(doc.fingerprint).toBe(keys[1]?.fingerprint);
    expect(doc.wraps.map((wrap) => [wrap.purpose, wrap.keyVersion])).toEqual([
      ['recovery', 1],
      ['recovery', 2],
    ]);
    // No key's bytes appear in the document.
    const text = JSON.stringify(doc);
    for (const key of keys) expect(text).not.toContain(toBase64url(key.exportBytes()));

    const opened = await openUnitKeyRecovery(doc, `  kopi tubruk  pagi hari di\tSemarang `, 'KTB');
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.keys.map((key) => [key.version, key.fingerprint])).toEqual(
      keys.map((key) => [key.version, key.fingerprint]),
    );
    expect(toBase64url(opened.keys[0]?.exportBytes() ?? new Uint8Array())).toBe(
      toBase64url(keys[0]?.exportBytes() ?? new Uint8Array()),
    );
  });

  it('says wrong-passphrase for another passphrase, or another letter case', async () => {
    const doc = await recovery([await createUnitKey(1)]);
    expect(await openUnitKeyRecovery(doc, 'kopi tubruk pagi hari di semarang', 'KTB')).toEqual({
      ok: false,
      reason: 'wrong-passphrase',
    });
    expect(await openUnitKeyRecovery(doc, '', 'KTB')).toEqual({ ok: false, reason: 'wrong-passphrase' });
  });

  it('says malformed for a changed wrap, a swapped fingerprint or a key in clear; other-unit for another unit', async () => {
    const keys = [await createUnitKey(1), await createUnitKey(2)];
    const doc = await recovery(keys);
    const second = doc.wraps[1];
    if (!second) throw new Error('two wraps');
    const bytes = fromBase64url(second.ciphertext);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const changed = { ...doc, wraps: [doc.wraps[0], { ...second, ciphertext: toBase64url(bytes) }] };
    expect(await openUnitKeyRecovery(changed, PASSPHRASE, 'KTB')).toEqual({ ok: false, reason: 'malformed' });
    const swapped = { ...doc, fingerprint: keys[0]?.fingerprint };
    expect(await openUnitKeyRecovery(swapped, PASSPHRASE, 'KTB')).toEqual({ ok: false, reason: 'malformed' });
    const relabelled = { ...doc, wraps: [{ ...doc.wraps[0], keyVersion: 2 }, second] };
    expect((await openUnitKeyRecovery(relabelled, PASSPHRASE, 'KTB')).ok).toBe(false);
    expect(unitKeyRecoveryDocSchema.safeParse({ ...doc, key: 'AAAA' }).success).toBe(false);
    expect(await openUnitKeyRecovery({ ...doc, key: 'AAAA' }, PASSPHRASE, 'KTB')).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(await openUnitKeyRecovery(doc, PASSPHRASE, 'BDG')).toEqual({ ok: false, reason: 'other-unit' });
  });

  it('refuses to be made with a weak passphrase or no key', async () => {
    await expect(recovery([await createUnitKey(1)], 'pendek')).rejects.toThrow(RangeError);
    await expect(recovery([])).rejects.toThrow(RangeError);
  });
});
