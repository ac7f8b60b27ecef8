/**
 * What every use case of the client core is built with (once, by ../create-client-core): the UI
 * state store it publishes to, this device's Dexie database, its stores and queries, the unit's
 * records once open, the host platform and a clock. No module of the core keeps state of its own.
 */
import type { PlatformApi } from '../../../shared/platform/platform-contract';
import type { ChangedBy } from '../../../shared/unit/changed-by';
import type { ComplaintIndexQueries } from '../data/complaint-index-queries';
import type { DeviceDatabase } from '../data/device-database';
import type { DeviceMarkStore } from '../data/device-mark';
import type { DeviceStore } from '../data/device-store';
import type { AppStore } from '../state/app-state';
import type { UnitKeySession } from '../keys/unit-key-session';
import type { UnitRecords } from './unit-records';

export type CoreDeps = Readonly<{
  store: AppStore;
  deviceDatabase: DeviceDatabase;
  deviceStore: DeviceStore;
  /** The mark outside IndexedDB that this device was set up (../data/device-mark). */
  deviceMark: DeviceMarkStore;
  index: ComplaintIndexQueries;
  records: UnitRecords;
  platform: PlatformApi;
  now: () => Date;
  /** The unit key of this run: the keyring, and the officers' copies on this device (../keys/unit-key-session). */
  unitKeys: UnitKeySession;
}>;

/** The signed-in officer as the author of what they write. */
export function officerRef(deps: CoreDeps): { officerId: string; name: string } | undefined {
  const { officer } = deps.store.getState();
  return officer ? { officerId: officer.id, name: officer.name } : undefined;
}

/**
 * This device and the signed-in officer, as the writer of a mutable document's revision
 * (`lastChangedBy`, shared/unit/changed-by: the central checks the device). Throws when no officer
 * is signed in: nothing is written without one.
 */
export function changedBy(deps: Pick<CoreDeps, 'store'>): ChangedBy {
  const { device, officer } = deps.store.getState();
  if (!device || !officer) throw new Error('No officer is signed in on this device.');
  return { device: device.deviceCode, officer: officer.id };
}
