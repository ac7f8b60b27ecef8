/**
 * The national projector (`npm run central -- national-projector`, docs/central.md "National
 * database", docs/decisions/008-national-projection.md): a small stateless service beside
 * CouchDB that keeps `meja-aduan-national` equal to the projection of every unit database.
 *
 * For each unit in the registry (document `units`, written by `central national`), in turn:
 *   1. read the unit database's `_changes` from the unit's checkpoint (document
 *      `checkpoint:<UNIT>` in the national database), at most `batchSize` changes at a time,
 *      through a selector that passes complaint and event documents and the unit profile only:
 *      reporter documents are never sent to the projector;
 *   2. collect the complaints touched: complaint documents changed, and the complaints of event
 *      documents changed (their `complaintId` field); and whether the unit profile changed;
 *   3. read each touched complaint and all its events (`_all_docs` ranges: `eventRangesOf`),
 *      compute the projection with the shared code (shared/national), and write to the national
 *      database only the documents whose content differs (`_bulk_docs`);
 *   4. only then store the checkpoint. A run stopped anywhere (crash, kill, server restart) is
 *      caught up by the next one: ids are deterministic and writes are upserts, so nothing is
 *      duplicated, and nothing is skipped because the checkpoint never runs ahead of the writes.
 * No connection is held between runs or between units, so hundreds of units cost one pass each.
 *
 * A complaint that turns confidential: its national document is overwritten with the
 * confidential form, but CouchDB keeps the bodies of earlier revisions (which held its title and
 * chronology) until the database is compacted, and `GET …?rev=<old>` would still return them.
 * CouchDB 3 lets only server admins purge; database admins may compact. So the projector role
 * is an admin of the national database (`central national` sets that), and the projector
 *   - records the text-bearing revision in `compaction-pending` BEFORE it overwrites it,
 *   - after the run, compacts the national database and waits until every recorded revision is
 *     gone (`GET …?rev=<old>` answers 404 missing), then clears the record.
 * A run that stops before that finds the record on its next start and compacts first.
 */
import { canonicalJson } from '../shared/couch/canonical-json';
import {
  NATIONAL_DATABASE_NAME,
  NATIONAL_DESIGN_DOC_ID,
  PROJECTOR_ROLE,
  unitDatabaseName,
} from '../shared/couch/couch-names';
import { nationalDesignDoc } from '../shared/couch/national-design-doc';
import { complaintDocSchema, type ComplaintDoc } from '../shared/complaint/complaint-schema';
import {
  EVENT_ID_PREFIX,
  HIGH_SENTINEL,
  UNIT_PROFILE_ID,
  eventIdRange,
  type IdRange,
} from '../shared/ids/document-ids';
import { carriesText, projectComplaint, projectUnitProfile } from '../shared/national/national-projection';
import {
  NATIONAL_COMPACTION_ID,
  NATIONAL_SCHEMA_VERSION,
  nationalCheckpointId,
  nationalUnitProfileId,
} from '../shared/national/national-schema';
import { unitProfileDocSchema } from '../shared/unit/unit-profile';
import { eventDocSchema, type EventDoc } from '../shared/workflow/events';
import { CentralError } from './central-error';
import { CouchHttp, describeFailure, expectStatus, type CouchResponse } from './couch-http';
import { readUnitRegistry } from './national-setup';

export const DEFAULT_BATCH_SIZE = 500;
/** Ranges per `_all_docs/queries` request, and such requests in flight at once. */
const QUERIES_PER_REQUEST = 25;
const CONCURRENT_REQUESTS = 4;
const WRITE_ATTEMPTS = 3;
const COMPACTION_TIMEOUT_MS = 10 * 60_000;

export type ProjectorOptions = Readonly<{
  /** Changes read per batch (default 500). */
  batchSize?: number;
  /** Stop each unit after this many batches (a run cut short, as a kill would; for tests). */
  maxBatches?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  compactionTimeoutMs?: number;
}>;

export type UnitRun = Readonly<{
  unitCode: string;
  changes: number;
  batches: number;
  /** Complaints projected (touched by the changes read). */
  complaints: number;
  /** National documents written (created, updated or deleted). */
  written: number;
  /** Complaints that could not be projected (not a valid complaint document); see the log. */
  skipped: number;
  /** National documents overwritten with the confidential form while they held text. */
  turnedConfidential: number;
  /** True when the unit's changes feed was read to its end. */
  caughtUp: boolean;
  /** Why the unit could not be projected (the other units still were), or null. */
  error: string | null;
}>;

