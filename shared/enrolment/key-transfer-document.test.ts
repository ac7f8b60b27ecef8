/**
 * The key transfer document: made with every version of the unit key wrapped under the code,
 * opened only with that code, its keys checked against their fingerprints; an expired one is told
 * as such and gives nothing. The central's rules on it: ../couch/validate-key-transfer.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../auth/secret-verifier';
import { createUnitKey } from '../crypto/unit-key';
import { createKeyTransfer, keyTransferDocSchema, openKeyTransfer } from './key-transfer-document';
import { parseTransferCode, type TransferCode } from './transfer-code';

const NOW = new Date('2026-12-06T03:00:00.000Z');
const BY = { device: 'X7Q', officer: 'officer-manager' };

function codeOf(text: string): TransferCode {
  const parsed = parseTransferCode(text);
  if (!parsed.ok) throw new Error(parsed.problem.key);
  return parsed.value;
}

async function transfer(minutes?: number) {
  const keys = [await createUnitKey(1), await createUnitKey(2)];
  const made = await createKeyTransfer({
    unitCode: 'KTB',
    keys,
    now: NOW,
    by: BY,
    iterations: MIN_SECRET_ITERATIONS,
    ...(minutes !== undefined ? { minutes } : {}),
  });
  return { keys, ...made };
}

describe('key transfer document', () => {
  it('holds every version wrapped under the code, opened only with that code', async () => {
    const { keys, doc, code } = await transfer();
    expect(keyTransferDocSchema.parse(doc)).toEqual(doc);
    expect(doc.expiresAt).toBe('2026-12-06T03:15:00.000Z');
    expect(doc.keyVersion).toBe(2);
    expect(doc.fingerprint).toBe(keys[1]?.fingerprint);
    expect(doc.wraps.map((wrap) => wrap.keyVersion)).toEqual([1, 2]);
    // Nothing but ciphertext: no key bytes, no code in the document.
    const text = JSON.stringify(doc);
    expect(text).not.toContain(code.replace(/-/g, '').slice(3));
    const opened = await openKeyTransfer(doc, codeOf(code), new Date(NOW.getTime() + 60_000));
    expect(opened.ok && opened.keys.map((key) => [key.version, key.fingerprint])).toEqual(
      keys.map((key) => [key.version, key.fingerprint]),
    );
  });

  it('tells a wrong code, an expired one, another unit and a changed document apart', async () => {
    const { doc, code } = await transfer(15);
    const other = await transfer();
    expect(await openKeyTransfer(doc, codeOf(other.code), NOW)).toEqual({ ok: false, reason: 'wrong-code' });
    expect(await openKeyTransfer(doc, codeOf(code), new Date('2026-12-06T03:15:00.000Z'))).toEqual({
      ok: false,
      reason: 'expired',
      expiresAt: '2026-12-06T03:15:00.000Z',
    });
    expect(await openKeyTransfer({ ...doc, unitCode: 'BDG' }, codeOf(code), NOW)).toEqual({
      ok: false,
      reason: 'other-unit',
    });
    expect(await openKeyTransfer({ ...doc, fingerprint: other.doc.fingerprint }, codeOf(code), NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(await openKeyTransfer({ ...doc, extra: 1 }, codeOf(code), NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
