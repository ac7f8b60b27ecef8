/**
 * Which of the unit database's documents a backup holds: an allow-list by id, so that a document
 * type added later stays out until it is named here (and the manifest counts what was left out).
 * Every document the unit's records are made of, as stored (reporter documents as they are, sealed
 * or not); never design documents or `_local` ones (replication checkpoints), and nothing of this
 * device's Dexie database but the settings of ./backup-format DeviceSettingsPart (unsaved intake
 * drafts and every index stay out: drafts hold identity typed but never saved, indexes are rebuilt).
 */
import { ACCESS_ID_PREFIX } from '../auth/access-record';
import { PACKET_DRAFT_ID_PREFIX } from '../couch/id-templates';
import {
  COMPLAINT_ID_PREFIX,
  EVENT_ID_PREFIX,
  REPORTER_ID_PREFIX,
  UNIT_PROFILE_ID,
} from '../ids/document-ids';
import { UNIT_KEY_ID_PREFIX } from '../crypto/unit-key-document';
import { UNIT_KEY_RECOVERY_ID } from '../crypto/unit-key-recovery-document';
import { NATIONAL_CALENDAR_ID_PREFIX } from '../calendar/national-calendar';
import { OFFICER_ID_PREFIX } from '../unit/officer-document';
import { UNIT_OFFICES_ID, UNIT_SETTINGS_ID } from '../unit/unit-settings';
import type { Role } from '../workflow/roles';

/** Kinds of document a backup holds, each by its id prefix (or its one id). */
export const BACKUP_KINDS = [
  'complaint',
  'event',
  'reporter',
  'unit-profile',
  'unit-settings',
  'unit-offices',
  'officer',
  'access',
  'packet-draft',
  'unit-key',
  'unit-key-recovery',
  'national-calendar',
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number] | 'other';

const PREFIXES: readonly (readonly [string, BackupKind])[] = [
  [COMPLAINT_ID_PREFIX, 'complaint'],
  [EVENT_ID_PREFIX, 'event'],
  [REPORTER_ID_PREFIX, 'reporter'],
  [OFFICER_ID_PREFIX, 'officer'],
  [ACCESS_ID_PREFIX, 'access'],
  [PACKET_DRAFT_ID_PREFIX, 'packet-draft'],
  // Which unit key versions exist and their public fingerprints (never a key): a restored device
  // checks a key it receives against them.
  [UNIT_KEY_ID_PREFIX, 'unit-key'],
  // The national holiday lists the central distributed: a device restored while it cannot reach
  // the central counts deadlines with them, not with the lists the app ships.
  [NATIONAL_CALENDAR_ID_PREFIX, 'national-calendar'],
];
const SINGLE_IDS: readonly (readonly [string, BackupKind])[] = [
  [UNIT_PROFILE_ID, 'unit-profile'],
  [UNIT_SETTINGS_ID, 'unit-settings'],
  [UNIT_OFFICES_ID, 'unit-offices'],
  // The unit key wrapped under the recovery passphrase (ciphertext only, as the central holds it).
  [UNIT_KEY_RECOVERY_ID, 'unit-key-recovery'],
];

/** The kind of the document `id`, or 'other' when a backup does not hold it. */
export function backupKindOf(id: string): BackupKind {
  for (const [single, kind] of SINGLE_IDS) if (id === single) return kind;
  for (const [prefix, kind] of PREFIXES) if (id.startsWith(prefix)) return kind;
  return 'other';
}

/** Whether a backup holds the document `id` (never `_design/…` or `_local/…`). */
export function isBackedUp(id: string): boolean {
  return backupKindOf(id) !== 'other';
}

/**
 * The newest instant a document names (ISO, or null): when it was received, happened, or was last
 * changed. The newest of a backup's documents says how recent it is.
 */
export function documentInstant(doc: Readonly<Record<string, unknown>>): string | null {
  let newest: string | null = null;
  for (const field of ['updatedAt', 'at', 'receivedAt', 'createdAt']) {
    const value = doc[field];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && (newest === null || value > newest))
      newest = value;
  }
  return newest;
}

/**
 * Who may make a backup, or restore one into a device that has the unit's data: supervisors and
 * managers (a backup holds every record of the unit, identities and the roster's PIN verifiers
 * included). Restoring into an empty device needs no one signed in: the passphrase is the key.
 */
export const BACKUP_ROLES: readonly Role[] = ['supervisor', 'manager'];

export function canBackUp(role: Role): boolean {
  return BACKUP_ROLES.includes(role);
}
