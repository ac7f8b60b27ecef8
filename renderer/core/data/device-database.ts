/**
 * Device-local data in Dexie (docs/decisions/006-pouchdb-and-dexie.md): this device's identity, its officers,
 * its counters and preferences. Nothing here is the only copy of a record.
 */
import Dexie, { type Table } from 'dexie';
import type { IndicatorRecord } from '../../../shared/indicators/indicator-record';
import type { Role } from '../../../shared/workflow/roles';
import type { SealedDraft } from '../../../shared/crypto/draft-seal';
import type { SearchContentRow, SearchIdentityRow } from '../../../shared/search/search-keys';
import { COMPLAINT_INDEX_SCHEMA, INDEX_CHECKPOINT_PREFIX, type ComplaintIndexRow } from './complaint-index';
import {
  SEARCH_CONTENT_SCHEMA,
  SEARCH_IDENTITY_SCHEMA,
  SEARCH_ROWS_SCHEMA,
  SEARCH_SNAPSHOT_SCHEMA,
  type SearchSnapshotRow,
} from '../search/search-schema';
import { strictDurabilityMiddleware } from './strict-durability';

export type DeviceConfig = Readonly<{ unitCode: string; deviceCode: string; createdAt: string }>;

/**
 * An officer of this device. `active: false` once a manager deactivated them: no longer offered at
 * the desk, never deleted (shared/unit/officer-roster). Absent means active (stored before v5, or
 * built in memory).
 */
export type Officer = Readonly<{ id: string; name: string; role: Role; createdAt: string; active?: boolean }>;

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

/**
 * What an officer has typed into Pengaduan Baru and not yet saved, kept on this device only (never
 * synced, never in the unit database): a draft of a named or confidential complaint holds the
 * complainant's identity, so it is deleted the moment it is saved or discarded. One per officer.
 * The chosen files' bytes are not kept (a file cannot be handed back to the form, and a draft would
 * duplicate up to 25 MB); their names are, so the form can say which to pick again.
 */
export type IntakeDraftRow = Readonly<{
  /** Its officer; a draft set aside (it did not open): `aside:<officer id>:<keptAt>:<uuid>`. */
  officerId: string;
  /**
   * The form's fields as typed (`incidentDate` as text); see IntakeDraftFields in ../use-cases/intake.
   * Empty when `sealed` holds them (every draft written since decision 023; older ones are clear).
   */
  fields: Readonly<Record<string, unknown>>;
  /** Names of the files that were picked; they must be picked again (empty when `sealed` holds them). */
  fileNames: readonly string[];
  /** The fields and file names sealed with the `drafts` key (shared/crypto/draft-seal). */
  sealed?: SealedDraft;
  /** Set on a draft set aside: the officer it was kept for. */
  setAsideFrom?: string;
  /** When it was last kept (ISO instant). */
  keptAt: string;
  /**
   * Set when a save of this form took its numbers: the tracking number its complaint gets. Once
   * that complaint is stored the draft is deleted; a draft still carrying it after a crash is
   * deleted when read, not offered again (saving it again would make a second complaint).
   */
  savingAs?: string;
}>;

/**
 * The tables rebuilt from the records when lost (the complaint index, the search index and its
 * snapshot, Beranda's indicator records, and those read from the central on a budget device). A transaction writing one of them (a follower's batch,
 * with its checkpoint) keeps the browser's default durability: lost in a power cut, it is followed
 * again. Every other read-write transaction of this database is strict (./strict-durability): it
 * backs something the UI reports as done, or a number never to be handed out twice (the counters).
 */
export const REBUILDABLE_TABLES: ReadonlySet<string> = new Set([
  'complaintIndex',
  'searchContent',
  'searchIdentity',
  'searchSnapshot',
  'indicatorRecords',
  'centralIndicatorRecords',
]);