export type ProjectorRun = Readonly<{
  units: UnitRun[];
  written: number;
  /** Text-bearing revisions removed by compaction in this run. */
  compacted: number;
  ms: number;
}>;

type Doc = Readonly<Record<string, unknown>> & Readonly<{ _id: string; _rev?: string }>;
type Row = Readonly<{
  id?: string;
  key?: unknown;
  value?: { rev?: string; deleted?: boolean };
  doc?: Doc | null;
}>;

/** The counts of a unit's run before it has done anything. */
const NOTHING_DONE = Object.freeze({
  changes: 0,
  batches: 0,
  complaints: 0,
  written: 0,
  skipped: 0,
  turnedConfidential: 0,
});

const nationalPath = (id: string): string => `${NATIONAL_DATABASE_NAME}/${encodeURIComponent(id)}`;

// ---- connecting --------------------------------------------------------------------------

/** The server refused the projector's name or password (or locked the account out). */
export class SignInError extends CentralError {}

/** The environment variable that may hold the projector's password (kept out of `ps` and history). */
export const PROJECTOR_PASSWORD_VARIABLE = 'MEJA_ADUAN_PROJECTOR_PASSWORD';

/**
 * Connects as the projector user or a server admin: `url` with the credentials, or with the user
 * name only and the password in MEJA_ADUAN_PROJECTOR_PASSWORD.
 */
