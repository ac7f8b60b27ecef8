/**
 * `central purge-identities`: makes sure that the identity of a reporter whose document was
 * deleted (a privacy change to anonymous, the end of a retention period) is gone from the server,
 * not just hidden behind a tombstone. A server-admin job, idempotent and safe to schedule (cron,
 * systemd timer: docs/central.md, "Deleting identities on the server").
 *
 * Where the identity lives after a deletion, and how each place is emptied:
 *   - in the revision before the tombstone (`1-…` with the name, `2-…` deleted): the tombstone is
 *     the leaf, and database compaction drops the bodies of non-leaf revisions (a);
 *   - in a tombstone that still carries the body (written before the server's validator refused
 *     them): compaction keeps leaf bodies, so the job first writes a bare tombstone as its child
 *     (`new_edits=false`, the history extended by one revision), which makes the bodied one a
 *     non-leaf revision that compaction drops;
 *   - in the revision tree itself (ids and revision hashes stay, bodies do not): after a grace
 *     period the whole tree is purged (`_purge` with every leaf revision) (b). Not at once: a
 *     device that was offline since before the deletion still holds the living revision; while the
 *     server knows that revision (as a stub), the device's push adds nothing and its pull receives
 *     the deletion. Once purged, the server no longer knows it, and that device's next push would
 *     write the identity back as a living document. So the tree is purged only when the job first
 *     saw the deletion more than `graceDays` ago (default 30): long enough for every device of the
 *     unit to have synced once.
 *
 * When the job first saw each deletion is kept where only server admins can read or write it:
 * the database `meja-aduan-jobs` (its `_security` admits the `_admin` role only), one document per
 * unit, `identity-purge:<CODE>`. Not a `_local` document in the unit database: the unit's members
 * can read and write those (no validator runs for them; checked on CouchDB 3.5), so a device could
 * move the dates and have the trees purged early. The state is written only when it changes, so a
 * run that finds nothing new changes nothing. Needs Apache CouchDB 2.3+ (`_purge`).
 */
import { randomBytes } from 'node:crypto';
import { UNIT_DATABASE_PREFIX, unitDatabaseName } from '../shared/couch/couch-names';
import { REPORTER_ID_PREFIX } from '../shared/ids/document-ids';
import { CentralError } from './central-error';
import { describeFailure, expectStatus, type CouchHttp } from './couch-http';
import { findUnitCodes } from './national-setup';
import { checkUnitCode } from './unit-setup';

/** The server-admin-only database of the central jobs' state. */
export const JOBS_DATABASE = 'meja-aduan-jobs';
export const DEFAULT_GRACE_DAYS = 30;
const DAY_MS = 86_400_000;
/** CouchDB's `[purge] max_document_id_number` default is 100 ids per request. */
const PURGE_BATCH = 100;
const CHANGES_BATCH = 1_000;
const DEFAULT_COMPACTION_TIMEOUT_MS = 30 * 60_000;
const DEFAULT_POLL_MS = 250;
/** Compaction counts as finished once `compact_running` has stayed false this long (see waitForCompaction). */
const COMPACTION_SETTLE_MS = 1_500;

/** Fields of a document that are bookkeeping, not content (a bare tombstone has only these). */
const META_FIELDS: ReadonlySet<string> = new Set([
  '_id',
  '_rev',
  '_deleted',
  '_revisions',
  '_conflicts',
  '_deleted_conflicts',
  '_revs_info',
  '_local_seq',
]);

export type IdentityPurgeOptions = Readonly<{
  /** Unit codes; every `meja-aduan-unit-*` database when absent. */
  units?: readonly string[];
  /** Purge the revision tree of deletions first seen at least this many days ago (default 30). */
  graceDays?: number;
  now?: () => Date;
  compactionTimeoutMs?: number;
  pollMs?: number;
}>;

export type CompactionOutcome = 'done' | 'not needed' | 'timed out';

export type UnitPurgeReport = Readonly<{
  unitCode: string;
  database: string;
  /** Deleted reporter documents found (before purging). */
  deleted: number;
  /** Of them, tombstones that still carried a body (a bare tombstone was written over each). */
  withBody: number;
  /** Revision trees purged in this run. */
  purged: number;
  /** Deleted reporter documents kept (tombstone and stubs only) until their grace period ends. */
  waiting: number;
  /** When the first of those may be purged; null when none waits. */
  nextPurgeAt: string | null;
  compaction: CompactionOutcome;
}>;

