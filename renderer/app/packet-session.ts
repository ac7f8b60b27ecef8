/**
 * The Paket P4 screen's services (issue 5): the unit's packet drafts, the unit's complaints and
 * events read in full for indicators and exports, the packet ZIP built with the shared builder and
 * saved through the platform contract, the "export all records" file and the SP4N-LAPOR! export
 * (which records on each exported complaint that it was forwarded).
 *
 * Identity (design.md §6.2): reporter documents are never read here, except by id for the
 * LAPOR! export when the manager ticked that identity may be included, and then only for the
 * complaints that are named now (not anonymous, not confidential).
 */
import { effectiveHolidays } from '../../shared/calendar/holiday-list';
import { withNeutralNames } from '../../shared/complaint/attachment-types';
import {
  reporterDocSchema,
  type ComplaintDoc,
  type OfficerRef,
  type ReporterDoc,
} from '../../shared/complaint/complaint-schema';
import { computeIndicators, type IndicatorSettings } from '../../shared/indicators/compute-indicators';
import type { Indicators } from '../../shared/indicators/indicators-types';
import {
  EVENT_ID_PREFIX,
  HIGH_SENTINEL,
  REPORTER_ID_PREFIX,
  complaintIdRange,
  reporterId,
} from '../../shared/ids/document-ids';
import { buildPacketZip, type PacketProgress } from '../../shared/packet/build-packet';
import { complaintsInPeriod } from '../../shared/packet/complaint-rows';
import { laporCsv, laporJson, laporRows } from '../../shared/packet/lapor-export';
import { laporForwardingEvents } from '../../shared/packet/lapor-forwarding';
import type { PacketDraft, PacketGenerator } from '../../shared/packet/packet-types';
import { sha256Hex } from '../../shared/packet/sha256';
import { collectUnitRecords, toNdjson } from '../../shared/packet/unit-records';
import type { SaveFileResult } from '../../shared/platform/platform-contract';
import { localDateOf } from '../../shared/time/local-date';
import type { UnitSettingsDoc } from '../../shared/unit/unit-settings';
import type { Actor } from '../../shared/workflow/decide-action';
import type { EventDoc } from '../../shared/workflow/events';
import { canEditSettings } from '../../shared/workflow/roles';
import { EVENT_SEQUENCE } from '../data/device-store';
import { PacketDraftStore } from '../data/packet-drafts';
import { platform } from '../platform/platform';
import { useAppStore } from '../store/app-store';
import { deviceStore, records } from './session';

/** The unit's complaints and events as the packet needs them. */
export type UnitRecordSet = Readonly<{
  complaints: readonly ComplaintDoc[];
  events: readonly EventDoc[];
  /** Local date of the earliest complaint (any period), or null with none. */
  earliestReceivedDate: string | null;
  /** Documents that failed their schema and were left out. */
  invalid: number;
}>;

const PAGE = 2000;

function unitCode(): string {
  const code = useAppStore.getState().device?.unitCode;
  if (!code) throw new Error('The device is not set up.');
  return code;
}

/** The signed-in officer, when they may edit packets (managers); undefined otherwise. */
export function packetEditor(): OfficerRef | undefined {
  const officer = useAppStore.getState().officer;
  return officer && canEditSettings(officer.role) ? { officerId: officer.id, name: officer.name } : undefined;
}

export function packetDrafts(): PacketDraftStore {
  return new PacketDraftStore(records().db, unitCode());
}

/** Every document with an id in [startkey, endkey), page by page (never one huge read). */
async function docsInRange(startkey: string, endkey: string): Promise<unknown[]> {
  const docs: unknown[] = [];
  let from = startkey;
  let skip = 0;
  for (;;) {
    const page = await records().db.allDocs({
      startkey: from,
      endkey,
      inclusive_end: false,
      include_docs: true,
      limit: PAGE,
      skip,
    });
    for (const row of page.rows) if (row.doc) docs.push(row.doc);
    const last = page.rows[page.rows.length - 1];
    if (page.rows.length < PAGE || !last) return docs;
    from = last.id;
    skip = 1;
  }
}

/** The unit's complaints and events (never its reporter documents), checked against their schemas. */
export async function loadUnitRecords(): Promise<UnitRecordSet> {
  const range = complaintIdRange();
  const [complaintDocs, eventDocs] = await Promise.all([
    docsInRange(range.startkey, range.endkey),
    docsInRange(EVENT_ID_PREFIX, `${EVENT_ID_PREFIX}${HIGH_SENTINEL}`),
  ]);
  const collected = collectUnitRecords([...complaintDocs, ...eventDocs], unitCode());
  const timeZone = useAppStore.getState().unitSettings?.timeZone ?? 'Asia/Jakarta';
  let earliest: string | null = null;
  for (const complaint of collected.complaints) {
    if (earliest === null || complaint.receivedAt < earliest) earliest = complaint.receivedAt;
  }
  return {
    complaints: collected.complaints,
    events: collected.events,
    earliestReceivedDate: earliest === null ? null : localDateOf(new Date(earliest), timeZone),
    invalid: collected.skipped.invalid,
  };
}

