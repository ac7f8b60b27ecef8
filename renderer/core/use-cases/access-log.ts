/**
 * The access log (docs/decisions/016-access-log.md): the recorder that ./officers and
 * ./device-setup call on every sign-in, sign-out, failure, lockout, unlock, idle lock and roster
 * change, writing one append-only `access` document (shared/auth/access-record) into the unit's
 * database, and the pages a manager reads under Pengaturan → Log akses.
 *
 * Recording never blocks the desk: a record that cannot be written (the unit database closed or
 * full) is kept on this device (Dexie `settings`, PENDING_KEY) as the sealed document it was, its
 * time the moment it happened, and written before the next record and before a page is read; the
 * failure is logged. Only when this device's own store refuses too is the record lost, and then
 * the console says so.
 *
 * Pages are read with `allDocs` over the `access:` id range, newest first: ids begin with the
 * instant, so a page costs the rows it reads (PouchDB's primary index over IndexedDB), at ten or a
 * hundred thousand records alike, and needs no second index to build at start or keep in step.
 * A filter (kind, officer) reads ahead in batches, at most MAX_SCAN records per page.
 */
import {
  ACCESS_ID_PREFIX,
  accessDocSchema,
  newAccessDoc,
  type AccessEntry,
  type AccessKind,
} from '../../../shared/auth/access-record';
import { assertBulkWritten } from '../../../shared/couch/pouch-toolkit';
import { verifyImmutable } from '../../../shared/ids/content-id';
import { HIGH_SENTINEL } from '../../../shared/ids/document-ids';
import { canEditSettings, type Role } from '../../../shared/workflow/roles';
import type { UnitDatabase } from '../data/database';
import { readOfficer, readRoster } from '../data/officer-roster-store';
import type { CoreDeps } from './core-deps';

/** The device setting holding records not yet written into the unit database. */
export const PENDING_KEY = 'access-log-pending';
/** Records read per `allDocs` call while a filter reads ahead. */
const BATCH = 200;
/** The most records one page reads with a filter; then it returns what it found and a cursor. */
export const MAX_SCAN = 2000;
/** The largest page. */
const MAX_LIMIT = 200;

export type AccessLogQuery = Readonly<{
  limit: number;
  /** The last id of the page before (`nextCursor`); the newest records when absent. */
  cursor?: string;
  kind?: AccessKind;
  /** Records where this officer acted or was acted on. */
  officerId?: string;
}>;

export type AccessLogRow = Readonly<{
  id: string;
  kind: AccessKind;
  at: string;
  deviceCode: string;
  officerId?: string;
  /** The officer's name in the roster (absent for an id the roster does not hold). */
  officerName?: string;
  subjectId?: string;
  subjectName?: string;
  role?: Role;
}>;

export type AccessLogPage = Readonly<{
  rows: readonly AccessLogRow[];
  /** Pass back as `cursor` for the older records; absent when there are none. */
  nextCursor?: string;
  /** Records under `access:` this device holds in another content than their id names (left out). */
  tampered: number;
}>;

export type AccessLogOutcome =
  Readonly<{ ok: true; page: AccessLogPage }> | Readonly<{ ok: false; problem: 'not-allowed' }>;

/**
 * What ./officers and ./device-setup call: records `kind` with who acted (`officerId`), on whom
 * (`subjectId`) and the role given, at `now`; never throws.
 */
export type AccessRecorder = (
  kind: AccessKind,
  details: Readonly<Omit<AccessEntry, 'kind'>>,
  now: Date,
) => Promise<void>;

type StoredRecord = Readonly<Record<string, unknown>> & Readonly<{ _id: string; _rev: string }>;

