/**
 * The officers of the unit (the roster, one synced document per officer: ./officer-document): the
 * rules for adding, deactivating and changing the role of one, and for setting an officer's secret.
 * Only a signed-in manager changes the roster (roles, new officers, first secrets); the unit keeps
 * at least one active manager. Officers are never deleted: a deactivated officer is no longer
 * offered at the desk, while the trail keeps their name (events name their author themselves).
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

export type SetSecretProblem = 'not-allowed' | 'unknown';

/**
 * Why `actor` may not set `targetId`'s secret: a manager sets anyone's (a first PIN, or a new one
 * for an officer who forgot theirs); every other officer only their own (after signing in with it).
 */
export function setSecretProblem(
  officers: readonly RosterOfficer[],
  actor: RosterOfficer | undefined,
  targetId: string,
): SetSecretProblem | null {
  if (!actor || !isActiveOfficer(actor)) return 'not-allowed';
  if (actor.id !== targetId && !canEditSettings(actor.role)) return 'not-allowed';
  return officers.some((officer) => officer.id === targetId) ? null : 'unknown';
}

/** A secret set by someone else (a manager's first PIN) must be changed by its officer at first sign-in. */
export function mustChangeAfterSet(actorId: string, targetId: string): boolean {
  return actorId !== targetId;
}