/**
 * The unit's settings as the indicators read them. A year the unit's holiday list does not name
 * takes the default list, as the desk's own calendar does (./unit-calendar), so the indicators
 * agree with the deadlines the desk showed.
 */
export function indicatorSettings(settings: UnitSettingsDoc): IndicatorSettings {
  return { ...settings, holidays: effectiveHolidays(settings.holidays) };
}

/** The indicators of a unit (`code`, `name` as the packet names it) for `period` from its records. */
export function packetIndicators(
  period: Readonly<{ from: string; to: string }>,
  named: Readonly<{ code: string; name: string }>,
  unit: UnitRecordSet,
  settings: UnitSettingsDoc,
  now: Date,
): Indicators {
  return computeIndicators({
    complaints: unit.complaints,
    events: unit.events,
    unit: { code: named.code, name: named.name },
    settings: indicatorSettings(settings),
    period,
    computedAt: now,
  });
}

/** The generator named in the manifest: the app's name and version from the host. */
export async function packetGenerator(): Promise<PacketGenerator> {
  const info = await platform().appInfo();
  return { name: info.name, version: info.version };
}

export type SavedExport =
  | Readonly<{ status: 'saved'; location: string; size: number; sha256: string }>
  | Readonly<{ status: 'cancelled' }>;

async function save(suggestedName: string, mimeType: string, bytes: Uint8Array): Promise<SavedExport> {
  // The contract takes ArrayBuffer-backed bytes; copy only when they sit on a shared buffer.
  const data = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  const result: SaveFileResult = await platform().saveFile({ suggestedName, mimeType, data });
  if (result.status === 'cancelled') return result;
  return { status: 'saved', location: result.location, size: data.length, sha256: await sha256Hex(data) };
}

/** `paket-p4-KTB-2026-upp.zip` */
export function packetFileName(draft: PacketDraft): string {
  return `paket-p4-${draft.profile.unitCode}-${draft.year}-${draft.category}.zip`;
}

/**
 * Builds the packet ZIP from a saved draft, its evidence bytes and the unit's records, reporting
 * progress, and saves it (a dialog in Electron, a download in the browser host).
 */
export async function exportPacket(
  input: Readonly<{
    draft: PacketDraft;
    evidence: ReadonlyMap<string, Uint8Array>;
    unit: UnitRecordSet;
    settings: UnitSettingsDoc;
    onProgress: (progress: PacketProgress) => void;
  }>,
): Promise<SavedExport> {
  const now = new Date();
  const zip = await buildPacketZip(
    {
      draft: input.draft,
      complaints: input.unit.complaints,
      events: input.unit.events,
      indicators: packetIndicators(
        input.draft.period,
        { code: input.draft.profile.unitCode, name: input.draft.profile.unitName },
        input.unit,
        input.settings,
        now,
      ),
      evidence: input.evidence,
      generator: await packetGenerator(),
      createdAt: now,
    },
    input.onProgress,
  );
  return save(packetFileName(input.draft), 'application/zip', zip);
}

/** A document as the records export writes it: no files, and complaints' file names neutral. */
function forExport(doc: Record<string, unknown>): Record<string, unknown> {
  const { _attachments: _files, ...rest } = doc;
  const attachments: unknown = rest.attachments;
  if (rest.type !== 'complaint' || !Array.isArray(attachments)) return rest;
  const objects = attachments.map((item: unknown) => (typeof item === 'object' && item !== null ? item : {}));
  return { ...rest, attachments: withNeutralNames(objects) };
}

/**
 * The app's "export all records" file (NDJSON, one document per line) for `npm run packet --
 * build --data`: every document of the unit except reporter documents (identity stays in the
 * unit) and design documents; files are not included, and their names in each complaint are
 * neutral (`lampiran-1.jpg`: a file name can carry a name).
 */
