/**
 * The unit database's `validate_doc_update` on the `unit-key-recovery` document
 * (../crypto/unit-key-recovery-document), run as CouchDB runs it (the source compiled alone, the
 * design document as `this`): the document as made, its replacement by another device of the unit
 * and its deletion are accepted; a key in clear, a wrap for another purpose, an empty list, another
 * id, another unit, no writer or another writer are refused; `unit-key:<version>` stays write-once.
 * A rotation's documents pass: `unit-key:2` with its chain, a reporter seal re-wrapped under it.
 * test/integration/central-key-recovery.test.ts runs the same on CouchDB 3.5.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../auth/secret-verifier';
import { toBase64url } from '../crypto/base64url';
import { wrapUnitKey } from '../crypto/secret-wrap';
import { createUnitKey } from '../crypto/unit-key';
import { newUnitKeyDoc } from '../crypto/unit-key-document';
import { createUnitKeyRecovery } from '../crypto/unit-key-recovery-document';
import { chainWrap } from '../crypto/key-chain';
import { intakeDocuments, reporterOf } from './documents.fixtures';
import { DEVICE_ACCOUNT_ROLE, deviceRole, unitRole } from './couch-names';
import { parseRejection } from './rejection';
import { unitDesignDoc } from './unit-design-doc';
import { VALIDATE_DOC_UPDATE_SOURCE } from './validate-doc-update-source';

const NOW = new Date('2026-12-06T03:00:00.000Z');
const PASSPHRASE = 'kopi tubruk pagi hari di Semarang';

async function recovery(device = 'X7Q') {
  const key = await createUnitKey(1);
  const doc = await createUnitKeyRecovery({
    unitCode: 'KTB',
    keys: [key],
    passphrase: PASSPHRASE,
    now: NOW,
    by: { device, officer: 'officer-manager' },
    iterations: MIN_SECRET_ITERATIONS,
  });
  return { key, doc };
}

type Doc = Record<string, unknown>;
type UserCtx = Readonly<{ name: string | null; roles: readonly string[] }>;
type Validate = (this: unknown, newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: unknown) => void;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the validator's source, compiled as CouchDB compiles it
const validate = (new Function(`"use strict"; return (${VALIDATE_DOC_UPDATE_SOURCE});`) as () => Validate)();
const ddoc = unitDesignDoc('KTB');
const device = (code: string): UserCtx => ({
  name: `unit-ktb-${code.toLowerCase()}`,
  roles: [unitRole('KTB'), DEVICE_ACCOUNT_ROLE, deviceRole('KTB', code)],
});
const json = (value: unknown): Doc => JSON.parse(JSON.stringify(value)) as Doc;

function rejection(newDoc: unknown, oldDoc: unknown, user: UserCtx = device('X7Q')): string | null {
  try {
    validate.call(json(ddoc), json(newDoc), oldDoc === null ? null : json(oldDoc), user, {});
    return null;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw error;
    return parseRejection(forbidden)?.code ?? forbidden;
  }
}

describe("the central's validator on the unit key's recovery copy", () => {
  it('accepts the document as made, its replacement by another device of the unit, and its deletion', async () => {
    const { doc } = await recovery();
    expect(rejection(doc, null)).toBeNull();
    const stored = { ...doc, _rev: '1-a' };
    const { doc: replacement } = await recovery('B2C');
    expect(rejection({ ...replacement, _rev: '1-a' }, stored, device('B2C'))).toBeNull();
    expect(rejection({ _id: doc._id, _rev: '2-b', _deleted: true }, stored)).toBeNull();
  });

  it('refuses a key in clear, another purpose, no wrap, another id, another unit, no writer or another writer', async () => {
    const { key, doc } = await recovery();
    const [wrap] = doc.wraps;
    if (!wrap) throw new Error('one wrap');
    expect(rejection({ ...doc, key: toBase64url(key.exportBytes()) }, null)).toBe('schema');
    expect(rejection({ ...doc, wraps: [{ ...wrap, key: toBase64url(key.exportBytes()) }] }, null)).toBe(
      'schema',
    );
    const officerWrap = await wrapUnitKey(key, PASSPHRASE, 'officer', MIN_SECRET_ITERATIONS);
    expect(rejection({ ...doc, wraps: [officerWrap] }, null)).toBe('schema');
    expect(rejection({ ...doc, wraps: [] }, null)).toBe('schema');
    expect(rejection({ ...doc, _id: 'unit-key-recovery:1' }, null)).toBe('schema');
    expect(rejection({ ...doc, unitCode: 'BDG' }, null)).toBe('unit');
    const { lastChangedBy: _, ...anonymous } = doc;
    expect(rejection(anonymous, null)).toBe('schema');
    expect(rejection({ ...doc, lastChangedBy: { device: 'B2C', officer: 'officer-x' } }, null)).toBe(
      'device',
    );
    expect(rejection(doc, null, { name: 'someone', roles: [unitRole('KTB')] })).toBe('device');
    expect(
      rejection({ _id: doc._id, _rev: '2-b', _deleted: true, wraps: doc.wraps }, { ...doc, _rev: '1-a' }),
    ).toBe('schema');
  });

  it('accepts a rotation: unit-key:2 with its chain, and a reporter re-wrapped under it', async () => {
    const [v1, v2] = [await createUnitKey(1), await createUnitKey(2)];
    const by = { device: 'X7Q', officer: 'officer-manager' };
    const announced = newUnitKeyDoc('KTB', v2, NOW, by, await chainWrap(v1, v2));
    expect(rejection(announced, null)).toBeNull();
    expect(rejection({ ...announced, chain: { ...announced.chain, key: 'AAAA' } }, null)).toBe('schema');
    const reporter = reporterOf(intakeDocuments('KTB', 1));
    const rewrapped = {
      ...reporter,
      identity: { ...reporter.identity, keyVersion: 2, sealedVersion: 1 },
      lastChangedBy: by,
    };
    expect(rejection(rewrapped, { ...reporter, _rev: '1-a' })).toBeNull();
    expect(rejection({ ...rewrapped, identity: { ...rewrapped.identity, sealedVersion: 0 } }, null)).toBe(
      'schema',
    );
  });

  it('keeps unit-key:<version> write-once and permanent', async () => {
    const key = await createUnitKey(1);
    const announced = newUnitKeyDoc('KTB', key, NOW, { device: 'X7Q', officer: 'officer-manager' });
    expect(rejection(announced, null)).toBeNull();
    const stored = { ...announced, _rev: '1-a' };
    const other = await createUnitKey(1);
    expect(rejection({ ...stored, fingerprint: other.fingerprint }, stored)).toBe('immutable');
    expect(rejection({ _id: announced._id, _rev: '2-b', _deleted: true }, stored)).toBe('immutable');
  });
});
