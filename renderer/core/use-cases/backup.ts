/**
 * Backup and restore of the unit's records on this device (docs/backup.md,
 * docs/decisions/020-backup-file.md). The file's format is ../../../shared/backup/backup-format.
 *
 * A backup reads every leaf revision of every document the allow-list names
 * (../../../shared/backup/backup-documents), with its revision history and files, from the changes
 * feed (as replication would), adds this device's settings a restore needs, encrypts the whole with
 * the passphrase and hands it to the host's `saveFile`. Supervisors and managers only.
 *
 * A restore first opens the file (passphrase, GCM tag, every part's SHA-256) and reports what it
 * holds and how it compares with this device, writing nothing; then, when asked, writes the
 * revisions this device lacks with `bulkDocs({ new_edits: false })`, so revision ids and trees stay
 * the central's and merge as replication merges them: nothing newer is overwritten, documents
 * changed on both sides keep both versions, in conflict, listed. Into an empty device (a fresh
 * install) it also restores the device's settings, and the desk then asks who signs in.
 */
import {
  BACKUP_FILE_EXTENSION,
  BACKUP_MIME_TYPE,
  backupPassphraseProblem,
  createBackupFile,
  openBackupFile,
  type BackupDocument,
  type BackupFile,
  type BackupKdfOptions,
  type BackupManifest,
  type BackupPassphraseProblem,
  type DeviceSettingsPart,
  type OpenedBackup,
  type PartCheck,
} from '../../../shared/backup/backup-format';
import { BackupError, type BackupErrorCode, type BackupPart } from '../../../shared/backup/backup-errors';
import { base64ToBytes, bytesToBase64 } from '../../../shared/backup/base64';
import { canBackUp, documentInstant, isBackedUp } from '../../../shared/backup/backup-documents';
import { assertBulkWritten } from '../../../shared/couch/pouch-toolkit';
import { parseEventId } from '../../../shared/ids/document-ids';
import { parseTrackingNumber } from '../../../shared/ids/tracking-number';
import type { UnitDatabase } from '../data/database';
import { COMPLAINT_SEQUENCE, EVENT_SEQUENCE } from '../data/device-store';
import type { CoreDeps } from './core-deps';
import { saveExport } from './packet';

/** The device setting holding when this device last made a backup (ISO instant). */
export const LAST_BACKUP_KEY = 'lastBackupAt';
/** Where DeviceStore keeps this device's identity (./device-store DEVICE_KEY). */
const DEVICE_KEY = 'device';
const SYNC_KEY = 'sync';
const LANGUAGE_KEY = 'language';
const RECEIPT_PAPER_KEY = 'receiptPaper';
const READ_BATCH = 200;
const WRITE_BATCH = 200;

export type BackupProgress = Readonly<
  { phase: 'reading'; done: number; total: number } | { phase: 'encrypting' } | { phase: 'saving' }
>;

export type BackupOutcome = Readonly<
  | {
      status: 'saved';
      fileName: string;
      folder: string | null;
      size: number;
      sha256: string;
      manifest: BackupManifest;
    }
  | { status: 'cancelled' }
  | { status: 'refused'; problem: 'not-allowed' | BackupPassphraseProblem }
>;

/** What a backup file holds and how it compares with this device, before anything is written. */
export type RestorePreview = Readonly<{
  ok: true;
  /** An empty device (fresh install) is brought to the backup's state; one with data merges. */
  target: 'empty' | 'merge';
  manifest: BackupManifest;
  /** Per part: the manifest's SHA-256 and the one computed from the file (equal, or it is refused). */
  checks: readonly PartCheck[];
  /** The newest change on this device (null when it has none). */
  deviceNewest: string | null;
  /** Documents on this device now. */
  deviceDocuments: number;
  /** True when this device holds changes newer than the newest in the backup. */
  older: boolean;
}>;

export type RestoreRefusal = Readonly<{
  ok: false;
  error: BackupErrorCode | 'not-allowed';
  part?: BackupPart;
}>;

export type RestoreProgress = Readonly<{ phase: 'writing'; done: number; total: number }>;