export async function connectAsProjector(
  url: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Readonly<{ http: CouchHttp; admin: boolean }>> {
  let http = new CouchHttp(url);
  if (http.user === null) {
    throw new CentralError(
      'Give the projector user (or a server admin) in the URL, e.g. http://meja-aduan-projector@127.0.0.1:5984 with the password in MEJA_ADUAN_PROJECTOR_PASSWORD.',
    );
  }
  const password = env[PROJECTOR_PASSWORD_VARIABLE];
  if (new URL(url).password === '' && password !== undefined && password !== '') {
    http = http.as(http.user, password);
  }
  const root = await http.get('');
  const welcome = (root.body ?? {}) as { couchdb?: unknown; 'express-pouchdb'?: unknown };
  if (root.status === 401 || root.status === 403) {
    throw new SignInError(`The server at ${http.baseUrl} refused the sign-in: ${describeFailure(root)}.`);
  }
  if (root.status === 200 && welcome['express-pouchdb'] !== undefined) {
    throw new CentralError(
      `${http.baseUrl} is pouchdb-server: the national projector needs Apache CouchDB 3.x (the _selector changes filter, _all_docs/queries, compaction).`,
    );
  }
  if (root.status !== 200 || welcome.couchdb === undefined) {
    throw new CentralError(`${http.baseUrl} does not answer like CouchDB (${describeFailure(root)}).`);
  }
  const session = await http.get('_session');
  const userCtx = (session.body as { userCtx?: { name?: unknown; roles?: unknown } } | null)?.userCtx;
  if (session.status === 401 || (session.status === 200 && userCtx?.name === null)) {
    throw new SignInError(`The server at ${http.baseUrl} refused the name or password.`);
  }
  if (session.status === 403) {
    throw new SignInError(`The server at ${http.baseUrl} refused the sign-in: ${describeFailure(session)}.`);
  }
  expectStatus(session, [200], 'Signing in');
  const roles = Array.isArray(userCtx?.roles) ? (userCtx.roles as unknown[]) : [];
  const admin = roles.includes('_admin');
  if (!admin && !roles.includes(PROJECTOR_ROLE)) {
    throw new CentralError(
      `The account ${JSON.stringify(http.user)} has neither the role ${PROJECTOR_ROLE} nor server admin rights.`,
    );
  }
  return { http, admin };
}

// ---- reading -----------------------------------------------------------------------------

function rowsOf(response: CouchResponse, what: string): Row[] {
  expectStatus(response, [200], what);
  return (response.body as { rows?: Row[] }).rows ?? [];
}

/** The documents with these ids that exist (deleted and missing ones left out). */
async function readByIds(http: CouchHttp, database: string, ids: readonly string[]): Promise<Doc[]> {
  if (ids.length === 0) return [];
  const response = await http.request('POST', `${encodeURIComponent(database)}/_all_docs?include_docs=true`, {
    keys: ids,
  });
  return rowsOf(response, `Reading documents of ${database}`)
    .map((row) => row.doc)
    .filter((doc): doc is Doc => doc !== null && doc !== undefined);
}

/**
 * The `_id` ranges that hold the events of `complaints`: the one place that relies on the event id
 * format, `event:<trackingNumber>:…` (shared/ids/document-ids). Complaints of the same device and
 * day (tracking numbers `<unit>-<yymmdd>-<device>-<seq>`) share one range, `event:<unit>-<yymmdd>-
 * <device>-…`, when more than one of them is read: on a catch-up that is most of them, and one
 * range costs CouchDB about as much as a hundred documents. Every event read is then matched to
 * its complaint by its `complaintId` field, so an id that merely falls in a range is never taken
 * for one of its events.
 */
export function eventRangesOf(complaints: readonly ComplaintDoc[]): IdRange[] {
  const byDay = new Map<string, ComplaintDoc[]>();
  for (const complaint of complaints) {
    const prefix = complaint.trackingNumber.slice(0, complaint.trackingNumber.lastIndexOf('-') + 1);
    byDay.set(prefix, [...(byDay.get(prefix) ?? []), complaint]);
  }
  return [...byDay.entries()].flatMap(([prefix, group]) =>
    group.length > 1
      ? [{ startkey: `${EVENT_ID_PREFIX}${prefix}`, endkey: `${EVENT_ID_PREFIX}${prefix}${HIGH_SENTINEL}` }]
      : group.map((complaint) => eventIdRange(complaint.trackingNumber)),
  );
}

/** The documents in each range: `_all_docs/queries` (CouchDB 2.2+), a few requests at a time. */
async function readRanges(http: CouchHttp, database: string, ranges: readonly IdRange[]): Promise<Doc[][]> {
  const chunks: IdRange[][] = [];
  for (let index = 0; index < ranges.length; index += QUERIES_PER_REQUEST) {
    chunks.push(ranges.slice(index, index + QUERIES_PER_REQUEST));
  }
  return (
    await mapConcurrently(chunks, CONCURRENT_REQUESTS, (chunk) => readRangeChunk(http, database, chunk))
  ).flat();
}

async function readRangeChunk(
  http: CouchHttp,
  database: string,
  chunk: readonly IdRange[],
): Promise<Doc[][]> {
  const queries = chunk.map((range) => ({ ...range, include_docs: true }));
  const response = await http.request('POST', `${encodeURIComponent(database)}/_all_docs/queries`, {
    queries,
  });
  expectStatus(response, [200], `Reading the events of ${database}`);
  const answers = (response.body as { results?: { rows?: Row[] }[] }).results ?? [];
  if (answers.length !== chunk.length) {
    throw new CentralError(`Unexpected answer from ${database}/_all_docs/queries.`);
  }
  return answers.map((answer) => docsOf(answer.rows ?? []));
}

/** `work` over `items`, at most `limit` at a time; results in the order of `items`. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function docsOf(rows: readonly Row[]): Doc[] {
  return rows.map((row) => row.doc).filter((doc): doc is Doc => doc !== null && doc !== undefined);
}

// ---- writing -----------------------------------------------------------------------------

/** `doc` without its revision bookkeeping, as canonical JSON (what "unchanged" compares). */
function contentOf(doc: Readonly<Record<string, unknown>>): string {
  const { _rev: _revision, _revisions: _history, ...content } = doc;
  return canonicalJson(content);
}

type Upsert = Readonly<{
  written: number;
  /** Revisions that held text and were overwritten with a confidential form. */
  textRevisions: { id: string; rev: string }[];
}>;

/**
 * Writes `wanted` (and deletes `unwanted`) in the national database where the stored content
 * differs; records text-bearing revisions a confidential form overwrites before overwriting them.
 */
async function upsert(
  http: CouchHttp,
  wanted: readonly Doc[],
  unwanted: readonly string[],
  compaction: CompactionList,
): Promise<Upsert> {
  for (let attempt = 1; ; attempt += 1) {
    const ids = [...wanted.map((doc) => doc._id), ...unwanted];
    const stored = new Map((await readByIds(http, NATIONAL_DATABASE_NAME, ids)).map((doc) => [doc._id, doc]));
    const writes: Record<string, unknown>[] = [];
    const textRevisions: { id: string; rev: string }[] = [];
    for (const doc of wanted) {
      const current = stored.get(doc._id);
      if (current && contentOf(current) === contentOf(doc)) continue;
      if (current?._rev !== undefined && doc.privacyMode === 'confidential' && carriesText(current)) {
        textRevisions.push({ id: doc._id, rev: current._rev });
      }
      writes.push(current?._rev === undefined ? { ...doc } : { ...doc, _rev: current._rev });
    }
    for (const id of unwanted) {
      const current = stored.get(id);
      if (current?._rev !== undefined) writes.push({ _id: id, _rev: current._rev, _deleted: true });
    }
    if (writes.length === 0) return { written: 0, textRevisions };
    // Recorded first: if the run stops after the overwrite, the next run still compacts.
    if (textRevisions.length > 0) await compaction.add(textRevisions);
    const response = await http.request('POST', `${NATIONAL_DATABASE_NAME}/_bulk_docs`, { docs: writes });
    expectStatus(response, [201, 202], `Writing to ${NATIONAL_DATABASE_NAME}`);
    const results = response.body as readonly { id?: string; error?: string; reason?: string }[];
    const failed = results.filter((result) => result.error !== undefined);
    const refused = failed.find((result) => result.error !== 'conflict');
    if (refused) {
      throw new CentralError(
        `${NATIONAL_DATABASE_NAME} refused ${refused.id ?? 'a document'}: ${refused.error ?? ''}: ${refused.reason ?? ''} (is central national up to date with this projector?).`,
      );
    }
    if (failed.length === 0) return { written: writes.length, textRevisions };
    // Conflicts: another projector wrote meanwhile. Read again and write what still differs.
    if (attempt >= WRITE_ATTEMPTS) {
      throw new CentralError(
        `Conflicting writes to ${NATIONAL_DATABASE_NAME}: is another projector running?`,
      );
    }
  }
}

/** Writes a small bookkeeping document of the national database (checkpoint, compaction list). */
async function writeBookkeeping(http: CouchHttp, doc: Doc): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await http.get(nationalPath(doc._id));
    if (current.status !== 404) expectStatus(current, [200], `Reading ${doc._id}`);
    const rev = current.status === 200 ? (current.body as Doc)._rev : undefined;
    if (current.status === 200 && contentOf(current.body as Doc) === contentOf(doc)) return;
    const written = await http.put(nationalPath(doc._id), rev === undefined ? doc : { ...doc, _rev: rev });
    if (written.status === 409 && attempt < WRITE_ATTEMPTS) continue;
    expectStatus(written, [201, 202], `Writing ${doc._id}`);
    return;
  }
}

