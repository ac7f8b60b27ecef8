import { describe, expect, it } from 'vitest';
import {
  addOfficerProblem,
  isActiveOfficer,
  mustChangeAfterSet,
  setActiveProblem,
  setSecretProblem,
  setRoleProblem,
  type RosterOfficer,
} from './officer-roster';

const siti: RosterOfficer = { id: 'o-siti', name: 'Siti Rahma', role: 'manager' };
const budi: RosterOfficer = { id: 'o-budi', name: 'Budi', role: 'officer', active: true };
const ani: RosterOfficer = { id: 'o-ani', name: 'Ani', role: 'manager', active: false };
const roster = [siti, budi, ani];

describe('officer roster', () => {
  it('treats officers stored before deactivation existed as active', () => {
    expect(isActiveOfficer(siti)).toBe(true);
    expect(isActiveOfficer(ani)).toBe(false);
  });

  it('refuses an empty name and a name already used, ignoring case and spaces, deactivated included', () => {
    expect(addOfficerProblem(roster, '  ')).toBe('name-required');
    expect(addOfficerProblem(roster, ' siti   RAHMA ')).toBe('name-taken');
    expect(addOfficerProblem(roster, 'ani')).toBe('name-taken');
    expect(addOfficerProblem(roster, 'Siti')).toBeNull();
  });

  it('lets only managers deactivate, never themselves nor the last active manager', () => {
    expect(setActiveProblem(roster, budi, siti.id, false)).toBe('not-allowed');
    expect(setActiveProblem(roster, undefined, budi.id, false)).toBe('not-allowed');
    expect(setActiveProblem(roster, siti, siti.id, false)).toBe('self');
    expect(setActiveProblem(roster, siti, budi.id, false)).toBeNull();
    expect(setActiveProblem(roster, siti, 'o-nobody', false)).toBe('unknown');
    expect(setActiveProblem(roster, siti, ani.id, true)).toBeNull();
    // A manager at the desk who is not active any more (another manager deactivated meanwhile).
    const other: RosterOfficer = { id: 'o-dewi', name: 'Dewi', role: 'manager' };
    expect(setActiveProblem([{ ...siti, active: false }, other], siti, other.id, false)).toBe('last-manager');
    expect(setActiveProblem([siti, other], siti, other.id, false)).toBeNull();
  });

  it('lets only managers change roles, not their own, and keeps an active manager', () => {
    expect(setRoleProblem(roster, budi, siti.id, 'officer')).toBe('not-allowed');
    expect(setRoleProblem(roster, siti, siti.id, 'officer')).toBe('self');
    expect(setRoleProblem(roster, siti, budi.id, 'supervisor')).toBeNull();
    const other: RosterOfficer = { id: 'o-dewi', name: 'Dewi', role: 'manager' };
    expect(setRoleProblem([{ ...siti, active: false }, other], siti, other.id, 'officer')).toBe(
      'last-manager',
    );
  });
});

describe('officer secrets', () => {
  it('lets a manager set anyone’s secret, every other officer only their own', () => {
    expect(setSecretProblem(roster, siti, budi.id)).toBeNull();
    expect(setSecretProblem(roster, budi, budi.id)).toBeNull();
    expect(setSecretProblem(roster, budi, siti.id)).toBe('not-allowed');
    expect(setSecretProblem(roster, undefined, budi.id)).toBe('not-allowed');
    expect(setSecretProblem(roster, ani, ani.id)).toBe('not-allowed');
    expect(setSecretProblem(roster, siti, 'o-nobody')).toBe('unknown');
    expect(mustChangeAfterSet(siti.id, budi.id)).toBe(true);
    expect(mustChangeAfterSet(budi.id, budi.id)).toBe(false);
  });
});
