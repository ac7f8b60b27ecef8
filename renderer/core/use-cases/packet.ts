/**
 * Paket P4: the unit's packet drafts, the unit's complaints and events read in full for
 * indicators and exports, and the packet ZIP built with the shared builder and saved through the
 * platform contract. The unit's other data exports: ./exports.
 *
 * Identity (docs/domain.md): reporter documents are never read here.
 */
import {
  calendarVersions,
  effectiveHolidays,
  type NationalCalendars,
} from '../../../shared/calendar/calendar-precedence';
import type { ComplaintDoc, OfficerRef } from '../../../shared/complaint/complaint-schema';
import {
  computeIndicators,
  type IndicatorSettings,
  type IndicatorsInput,
} from '../../../shared/indicators/compute-indicators';
import type { Indicators } from '../../../shared/indicators/indicators-types';
import { EVENT_ID_PREFIX, HIGH_SENTINEL, complaintIdRange } from '../../../shared/ids/document-ids';
import type { PacketProgress } from '../../../shared/packet/build-packet';
import type { PacketDraft, PacketGenerator } from '../../../shared/packet/packet-types';
import { sha256Hex } from '../../../shared/packet/sha256';
import { collectUnitRecords } from '../../../shared/packet/unit-records';
import type { PlatformApi, SaveFileResult } from '../../../shared/platform/platform-contract';
import { localDateOf } from '../../../shared/time/local-date';
import type { UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { EventDoc } from '../../../shared/workflow/events';
import { canEditSettings } from '../../../shared/workflow/roles';
import { budgetRuleOf } from '../../../shared/sync/device-budget';
import type { UnitDatabase } from '../data/database';
import { PacketDraftStore } from '../data/packet-drafts';
import { centralOnlyRecords, type CentralRequest } from './central-counts';
import type { CoreDeps } from './core-deps';

/** The unit's complaints and events as the packet needs them. */
export type UnitRecordSet = Readonly<{
  complaints: readonly ComplaintDoc[];
  events: readonly EventDoc[];
  /** Local date of the earliest complaint (any period), or null with none. */
  earliestReceivedDate: string | null;
  /** Documents that failed their schema and were left out. */
  invalid: number;
  /**
   * On a device with a budget: the older complaints only on the central that the set holds (read
   * from the central), or why they are missing; null on a device that keeps everything.
   */
  centralOnly: Readonly<{ complaints: number }> | Readonly<{ notRead: 'offline' | 'unreachable' }> | null;
}>;

const PAGE = 2000;

/**
 * Every document with an id in [startkey, endkey), page by page (never one huge read); `onPage`
 * hears how many documents were read in each page.
 */
export async function docsInRange(
  db: UnitDatabase,
  startkey: string,
  endkey: string,
  onPage?: (read: number) => void,
): Promise<unknown[]> {
  const docs: unknown[] = [];
  let from = startkey;
  let skip = 0;
  for (;;) {
    const page = await db.allDocs({
      startkey: from,
      endkey,
      inclusive_end: false,
      include_docs: true,
      limit: PAGE,
      skip,
    });
    for (const row of page.rows) if (row.doc) docs.push(row.doc);
    onPage?.(page.rows.length);
    const last = page.rows[page.rows.length - 1];
    if (page.rows.length < PAGE || !last) return docs;
    from = last.id;
    skip = 1;
  }
}

/**
 * The unit's settings as the indicators read them: each year's national list (the central's
 * calendar when the device has it, else the app's) plus the unit's own dates, as the desk's own
 * calendar counts (./calendar), so the indicators agree with the deadlines the desk showed.
 */
export function indicatorSettings(
  settings: UnitSettingsDoc,
  nationals: NationalCalendars = [],
): IndicatorSettings {
  return {
    ...settings,
    holidays: effectiveHolidays(settings.holidays, nationals),
    // indicators.json says which list (and the central's version) each year counted with.
    calendar: calendarVersions(settings.holidays, nationals),
  };
}

/**
 * The indicators of a unit (`code`, `name` as the packet names it) for `period` from its records:
 * the packet's indicators.json, and the dashboard's figures (../use-cases/dashboard, which alone
 * passes a `scope`: one office or category).
 */
export function packetIndicators(
  period: Readonly<{ from: string; to: string }>,
  named: Readonly<{ code: string; name: string }>,
  unit: UnitRecordSet,
  settings: UnitSettingsDoc,
  now: Date,
  scope?: IndicatorsInput['scope'],
  nationals: NationalCalendars = [],
): Indicators {
  return computeIndicators({
    complaints: unit.complaints,
    events: unit.events,
    unit: { code: named.code, name: named.name },
    settings: indicatorSettings(settings, nationals),
    period,
    computedAt: now,
    ...(scope ? { scope } : {}),
  });
}

/** The generator named in the manifest: the app's name and version from the host. */
export async function packetGenerator(platform: PlatformApi): Promise<PacketGenerator> {
  const info = await platform.appInfo();
  return { name: info.name, version: info.version };
}

export type SavedExport =
  | Readonly<{ status: 'saved'; fileName: string; folder: string | null; size: number; sha256: string }>
  | Readonly<{ status: 'cancelled' }>;

/** Saves `bytes` through the platform contract (a dialog in Electron, a download in the browser host). */
export async function saveExport(
  platform: PlatformApi,
  suggestedName: string,
  mimeType: string,
  bytes: Uint8Array,
): Promise<SavedExport> {
  // The contract takes ArrayBuffer-backed bytes; copy only when they sit on a shared buffer.
  const data = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  const result: SaveFileResult = await platform.saveFile({ suggestedName, mimeType, data });
  if (result.status === 'cancelled') return result;
  return {
    status: 'saved',
    fileName: result.fileName,
    folder: result.folder,
    size: data.length,
    sha256: await sha256Hex(data),
  };
}

/** `paket-p4-KTB-2026-upp.zip` */
export function packetFileName(draft: PacketDraft): string {
  return `paket-p4-${draft.profile.unitCode}-${draft.year}-${draft.category}.zip`;
}

export type PacketExport = Readonly<{
  draft: PacketDraft;
  evidence: ReadonlyMap<string, Uint8Array>;
  unit: UnitRecordSet;
  onProgress: (progress: PacketProgress) => void;
}>;

export function createPacket(deps: CoreDeps, centralRequest?: CentralRequest) {
  const { store, records, platform } = deps;
  const unitCode = (): string => {
    const code = store.getState().device?.unitCode;
    if (!code) throw new Error('The device is not set up.');
    return code;
  };
  const deviceCode = (): string => {
    const code = store.getState().device?.deviceCode;
    if (!code) throw new Error('The device is not set up.');
    return code;
  };
  const nationalsOf = (): NationalCalendars => store.getState().nationalCalendars ?? [];
  const settingsOf = (): UnitSettingsDoc => {
    const settings = store.getState().unitSettings;
    if (!settings) throw new Error('The unit has no settings yet.');
    return settings;
  };
  return {
    /** The signed-in officer, when they may edit packets (managers); undefined otherwise. */
    editor(): OfficerRef | undefined {
      const officer = store.getState().officer;
      return officer && canEditSettings(officer.role)
        ? { officerId: officer.id, name: officer.name }
        : undefined;
    },

    /** The unit's packet drafts (list, load, create, save, remove, evidence bytes). */
    drafts: (): PacketDraftStore => new PacketDraftStore(records.current().db, unitCode(), deviceCode()),

    /**
     * The unit's complaints and events (never its reporter documents), checked against their
     * schemas; on a device with a budget with the older complaints only on the central, read from
     * it when it can be asked (`centralOnly` says). `onProgress` hears the running count of
     * documents (and complaints from the central) read.
     */
    async loadRecords(onProgress?: (documentsRead: number) => void): Promise<UnitRecordSet> {
      const db = records.current().db;
      const range = complaintIdRange();
      let read = 0;
      const onPage = (count: number): void => {
        read += count;
        onProgress?.(read);
      };
      const [complaintDocs, eventDocs] = await Promise.all([
        docsInRange(db, range.startkey, range.endkey, onPage),
        docsInRange(db, EVENT_ID_PREFIX, `${EVENT_ID_PREFIX}${HIGH_SENTINEL}`, onPage),
      ]);
      const collected = collectUnitRecords([...complaintDocs, ...eventDocs], unitCode());
      const complaints = collected.complaints;
      const events = collected.events;
      let invalid = collected.skipped.invalid;
      // On a device with a budget, the older complaints only on the central are read from it.
      const rule = budgetRuleOf(store.getState().unitSettings, deps.now());
      let centralOnly: UnitRecordSet['centralOnly'] = null;
      if (rule) {
        const central = await centralOnlyRecords(deps, centralRequest, rule, (count) =>
          onProgress?.(read + count),
        );
        if (central.status === 'read') {
          complaints.push(...central.complaints);
          events.push(...central.events);
          invalid += central.invalid;
          centralOnly = { complaints: central.complaints.length };
        } else centralOnly = { notRead: central.reason };
        store.getState().setCentralCounts({
          complaints: central.status === 'read' ? central.complaints.length : 0,
          complete: central.status === 'read',
          share: central.status === 'read' ? 1 : 0,
          readAt: central.status === 'read' ? deps.now().toISOString() : null,
          notRead: central.status === 'read' ? null : central.reason,
        });
      }
      const timeZone = store.getState().unitSettings?.timeZone ?? 'Asia/Jakarta';
      let earliest: string | null = null;
      for (const complaint of complaints) {
        if (earliest === null || complaint.receivedAt < earliest) earliest = complaint.receivedAt;
      }
      return {
        complaints,
        events,
        earliestReceivedDate: earliest === null ? null : localDateOf(new Date(earliest), timeZone),
        invalid,
        centralOnly,
      };
    },

    /** The indicators of a unit (`named` as the packet names it) for `period`, on the unit's settings now. */
    indicators(
      period: Readonly<{ from: string; to: string }>,
      named: Readonly<{ code: string; name: string }>,
      unit: UnitRecordSet,
    ): Indicators {
      return packetIndicators(period, named, unit, settingsOf(), deps.now(), undefined, nationalsOf());
    },

    /**
     * Builds the packet ZIP from a saved draft, its evidence bytes and the unit's records, reporting
     * progress, and saves it (a dialog in Electron, a download in the browser host).
     */
    async export(input: PacketExport): Promise<SavedExport> {
      const now = deps.now();
      // The packet's writers (PDF, XLSX, ZIP) are loaded when a packet is first built, not at the app's start.
      const { buildPacketZip } = await import('../../../shared/packet/build-packet');
      const zip = await buildPacketZip(
        {
          draft: input.draft,
          complaints: input.unit.complaints,
          events: input.unit.events,
          indicators: packetIndicators(
            input.draft.period,
            { code: input.draft.profile.unitCode, name: input.draft.profile.unitName },
            input.unit,
            settingsOf(),
            now,
            undefined,
            nationalsOf(),
          ),
          evidence: input.evidence,
          generator: await packetGenerator(platform),
          createdAt: now,
        },
        input.onProgress,
      );
      return saveExport(platform, packetFileName(input.draft), 'application/zip', zip);
    },
  };
}