// ---- compaction --------------------------------------------------------------------------

type Pending = Readonly<{ id: string; rev: string }>;

/** The `compaction-pending` document: revisions that held text, until compaction removed them. */
class CompactionList {
  constructor(private readonly http: CouchHttp) {}

  async read(): Promise<Pending[]> {
    const response = await this.http.get(nationalPath(NATIONAL_COMPACTION_ID));
    if (response.status === 404) return [];
    expectStatus(response, [200], `Reading ${NATIONAL_COMPACTION_ID}`);
    const pending = (response.body as { pending?: unknown }).pending;
    return Array.isArray(pending) ? (pending as Pending[]) : [];
  }

  async write(pending: readonly Pending[]): Promise<void> {
    await writeBookkeeping(this.http, {
      _id: NATIONAL_COMPACTION_ID,
      type: 'national-compaction',
      schemaVersion: NATIONAL_SCHEMA_VERSION,
      pending: [...pending],
    });
  }

  async add(more: readonly Pending[]): Promise<void> {
    const known = await this.read();
    const seen = new Set(known.map((entry) => `${entry.id} ${entry.rev}`));
    await this.write([...known, ...more.filter((entry) => !seen.has(`${entry.id} ${entry.rev}`))]);
  }
}

/** True when the body of revision `rev` of `id` is gone (compacted, or the document purged). */
async function revisionGone(http: CouchHttp, entry: Pending): Promise<boolean> {
  const response = await http.get(`${nationalPath(entry.id)}?rev=${encodeURIComponent(entry.rev)}`);
  if (response.status === 404) return true;
  expectStatus(response, [200], `Reading ${entry.id}`);
  return false;
}

