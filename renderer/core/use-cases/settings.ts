/**
 * Saving the unit's settings and offices (managers only). Both are mutable, synced documents:
 * a save names the revision it replaces, so a change made meanwhile on another device is refused
 * (HTTP-style 409) instead of being overwritten, and the manager is told to look again.
 */
import type { Office, ValidSettings } from '../../../shared/unit/unit-settings';
import { applyOffices, applySettings } from '../../../shared/unit/unit-settings';
import { isConflict } from '../../../shared/couch/pouch-toolkit';
import { canEditSettings } from '../../../shared/workflow/roles';
import { useAppStore } from '../../store/app-store';
import { records } from './device-setup';

export type SaveOutcome = 'saved' | 'conflict' | 'not-allowed';

function who(): { officerId: string; name: string } | undefined {
  const officer = useAppStore.getState().officer;
  return officer && canEditSettings(officer.role) ? { officerId: officer.id, name: officer.name } : undefined;
}

async function save(write: () => Promise<void>): Promise<SaveOutcome> {
  try {
    await write();
    return 'saved';
  } catch (error) {
    if (isConflict(error)) return 'conflict';
    throw error;
  }
}

export async function saveUnitSettings(value: ValidSettings, now: Date): Promise<SaveOutcome> {
  const by = who();
  const doc = useAppStore.getState().unitSettings;
  if (!by || !doc) return 'not-allowed';
  const next = applySettings(doc, value, now, by);
  const outcome = await save(() => records().saveMutable(next));
  if (outcome === 'saved')
    useAppStore.getState().setUnitDocs({ unitSettings: (await records().unitSettings()) ?? next });
  return outcome;
}

export async function saveUnitOffices(offices: readonly Office[], now: Date): Promise<SaveOutcome> {
  const by = who();
  const doc = useAppStore.getState().unitOffices;
  if (!by || !doc) return 'not-allowed';
  const next = applyOffices(doc, offices, now, by);
  const outcome = await save(() => records().saveMutable(next));
  if (outcome === 'saved')
    useAppStore.getState().setUnitDocs({ unitOffices: (await records().unitOffices()) ?? next });
  return outcome;
}
