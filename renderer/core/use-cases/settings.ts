/**
 * Saving the unit's profile, settings and offices (managers only). All are mutable, synced documents:
 * a save names the revision it replaces, so a change made meanwhile on another device is refused
 * (HTTP-style 409) instead of being overwritten, and the manager is told to look again.
 */
import { isConflict } from '../../../shared/couch/pouch-toolkit';
import type { Office, ValidSettings } from '../../../shared/unit/unit-settings';
import {
  applyBackupReminder,
  applyDeviceBudget,
  applyIdentityRetention,
  applyIdleLock,
  applyOffices,
  applySettings,
} from '../../../shared/unit/unit-settings';
import { applyProfileEdit, type ValidProfileEdit } from '../../../shared/unit/unit-profile';
import { canEditSettings } from '../../../shared/workflow/roles';
import { changedBy, type CoreDeps } from './core-deps';

export type SaveOutcome = 'saved' | 'conflict' | 'not-allowed';

async function save(write: () => Promise<void>): Promise<SaveOutcome> {
  try {
    await write();
    return 'saved';
  } catch (error) {
    if (isConflict(error)) return 'conflict';
    throw error;
  }
}

export function createSettings(deps: CoreDeps) {
  const { store, records } = deps;
  const who = (): { officerId: string; name: string } | undefined => {
    const officer = store.getState().officer;
    return officer && canEditSettings(officer.role)
      ? { officerId: officer.id, name: officer.name }
      : undefined;
  };
  return {
    /** Deadlines, rules, time zone and holidays of the unit. */
    async save(value: ValidSettings, now: Date): Promise<SaveOutcome> {
      const by = who();
      const doc = store.getState().unitSettings;
      if (!by || !doc) return 'not-allowed';
      const next = applySettings(doc, value, now, by);
      const outcome = await save(() => records.current().saveMutable(next, changedBy(deps)));
      if (outcome === 'saved')
        store.getState().setUnitDocs({ unitSettings: (await records.current().unitSettings()) ?? next });
      return outcome;
    },

    /** Minutes without input before every desk of the unit locks itself (validated: 1–60). */
    async saveIdleLock(minutes: number, now: Date): Promise<SaveOutcome> {
      const by = who();
      const doc = store.getState().unitSettings;
      if (!by || !doc) return 'not-allowed';
      const next = applyIdleLock(doc, minutes, now, by);
      const outcome = await save(() => records.current().saveMutable(next, changedBy(deps)));
      if (outcome === 'saved')
        store.getState().setUnitDocs({ unitSettings: (await records.current().unitSettings()) ?? next });
      return outcome;
    },

    /** Days after a device's last backup before it reminds (validated: 1–365), or no reminder (null). */
    async saveBackupReminder(days: number | null, now: Date): Promise<SaveOutcome> {
      const by = who();
      const doc = store.getState().unitSettings;
      if (!by || !doc) return 'not-allowed';
      const next = applyBackupReminder(doc, days, now, by);
      const outcome = await save(() => records.current().saveMutable(next, changedBy(deps)));
      if (outcome === 'saved')
        store.getState().setUnitDocs({ unitSettings: (await records.current().unitSettings()) ?? next });
      return outcome;
    },

    /**
     * Months after a complaint's closure before its complainant's identity is deleted (validated:
     * 1–120; shared/retention/identity-retention). Managers only, like every unit setting.
     */
    async saveIdentityRetention(months: number, now: Date): Promise<SaveOutcome> {
      const by = who();
      const doc = store.getState().unitSettings;
      if (!by || !doc) return 'not-allowed';
      const next = applyIdentityRetention(doc, months, now, by);
      const outcome = await save(() => records.current().saveMutable(next, changedBy(deps)));
      if (outcome === 'saved')
        store.getState().setUnitDocs({ unitSettings: (await records.current().unitSettings()) ?? next });
      return outcome;
    },

    /**
     * What each device of the unit keeps (shared/sync/device-budget): the complaints received in
     * the last `months` months plus every open one (validated: 1–120), or everything (null).
     * Managers only, like every unit setting.
     */
    async saveDeviceBudget(months: number | null, now: Date): Promise<SaveOutcome> {
      const by = who();
      const doc = store.getState().unitSettings;
      if (!by || !doc) return 'not-allowed';
      const next = applyDeviceBudget(doc, months, now, by);
      const outcome = await save(() => records.current().saveMutable(next, changedBy(deps)));
      if (outcome === 'saved')
        store.getState().setUnitDocs({ unitSettings: (await records.current().unitSettings()) ?? next });
      return outcome;
    },

    /**
     * The unit's name, agency, kind, contact (printed on every receipt) and address. Saved over
     * the revision this device shows, so an edit made meanwhile on another device is refused.
     */
    async saveProfile(edit: ValidProfileEdit, now: Date): Promise<SaveOutcome> {
      const by = who();
      const doc = store.getState().unitProfile;
      if (!by || !doc) return 'not-allowed';
      const next = applyProfileEdit(doc, edit, now, by);
      const outcome = await save(() => records.current().saveMutable(next, changedBy(deps)));
      if (outcome === 'saved')
        store.getState().setUnitProfile((await records.current().unitProfile()) ?? next);
      return outcome;
    },

    /** The offices complaints are disposed to. */
    async saveOffices(offices: readonly Office[], now: Date): Promise<SaveOutcome> {
      const by = who();
      const doc = store.getState().unitOffices;
      if (!by || !doc) return 'not-allowed';
      const next = applyOffices(doc, offices, now, by);
      const outcome = await save(() => records.current().saveMutable(next, changedBy(deps)));
      if (outcome === 'saved')
        store.getState().setUnitDocs({ unitOffices: (await records.current().unitOffices()) ?? next });
      return outcome;
    },
  };
}