export async function exportAllRecords(now: Date): Promise<SavedExport & Readonly<{ count?: number }>> {
  const [before, after] = await Promise.all([
    docsInRange('', REPORTER_ID_PREFIX),
    docsInRange(`${REPORTER_ID_PREFIX}${HIGH_SENTINEL}`, HIGH_SENTINEL),
  ]);
  const docs = [...before, ...after]
    .map((doc) => doc as Record<string, unknown>)
    .filter((doc) => {
      const id = String(doc._id);
      return !id.startsWith('_design/') && !id.startsWith(REPORTER_ID_PREFIX) && doc.type !== 'reporter';
    })
    .map(forExport);
  const bytes = new TextEncoder().encode(toNdjson(docs));
  const date = localDateOf(now, useAppStore.getState().unitSettings?.timeZone ?? 'Asia/Jakarta');
  const saved = await save(`data-${unitCode()}-${date}.ndjson`, 'application/x-ndjson', bytes);
  return saved.status === 'saved' ? { ...saved, count: docs.length } : saved;
}

/** The reporter documents of the complaints in the period that are named now, read by id only. */
async function namedReporters(
  unit: UnitRecordSet,
  period: Readonly<{ from: string; to: string }>,
  timeZone: string,
): Promise<ReporterDoc[]> {
  const ids = complaintsInPeriod({ complaints: unit.complaints, events: unit.events, period, timeZone })
    .filter(({ state }) => state.privacyMode === 'named')
    .map(({ complaint }) => reporterId(complaint.trackingNumber));
  if (ids.length === 0) return [];
  const result = await records().db.allDocs({ keys: ids, include_docs: true });
  return result.rows.flatMap((row) => {
    if (!('doc' in row) || !row.doc) return [];
    const parsed = reporterDocSchema.safeParse(row.doc);
    return parsed.success ? [parsed.data] : [];
  });
}

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

/** Where a LAPOR! export is: writing files, then recording the forwarding on each complaint. */
export type LaporExportProgress = Readonly<
  { phase: 'files' } | { phase: 'recording'; done: number; total: number }
>;

/**
 * The SP4N-LAPOR! export of the complaints received in `period` (CSV and JSON, in the layout of
 * ../../shared/packet/lapor-export), with identity only when `includeIdentity` and only for
 * complaints that are named now; `onlyNotForwarded` leaves out complaints already forwarded.
 * Once the CSV is saved, each exported complaint records that it was forwarded (an event naming
 * the file and whether identity went with it), so the trail and later exports know.
 */
export async function exportLapor(
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
  const state = useAppStore.getState();
  const actor = laporActor();
  const timeZone = state.unitSettings?.timeZone ?? 'Asia/Jakarta';
  onProgress({ phase: 'files' });
  const reporters = includeIdentity ? await namedReporters(unit, period, timeZone) : [];
  const rows = laporRows({
    complaints: unit.complaints,
    events: unit.events,
    timeZone,
    period,
    onlyNotForwarded: input.onlyNotForwarded,
    includeIdentity,
    reporters,
  });
  if (rows.length === 0) return { records: 0, csv: null, json: null, recorded: 0 };
  const list = rows.map((row) => row.record);
  const code = unitCode();
  const base = `lapor-${code}-${period.from}_${period.to}`;
  const csvName = `${base}.csv`;
  const csv = await save(csvName, 'text/csv', laporCsv(list, includeIdentity));
  if (csv.status === 'cancelled') return { records: list.length, csv, json: null, recorded: 0 };
  const now = new Date();
  const json = laporJson(list, includeIdentity, {
    unit: { code, name: state.unitProfile?.unitName ?? code },
    period,
    createdAt: now,
    generator: await packetGenerator(),
  });
  const jsonSaved = await save(`${base}.json`, 'application/json', new TextEncoder().encode(json));
  const saved = { records: list.length, csv, json: jsonSaved };
  try {
    const firstSequence = await deviceStore.reserveSequences(EVENT_SEQUENCE, rows.length);
    const { events, refused } = laporForwardingEvents(rows, csvName, actor, {
      at: now,
      firstSequence,
      localDate: localDateOf(now, timeZone),
    });
    onProgress({ phase: 'recording', done: 0, total: events.length });
    await records().recordEvents(events, (done, total) => onProgress({ phase: 'recording', done, total }));
    const first = refused[0];
    return first
      ? {
          ...saved,
          recorded: events.length,
          recordFailure: `${refused.length}× ${first.trackingNumber}: ${first.issues[0]?.key ?? ''}`,
        }
      : { ...saved, recorded: events.length };
  } catch (error) {
    return { ...saved, recorded: 0, recordFailure: error instanceof Error ? error.message : String(error) };
  }
}

/** The signed-in officer as the author of the forwarding events. */
function laporActor(): Actor {
  const { officer, device } = useAppStore.getState();
  if (!officer || !device) throw new Error('The device is not set up.');
  return {
    officer: { officerId: officer.id, name: officer.name },
    role: officer.role,
    deviceCode: device.deviceCode,
    unitCode: device.unitCode,
  };
}
