/**
 * THE interface of the client core, as the UI sees it: named commands and queries grouped by
 * area, and the types screens need. Screens, components and hooks import only this file from
 * renderer/core (types, and the few constants below) and get the one instance through `useCore()`
 * (renderer/app/core-context). The instance is built once by ./create-client-core; a test can
 * hand a screen a fake implementing this type.
 *
 * Commands resolve once what they wrote is stored; refusals a person can act on come back as
 * values (`ActOutcome`, `SaveOutcome`, `JoinOutcome`), anything else is thrown.
 */
import type { OfficerRef } from '../../shared/complaint/complaint-schema';
import type { Channel, ComplaintStatus } from '../../shared/complaint/vocabulary';
import type { Indicators } from '../../shared/indicators/indicators-types';
import type {
  AppInfo,
  MenuCommand,
  PrintResult,
  SaveFileResult,
  SecretProtection,
} from '../../shared/platform/platform-contract';
import type { CalendarYear } from '../../shared/calendar/calendar-precedence';
import type { ComplaintSla } from '../../shared/sla/complaint-sla';
import type { DueDateState } from '../../shared/sla/deadline-state';
import type { SyncStatus } from '../../shared/sync/sync-status';
import type { ValidJoin } from '../../shared/unit/join-unit';
import type { Enrolment } from '../../shared/enrolment/enrolment-code';
import type { EnrolResult } from './use-cases/sync';
import type { RosterChangeProblem } from '../../shared/unit/officer-roster';
import type { ValidProfileEdit, ValidSetup } from '../../shared/unit/unit-profile';
import type { Office, ValidSettings } from '../../shared/unit/unit-settings';
import type { ComplaintState } from '../../shared/workflow/complaint-state';
import type { Role } from '../../shared/workflow/roles';
import type { WorkflowAction } from '../../shared/workflow/workflow-actions';
import type { ComplaintIndexRow } from './data/complaint-index';
import type { IndexPage } from './data/complaint-index-queries';
import type { ComplaintDetail } from './data/complaint-repository';
import type { OpenedReporterDoc, SealedIdentityReason } from './keys/reporter-vault';
import type { DeviceConfig, Officer, TamperedRow } from './data/device-database';
import type { Language, ReceiptPaper } from './data/device-store';
import type { MutableConflict, StoredDoc } from './data/mutable-conflicts';
import type { PacketDraftStore, PacketDraftSummary, StoredPacketDraft } from './data/packet-drafts';
import type { AppPhase } from './state/desk-slice';
import type { AccessLogOutcome, AccessLogPage, AccessLogQuery, AccessLogRow } from './use-cases/access-log';
import type { AppState, AppStore } from './state/app-state';
import type { CentralCounts, Notice } from './state/ui-slice';
import type { ConnectionTestResult } from './sync/test-connection';
import type {
  ActOutcome,
  CorrectReporterOutcome,
  NeedsAttention,
  ReporterCorrectionInput,
  TrackingNumberLookup,
} from './use-cases/complaints';
import type { CentralSearchOutcome } from './use-cases/central-search';
import type { CentralHit } from './sync/central-search';
import type { DashboardProgress, DashboardQuery } from './use-cases/dashboard';
import type { JoinOutcome, StorageUse } from './use-cases/device-setup';
import type {
  AddOfficerOutcome,
  LockState,
  SecretOutcome,
  SignInOutcome,
  UnlockOutcome,
} from './use-cases/officers';
import type { RosterEntry } from './data/officer-roster-store';
import type { LaporExportProgress, LaporExportResult, LaporPreview } from './use-cases/exports';
import type {
  DuplicateCandidate,
  DuplicateProbe,
  DuplicateReason,
  LinkOutcome,
} from './use-cases/duplicates';
import type { IntakeDraftFields, IntakeSave, StoredIntakeDraft } from './use-cases/intake';
import type { PacketExport, SavedExport, UnitRecordSet } from './use-cases/packet';
import type {
  BackupOutcome,
  BackupProgress,
  RestoreOutcome,
  RestorePreview,
  RestoreProgress,
  RestoreRefusal,
} from './use-cases/backup';
import type {
  CreateKeyTransferOutcome,
  KeyTransferCode,
  KeyTransferProgress,
  ReceiveKeyTransferOptions,
  ReceiveKeyTransferOutcome,
} from './use-cases/key-transfer';
import type { KeyRecoveryStatus, RecoverKeyOutcome, SetKeyRecoveryOutcome } from './use-cases/key-recovery';
import type { RewrapProgress, RotateKeyOutcome } from './use-cases/key-rotation';
import type { SaveOutcome } from './use-cases/settings';
import type { RetentionOutcome, RetentionRun, RetentionStatus } from './use-cases/retention';
import type {
  SearchField,
  SearchFilters,
  SearchHit,
  SearchIndexStatus,
  SearchMatch,
  SearchPage,
  SearchQuery,
  SearchSort,
  TextRange,
} from './search/search-types';

