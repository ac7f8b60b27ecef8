/**
 * The unit database's `validate_doc_update` on key transfer documents
 * (../enrolment/key-transfer-document, decision 018), run as CouchDB runs it (the source compiled
 * alone, the design document as `this`): the document as made and its deletion are accepted; a
 * change, a key in clear, a wrap for another purpose, an empty list, another id, another unit, no
 * writer or another writer, and a deletion carrying fields are refused.
 * test/integration/central-key-transfer.test.ts runs the same on CouchDB 3.5.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../auth/secret-verifier';
import { createUnitKey } from '../crypto/unit-key';
import { createKeyTransfer } from '../enrolment/key-transfer-document';
import { DEVICE_ACCOUNT_ROLE, deviceRole, unitRole } from './couch-names';
import { parseRejection } from './rejection';
import { unitDesignDoc } from './unit-design-doc';
import { VALIDATE_DOC_UPDATE_SOURCE } from './validate-doc-update-source';

const NOW = new Date('2026-12-06T03:00:00.000Z');

async function transfer() {
  return createKeyTransfer({
    unitCode: 'KTB',
    keys: [await createUnitKey(1)],
    now: NOW,
    by: { device: 'X7Q', officer: 'officer-manager' },
    iterations: MIN_SECRET_ITERATIONS,
  });
}

type Doc = Record<string, unknown>;
type UserCtx = Readonly<{ name: string | null; roles: readonly string[] }>;
type Validate = (this: unknown, newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: unknown) => void;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the validator's source, compiled as CouchDB compiles it
const validate = (new Function(`"use strict"; return (${VALIDATE_DOC_UPDATE_SOURCE});`) as () => Validate)();
const ddoc = unitDesignDoc('KTB');
const DEVICE: UserCtx = {
  name: 'unit-ktb-x7q',
  roles: [unitRole('KTB'), DEVICE_ACCOUNT_ROLE, deviceRole('KTB', 'X7Q')],
};
const json = (value: unknown): Doc => JSON.parse(JSON.stringify(value)) as Doc;

function rejection(newDoc: unknown, oldDoc: unknown): string | null {
  try {
    validate.call(json(ddoc), json(newDoc), oldDoc === null ? null : json(oldDoc), DEVICE, {});
    return null;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw error;
    return parseRejection(forbidden)?.code ?? forbidden;
  }
}

describe("the central's validator on key transfers", () => {
  it('accepts the document as made and its deletion, refuses a change', async () => {
    const { doc } = await transfer();
    expect(rejection(doc, null)).toBeNull();
    const stored = { ...doc, _rev: '1-a' };
    expect(rejection({ ...stored, _rev: '1-a' }, stored)).toBeNull(); // re-sent unchanged
    expect(rejection({ ...stored, expiresAt: '2026-12-07T03:00:00.000Z' }, stored)).toBe('immutable');
    expect(rejection({ _id: doc._id, _rev: '2-b', _deleted: true }, stored)).toBeNull();
  });

  it('refuses another shape: a key in clear, another purpose, another id, another unit, no writer', async () => {
    const { doc } = await transfer();
    expect(rejection({ ...doc, key: 'AAAA' }, null)).toBe('schema');
    expect(rejection({ ...doc, wraps: [{ ...doc.wraps[0], purpose: 'officer' }] }, null)).toBe('schema');
    expect(rejection({ ...doc, wraps: [] }, null)).toBe('schema');
    expect(rejection({ ...doc, _id: 'key-transfer:0000' }, null)).toBe('schema');
    expect(rejection({ ...doc, unitCode: 'BDG' }, null)).toBe('unit');
    const { lastChangedBy: _, ...anonymous } = doc;
    expect(rejection(anonymous, null)).toBe('schema');
    expect(rejection({ ...doc, lastChangedBy: { device: 'B2C', officer: 'officer-x' } }, null)).toBe(
      'device',
    );
    expect(
      rejection({ _id: doc._id, _rev: '2-b', _deleted: true, wraps: doc.wraps }, { ...doc, _rev: '1-a' }),
    ).toBe('schema');
  });
});