export type RestoreOutcome =
  | Readonly<{
      ok: true;
      /** Revisions this device lacked, now stored. */
      added: number;
      /** Revisions this device had already. */
      unchanged: number;
      /** Documents that now hold versions in conflict (the conflicts screen lists the mutable ones). */
      conflicts: readonly string[];
    }>
  | Readonly<{ ok: false; error: 'nothing-inspected' | 'not-allowed' }>;

type Leaf = Readonly<{ id: string; revs: readonly string[] }>;

/** Every leaf revision of every backed-up document, from the changes feed, and its last sequence. */
async function leavesOf(db: UnitDatabase): Promise<{ leaves: Leaf[]; updateSeq: number | string }> {
  const leaves: Leaf[] = [];
  let since: number | string = 0;
  for (;;) {
    const page: PouchDB.Core.ChangesResponse<object> = await db.changes({
      since,
      limit: 1000,
      style: 'all_docs',
    });
    for (const change of page.results) {
      if (isBackedUp(change.id)) leaves.push({ id: change.id, revs: change.changes.map((item) => item.rev) });
    }
    since = page.last_seq;
    if (page.results.length < 1000) break;
  }
  return { leaves, updateSeq: since };
}

type Stub = Readonly<{ content_type?: string; digest?: string; data?: unknown; revpos?: number }>;

/** The documents of `leaves` with their histories, and their files (base64 from PouchDB) as bytes. */
async function readDocuments(
  db: UnitDatabase,
  leaves: readonly Leaf[],
  onProgress: (done: number) => void,
): Promise<{ documents: BackupDocument[]; files: BackupFile[] }> {
  const documents: BackupDocument[] = [];
  const files = new Map<string, BackupFile>();
  for (let start = 0; start < leaves.length; start += READ_BATCH) {
    const batch = leaves.slice(start, start + READ_BATCH);
    const result = await db.bulkGet({
      docs: batch.flatMap((leaf) => leaf.revs.map((rev) => ({ id: leaf.id, rev }))),
      revs: true,
      attachments: true,
    });
    for (const row of result.results) {
      for (const found of row.docs) {
        if (!('ok' in found)) throw new Error(`backup: ${row.id} could not be read`);
        const doc = found.ok as unknown as Record<string, unknown> & { _id: string; _rev: string };
        const attachments = doc._attachments as Record<string, Stub> | undefined;
        if (attachments) {
          const stubs: Record<string, unknown> = {};
          for (const [name, attachment] of Object.entries(attachments)) {
            const digest = attachment.digest ?? '';
            if (typeof attachment.data === 'string' && !files.has(digest)) {
              files.set(digest, {
                digest,
                contentType: attachment.content_type ?? 'application/octet-stream',
                data: base64ToBytes(attachment.data),
              });
            }
            const { data: _data, ...stub } = attachment;
            stubs[name] = {
              ...stub,
              length: files.get(digest)?.data.length ?? 0,
              stub: true,
            };
          }
          doc._attachments = stubs;
        }
        documents.push(doc);
      }
    }
    onProgress(Math.min(start + batch.length, leaves.length));
  }
  return { documents, files: [...files.values()] };
}

/** The newest instant any document of `db` names, and how many documents it holds. */
async function deviceNewest(db: UnitDatabase): Promise<{ newest: string | null; count: number }> {
  let newest: string | null = null;
  let count = 0;
  let startkey: string | undefined;
  for (;;) {
    const page = await db.allDocs({
      include_docs: true,
      limit: 1000,
      ...(startkey === undefined ? {} : { startkey, skip: 1 }),
    });
    for (const row of page.rows) {
      if (!isBackedUp(row.id) || !row.doc) continue;
      count += 1;
      const at = documentInstant(row.doc as unknown as Record<string, unknown>);
      if (at !== null && (newest === null || at > newest)) newest = at;
    }
    const last = page.rows[page.rows.length - 1];
    if (!last || page.rows.length < 1000) break;
    startkey = last.id;
  }
  return { newest, count };
}