/**
 * This device's copy of one unit key version for one officer (../keys/device-key-wraps;
 * docs/decisions/017-unit-key.md): the key wrapped under the officer's PIN or passphrase
 * (shared/crypto/secret-wrap), as the host sealed it once more (the OS keychain in Electron; as it
 * is in the browser host, `protection` says which). Never synced, never in the unit database.
 */
export type UnitKeyWrapRow = Readonly<{
  /** `<officerId>/<keyVersion>`. */
  id: string;
  officerId: string;
  keyVersion: number;
  /** The wrap's JSON, sealed by the host (platform `sealKeyWrap`). */
  sealed: string;
  protection: 'os-keychain' | 'plain-file' | 'browser-storage';
  storedAt: string;
}>;

export class DeviceDatabase extends Dexie {
  settings!: Table<SettingRow, string>;
  officers!: Table<Officer, string>;
  counters!: Table<CounterRow, string>;
  complaintIndex!: Table<ComplaintIndexRow, string>;
  tampered!: Table<TamperedRow, string>;
  intakeDrafts!: Table<IntakeDraftRow, string>;
  searchContent!: Table<SearchContentRow, string>;
  searchIdentity!: Table<SearchIdentityRow, string>;
  searchSnapshot!: Table<SearchSnapshotRow, string>;
  indicatorRecords!: Table<IndicatorRecord, string>;
  centralIndicatorRecords!: Table<IndicatorRecord, string>;
  unitKeyWraps!: Table<UnitKeyWrapRow, string>;

  constructor(name = 'meja-aduan-device') {
    super(name);
    this.use(strictDurabilityMiddleware(REBUILDABLE_TABLES));
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
    // v5: officers can be deactivated; every officer stored before is active.
    this.version(5).upgrade((tx) =>
      tx
        .table('officers')
        .toCollection()
        .modify((officer: { active?: boolean }) => {
          officer.active ??= true;
        }),
    );
    // v6: the intake form's unsaved draft, one per officer (see IntakeDraftRow).
    this.version(6).stores({ intakeDrafts: 'officerId' });
    // v7: the search index (../search/search-index; docs/decisions/012-search-index.md), and index
    // rows that carry category, report type and the unit-local receipt date for the list's filters:
    // the complaint index is emptied so its projector rebuilds every row from the records.
    this.version(7)
      .stores({ searchContent: SEARCH_CONTENT_SCHEMA, searchIdentity: SEARCH_IDENTITY_SCHEMA })
      .upgrade(async (tx) => {
        await tx.table('complaintIndex').clear();
        await tx.table('settings').where('key').startsWith(INDEX_CHECKPOINT_PREFIX).delete();
      });
    // v8: the search index's rows lose their multi-entry index over their keys (the index is queried
    // in memory, loaded from the rows: docs/decisions/012-search-index.md); the rows stay as they are.
    this.version(8).stores({
      searchContent: SEARCH_ROWS_SCHEMA,
      searchIdentity: SEARCH_ROWS_SCHEMA,
    });
    // v9: the search index's in-memory structure saved whole, loaded at a start instead of the rows.
    this.version(9).stores({ searchSnapshot: SEARCH_SNAPSHOT_SCHEMA });
    // v10: Beranda's indicator records, one small row per complaint by id and receipt instant
    // (./indicator-records; docs/decisions/013-dashboard-charts.md), built by their follower.
    this.version(10).stores({ indicatorRecords: 'id, receivedAt' });
    // v11: this device's wrapped copies of the unit key, one per officer and key version (see
    // UnitKeyWrapRow). A device upgraded from v10 has none: its unit's key is created or received
    // at the next sign-in (../keys/unit-key-session).
    this.version(11).stores({ unitKeyWraps: 'id, officerId' });
    // v12: on a device with a budget, the indicator records of the complaints only on the central
    // (./central-indicator-records), read once from the central for Beranda's figures.
    this.version(12).stores({ centralIndicatorRecords: 'id' });
  }
}
