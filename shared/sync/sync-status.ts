/**
 * The sync status the UI shows, always visible (docs/decisions/009-sync-state-machine.md): one
 * typed value that the sync service publishes and the status bar and the Sinkronisasi screen read.
 * No text here: every reason has a message key (../messages/sync-messages) with what happened and what to do.
 *
 * Times are ISO UTC instants (../time/iso-instant), like every other instant the UI formats.
 */
import type { RejectionCode } from '../couch/rejection';
import type { MessageKey } from '../messages/validation-messages';

export const SYNC_ERROR_REASONS = [
  /** No answer from the server: no network, wrong address, server down, connection cut. */
  'unreachable',
  /** The server refused the unit's name or password (HTTP 401). */
  'unauthorized',
  /** Logged in, but no access to this unit's database: wrong unit, or access withdrawn (403). */
  'forbidden',
  /**
   * The server locked the unit's account for a while after repeated wrong passwords (CouchDB 3.4+
   * `[chttpd_auth_lockout]`: 403 "Account is temporarily locked …"), whatever password is sent now.
   */
  'locked-out',
  /** The unit's database does not exist on the server (404): not provisioned, or wrong unit. */
  'not-found',
  /** The server's certificate was refused (expired, self-signed, wrong name, intercepted). */
  'tls',
  /** A request was too large for the server or a proxy in front of it (413), at the smallest batch. */
  'too-large',
  /** The server answered with an error of its own (5xx), or an answer that is not CouchDB's. */
  'server',
  /** The server's validator refused a document (validate_doc_update); it stays on this device. */
  'rejected-document',
  /** Anything else. */
  'unknown',
] as const;
export type SyncErrorReason = (typeof SYNC_ERROR_REASONS)[number];

/**
 * A classified failure. `status` is the HTTP status when there was one; `message` the server's
 * or the platform's own words (for logs and administrators, not for the officer). For
 * 'rejected-document', `documentId` names the refused document and `rejection` holds the
 * validator's code when the reason was written by Meja Aduan's validator (../couch/rejection).
 */
export type SyncError = Readonly<{
  reason: SyncErrorReason;
  status?: number;
  message?: string;
  documentId?: string;
  rejection?: RejectionCode;
}>;

/** A document the server refused; kept on this device and offered again at every (re)start. */
export type RejectedDocument = Readonly<{ id: string; message: string; rejection: RejectionCode | null }>;

/**
 * Progress of the first download from the central (a new device): documents written here, and
 * the total when the server told it (CouchDB's doc_count + doc_del_count). `percent` is null
 * while the total is unknown and stays below 100 until the download has caught up.
 */
export type SyncProgress = Readonly<{
  docsDone: number;
  docsTotal: number | null;
  percent: number | null;
  /** The stage under way, when the download is staged (a download from a CouchDB server). */
  stage: StageProgress | null;
}>;

/**
 * The first download's stages, in order: the unit's own documents (profile, settings, offices,
 * officers, the unit key: the desk can take intakes once they are here), the open complaints with
 * their events and reporters (newest first), then the rest of the history.
 */
export const FIRST_SYNC_STAGES = ['unit', 'open', 'history'] as const;
export type FirstSyncStage = (typeof FIRST_SYNC_STAGES)[number];

/**
 * One stage's progress: documents written in it and its total (an estimate while the stage runs,
 * null while unknown), the percentage (below 100 until the stage is done) and the seconds left at
 * the stage's pace so far (null until there is a pace).
 */
export type StageProgress = Readonly<{
  stage: FirstSyncStage;
  docsDone: number;
  docsTotal: number | null;
  percent: number | null;
  secondsLeft: number | null;
}>;

type StatusCommon = Readonly<{
  /** Documents changed on this device that the server does not have yet (see the sync service). */
  pendingLocalChanges: number;
  /** When this device and the server were last known to be identical; null if never. */
  lastSyncedAt: string | null;
  /** Documents the server refused (never dropped: they stay on this device). */
  rejectedDocuments: readonly RejectedDocument[];
}>;