/** A revision as `bulkDocs({ new_edits: false })` takes it: file stubs replaced by their bytes. */
function withFileData(doc: BackupDocument, files: ReadonlyMap<string, BackupFile>): BackupDocument {
  const attachments = doc._attachments as Record<string, Stub> | undefined;
  if (!attachments) return doc;
  const inline: Record<string, unknown> = {};
  for (const [name, stub] of Object.entries(attachments)) {
    const file = files.get(stub.digest ?? '');
    if (!file) throw new BackupError('part-mismatch', 'files');
    inline[name] = {
      content_type: stub.content_type ?? file.contentType,
      ...(stub.revpos === undefined ? {} : { revpos: stub.revpos }),
      data: bytesToBase64(file.data),
    };
  }
  return { ...doc, _attachments: inline };
}

/**
 * The highest complaint and event sequence numbers of `deviceCode` in `documents`: a restored
 * device's counters start above them, so no tracking number or event id is handed out twice.
 */
function sequencesIn(documents: readonly BackupDocument[], deviceCode: string): Record<string, number> {
  let complaint = 0;
  let event = 0;
  for (const doc of documents) {
    const tracking = typeof doc.trackingNumber === 'string' ? parseTrackingNumber(doc.trackingNumber) : null;
    if (doc.type === 'complaint' && tracking?.deviceCode === deviceCode)
      complaint = Math.max(complaint, tracking.sequence);
    const parsed = doc._id.startsWith('event:') ? parseEventId(doc._id) : null;
    if (parsed?.deviceCode === deviceCode) event = Math.max(event, parsed.sequence);
  }
  return { [COMPLAINT_SEQUENCE]: complaint, [EVENT_SEQUENCE]: event };
}

export type BackupHooks = Readonly<{
  /** Starts the desk once an empty device holds the backup (../use-cases/device-setup `start`). */
  start: () => Promise<void>;
  /** KDF settings (tests lower the iterations). */
  kdf?: BackupKdfOptions;
}>;