/** The job's state for one unit (a document in JOBS_DATABASE). */
type PurgeState = {
  _id: string;
  _rev?: string;
  type: 'identity-purge';
  unitCode: string;
  database: string;
  /** Deleted reporter document id → when this job first saw it deleted (ISO instant). */
  firstSeen: Record<string, string>;
  /** A compaction is owed (asked for and not seen to finish). */
  compactionPending: boolean;
};

type DeletedDoc = { id: string; leaves: string[] };

const path = (database: string, rest = ''): string => `${encodeURIComponent(database)}${rest}`;
const stateId = (unitCode: string): string => `identity-purge:${unitCode}`;

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The jobs database with `_security` admitting server admins only (created or repaired). */
export async function ensureJobsDatabase(http: CouchHttp): Promise<void> {
  const info = await http.get(path(JOBS_DATABASE));
  if (info.status === 404) {
    expectStatus(await http.put(path(JOBS_DATABASE), {}), [201, 202, 412], `Creating ${JOBS_DATABASE}`);
  } else {
    expectStatus(info, [200], `Reading ${JOBS_DATABASE}`);
  }
  const wanted = { admins: { names: [], roles: [] }, members: { names: [], roles: ['_admin'] } };
  const current = await http.get(path(JOBS_DATABASE, '/_security'));
  expectStatus(current, [200], `Reading the security of ${JOBS_DATABASE}`);
  if (JSON.stringify(current.body) !== JSON.stringify(wanted)) {
    expectStatus(
      await http.put(path(JOBS_DATABASE, '/_security'), wanted),
      [200],
      `Securing ${JOBS_DATABASE}`,
    );
  }
}