export type {
  OpenedReporterDoc,
  SealedIdentityReason,
  BackupOutcome,
  BackupProgress,
  RestoreOutcome,
  RestorePreview,
  RestoreProgress,
  RestoreRefusal,
  AccessLogOutcome,
  AccessLogPage,
  CreateKeyTransferOutcome,
  KeyTransferCode,
  KeyTransferProgress,
  ReceiveKeyTransferOptions,
  ReceiveKeyTransferOutcome,
  KeyRecoveryStatus,
  RecoverKeyOutcome,
  SetKeyRecoveryOutcome,
  RewrapProgress,
  RotateKeyOutcome,
  AccessLogQuery,
  AccessLogRow,
  ActOutcome,
  AddOfficerOutcome,
  AppPhase,
  AppState,
  AppStore,
  ComplaintDetail,
  ComplaintIndexRow,
  ConnectionTestResult,
  CorrectReporterOutcome,
  DashboardProgress,
  DashboardQuery,
  DeviceConfig,
  DuplicateCandidate,
  DuplicateProbe,
  DuplicateReason,
  IndexPage,
  IntakeDraftFields,
  IntakeSave,
  StoredIntakeDraft,
  JoinOutcome,
  Language,
  LaporExportProgress,
  LaporExportResult,
  LaporPreview,
  LinkOutcome,
  LockState,
  MutableConflict,
  NeedsAttention,
  Notice,
  Officer,
  PacketDraftSummary,
  PacketExport,
  ReceiptPaper,
  ReporterCorrectionInput,
  RetentionOutcome,
  RetentionRun,
  RetentionStatus,
  RosterChangeProblem,
  RosterEntry,
  SecretOutcome,
  SignInOutcome,
  UnlockOutcome,
  SavedExport,
  SaveOutcome,
  SearchField,
  SearchFilters,
  SearchHit,
  SearchIndexStatus,
  SearchMatch,
  SearchPage,
  SearchQuery,
  SearchSort,
  StorageUse,
  StoredDoc,
  StoredPacketDraft,
  TamperedRow,
  TextRange,
  TrackingNumberLookup,
  UnitRecordSet,
  CentralHit,
  CentralSearchOutcome,
  CentralCounts,
};

/** A unit's packet drafts in its records: one per competition year and category. */
export type PacketDrafts = Pick<
  PacketDraftStore,
  'list' | 'load' | 'create' | 'save' | 'evidenceBytes' | 'remove'
>;

/**
 * `error.name` of the errors the core throws that a screen tells apart: a packet draft changed
 * (or deleted) on another device since it was loaded; a draft of that year and category exists.
 */
export const CORE_ERRORS = {
  packetDraftChanged: 'PacketDraftChangedError',
  packetDraftExists: 'PacketDraftExistsError',
  /**
   * The unit key is not unlocked on this device (docs/decisions/017-unit-key.md): a complainant's
   * identity can be neither written nor shown until an officer who has signed in here before signs
   * in, or a transfer code brings the key.
   */
  unitKeyLocked: 'UnitKeyLockedError',
} as const;

export type CoreErrorName = (typeof CORE_ERRORS)[keyof typeof CORE_ERRORS];

/** Whether `error` is the core's error `name` (see CORE_ERRORS). */
export function isCoreError(error: unknown, name: CoreErrorName): boolean {
  return error instanceof Error && error.name === name;
}