export function createBackup(deps: CoreDeps, hooks: BackupHooks) {
  const { store, deviceDatabase, records, platform } = deps;
  let inspected: OpenedBackup | undefined;

  const allowed = (): boolean => {
    const { officer } = store.getState();
    return officer !== undefined && canBackUp(officer.role);
  };

  const deviceSettings = async (unitCode: string, deviceCode: string, createdAt: string) => {
    const [counters, language, paper, sync] = await Promise.all([
      deviceDatabase.counters.toArray(),
      deviceDatabase.settings.get(LANGUAGE_KEY),
      deviceDatabase.settings.get(RECEIPT_PAPER_KEY),
      deviceDatabase.settings.get(SYNC_KEY),
    ]);
    const serverUrl = (sync?.value as { serverUrl?: unknown } | undefined)?.serverUrl;
    return {
      unitCode,
      deviceCode,
      createdAt,
      counters: Object.fromEntries(counters.map((row) => [row.name, row.value])),
      language: language?.value === 'id' || language?.value === 'en' ? language.value : null,
      receiptPaper: paper?.value === 'a5' || paper?.value === 'roll80' ? paper.value : null,
      serverUrl: typeof serverUrl === 'string' ? serverUrl : null,
    } satisfies DeviceSettingsPart;
  };

  /** This device's counters: at least the backup's, and above every number its records used. */
  const raiseCounters = async (opened: OpenedBackup): Promise<void> => {
    const seen = sequencesIn(opened.documents, opened.device.deviceCode);
    await deviceDatabase.transaction('rw', deviceDatabase.counters, async () => {
      for (const name of new Set([...Object.keys(opened.device.counters), ...Object.keys(seen)])) {
        const current = (await deviceDatabase.counters.get(name))?.value ?? 0;
        const next = Math.max(current, opened.device.counters[name] ?? 0, seen[name] ?? 0);
        if (next > current) await deviceDatabase.counters.put({ name, value: next });
      }
    });
  };

  /** Writes `opened`'s revisions this device lacks; returns what was added and what conflicts. */
  const writeRevisions = async (
    db: UnitDatabase,
    opened: OpenedBackup,
    onProgress: (progress: RestoreProgress) => void,
  ): Promise<{ added: number; unchanged: number; conflicts: string[] }> => {
    const { documents, files } = opened;
    let added = 0;
    const written = new Set<string>();
    onProgress({ phase: 'writing', done: 0, total: documents.length });
    for (let start = 0; start < documents.length; start += WRITE_BATCH) {
      const batch = documents.slice(start, start + WRITE_BATCH);
      const wanted: Record<string, string[]> = {};
      for (const doc of batch) (wanted[doc._id] ??= []).push(doc._rev);
      const diff = await db.revsDiff(wanted);
      const missing = batch.filter((doc) => diff[doc._id]?.missing?.includes(doc._rev));
      if (missing.length > 0) {
        const results = await db.bulkDocs(
          missing.map((doc) => withFileData(doc, files)) as unknown as PouchDB.Core.PutDocument<object>[],
          { new_edits: false },
        );
        assertBulkWritten(results);
        for (const doc of missing) written.add(doc._id);
        added += missing.length;
      }
      onProgress({
        phase: 'writing',
        done: Math.min(start + batch.length, documents.length),
        total: documents.length,
      });
    }
    const conflicts: string[] = [];
    const ids = [...written];
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await db.allDocs({
        keys: ids.slice(start, start + 500),
        include_docs: true,
        conflicts: true,
      });
      for (const row of rows.rows) {
        if (!('doc' in row) || !row.doc) continue;
        const doc = row.doc as { _conflicts?: string[] };
        if (doc._conflicts && doc._conflicts.length > 0) conflicts.push(row.id);
      }
    }
    return { added, unchanged: documents.length - added, conflicts };
  };

  return {
    /** When this device last made a backup (ISO instant), if ever. */
    async lastBackupAt(): Promise<string | undefined> {
      const value = (await deviceDatabase.settings.get(LAST_BACKUP_KEY))?.value;
      return typeof value === 'string' ? value : undefined;
    },

    /**
     * Supervisors and managers: the unit's backup, encrypted with `passphrase` (typed twice, at
     * least 12 characters), saved through the host; `onProgress` hears the reading (documents),
     * the encrypting and the saving. Records the time on this device once the file is saved.
     */
    async create(
      passphrase: string,
      confirmation: string,
      onProgress: (progress: BackupProgress) => void = () => undefined,
    ): Promise<BackupOutcome> {
      if (!allowed()) return { status: 'refused', problem: 'not-allowed' };
      const problem = backupPassphraseProblem(passphrase, confirmation);
      if (problem) return { status: 'refused', problem };
      const device = store.getState().device;
      if (!device) return { status: 'refused', problem: 'not-allowed' };
      const db = records.current().db;
      const { leaves, updateSeq } = await leavesOf(db);
      onProgress({ phase: 'reading', done: 0, total: leaves.length });
      const { documents, files } = await readDocuments(db, leaves, (done) =>
        onProgress({ phase: 'reading', done, total: leaves.length }),
      );
      let changedAt: string | null = null;
      for (const doc of documents) {
        const at = documentInstant(doc);
        if (at !== null && (changedAt === null || at > changedAt)) changedAt = at;
      }
      onProgress({ phase: 'encrypting' });
      const now = deps.now();
      const { bytes, manifest } = await createBackupFile(
        {
          unitCode: device.unitCode,
          deviceCode: device.deviceCode,
          createdAt: now.toISOString(),
          appVersion: (await platform.appInfo()).version,
          newest: { updateSeq, changedAt },
          documents,
          files,
          device: await deviceSettings(device.unitCode, device.deviceCode, device.createdAt),
        },
        passphrase,
        hooks.kdf,
      );
      onProgress({ phase: 'saving' });
      const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const saved = await saveExport(
        platform,
        `cadangan-${device.unitCode}-${stamp}${BACKUP_FILE_EXTENSION}`,
        BACKUP_MIME_TYPE,
        bytes,
      );
      if (saved.status === 'cancelled') return saved;
      await deviceDatabase.settings.put({ key: LAST_BACKUP_KEY, value: now.toISOString() });
      store.getState().bumpDataVersion();
      return { ...saved, manifest };
    },

    /**
     * Opens a backup file with its passphrase and checks it (GCM tag, every part's SHA-256, the
     * unit), writing nothing: what it holds, and whether this device has newer data. The file
     * stays open here for `restore`.
     */
    async inspect(bytes: Uint8Array, passphrase: string): Promise<RestorePreview | RestoreRefusal> {
      inspected = undefined;
      const device = store.getState().device ?? (await deviceDatabase.settings.get(DEVICE_KEY))?.value;
      const unitCode = (device as { unitCode?: string } | undefined)?.unitCode;
      if (unitCode !== undefined && !allowed()) return { ok: false, error: 'not-allowed' };
      let opened: OpenedBackup;
      try {
        opened = await openBackupFile(bytes, passphrase);
      } catch (error) {
        if (error instanceof BackupError)
          return { ok: false, error: error.code, ...(error.part ? { part: error.part } : {}) };
        throw error;
      }
      if (unitCode !== undefined && opened.manifest.unitCode !== unitCode)
        return { ok: false, error: 'other-unit' };
      const mine =
        unitCode === undefined ? { newest: null, count: 0 } : await deviceNewest(records.current().db);
      inspected = opened;
      const backupNewest = opened.manifest.newest.changedAt;
      return {
        ok: true,
        target: unitCode === undefined ? 'empty' : 'merge',
        manifest: opened.manifest,
        checks: opened.checks,
        deviceNewest: mine.newest,
        deviceDocuments: mine.count,
        older: mine.newest !== null && (backupNewest === null || mine.newest > backupNewest),
      };
    },

    /** Forgets the file `inspect` opened (the officer cancelled). */
    discard(): void {
      inspected = undefined;
    },

    /**
     * Restores the file `inspect` opened: into an empty device, its records and this device's
     * settings from the backup, then the desk starts (sign in with a PIN of the roster); into a
     * device with data (supervisors and managers), the revisions it lacks, merged.
     */
    async restore(
      onProgress: (progress: RestoreProgress) => void = () => undefined,
    ): Promise<RestoreOutcome> {
      const opened = inspected;
      if (!opened) return { ok: false, error: 'nothing-inspected' };
      const configured = (await deviceDatabase.settings.get(DEVICE_KEY))?.value as
        { unitCode?: string; deviceCode?: string } | undefined;
      if (configured !== undefined) {
        if (!allowed() || configured.unitCode !== opened.manifest.unitCode)
          return { ok: false, error: 'not-allowed' };
        const written = await writeRevisions(records.current().db, opened, onProgress);
        if (configured.deviceCode === opened.device.deviceCode) await raiseCounters(opened);
        inspected = undefined;
        return { ok: true, ...written };
      }
      const repo = await records.open(opened.manifest.unitCode);
      const written = await writeRevisions(repo.db, opened, onProgress);
      const { device } = opened;
      await deviceDatabase.transaction('rw', deviceDatabase.settings, deviceDatabase.counters, async () => {
        await raiseCounters(opened);
        if (device.language) await deviceDatabase.settings.put({ key: LANGUAGE_KEY, value: device.language });
        if (device.receiptPaper)
          await deviceDatabase.settings.put({ key: RECEIPT_PAPER_KEY, value: device.receiptPaper });
        // Where it synced, switched off: the device's password is not in a backup (docs/backup.md).
        if (device.serverUrl)
          await deviceDatabase.settings.put({
            key: SYNC_KEY,
            value: { serverUrl: device.serverUrl, enabled: false },
          });
        await deviceDatabase.settings.put({
          key: DEVICE_KEY,
          value: { unitCode: device.unitCode, deviceCode: device.deviceCode, createdAt: device.createdAt },
        });
      });
      inspected = undefined;
      await hooks.start();
      return { ok: true, ...written };
    },
  };
}
