/**
 * The officers of one device (kept device-locally, renderer/core/data/device-store): the rules for
 * adding, deactivating and changing the role of one. Officers are never deleted: a deactivated
 * officer is no longer offered at the desk, while the trail keeps their name (events name their
 * author themselves).
 */
import { canEditSettings, type Role } from '../workflow/roles';

export type RosterOfficer = Readonly<{ id: string; name: string; role: Role; active?: boolean }>;

/** Absent on officers stored before deactivation existed: those are active. */
export function isActiveOfficer(officer: Readonly<{ active?: boolean }>): boolean {
  return officer.active !== false;
}

/** A name as officers tell each other apart: spaces collapsed, case ignored. */
export function officerNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}

export type AddOfficerProblem = 'name-required' | 'name-taken';

/** Why `name` cannot be a new officer's name (any officer's, active or not, so the trail stays unambiguous). */
export function addOfficerProblem(
  officers: readonly RosterOfficer[],
  name: string,
): AddOfficerProblem | null {
  const key = officerNameKey(name);
  if (key === '') return 'name-required';
  return officers.some((officer) => officerNameKey(officer.name) === key) ? 'name-taken' : null;
}

export type RosterChangeProblem = 'not-allowed' | 'unknown' | 'self' | 'last-manager';

/** Whether `officers` still has an active manager after `target` is changed as given. */
function keepsAManager(
  officers: readonly RosterOfficer[],
  targetId: string,
  after: Readonly<{ role: Role; active: boolean }>,
): boolean {
  return officers.some((officer) =>
    officer.id === targetId
      ? after.active && canEditSettings(after.role)
      : isActiveOfficer(officer) && canEditSettings(officer.role),
  );
}

/**
 * Why the officer at the desk (`actor`) may not set `targetId` active or inactive: only managers
 * manage officers, nobody deactivates themselves, and the device keeps at least one active manager.
 */
export function setActiveProblem(
  officers: readonly RosterOfficer[],
  actor: RosterOfficer | undefined,
  targetId: string,
  active: boolean,
): RosterChangeProblem | null {
  if (!actor || !canEditSettings(actor.role)) return 'not-allowed';
  const target = officers.find((officer) => officer.id === targetId);
  if (!target) return 'unknown';
  if (active) return null;
  if (target.id === actor.id) return 'self';
  return keepsAManager(officers, targetId, { role: target.role, active: false }) ? null : 'last-manager';
}

/** Why `actor` may not give `targetId` the role `role` (as for deactivating; one's own role stays). */
export function setRoleProblem(
  officers: readonly RosterOfficer[],
  actor: RosterOfficer | undefined,
  targetId: string,
  role: Role,
): RosterChangeProblem | null {
  if (!actor || !canEditSettings(actor.role)) return 'not-allowed';
  const target = officers.find((officer) => officer.id === targetId);
  if (!target) return 'unknown';
  if (target.id === actor.id) return 'self';
  return keepsAManager(officers, targetId, { role, active: isActiveOfficer(target) }) ? null : 'last-manager';
}
