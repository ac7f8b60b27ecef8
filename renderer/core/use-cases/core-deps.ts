/**
 * What every use case of the client core is built with (once, by ../create-client-core): the UI
 * state store it publishes to, this device's Dexie database, its stores and queries, the unit's
 * records once open, the host platform and a clock. No module of the core keeps state of its own.
 */
import type { PlatformApi } from '../../../shared/platform/platform-contract';
import type { ComplaintIndexQueries } from '../data/complaint-index-queries';
import type { DeviceDatabase } from '../data/device-database';
import type { DeviceStore } from '../data/device-store';
import type { AppStore } from '../state/app-state';
import type { UnitRecords } from './unit-records';

export type CoreDeps = Readonly<{
  store: AppStore;
  deviceDatabase: DeviceDatabase;
  deviceStore: DeviceStore;
  index: ComplaintIndexQueries;
  records: UnitRecords;
  platform: PlatformApi;
  now: () => Date;
}>;

/** The signed-in officer as the author of what they write. */
export function officerRef(deps: CoreDeps): { officerId: string; name: string } | undefined {
  const { officer } = deps.store.getState();
  return officer ? { officerId: officer.id, name: officer.name } : undefined;
}