export type ClientCore = Readonly<{
  /** The UI state (who is at the desk, the unit's settings, sync status, notices): read it with `useAppStore`. */
  store: AppStore;

  /** Starting the app and this device's setup. */
  device: Readonly<{
    /** Loads the UI language chosen on this device before anything renders. */
    prepareLanguage(): Promise<void>;
    /** Opens the records, starts sync and the index; asks for setup (phase) on a new device. */
    start(): Promise<void>;
    /** Stops sync and the index and stops following the records. */
    stop(): Promise<void>;
    /** First run of a new unit. */
    setup(setup: ValidSetup, now: Date): Promise<void>;
    /** First run of a further device of a unit that already syncs. */
    join(join: ValidJoin, now: Date): Promise<JoinOutcome>;
    switchLanguage(language: Language): Promise<void>;
    /** Documents held for the unit and storage the browser grants. */
    storage(): Promise<StorageUse>;
  }>;

  /**
   * The unit's officers (the synced roster) and who is at the desk (their working session, opened
   * with their PIN or passphrase; docs/decisions/015-officer-roster-and-sign-in.md).
   */
  officers: Readonly<{
    /** Every officer of the unit, deactivated ones included (Pengaturan); never a verifier. */
    list(): Promise<RosterEntry[]>;
    /** The officers offered at the desk: the active ones. */
    listActive(): Promise<RosterEntry[]>;
    /** True while no active manager has a secret (a device upgraded from the local list). */
    needsFirstManagerSecret(): Promise<boolean>;
    /** How long `officerId` stays locked on this device, and the tries left before the lock. */
    lockState(officerId: string, now: Date): Promise<LockState>;
    /** Signs in with the PIN or passphrase; five failures in a row lock the officer here for 15 minutes. */
    signIn(officerId: string, secret: string, now: Date): Promise<SignInOutcome>;
    /** A supervisor or manager, with their own secret, unlocks a locked officer on this device. */
    unlock(targetId: string, unlockerId: string, unlockerSecret: string, now: Date): Promise<UnlockOutcome>;
    /** The signed-in officer's new secret (typed twice); ends the must-change step. */
    changeOwnSecret(secret: string, confirmation: string, now: Date): Promise<SecretOutcome>;
    /** Once, where no active manager has a secret: an active manager sets their own and signs in. */
    setFirstManagerSecret(
      officerId: string,
      secret: string,
      confirmation: string,
      now: Date,
    ): Promise<SecretOutcome>;
    /** Signs the officer out: back to the sign-in screen. */
    chooseAnother(now?: Date): Promise<void>;
    /** Locks the desk (idle time, shortcut): every screen closes; signing in again needs the PIN. */
    lock(now?: Date): Promise<void>;
    /** Managers: a new officer with a first PIN, which the officer changes at first sign-in. */
    add(
      name: string,
      role: Role,
      secret: string,
      confirmation: string,
      now: Date,
    ): Promise<AddOfficerOutcome>;
    /** Managers: a new first PIN for another officer. */
    setSecret(officerId: string, secret: string, confirmation: string, now: Date): Promise<SecretOutcome>;
    /** Managers: another officer's role; null when changed, else why not. */
    setRole(officerId: string, role: Role): Promise<RosterChangeProblem | null>;
    /** Managers: deactivates (kept in the trail, no longer offered) or reactivates another officer. */
    setActive(officerId: string, active: boolean): Promise<RosterChangeProblem | null>;
  }>;

  /**
   * Pengaturan → Log akses (docs/decisions/016-access-log.md): sign-ins, sign-outs, failures,
   * lockouts, unlocks, idle locks and roster changes of every device of the unit, as synced.
   */
  accessLog: Readonly<{
    /** Managers only (else `not-allowed`): one page, newest first, optionally of one kind or officer. */
    page(query: AccessLogQuery): Promise<AccessLogOutcome>;
  }>;

  /**
   * The unit key's transfer code (docs/decisions/018-unit-key-transfer.md): a manager's device shows
   * a one-time code (Pengaturan → Pindahkan kunci unit); a device without the key types it.
   */
  keyTransfer: Readonly<{
    /** Whether this device holds the unit key unlocked (identity can be read and written here). */
    hasKey(): boolean;
    /** Managers on a device holding the key: a new code, valid 15 minutes. */
    create(): Promise<CreateKeyTransferOutcome>;
    /** Cancels the code `id` (its document is deleted). */
    cancel(id: string): Promise<void>;
    /** Until when the code field is locked here after five wrong codes (ISO instant), or null. */
    lockedUntil(): Promise<string | null>;
    /**
     * Receives the unit key with the code as typed: waits for its document to arrive by sync,
     * opens it, checks the fingerprint, installs and keeps the key for the officer signed in.
     */
    receive(code: string, options?: ReceiveKeyTransferOptions): Promise<ReceiveKeyTransferOutcome>;
  }>;

  /**
   * The unit key's recovery passphrase (docs/decisions/022-unit-key-recovery.md): a manager sets it
   * under Pengaturan → Kunci unit; a device of the unit without the key, when no device holding it
   * is left, recovers the key with it.
   */
  keyRecovery: Readonly<{
    /** Whether the unit has a recovery copy (as synced here), when and from which device it was set. */
    status(): Promise<KeyRecoveryStatus>;
    /** Managers on a device holding the key: sets or replaces the passphrase (typed twice). */
    set(passphrase: string, confirmation: string): Promise<SetKeyRecoveryOutcome>;
    /** Until when the next try waits here after wrong passphrases (ISO instant), or null. */
    waitUntil(): Promise<string | null>;
    /** Opens the unit's recovery copy with the passphrase, checks and installs the keys. */
    recover(passphrase: string): Promise<RecoverKeyOutcome>;
  }>;

  /**
   * Rotating the unit key (docs/decisions/022-unit-key-recovery.md): a manager makes a new version
   * (Pengaturan → Kunci unit → Ganti kunci unit); every device follows the chain and re-wraps the
   * reporter documents in the background, with progress for the status bar.
   */
  unitKey: Readonly<{
    /** Managers on a device holding the key: makes version n+1. */
    rotate(): Promise<RotateKeyOutcome>;
    /** The newest key version unlocked here, or null. */
    currentVersion(): number | null;
    /** The background re-wrap's progress while it runs, else null. */
    rewrapProgress(): RewrapProgress | null;
    /** Calls `listener` on every change of that progress; returns the function that stops it. */
    onRewrapProgress(listener: (progress: RewrapProgress | null) => void): () => void;
  }>;

  /** Pengaduan Baru. */
  intake: Readonly<{
    /** The channel the officer at the desk used last. */
    lastChannel(): Promise<Channel | undefined>;
    /**
     * Saves a validated complaint; resolves with its id. Takes this device's sequence numbers
     * itself, and deletes the officer's kept draft once the complaint is stored.
     */
    save(save: IntakeSave): Promise<string>;
    /** The unsaved form the officer at the desk left (kept on this device only, never synced). */
    draft(): Promise<StoredIntakeDraft | undefined>;
    /** Keeps `officerId`'s unsaved form as typed; the files' names only (they must be picked again). */
    keepDraft(officerId: string, fields: IntakeDraftFields, fileNames: readonly string[]): Promise<void>;
    /** Deletes `officerId`'s kept draft, identity and all. */
    discardDraft(officerId: string): Promise<void>;
    /**
     * Earlier complaints the form being typed may repeat (at most 5, each with its reasons): same
     * NIK or phone (for a role that may see that identity), same category and location words within
     * 30 days, or a similar title; through the search index, never blocking a save.
     */
    possibleDuplicates(probe: DuplicateProbe): Promise<readonly DuplicateCandidate[]>;
    /** The complaint ids the officer at the desk marked "Tandai terkait" on the unsaved form (in memory). */
    markedRelated(): readonly string[];
    markRelated(complaintIds: readonly string[]): void;
  }>;

  /** The unit's complaints: lists, one complaint, actions on it. */
  complaints: Readonly<{
    page(status: ComplaintStatus | 'all', limit: number, cursor?: string): Promise<IndexPage>;
    countByStatus(): Promise<Readonly<Record<ComplaintStatus, number>>>;
    countSince(instantsIso: readonly string[]): Promise<number[]>;
    needsAttention(): Promise<NeedsAttention>;
    /**
     * The complaint with this tracking number; while the first download is under way one not on
     * this device is fetched from the central, or named as not on this device yet.
     */
    findByTrackingNumber(text: string): Promise<TrackingNumberLookup>;
    /**
     * On a device with a budget: the older complaints only on the central that the words of
     * `text` match, newest first (opened with `findByTrackingNumber`), or why they were not asked.
     */
    searchCentral(text: string): Promise<CentralSearchOutcome>;
    detail(complaintId: string): Promise<ComplaintDetail | undefined>;
    /** Status and running deadline today on the unit's calendar; undefined before the unit has settings. */
    sla(state: ComplaintState): ComplaintSla | undefined;
    /** A workflow action by the officer at the desk; a refusal writes nothing and says why. */
    act(state: ComplaintState, action: WorkflowAction, input: unknown): Promise<ActOutcome>;
    /**
     * Supervisors and managers: corrects the complainant's details (the reporter document, over
     * the revision the form started from) and records which fields changed, never their values.
     */
    correctReporter(complaintId: string, changes: ReporterCorrectionInput): Promise<CorrectReporterOutcome>;
    /**
     * Supervisors and managers: keeps version `keepRev` of the complainant's details changed on two
     * devices before they synced (`ComplaintDetail.reporterConflicts`) and closes the others.
     */
    resolveReporterConflict(complaintId: string, keepRev: string): Promise<CorrectReporterOutcome>;
    /**
     * Relates two complaints: a `related` event on each, naming the other, in one write; a no-op
     * when they are related already.
     */
    link(fromId: string, toId: string): Promise<LinkOutcome>;
    saveAttachment(
      complaintId: string,
      attachment: Readonly<{ key: string; name: string; mimeType: string }>,
    ): Promise<SaveFileResult>;
    tampered(): Promise<TamperedRow[]>;
  }>;

  /**
   * The search box (list screen, Ctrl+K): tracking number fragments, the complaint's words
   * (Indonesian: case and diacritics folded, affixes stemmed, stop words ignored, the last word a
   * prefix, one typo in words of 5+ letters), the LAPOR! number and, for a role that may see them,
   * the reporter's name, phone (4+ digits, any notation) and NIK (6+ digits); combined with the
   * list's filters and sorts. Reads a device-local index kept in step with the records (sync
   * included) and rebuilt in the background when missing or outdated
   * (docs/decisions/012-search-index.md).
   */
  search: Readonly<{
    /** One page of the complaints matching `query`, for the officer at the desk (their role decides what matches). */
    query(query: SearchQuery): Promise<SearchPage>;
    /** The search index now: idle (records not open), building with progress, or ready. */
    status(): SearchIndexStatus;
    /** Calls `listener` on every change of `status()`; returns the unsubscribe. */
    onStatus(listener: (status: SearchIndexStatus) => void): () => void;
    /** The text, filters and sort the officer at the desk last searched with (kept on this device). */
    remembered(): Promise<Pick<SearchQuery, 'text' | 'filters' | 'sort'> | undefined>;
    /** Keeps the officer at the desk's text, filters and sort for `remembered`. */
    remember(query: Pick<SearchQuery, 'text' | 'filters' | 'sort'>): Promise<void>;
  }>;

  /** The unit's calendar as the desk reads it now. */
  calendar: Readonly<{
    /** Today in the unit's time zone (the UTC date before the unit has settings). */
    today(): string;
    /** `dueDate` (unit-local) seen today: overdue, due soon or on time; undefined before the unit has settings. */
    dueState(dueDate: string): DueDateState | undefined;
    /** Every year's holidays as deadlines count them, each date with its source (central, app, unit). */
    years(): readonly CalendarYear[];
    /** Years whose national list changed since this device last told its officers (the banner). */
    changedYears(): Promise<readonly string[]>;
    /** The banner was read: remembered on this device until the calendar changes again. */
    acknowledgeChanges(): Promise<void>;
  }>;

  /** Pengaturan (managers). */
  settings: Readonly<{
    save(value: ValidSettings, now: Date): Promise<SaveOutcome>;
    saveOffices(offices: readonly Office[], now: Date): Promise<SaveOutcome>;
    /** The unit profile (name, agency, kind, receipt contact, address); the unit code stays. */
    saveProfile(edit: ValidProfileEdit, now: Date): Promise<SaveOutcome>;
    /** Minutes without input before the unit's desks lock themselves (1–60, validated by the form). */
    saveIdleLock(minutes: number, now: Date): Promise<SaveOutcome>;
    /** Days after a device's last backup before its status bar reminds (1–365), or none (null). */
    saveBackupReminder(days: number | null, now: Date): Promise<SaveOutcome>;
    /** Months after a complaint's closure before its complainant's identity is deleted (1–120, validated). */
    saveIdentityRetention(months: number, now: Date): Promise<SaveOutcome>;
    /**
     * What each device keeps: the complaints received in the last N months plus every open one
     * (1–120, validated), or everything (null).
     */
    saveDeviceBudget(months: number | null, now: Date): Promise<SaveOutcome>;
  }>;

  /**
   * Identity retention (UU 27/2022; docs/domain.md, 'Personal data'): on a device where a supervisor
   * or manager is signed in, a daily pass deletes the identity of complaints closed more than the
   * unit's months ago, each with an event that says so and never what was deleted.
   */
  retention: Readonly<{
    /** The pass under way (progress), the last complete one and this device's total. */
    status(): Promise<RetentionStatus>;
    /** Calls `listener` whenever the status changes; returns the unsubscribe. */
    onChange(listener: () => void): () => void;
    /** Supervisors and managers: a pass now (resolves when it ends). */
    runNow(): Promise<RetentionOutcome>;
  }>;

  /** The receipt (tanda terima) as this device prints it. */
  receipt: Readonly<{
    /** The paper chosen for this desk's printer (A5 until one is chosen); a device setting, never synced. */
    paper(): Promise<ReceiptPaper>;
    /** Any officer: chooses A5 or an 80 mm receipt roll; resolves once it is stored on this device. */
    setPaper(paper: ReceiptPaper): Promise<void>;
  }>;

  /** Sinkronisasi. */
  sync: Readonly<{
    testConnection(serverUrl: string, password: string): Promise<ConnectionTestResult>;
    /** Enrols this device with its enrolment code and starts syncing (docs/central.md, "Device accounts"). */
    enrol(enrolment: Enrolment, now: Date): Promise<EnrolResult>;
    enable(serverUrl: string, password: string): Promise<SecretProtection>;
    disable(): Promise<void>;
    now(): void;
    secretProtection(): Promise<SecretProtection>;
    firstSettled(): Promise<SyncStatus>;
    conflicts(): Promise<MutableConflict[]>;
    resolveConflict(id: string, keepRev: string): Promise<void>;
  }>;

  /** Beranda's figures. */
  dashboard: Readonly<{
    /**
     * The unit's indicators for a period, optionally for one office or category: the packet's
     * indicators.json for the same period and records (one code path). Reads the device's
     * indicator records a page at a time; `onProgress` hears their building (while they are being
     * built), the reading and the computing; `query.signal` cancels (rejects with an AbortError).
     */
    indicators(
      query: DashboardQuery,
      onProgress?: (progress: DashboardProgress) => void,
    ): Promise<Indicators>;
  }>;

  /** Paket P4. */
  packet: Readonly<{
    /** The officer at the desk when they may edit packets (managers). */
    editor(): OfficerRef | undefined;
    drafts(): PacketDrafts;
    loadRecords(): Promise<UnitRecordSet>;
    indicators(
      period: Readonly<{ from: string; to: string }>,
      named: Readonly<{ code: string; name: string }>,
      unit: UnitRecordSet,
    ): Indicators;
    export(input: PacketExport): Promise<SavedExport>;
  }>;

  /** The unit's data exports (Paket P4 screen). */
  exports: Readonly<{
    allRecords(
      now: Date,
      options?: Readonly<{ includeConfidential: boolean }>,
    ): Promise<SavedExport & Readonly<{ count?: number; redactedComplaints?: number }>>;
    /** What `lapor` with these choices would export and record as forwarded; saves and records nothing. */
    laporPreview(
      input: Readonly<{
        period: Readonly<{ from: string; to: string }>;
        onlyNotForwarded: boolean;
        unit: UnitRecordSet;
      }>,
    ): LaporPreview;
    lapor(
      input: Readonly<{
        period: Readonly<{ from: string; to: string }>;
        includeIdentity: boolean;
        onlyNotForwarded: boolean;
        unit: UnitRecordSet;
        onProgress?: (progress: LaporExportProgress) => void;
      }>,
    ): Promise<LaporExportResult>;
  }>;

  /**
   * Pengaturan → Cadangan (docs/backup.md): the unit's backup file, encrypted with a passphrase,
   * and its restore (into an empty device from setup, or merged into this one).
   */
  backup: Readonly<{
    /** When this device last made a backup (ISO instant), if ever. */
    lastBackupAt(): Promise<string | undefined>;
    /** Supervisors and managers: makes and saves the backup (passphrase typed twice, 12+ characters). */
    create(
      passphrase: string,
      confirmation: string,
      onProgress?: (progress: BackupProgress) => void,
    ): Promise<BackupOutcome>;
    /** Opens and checks a backup file, writing nothing: its counts, hashes and age against this device. */
    inspect(bytes: Uint8Array, passphrase: string): Promise<RestorePreview | RestoreRefusal>;
    /** Forgets the file `inspect` opened. */
    discard(): void;
    /** Restores the file `inspect` opened (empty device: its state; a device with data: merged). */
    restore(onProgress?: (progress: RestoreProgress) => void): Promise<RestoreOutcome>;
  }>;

  /** The host the app runs in (Electron or the browser host), through the platform contract. */
  host: Readonly<{
    /** True in the Electron desktop app. */
    isDesktop: boolean;
    print(documentTitle?: string): Promise<PrintResult>;
    appInfo(): Promise<AppInfo>;
    /** Calls `listener` for every application-menu command; returns the unsubscribe. */
    onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  }>;
}>;