/**
 * Compacts the national database until every listed revision is gone, then clears the list.
 * Returns how many revisions were removed.
 */
async function compactPending(
  http: CouchHttp,
  list: CompactionList,
  log: (line: string) => void,
  timeoutMs: number,
): Promise<number> {
  const first = await list.read();
  if (first.length === 0) return 0;
  let pending = first;
  const total = pending.length;
  log(
    `compacting ${NATIONAL_DATABASE_NAME}: ${total} revision(s) that held text before their complaint turned confidential`,
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const started = await http.request('POST', `${NATIONAL_DATABASE_NAME}/_compact`, {});
    if (started.status === 401 || started.status === 403) {
      throw new CentralError(
        `Cannot compact ${NATIONAL_DATABASE_NAME} (${describeFailure(started)}): the role ${PROJECTOR_ROLE} must be an admin of it; run central national again.`,
      );
    }
    expectStatus(started, [202], `Compacting ${NATIONAL_DATABASE_NAME}`);
    // Wait for this compaction to end, then check which revisions are gone.
    for (;;) {
      await sleep(100);
      const info = await http.get(encodeURIComponent(NATIONAL_DATABASE_NAME));
      expectStatus(info, [200], `Reading ${NATIONAL_DATABASE_NAME}`);
      if ((info.body as { compact_running?: unknown }).compact_running !== true) break;
      if (Date.now() > deadline) break;
    }
    const left: Pending[] = [];
    for (const entry of pending) if (!(await revisionGone(http, entry))) left.push(entry);
    pending = left;
    if (pending.length === 0) break;
    if (Date.now() > deadline) {
      await list.write(pending);
      throw new CentralError(
        `Compacting ${NATIONAL_DATABASE_NAME} did not remove ${pending.length} old revision(s) within ${Math.round(timeoutMs / 1000)} s; the next run tries again.`,
      );
    }
  }
  // Only what was verified here is cleared: entries another projector added meanwhile stay.
  const verified = new Set(first.map((entry) => `${entry.id} ${entry.rev}`));
  await list.write((await list.read()).filter((entry) => !verified.has(`${entry.id} ${entry.rev}`)));
  return total;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

// ---- one unit ----------------------------------------------------------------------------

type Change = Readonly<{ id: string; seq: unknown; deleted?: boolean; doc?: Doc | null }>;

/**
 * What the projector reads of a unit's changes feed: complaint and event documents and the unit
 * profile (also when deleted). CouchDB applies the selector, so reporter documents (and settings,
 * offices, packet drafts) are never sent to the projector at all.
 */
const CHANGES_SELECTOR = {
  selector: { $or: [{ type: { $in: ['complaint', 'event'] } }, { _id: UNIT_PROFILE_ID }] },
};
type ChangesBody = Readonly<{ results: readonly Change[]; last_seq: unknown; pending?: unknown }>;

async function readCheckpoint(http: CouchHttp, unitCode: string): Promise<string> {
  const response = await http.get(nationalPath(nationalCheckpointId(unitCode)));
  if (response.status === 404) return '0';
  expectStatus(response, [200], `Reading the checkpoint of ${unitCode}`);
  const since = (response.body as { since?: unknown }).since;
  return typeof since === 'string' && since !== '' ? since : '0';
}

async function writeCheckpoint(http: CouchHttp, unitCode: string, since: string): Promise<void> {
  await writeBookkeeping(http, {
    _id: nationalCheckpointId(unitCode),
    type: 'national-checkpoint',
    schemaVersion: NATIONAL_SCHEMA_VERSION,
    unitCode,
    since,
  });
}

type BatchResult = Readonly<{
  complaints: number;
  written: number;
  skipped: number;
  turnedConfidential: number;
}>;

/** Projects what one batch of changes touched (see the module comment, steps 2 and 3). */
async function projectBatch(
  http: CouchHttp,
  unitCode: string,
  changes: readonly Change[],
  compaction: CompactionList,
  log: (line: string) => void,
): Promise<BatchResult> {
  const database = unitDatabaseName(unitCode);
  const complaintDocs = new Map<string, Doc>();
  const complaintIds = new Set<string>();
  let profile: Doc | null | undefined; // undefined: not touched; null: deleted
  for (const change of changes) {
    const doc = change.doc ?? null;
    if (change.id === UNIT_PROFILE_ID) profile = change.deleted === true ? null : doc;
    else if (doc?.type === 'complaint') {
      complaintDocs.set(change.id, doc);
      complaintIds.add(change.id);
    } else if (doc?.type === 'event' && typeof doc.complaintId === 'string')
      complaintIds.add(doc.complaintId);
  }
  const missing = [...complaintIds].filter((id) => !complaintDocs.has(id));
  for (const doc of await readByIds(http, database, missing)) complaintDocs.set(doc._id, doc);

  let skipped = 0;
  const complaints: ComplaintDoc[] = [];
  for (const doc of complaintDocs.values()) {
    const parsed = complaintDocSchema.safeParse(doc);
    if (!parsed.success || parsed.data.unitCode !== unitCode) {
      skipped += 1;
      log(`${unitCode}: skipped ${doc._id}: not a valid complaint document of the unit`);
      continue;
    }
    complaints.push(parsed.data);
  }
  const wantedIds = new Set(complaints.map((complaint) => complaint._id));
  const eventsByComplaint = new Map<string, EventDoc[]>();
  for (const doc of (await readRanges(http, database, eventRangesOf(complaints))).flat()) {
    if (typeof doc.complaintId !== 'string' || !wantedIds.has(doc.complaintId)) continue;
    const parsed = eventDocSchema.safeParse(doc);
    if (!parsed.success || parsed.data.unitCode !== unitCode) {
      log(`${unitCode}: ignored ${doc._id}: not a valid event document of the unit`);
      continue;
    }
    eventsByComplaint.set(doc.complaintId, [...(eventsByComplaint.get(doc.complaintId) ?? []), parsed.data]);
  }
  const wanted: Doc[] = complaints.map((complaint) =>
    projectComplaint(complaint, eventsByComplaint.get(complaint._id) ?? []),
  );

  const unwanted: string[] = [];
  if (profile === null) unwanted.push(nationalUnitProfileId(unitCode));
  else if (profile !== undefined) {
    const parsed = unitProfileDocSchema.safeParse(profile);
    if (parsed.success && parsed.data.unitCode === unitCode) wanted.push(projectUnitProfile(parsed.data));
    else log(`${unitCode}: skipped the unit profile: not a valid profile of the unit`);
  }
  const { written, textRevisions } = await upsert(http, wanted, unwanted, compaction);
  return { complaints: complaints.length, written, skipped, turnedConfidential: textRevisions.length };
}

/** Catches one unit up (or runs `maxBatches` batches of it). */
export async function projectUnit(
  http: CouchHttp,
  unitCode: string,
  options: ProjectorOptions = {},
  compaction: CompactionList = new CompactionList(http),
): Promise<UnitRun> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const log = options.log ?? ((): void => undefined);
  const database = unitDatabaseName(unitCode);
  const run = { unitCode, ...NOTHING_DONE };
  let since = await readCheckpoint(http, unitCode);
  for (;;) {
    if (options.maxBatches !== undefined && run.batches >= options.maxBatches) {
      return { ...run, caughtUp: false, error: null };
    }
    const response = await http.request(
      'POST',
      `${encodeURIComponent(database)}/_changes?filter=_selector&include_docs=true&since=${encodeURIComponent(since)}&limit=${batchSize}`,
      CHANGES_SELECTOR,
    );
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      throw new CentralError(
        `Cannot read ${database} (${describeFailure(response)}): run central setup for ${unitCode} and central national.`,
      );
    }
    expectStatus(response, [200], `Reading the changes of ${database}`);
    const body = response.body as ChangesBody;
    const next = String(body.last_seq);
    if (body.results.length > 0) {
      const batch = await projectBatch(http, unitCode, body.results, compaction, log);
      run.batches += 1;
      run.changes += body.results.length;
      run.complaints += batch.complaints;
      run.written += batch.written;
      run.skipped += batch.skipped;
      run.turnedConfidential += batch.turnedConfidential;
    }
    // Stored only after the batch's writes: never ahead of what the national database holds.
    if (next !== since) await writeCheckpoint(http, unitCode, next);
    since = next;
    const pending = typeof body.pending === 'number' ? body.pending : null;
    if (body.results.length < batchSize || pending === 0) return { ...run, caughtUp: true, error: null };
  }
}

