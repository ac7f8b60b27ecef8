/**
 * Device-local data in Dexie (docs/decisions/006-pouchdb-and-dexie.md): this device's identity, its officers,
 * its counters and preferences. Nothing here is the only copy of a record.
 */
import Dexie, { type Table } from 'dexie';
import type { Role } from '../../../shared/workflow/roles';
import { COMPLAINT_INDEX_SCHEMA, type ComplaintIndexRow } from './complaint-index';

export type DeviceConfig = Readonly<{ unitCode: string; deviceCode: string; createdAt: string }>;

export type Officer = Readonly<{ id: string; name: string; role: Role; createdAt: string }>;

type SettingRow = { key: string; value: unknown };
type CounterRow = { name: string; value: number };

/**
 * A complaint one of whose documents this device also holds in another content than its id names
 * (shared/ids/content-id): a forged sibling revision from a server without the content check, or
 * a tampered backup. The device keeps and shows the content the id names; the sync screen lists these.
 */
export type TamperedRow = Readonly<{
  complaintId: string;
  trackingNumber: string;
  /** The ids of the documents concerned (the complaint's own, or its events'). */
  documentIds: readonly string[];
  /** When this device first found it (ISO instant). */
  foundAt: string;
}>;

export class DeviceDatabase extends Dexie {
  settings!: Table<SettingRow, string>;
  officers!: Table<Officer, string>;
  counters!: Table<CounterRow, string>;
  complaintIndex!: Table<ComplaintIndexRow, string>;
  tampered!: Table<TamperedRow, string>;

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
    // v4: complaints for which this device holds a forged content of a document (see TamperedRow).
    this.version(4).stores({ tampered: 'complaintId' });
  }
}
