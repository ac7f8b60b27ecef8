/**
 * The unit database's `validate_doc_update` on access records (../auth/access-record): run as
 * CouchDB runs it (the source compiled alone, the design document as `this`). A first revision
 * from the device it names is accepted; an update, a deletion, a forged sibling, another device's
 * code, a record of another unit and a field beyond the schema are refused.
 * test/integration/central-access-records.test.ts runs the same on CouchDB 3.5.
 */
import { describe, expect, it } from 'vitest';
import { newAccessDoc } from '../auth/access-record';
import { sealImmutable } from '../ids/content-id';
import { DEVICE_ACCOUNT_ROLE, deviceRole, unitRole } from './couch-names';
import { parseRejection } from './rejection';
import { unitDesignDoc } from './unit-design-doc';
import { VALIDATE_DOC_UPDATE_SOURCE } from './validate-doc-update-source';

type Doc = Record<string, unknown>;
type UserCtx = Readonly<{ name: string | null; roles: readonly string[] }>;
type Validate = (this: unknown, newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: unknown) => void;

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the validator's source, compiled as CouchDB compiles it
const validate = (new Function(`"use strict"; return (${VALIDATE_DOC_UPDATE_SOURCE});`) as () => Validate)();
const UNIT = 'KTB';
const ddoc = unitDesignDoc(UNIT);
const deviceOf = (code: string): UserCtx => ({
  name: `unit-ktb-${code.toLowerCase()}`,
  roles: [unitRole(UNIT), DEVICE_ACCOUNT_ROLE, deviceRole(UNIT, code)],
});
const ADMIN: UserCtx = { name: 'admin', roles: ['_admin'] };
const MEMBER: UserCtx = { name: 'meja-aduan-setup-check-ktb', roles: [unitRole(UNIT)] };
const json = (value: unknown): Doc => JSON.parse(JSON.stringify(value)) as Doc;

/** As a `new_edits: false` write reaches the validator: with `_revisions` made from `_rev`. */
function asReceived(doc: unknown): Doc {
  const copy = json(doc);
  const rev = copy._rev;
  if (typeof rev === 'string' && copy._revisions === undefined) {
    const [start = '0', id = ''] = rev.split('-');
    copy._revisions = { start: Number(start), ids: [id] };
  }
  return copy;
}

/** The rejection code, or null when the write is accepted. */
function codeOf(newDoc: unknown, oldDoc: unknown, userCtx: UserCtx): string | null {
  try {
    validate.call(json(ddoc), asReceived(newDoc), oldDoc === null ? null : json(oldDoc), userCtx, {});
    return null;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw error;
    return parseRejection(forbidden)?.code ?? `unparsed: ${forbidden}`;
  }
}

const AT = new Date('2026-03-02T03:04:05.678Z');
const signIn = newAccessDoc(
  { kind: 'sign-in', officerId: 'officer-siti' },
  { unitCode: UNIT, deviceCode: 'X7Q' },
  AT,
);
const X7Q = deviceOf('X7Q');

/** `doc` with other content sealed again under its own base id (so the hash rule passes). */
function resealed(doc: Doc): Doc {
  const { _id: id, _rev: _ignored, ...body } = doc;
  return json(sealImmutable(body, String(id).slice(0, -65)));
}

describe('validate_doc_update on access records', () => {
  it('accepts a first revision from the device it names, and from a server admin', () => {
    expect(codeOf(signIn, null, X7Q)).toBeNull();
    expect(codeOf(signIn, null, ADMIN)).toBeNull();
    const failed = newAccessDoc({ kind: 'sign-in-failed' }, { unitCode: UNIT, deviceCode: 'X7Q' }, AT);
    expect(codeOf(failed, null, X7Q)).toBeNull();
    const role = newAccessDoc(
      { kind: 'role-changed', officerId: 'officer-siti', subjectId: 'officer-ani', role: 'manager' },
      { unitCode: UNIT, deviceCode: 'X7Q' },
      AT,
    );
    expect(codeOf(role, null, X7Q)).toBeNull();
  });

  it('refuses an update, also re-sealed as other content, and a deletion (immutable)', () => {
    const stored = json(signIn);
    const changed = { ...json(signIn), kind: 'sign-out' };
    expect(codeOf(changed, stored, X7Q)).toBe('immutable');
    expect(codeOf(resealed(changed), stored, X7Q)).toBe('immutable');
    expect(codeOf({ ...changed, _rev: '2-abc' }, stored, ADMIN)).toBe('immutable');
    const tombstone = { _id: signIn._id, _rev: '2-abc', _deleted: true };
    expect(codeOf(tombstone, stored, X7Q)).toBe('immutable');
    expect(codeOf(tombstone, null, X7Q)).toBe('immutable');
  });

  it('refuses a forged sibling: other content under the id, or the content under another revision (immutable)', () => {
    const forged = { ...json(signIn), officerId: 'officer-ani' };
    expect(codeOf(forged, null, X7Q)).toBe('immutable');
    expect(codeOf({ ...json(signIn), _rev: `1-${'f'.repeat(32)}` }, null, X7Q)).toBe('immutable');
  });

  it("refuses another device's code, and a unit member that is no device (device)", () => {
    expect(codeOf(signIn, null, deviceOf('B45'))).toBe('device');
    expect(codeOf(signIn, null, MEMBER)).toBe('device');
  });

  it('refuses a record of another unit, a field beyond the schema, an unknown kind, a wrong id (unit, schema)', () => {
    const otherUnit = newAccessDoc({ kind: 'sign-in' }, { unitCode: 'KBM', deviceCode: 'X7Q' }, AT);
    expect(codeOf(otherUnit, null, X7Q)).toBe('unit');
    expect(codeOf(resealed({ ...json(signIn), secret: '135792' }), null, X7Q)).toBe('schema');
    expect(codeOf(resealed({ ...json(signIn), kind: 'impersonated' }), null, X7Q)).toBe('schema');
    const { _id: _ignoredId, _rev: _ignoredRev, ...body } = json(signIn);
    const wrongTime = json(sealImmutable(body, 'access:2026-03-02T03:04:05.679Z:X7Q:0a1b2c3d'));
    expect(codeOf(wrongTime, null, X7Q)).toBe('schema');
    const noNonce = json(sealImmutable(body, `access:${signIn.at}:X7Q`));
    expect(codeOf(noNonce, null, X7Q)).toBe('schema');
  });
});
