/**
 * Device-local data in Dexie (design.md §3, decision 2): this device's identity, its officers,
 * its counters and preferences. Nothing here is the only copy of a record.
 */
import Dexie, { type Table } from 'dexie';
import type { Role } from '../../shared/workflow/roles';
import { COMPLAINT_INDEX_SCHEMA, type ComplaintIndexRow } from './complaint-index';

export type DeviceConfig = Readonly<{ unitCode: string; deviceCode: string; createdAt: string }>;

export type Officer = Readonly<{ id: string; name: string; role: Role; createdAt: string }>;

type SettingRow = { key: string; value: unknown };
type CounterRow = { name: string; value: number };

export class DeviceDatabase extends Dexie {
  settings!: Table<SettingRow, string>;
  officers!: Table<Officer, string>;
  counters!: Table<CounterRow, string>;
  complaintIndex!: Table<ComplaintIndexRow, string>;

  constructor(name = 'meja-aduan-device') {
    super(name);
    this.version(1).stores({ settings: 'key', officers: 'id, name', counters: 'name' });
    // v2: officers have roles; devices set up before roles existed were set up by their manager.
    this.version(2)
      .stores({ settings: 'key', officers: 'id, name', counters: 'name' })
      .upgrade((tx) =>
        tx
          .table('officers')
          .toCollection()
          .modify((officer: { role?: Role }) => {
            officer.role ??= 'manager';
          }),
      );
    // v3: the complaint index the lists read (rebuilt from the records by the projector).
    this.version(3).stores({ complaintIndex: COMPLAINT_INDEX_SCHEMA });
  }
}