// ---- a run -------------------------------------------------------------------------------

/**
 * Refuses to write into a national database whose validator or security is not what this version
 * of `central national` sets (an older server set-up, or a hand-made change).
 */
async function checkNationalDatabase(http: CouchHttp): Promise<void> {
  const info = await http.get(encodeURIComponent(NATIONAL_DATABASE_NAME));
  if (info.status === 401 || info.status === 403) {
    throw new SignInError(`Opening ${NATIONAL_DATABASE_NAME}: ${describeFailure(info)}.`);
  }
  if (info.status === 404) {
    throw new CentralError(`There is no ${NATIONAL_DATABASE_NAME} database: run central national first.`);
  }
  expectStatus(info, [200], `Opening ${NATIONAL_DATABASE_NAME}`);
  const design = await http.get(`${NATIONAL_DATABASE_NAME}/${NATIONAL_DESIGN_DOC_ID}`);
  if (design.status !== 200 || contentOf(design.body as Doc) !== contentOf(nationalDesignDoc())) {
    throw new CentralError(
      `The validator of ${NATIONAL_DATABASE_NAME} is not the one this version sets up: run central national again (as server admin).`,
    );
  }
  const security = await http.get(`${NATIONAL_DATABASE_NAME}/_security`);
  expectStatus(security, [200], `Reading the security of ${NATIONAL_DATABASE_NAME}`);
  const adminRoles = (security.body as { admins?: { roles?: unknown } } | null)?.admins?.roles;
  if (!Array.isArray(adminRoles) || !adminRoles.includes(PROJECTOR_ROLE)) {
    throw new CentralError(
      `The role ${PROJECTOR_ROLE} is not an admin of ${NATIONAL_DATABASE_NAME} (it compacts it): run central national again (as server admin).`,
    );
  }
}