export type SyncStatus =
  /** Sync is not configured (or was stopped). */
  | (StatusCommon & Readonly<{ state: 'disabled' }>)
  /** The device has no network; sync resumes the moment it comes back. */
  | (StatusCommon & Readonly<{ state: 'offline' }>)
  /** A replication is starting and has not yet heard back from the server. */
  | (StatusCommon & Readonly<{ state: 'connecting' }>)
  /** Documents are moving; `progress` only during the first download to a new device. */
  | (StatusCommon & Readonly<{ state: 'syncing'; progress: SyncProgress | null }>)
  /** Both directions caught up; live replication keeps it so. */
  | (StatusCommon & Readonly<{ state: 'up-to-date'; lastSyncedAt: string }>)
  /** Stopped by an error; `nextRetryAt` null when only a person can fix it (or nothing is to retry). */
  | (StatusCommon & Readonly<{ state: 'error'; error: SyncError; nextRetryAt: string | null }>);

export type SyncState = SyncStatus['state'];
export const SYNC_STATES = [
  'disabled',
  'offline',
  'connecting',
  'syncing',
  'up-to-date',
  'error',
] as const satisfies readonly SyncState[];

/** The status before anything is known: not configured, nothing pending. */
export const DISABLED_STATUS: SyncStatus = {
  state: 'disabled',
  pendingLocalChanges: 0,
  lastSyncedAt: null,
  rejectedDocuments: [],
};

const ERROR_KEYS = {
  unreachable: 'sync.error.unreachable',
  unauthorized: 'sync.error.unauthorized',
  forbidden: 'sync.error.forbidden',
  'locked-out': 'sync.error.lockedOut',
  'not-found': 'sync.error.notFound',
  tls: 'sync.error.tls',
  'too-large': 'sync.error.tooLarge',
  server: 'sync.error.server',
  'rejected-document': 'sync.error.rejectedDocument',
  unknown: 'sync.error.unknown',
} as const satisfies Readonly<Record<SyncErrorReason, MessageKey>>;

const ADVICE_KEYS = {
  unreachable: 'sync.advice.unreachable',
  unauthorized: 'sync.advice.unauthorized',
  forbidden: 'sync.advice.forbidden',
  'locked-out': 'sync.advice.lockedOut',
  'not-found': 'sync.advice.notFound',
  tls: 'sync.advice.tls',
  'too-large': 'sync.advice.tooLarge',
  server: 'sync.advice.server',
  'rejected-document': 'sync.advice.rejectedDocument',
  unknown: 'sync.advice.unknown',
} as const satisfies Readonly<Record<SyncErrorReason, MessageKey>>;

const STATE_KEYS = {
  disabled: 'sync.state.disabled',
  offline: 'sync.state.offline',
  connecting: 'sync.state.connecting',
  syncing: 'sync.state.syncing',
  'up-to-date': 'sync.state.upToDate',
  error: 'sync.state.error',
} as const satisfies Readonly<Record<SyncState, MessageKey>>;

const REJECTION_KEYS = {
  schema: 'sync.rejection.schema',
  immutable: 'sync.rejection.immutable',
  unit: 'sync.rejection.unit',
  design: 'sync.rejection.design',
  server: 'sync.rejection.server',
  privacy: 'sync.rejection.privacy',
  device: 'sync.rejection.device',
} as const satisfies Readonly<Record<RejectionCode, MessageKey>>;

/** What happened, in a few words ("Server pusat tidak dapat dihubungi."). */
export function syncErrorMessageKey(reason: SyncErrorReason): MessageKey {
  return ERROR_KEYS[reason];
}

/** What to do about it, and whether the app retries by itself. */
export function syncAdviceMessageKey(reason: SyncErrorReason): MessageKey {
  return ADVICE_KEYS[reason];
}

/** The one-word state for the status bar ("Luring", "Menyinkronkan", …). */
export function syncStateMessageKey(state: SyncState): MessageKey {
  return STATE_KEYS[state];
}

/** Why the validator refused a document, in the app's words. */
export function rejectionMessageKey(code: RejectionCode): MessageKey {
  return REJECTION_KEYS[code];
}