export function createAccessLog(deps: CoreDeps) {
  const { store, records, deviceDatabase } = deps;
  const db = (): UnitDatabase => records.current().db;
  /** Records are written one after the other, in the order they happened. */
  let queue: Promise<unknown> = Promise.resolve();

  const pending = async (): Promise<StoredRecord[]> => {
    const value = (await deviceDatabase.settings.get(PENDING_KEY))?.value;
    return Array.isArray(value) ? (value as StoredRecord[]) : [];
  };

  const write = async (docs: readonly StoredRecord[]): Promise<void> => {
    if (docs.length === 0) return;
    // Sealed: the only revision is 1-<content hash>; a retry of a stored one changes nothing.
    assertBulkWritten(await db().bulkDocs(docs as PouchDB.Core.PutDocument<object>[], { new_edits: false }));
  };

  /** Writes the kept records (and `next`); on a failure keeps them all on this device. */
  const writeWithPending = async (next?: StoredRecord): Promise<void> => {
    const kept = await pending().catch(() => []);
    const docs = next ? [...kept, next] : kept;
    if (docs.length === 0) return;
    try {
      await write(docs);
      if (kept.length > 0) await deviceDatabase.settings.delete(PENDING_KEY);
    } catch (error) {
      console.warn(`Access log: ${docs.length} record(s) kept on this device to write later:`, error);
      try {
        await deviceDatabase.settings.put({ key: PENDING_KEY, value: docs });
      } catch (keepError) {
        console.error('Access log: records lost, the device store refused them too:', docs, keepError);
      }
    }
  };

  const enqueue = (work: () => Promise<void>): Promise<void> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const record: AccessRecorder = (kind, details, now) =>
    enqueue(async () => {
      const entry: AccessEntry = { ...details, kind };
      let doc: StoredRecord;
      try {
        const device = store.getState().device ?? (await deps.deviceStore.deviceConfig());
        if (!device) throw new Error('this device is not set up');
        doc = newAccessDoc(entry, device, now);
      } catch (error) {
        console.error(`Access log: the ${entry.kind} record could not be made:`, entry, error);
        return;
      }
      await writeWithPending(doc);
    });

  /** Whether the officer at the desk is an active manager in the roster as stored. */
  const managerAtDesk = async (): Promise<boolean> => {
    const officer = store.getState().officer;
    if (!officer) return false;
    const doc = await readOfficer(db(), officer.id);
    return Boolean(doc?.active && canEditSettings(doc.role));
  };

  return {
    record,

    /** Managers: one page of the unit's access records, newest first. */
    async page(query: AccessLogQuery): Promise<AccessLogOutcome> {
      if (!(await managerAtDesk())) return { ok: false, problem: 'not-allowed' };
      await enqueue(() => writeWithPending());
      const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit)));
      const names = new Map((await readRoster(db())).map((doc) => [doc.officerId, doc.name]));
      const matches = (row: AccessLogRow): boolean =>
        (query.kind === undefined || row.kind === query.kind) &&
        (query.officerId === undefined ||
          row.officerId === query.officerId ||
          row.subjectId === query.officerId);
      const found: AccessLogRow[] = [];
      let tampered = 0;
      let scanned = 0;
      let lastId = query.cursor;
      let exhausted = false;
      // One more than the page, to know whether older records exist.
      while (found.length <= limit && scanned < MAX_SCAN) {
        const filtered = query.kind !== undefined || query.officerId !== undefined;
        const batchSize = filtered ? BATCH : limit + 1 - found.length;
        const result = await db().allDocs({
          descending: true,
          startkey: lastId ?? `${ACCESS_ID_PREFIX}${HIGH_SENTINEL}`,
          endkey: ACCESS_ID_PREFIX,
          skip: lastId ? 1 : 0,
          limit: batchSize,
          include_docs: true,
        });
        for (const row of result.rows) {
          if (found.length > limit) break;
          scanned++;
          lastId = row.id;
          const doc = 'doc' in row ? (row.doc as unknown as StoredRecord | undefined) : undefined;
          const parsed = doc ? accessDocSchema.safeParse(withoutConflicts(doc)) : undefined;
          if (!doc || !parsed?.success || verifyImmutable(doc) !== 'ok') {
            tampered++;
            continue;
          }
          const data = parsed.data;
          const officerName = data.officerId ? names.get(data.officerId) : undefined;
          const subjectName = data.subjectId ? names.get(data.subjectId) : undefined;
          const entry: AccessLogRow = {
            id: data._id,
            kind: data.kind,
            at: data.at,
            deviceCode: data.deviceCode,
            ...(data.officerId ? { officerId: data.officerId } : {}),
            ...(officerName ? { officerName } : {}),
            ...(data.subjectId ? { subjectId: data.subjectId } : {}),
            ...(subjectName ? { subjectName } : {}),
            ...(data.role ? { role: data.role } : {}),
          };
          if (matches(entry)) found.push(entry);
        }
        if (result.rows.length < batchSize) {
          exhausted = true;
          break;
        }
      }
      const rows = found.slice(0, limit);
      const last = rows.at(-1);
      const nextCursor =
        found.length > limit ? last?.id : !exhausted && lastId !== undefined ? lastId : undefined;
      return { ok: true, page: { rows, tampered, ...(nextCursor ? { nextCursor } : {}) } };
    },
  };
}

export type AccessLogUseCases = ReturnType<typeof createAccessLog>;

function withoutConflicts(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { _conflicts: _ignored, ...rest } = doc;
  return rest;
}