/** Catches every registered unit up once, then compacts if a complaint turned confidential. */
export async function runProjectorOnce(
  http: CouchHttp,
  options: ProjectorOptions = {},
): Promise<ProjectorRun> {
  const started = Date.now();
  const log = options.log ?? ((): void => undefined);
  const timeout = options.compactionTimeoutMs ?? COMPACTION_TIMEOUT_MS;
  await checkNationalDatabase(http);
  const compaction = new CompactionList(http);
  // A run that stopped between an overwrite and its compaction: finish that first.
  let compacted = await compactPending(http, compaction, log, timeout);
  const units: UnitRun[] = [];
  for (const unitCode of await readUnitRegistry(http)) {
    try {
      const run = await projectUnit(http, unitCode, options, compaction);
      units.push(run);
      if (run.changes > 0) {
        log(
          `${unitCode}: ${run.changes} change(s), ${run.complaints} complaint(s) projected, ${run.written} document(s) written` +
            `${run.skipped > 0 ? `, ${run.skipped} skipped` : ''}${run.caughtUp ? '' : ' (stopped before the end)'}`,
        );
      }
    } catch (error) {
      if (!(error instanceof CentralError)) throw error;
      log(`${unitCode}: ${error.message}`);
      units.push({ unitCode, ...NOTHING_DONE, caughtUp: false, error: error.message });
    }
  }
  compacted += await compactPending(http, compaction, log, timeout);
  const written = units.reduce((sum, unit) => sum + unit.written, 0);
  return { units, written, compacted, ms: Date.now() - started };
}

/**
 * Runs the projector every `intervalSeconds` until `signal` aborts (SIGINT/SIGTERM in the CLI).
 * A failed run is logged and retried at the next interval, except a refused sign-in (a changed
 * password, a locked-out account), which ends the loop with that error.
 */
export async function runProjectorLoop(
  http: CouchHttp,
  options: ProjectorOptions & Readonly<{ intervalSeconds: number; signal: AbortSignal }>,
): Promise<void> {
  const log = options.log ?? ((): void => undefined);
  while (!options.signal.aborted) {
    try {
      const run = await runProjectorOnce(http, options);
      if (run.written > 0 || run.units.some((unit) => unit.error !== null)) {
        log(`run: ${run.units.length} unit(s), ${run.written} document(s) written in ${run.ms} ms`);
      }
    } catch (error) {
      // A refused sign-in is not retried: every retry would count towards CouchDB's lockout.
      if (!(error instanceof CentralError) || error instanceof SignInError) throw error;
      log(`run failed: ${error.message}`);
    }
    await sleep(options.intervalSeconds * 1000, options.signal);
  }
}