async function readState(http: CouchHttp, unitCode: string, database: string): Promise<PurgeState> {
  const response = await http.get(path(JOBS_DATABASE, `/${encodeURIComponent(stateId(unitCode))}`));
  if (response.status === 404) {
    return {
      _id: stateId(unitCode),
      type: 'identity-purge',
      unitCode,
      database,
      firstSeen: {},
      compactionPending: false,
    };
  }
  expectStatus(response, [200], `Reading the purge state of unit ${unitCode}`);
  const body = record(response.body);
  const firstSeen = Object.fromEntries(
    Object.entries(record(body.firstSeen)).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  return {
    _id: stateId(unitCode),
    ...(typeof body._rev === 'string' ? { _rev: body._rev } : {}),
    type: 'identity-purge',
    unitCode,
    database,
    firstSeen,
    compactionPending: body.compactionPending === true,
  };
}

async function writeState(http: CouchHttp, state: PurgeState): Promise<PurgeState> {
  const response = await http.put(path(JOBS_DATABASE, `/${encodeURIComponent(state._id)}`), state);
  expectStatus(response, [201, 202], `Saving the purge state of unit ${state.unitCode}`);
  return { ...state, _rev: String(record(response.body).rev) };
}

/** Every reporter document whose winning revision is deleted, with all its leaf revisions. */
async function deletedReporters(http: CouchHttp, database: string): Promise<DeletedDoc[]> {
  const found: DeletedDoc[] = [];
  let since = '0';
  for (;;) {
    const query = `?style=all_docs&limit=${CHANGES_BATCH}&since=${encodeURIComponent(since)}`;
    const response = await http.get(path(database, `/_changes${query}`));
    expectStatus(response, [200], `Reading the changes of ${database}`);
    const body = record(response.body);
    const results = Array.isArray(body.results) ? body.results.map(record) : [];
    for (const change of results) {
      const id = change.id;
      if (typeof id !== 'string' || !id.startsWith(REPORTER_ID_PREFIX) || change.deleted !== true) continue;
      const leaves = (Array.isArray(change.changes) ? change.changes : [])
        .map((entry) => record(entry).rev)
        .filter((rev): rev is string => typeof rev === 'string');
      found.push({ id, leaves });
    }
    since =
      typeof body.last_seq === 'string' || typeof body.last_seq === 'number' ? String(body.last_seq) : since;
    if (results.length === 0 || body.pending === 0 || typeof body.pending !== 'number') return found;
  }
}

/**
 * Writes a bare tombstone as the child of every deleted leaf of `doc` that still carries a body;
 * returns how many it wrote, and the document's leaves afterwards.
 */
async function bareTombstones(http: CouchHttp, database: string, doc: DeletedDoc): Promise<number> {
  const response = await http.get(path(database, `/${encodeURIComponent(doc.id)}?open_revs=all&revs=true`));
  if (response.status === 404) return 0;
  expectStatus(response, [200], `Reading ${doc.id} in ${database}`);
  const leaves = (Array.isArray(response.body) ? response.body : []).map((row) => record(record(row).ok));
  const bodied = leaves.filter(
    (leaf) => leaf._deleted === true && Object.keys(leaf).some((field) => !META_FIELDS.has(field)),
  );
  if (bodied.length === 0) return 0;
  const children = bodied.map((leaf) => {
    const history = record(leaf._revisions);
    const start = typeof history.start === 'number' ? history.start : Number(String(leaf._rev).split('-')[0]);
    const ids = Array.isArray(history.ids)
      ? history.ids.filter((id): id is string => typeof id === 'string')
      : [];
    const hash = randomBytes(16).toString('hex');
    return {
      _id: doc.id,
      _rev: `${start + 1}-${hash}`,
      _deleted: true,
      _revisions: {
        start: start + 1,
        ids: [hash, ...(ids.length > 0 ? ids : [String(leaf._rev).split('-')[1]])],
      },
    };
  });
  const written = await http.request('POST', path(database, '/_bulk_docs'), {
    docs: children,
    new_edits: false,
  });
  expectStatus(written, [201, 202], `Writing a bare tombstone over ${doc.id} in ${database}`);
  const refused = (Array.isArray(written.body) ? written.body : []).map(record).filter((row) => row.error);
  if (refused.length > 0) {
    throw new CentralError(
      `${database} refused a bare tombstone for ${doc.id}: ${JSON.stringify(refused[0])}`,
    );
  }
  doc.leaves = doc.leaves.filter((rev) => !bodied.some((leaf) => leaf._rev === rev));
  doc.leaves.push(...children.map((child) => child._rev));
  return bodied.length;
}

/** `_purge` of the whole revision tree (every leaf) of each of `docs`; returns the ids purged. */
async function purgeTrees(http: CouchHttp, database: string, docs: readonly DeletedDoc[]): Promise<string[]> {
  const purged: string[] = [];
  for (let start = 0; start < docs.length; start += PURGE_BATCH) {
    const batch = docs.slice(start, start + PURGE_BATCH);
    const response = await http.request(
      'POST',
      path(database, '/_purge'),
      Object.fromEntries(batch.map((doc) => [doc.id, doc.leaves])),
    );
    if (response.status === 404 || response.status === 405 || response.status === 501) {
      throw new CentralError(
        `${database}: this server cannot purge (${describeFailure(response)}); it needs Apache CouchDB 2.3+.`,
      );
    }
    expectStatus(response, [201, 202], `Purging deleted reporter documents in ${database}`);
    const answered = record(record(response.body).purged);
    for (const doc of batch) {
      const revs = answered[doc.id];
      // Nothing purged for an id means it was already gone (an earlier run, or purged by hand).
      if (Array.isArray(revs)) purged.push(doc.id);
    }
  }
  return purged;
}

/**
 * Asks for compaction and waits until it has finished: `compact_running` false for
 * COMPACTION_SETTLE_MS in a row (a clustered CouchDB starts the shards' compaction asynchronously,
 * so the flag may still be false right after the request), or `timeoutMs`.
 */
async function compact(
  http: CouchHttp,
  database: string,
  timeoutMs: number,
  pollMs: number,
): Promise<CompactionOutcome> {
  expectStatus(await http.request('POST', path(database, '/_compact'), {}), [202], `Compacting ${database}`);
  const deadline = Date.now() + timeoutMs;
  let idleSince: number | null = null;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const info = await http.get(path(database));
    expectStatus(info, [200], `Reading ${database}`);
    const running = record(info.body).compact_running === true;
    const now = Date.now();
    idleSince = running ? null : (idleSince ?? now);
    if (idleSince !== null && now - idleSince >= COMPACTION_SETTLE_MS) return 'done';
    if (now > deadline) return 'timed out';
  }
}

