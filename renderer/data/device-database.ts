/**
 * Device-local data in Dexie (design.md §3, decision 2): this device's identity, its officers,
 * its counters and preferences. Nothing here is the only copy of a record.
 */
import Dexie, { type Table } from 'dexie';

export type DeviceConfig = Readonly<{ unitCode: string; deviceCode: string; createdAt: string }>;

export type Officer = Readonly<{ id: string; name: string; createdAt: string }>;

type SettingRow = { key: string; value: unknown };
type CounterRow = { name: string; value: number };

export class DeviceDatabase extends Dexie {
  settings!: Table<SettingRow, string>;
  officers!: Table<Officer, string>;
  counters!: Table<CounterRow, string>;

  constructor(name = 'meja-aduan-device') {
    super(name);
    this.version(1).stores({ settings: 'key', officers: 'id, name', counters: 'name' });
  }
}
