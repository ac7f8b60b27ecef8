/**
 * The validators on the central's national calendar (../calendar/national-calendar, decision
 * 024), run as CouchDB runs them (the source compiled alone, the design document as `this`): in a
 * unit database a server admin writes, changes and deletes it, without a unitCode; a device is
 * refused all three (`unit`), and a malformed calendar is refused even from an admin (`schema`).
 * The national database takes it from server admins only. test/integration/central-calendar.test.ts
 * runs the same on CouchDB 3.5 through `central calendar import`.
 */
import { describe, expect, it } from 'vitest';
import { checkNationalCalendarFile, nationalCalendarDoc } from '../calendar/national-calendar';
import { DEVICE_ACCOUNT_ROLE, deviceRole, PROJECTOR_ROLE, unitRole } from './couch-names';
import { NATIONAL_VALIDATE_SOURCE } from './national-sources';
import { parseRejection } from './rejection';
import { unitDesignDoc } from './unit-design-doc';
import { VALIDATE_DOC_UPDATE_SOURCE } from './validate-doc-update-source';

type Doc = Record<string, unknown>;
type UserCtx = Readonly<{ name: string | null; roles: readonly string[] }>;
type Validate = (this: unknown, newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: unknown) => void;
const compile = (source: string): Validate =>
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the validator's source, compiled as CouchDB compiles it
  (new Function(`"use strict"; return (${source});`) as () => Validate)();
const unitValidate = compile(VALIDATE_DOC_UPDATE_SOURCE);
const nationalValidate = compile(NATIONAL_VALIDATE_SOURCE);
const ddoc = unitDesignDoc('KTB');
const ADMIN: UserCtx = { name: 'admin', roles: ['_admin'] };
const DEVICE: UserCtx = {
  name: 'unit-ktb-x7q',
  roles: [unitRole('KTB'), DEVICE_ACCOUNT_ROLE, deviceRole('KTB', 'X7Q')],
};
const PROJECTOR: UserCtx = { name: 'meja-aduan-projector', roles: [PROJECTOR_ROLE] };
const json = (value: unknown): Doc => JSON.parse(JSON.stringify(value)) as Doc;

function refusal(
  validate: Validate,
  that: unknown,
  newDoc: unknown,
  oldDoc: unknown,
  user: UserCtx,
): string | null {
  try {
    validate.call(
      that === null ? null : json(that),
      json(newDoc),
      oldDoc === null ? null : json(oldDoc),
      user,
      {},
    );
    return null;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw error;
    return parseRejection(forbidden)?.code ?? forbidden;
  }
}
const inUnit = (newDoc: unknown, oldDoc: unknown, user: UserCtx): string | null =>
  refusal(unitValidate, ddoc, newDoc, oldDoc, user);
const inNational = (newDoc: unknown, user: UserCtx): string | null =>
  refusal(nationalValidate, null, newDoc, null, user);

const checked = checkNationalCalendarFile({
  year: 2027,
  source: 'SKB 3 Menteri 1205/2026, 3/2026, 2/2026',
  entries: [
    {
      date: '2027-03-10',
      weekday: 'Rabu',
      name: { id: 'Idul Fitri 1448 Hijriah', en: 'Eid al-Fitr' },
      kind: 'holiday',
    },
    {
      date: '2027-03-09',
      weekday: 'Selasa',
      name: { id: 'Cuti bersama Idul Fitri', en: 'Leave' },
      kind: 'cuti-bersama',
    },
  ],
});
if (!checked.ok) throw new Error(checked.problems.join('\n'));
const calendar = nationalCalendarDoc(checked.value, 1, '2026-12-07T01:00:00.000Z');
const stored = { ...calendar, _rev: '1-abc' };
const tombstone = { _id: calendar._id, _rev: '2-def', _deleted: true };

describe('the national calendar in a unit database', () => {
  it('is written, changed and deleted by a server admin, and carries no unitCode', () => {
    expect(inUnit(calendar, null, ADMIN)).toBeNull();
    expect(inUnit({ ...stored, version: 2, entries: [] }, stored, ADMIN)).toBeNull();
    expect(inUnit(tombstone, stored, ADMIN)).toBeNull();
    expect(inUnit({ ...calendar, unitCode: 'KTB' }, null, ADMIN)).toBe('schema');
  });

  it('is refused from a device: written, changed or deleted', () => {
    expect(inUnit(calendar, null, DEVICE)).toBe('unit');
    expect(inUnit({ ...stored, entries: [] }, stored, DEVICE)).toBe('unit');
    expect(inUnit(tombstone, stored, DEVICE)).toBe('unit');
    // Nor under another type's name: its id belongs to the calendar.
    expect(inUnit({ ...calendar, type: 'unit-profile' }, null, DEVICE)).not.toBeNull();
  });

  it('is refused malformed even from an admin: another id, an unknown kind, a bad date or weekday', () => {
    expect(inUnit({ ...calendar, _id: 'calendar:national:2028' }, null, ADMIN)).toBe('schema');
    const entry = calendar.entries[0];
    expect(inUnit({ ...calendar, entries: [{ ...entry, kind: 'regional' }] }, null, ADMIN)).toBe('schema');
    expect(inUnit({ ...calendar, entries: [{ ...entry, date: '2027-02-30' }] }, null, ADMIN)).toBe('schema');
    expect(inUnit({ ...calendar, entries: [{ ...entry, weekday: 'Libur' }] }, null, ADMIN)).toBe('schema');
    expect(inUnit({ ...calendar, version: 0 }, null, ADMIN)).toBe('schema');
  });
});

describe('the national calendar in the national database', () => {
  it('is written by server admins only, with its own fields', () => {
    expect(inNational(calendar, ADMIN)).toBeNull();
    expect(inNational(calendar, PROJECTOR)).toBe('unit');
    expect(inNational({ ...calendar, unitCode: 'KTB' }, ADMIN)).toBe('schema');
    expect(inNational({ ...calendar, _id: 'calendar:national:2028' }, ADMIN)).toBe('schema');
    expect(inNational({ ...calendar, entries: [{ ...calendar.entries[0], kind: 'regional' }] }, ADMIN)).toBe(
      'schema',
    );
  });
});
