/**
 * The unit's data exports on the Paket P4 screen: the "export all records" file for
 * `npm run packet -- build --data`, and the SP4N-LAPOR! export, which records on each exported
 * complaint that it was forwarded.
 *
 * Identity (docs/domain.md): reporter documents are read only by id for the LAPOR! export when the
 * manager ticked that identity may be included, and then only for complaints named now (not
 * anonymous, not confidential); the records export leaves them out and renames attached files.
 * Confidential complaints ("only as counts", docs/domain.md) leave in the records export without their
 * content, unless a manager ticks that it may be included (../../shared/packet/records-export).
 */
import type { ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { UnitKeyLockedError } from '../keys/unit-keyring';
import { HIGH_SENTINEL, REPORTER_ID_PREFIX } from '../../../shared/ids/document-ids';
import {
  laporCsv,
  laporJson,
  laporRows,
  namedReporterIds,
  withIdentity,
  type LaporRow,
} from '../../../shared/packet/lapor-export';
import { laporForwardingEvents } from '../../../shared/packet/lapor-forwarding';
import { buildRecordsExport } from '../../../shared/packet/records-export';
import { localDateOf } from '../../../shared/time/local-date';
import type { Actor } from '../../../shared/workflow/decide-action';
import { canEditSettings } from '../../../shared/workflow/roles';
import { EVENT_SEQUENCE } from '../data/device-store';
import type { CoreDeps } from './core-deps';
import { docsInRange, packetGenerator, saveExport, type SavedExport, type UnitRecordSet } from './packet';

export type LaporExportResult = Readonly<{
  records: number;
  /** Null when no complaint was to be exported (nothing saved). */
  csv: SavedExport | null;
  json: SavedExport | null;
  /** Complaints recorded as forwarded to LAPOR! (a `lapor-forwarded` event each). */
  recorded: number;
  /** Why recording the forwarding failed after the files were saved; absent when it did not. */
  recordFailure?: string;
}>;

/** The complaints an SP4N-LAPOR! export would hold (and record as forwarded), oldest first. */
export type LaporPreview = readonly Readonly<{
  trackingNumber: string;
  receivedDate: string;
  /** Null for a confidential complaint (exported without its content). */
  title: string | null;
}>[];

/** Where a LAPOR! export is: writing files, then recording the forwarding on each complaint. */
export type LaporExportProgress = Readonly<
  { phase: 'files' } | { phase: 'recording'; done: number; total: number }
>;

export function createExports(deps: CoreDeps) {
  const { store, records, platform } = deps;
  const db = () => records.current().db;
  const unitCode = (): string => {
    const code = store.getState().device?.unitCode;
    if (!code) throw new Error('The device is not set up.');
    return code;
  };

  /** The reporter documents of `rows` that are named now, read by id only. */
  const namedReporters = async (rows: readonly LaporRow[]): Promise<ReporterDoc[]> => {
    const ids = namedReporterIds(rows);
    if (ids.length === 0) return [];
    const result = await db().allDocs({ keys: ids, include_docs: true });
    const { vault } = records.current();
    const reporters: ReporterDoc[] = [];
    for (const row of result.rows) {
      if (!('doc' in row) || !row.doc) continue;
      // Opened with the session's unit key (../keys/reporter-vault); never an export with identity
      // left out because this device could not open it.
      const opened = await vault.openChecked(row.doc);
      if (opened?.sealedIdentity === 'no-key') throw new UnitKeyLockedError();
      if (opened?.sealedIdentity) throw new Error(`${row.id}: its identity does not open with the unit key`);
      if (opened) reporters.push(opened);
    }
    return reporters;
  };

  /** The signed-in officer as the author of the forwarding events. */
  const laporActor = (): Actor => {
    const { officer, device } = store.getState();
    if (!officer || !device) throw new Error('The device is not set up.');
    return {
      officer: { officerId: officer.id, name: officer.name },
      role: officer.role,
      deviceCode: device.deviceCode,
      unitCode: device.unitCode,
    };
  };

  return {
    /**
     * The app's "export all records" file (NDJSON, one document per line) for `npm run packet --
     * build --data`: every document of the unit except reporter documents (identity stays in the
     * unit; never even read here) and design documents; files are not included, and their names in
     * each complaint are neutral (`lampiran-1.jpg`: a file name can carry a name). Confidential
     * complaints and their events are written without their content unless `includeConfidential`,
     * which only a manager may ask for (anyone else gets the redacted file).
     */
    async allRecords(
      now: Date,
      options: Readonly<{ includeConfidential: boolean }> = { includeConfidential: false },
    ): Promise<SavedExport & Readonly<{ count?: number; redactedComplaints?: number }>> {
      const [before, after] = await Promise.all([
        docsInRange(db(), '', REPORTER_ID_PREFIX),
        docsInRange(db(), `${REPORTER_ID_PREFIX}${HIGH_SENTINEL}`, HIGH_SENTINEL),
      ]);
      const { officer } = store.getState();
      const includeConfidential =
        options.includeConfidential && officer !== undefined && canEditSettings(officer.role);
      const file = buildRecordsExport([...before, ...after], { includeConfidential });
      const bytes = new TextEncoder().encode(file.ndjson);
      const date = localDateOf(now, store.getState().unitSettings?.timeZone ?? 'Asia/Jakarta');
      const saved = await saveExport(
        platform,
        `data-${unitCode()}-${date}.ndjson`,
        'application/x-ndjson',
        bytes,
      );
      return saved.status === 'saved'
        ? { ...saved, count: file.count, redactedComplaints: file.redactedComplaints }
        : saved;
    },

    /**
     * What an SP4N-LAPOR! export with these choices would hold, without saving or recording
     * anything: the complaints (tracking number and title as exported: none for a confidential
     * one), each of which `lapor` then records as forwarded. The screen shows it for confirmation.
     */
    laporPreview(
      input: Readonly<{
        period: Readonly<{ from: string; to: string }>;
        onlyNotForwarded: boolean;
        unit: UnitRecordSet;
      }>,
    ): LaporPreview {
      const timeZone = store.getState().unitSettings?.timeZone ?? 'Asia/Jakarta';
      return laporRows({
        complaints: input.unit.complaints,
        events: input.unit.events,
        timeZone,
        period: input.period,
        onlyNotForwarded: input.onlyNotForwarded,
        includeIdentity: false,
      }).map(({ record }) => ({
        trackingNumber: record.trackingNumber,
        receivedDate: record.receivedDate,
        title: record.title,
      }));
    },

    /**
     * The SP4N-LAPOR! export of the complaints received in `period` (CSV and JSON, in the layout of
     * ../../shared/packet/lapor-export), with identity only when `includeIdentity` and only for
     * complaints that are named now; `onlyNotForwarded` leaves out complaints already forwarded.
     * Once the CSV is saved, each exported complaint records that it was forwarded (an event naming
     * the file and whether identity went with it), so the trail and later exports know.
     */
    async lapor(
      input: Readonly<{
        period: Readonly<{ from: string; to: string }>;
        includeIdentity: boolean;
        onlyNotForwarded: boolean;
        unit: UnitRecordSet;
        onProgress?: (progress: LaporExportProgress) => void;
      }>,
    ): Promise<LaporExportResult> {
      const { period, includeIdentity, unit } = input;
      const onProgress = input.onProgress ?? (() => undefined);
      const state = store.getState();
      const actor = laporActor();
      const timeZone = state.unitSettings?.timeZone ?? 'Asia/Jakarta';
      onProgress({ phase: 'files' });
      // One pass over the records; then identity, read only for the rows named now.
      const plain = laporRows({
        complaints: unit.complaints,
        events: unit.events,
        timeZone,
        period,
        onlyNotForwarded: input.onlyNotForwarded,
        includeIdentity: false,
      });
      const rows = includeIdentity ? withIdentity(plain, await namedReporters(plain)) : plain;
      if (rows.length === 0) return { records: 0, csv: null, json: null, recorded: 0 };
      const list = rows.map((row) => row.record);
      const code = unitCode();
      const base = `lapor-${code}-${period.from}_${period.to}`;
      const csvName = `${base}.csv`;
      const csv = await saveExport(platform, csvName, 'text/csv', laporCsv(list, includeIdentity));
      if (csv.status === 'cancelled') return { records: list.length, csv, json: null, recorded: 0 };
      const now = deps.now();
      const json = laporJson(list, includeIdentity, {
        unit: { code, name: state.unitProfile?.unitName ?? code },
        period,
        createdAt: now,
        generator: await packetGenerator(platform),
      });
      const jsonSaved = await saveExport(
        platform,
        `${base}.json`,
        'application/json',
        new TextEncoder().encode(json),
      );
      const saved = { records: list.length, csv, json: jsonSaved };
      try {
        const firstSequence = await deps.deviceStore.reserveSequences(EVENT_SEQUENCE, rows.length);
        const { events, refused } = laporForwardingEvents(rows, csvName, actor, {
          at: now,
          firstSequence,
          localDate: localDateOf(now, timeZone),
        });
        onProgress({ phase: 'recording', done: 0, total: events.length });
        await records
          .current()
          .recordEvents(events, (done, total) => onProgress({ phase: 'recording', done, total }));
        const first = refused[0];
        return first
          ? {
              ...saved,
              recorded: events.length,
              recordFailure: `${refused.length}× ${first.trackingNumber}: ${first.issues[0]?.key ?? ''}`,
            }
          : { ...saved, recorded: events.length };
      } catch (error) {
        return {
          ...saved,
          recorded: 0,
          recordFailure: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}