async function purgeUnit(
  http: CouchHttp,
  unitCode: string,
  options: Required<Pick<IdentityPurgeOptions, 'graceDays' | 'now' | 'compactionTimeoutMs' | 'pollMs'>>,
): Promise<UnitPurgeReport> {
  const database = unitDatabaseName(unitCode);
  const exists = await http.get(path(database));
  if (exists.status === 404) {
    throw new CentralError(
      `Unit ${unitCode} is not set up (no database ${database}): run central setup for it.`,
    );
  }
  expectStatus(exists, [200], `Reading ${database}`);
  const before = await readState(http, unitCode, database);
  const deleted = await deletedReporters(http, database);

  let withBody = 0;
  for (const doc of deleted) withBody += await bareTombstones(http, database, doc);

  const now = options.now();
  const graceMs = options.graceDays * DAY_MS;
  const seenAt = (doc: DeletedDoc): string => before.firstSeen[doc.id] ?? now.toISOString();
  const newlySeen = deleted.filter((doc) => before.firstSeen[doc.id] === undefined).length;
  const due = deleted.filter((doc) => now.getTime() - Date.parse(seenAt(doc)) >= graceMs);
  const purged = new Set(await purgeTrees(http, database, due));
  // Kept: the deletions still waiting (those no longer deleted or found are forgotten).
  const firstSeen = Object.fromEntries(
    deleted
      .filter((doc) => !purged.has(doc.id))
      .map((doc) => [doc.id, seenAt(doc)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

  // Bytes of what was deleted, overwritten or purged stay in the file until compaction.
  const owed = before.compactionPending || newlySeen > 0 || withBody > 0 || purged.size > 0;
  const state: PurgeState = { ...before, firstSeen, compactionPending: owed };
  const sorted = (entries: Readonly<Record<string, string>>): string =>
    JSON.stringify(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const changed =
    sorted(state.firstSeen) !== sorted(before.firstSeen) ||
    state.compactionPending !== before.compactionPending;
  const saved = changed ? await writeState(http, state) : state;
  let compaction: CompactionOutcome = 'not needed';
  if (owed) {
    compaction = await compact(http, database, options.compactionTimeoutMs, options.pollMs);
    if (compaction === 'done') await writeState(http, { ...saved, compactionPending: false });
  }
  const waiting = Object.values(firstSeen).map((seen) => Date.parse(seen) + graceMs);
  return {
    unitCode,
    database,
    deleted: deleted.length,
    withBody,
    purged: purged.size,
    waiting: waiting.length,
    nextPurgeAt: waiting.length === 0 ? null : new Date(Math.min(...waiting)).toISOString(),
    compaction,
  };
}

/** Runs the job over the units (see the module comment); one report per unit. */
export async function purgeIdentities(
  http: CouchHttp,
  options: IdentityPurgeOptions = {},
): Promise<UnitPurgeReport[]> {
  const graceDays = options.graceDays ?? DEFAULT_GRACE_DAYS;
  if (!Number.isFinite(graceDays) || graceDays < 0) throw new CentralError('--grace-days must be 0 or more.');
  const units = options.units
    ? [...new Set(options.units.map(checkUnitCode))].sort()
    : await findUnitCodes(http);
  if (units.length === 0)
    throw new CentralError(`No unit databases (${UNIT_DATABASE_PREFIX}*) found: nothing to do.`);
  await ensureJobsDatabase(http);
  const settings = {
    graceDays,
    now: options.now ?? (() => new Date()),
    compactionTimeoutMs: options.compactionTimeoutMs ?? DEFAULT_COMPACTION_TIMEOUT_MS,
    pollMs: options.pollMs ?? DEFAULT_POLL_MS,
  };
  const reports: UnitPurgeReport[] = [];
  for (const unitCode of units) reports.push(await purgeUnit(http, unitCode, settings));
  return reports;
}
