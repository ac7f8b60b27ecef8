/**
 * The first download of a unit's database to a new device, in three stages, so that the device is
 * at work long before it holds the whole history (the shape CHT's initial replication proved: ask
 * the server for the ids, fetch them in batches, then replicate from the sequence noted first).
 *
 * 0. The central's update sequence is noted before anything is read. Afterwards the normal
 *    replication starts from it (PouchDB's `since`, stored as the pull's checkpoint): what changed
 *    on the central meanwhile comes with it, and nothing already here is fetched again.
 * 1. `unit`: the unit's own documents (profile, settings, offices, officers, the unit key's
 *    documents: `UNIT_DOCUMENT_IDS`, `UNIT_DOCUMENT_PREFIXES`) in one batch: the desk can take an
 *    intake within seconds.
 * 2. `open`: every complaint the central does not count as closed (./closed-complaints: a view of
 *    the unit database, asked without waiting for its index; without the view every complaint
 *    counts as open), newest first, each whole in one write: the complaint, all its events, its
 *    reporter, files inline (./complaint-pages).
 * 3. `history`: the complaints not on the device yet (the closed ones, and any the view named
 *    open that stage `open` did not take), whole, newest first, in the same way; then a sweep of
 *    the central's changes feed that fetches every revision the device still lacks (./history-sweep): documents of other kinds, conflicts, deletions. After it the
 *    device holds every document and leaf revision the central held when its feed was read.
 *    With a device budget (shared/sync/device-budget, read from the unit-settings document stage
 *    `unit` brought: ./budget-on-device), stage `open` writes a complaint received before the
 *    cutoff only if its own events leave it open (the view may be behind and count a closed one
 *    as open), stage `history` leaves out the complaints received before the cutoff, and its sweep
 *    every document of such a complaint the device does not hold (the open ones came whole in stage
 *    `open`, and their later revisions come with the sweep): the device then holds every open
 *    complaint and every one received within the budget.
 *
 * Every stage is pipelined: while one batch is written (one `bulkDocs({ new_edits: false })`, one
 * IndexedDB transaction), the next is listed and fetched, so the network and the disk work at the
 * same time (PouchDB's replicator runs changes, revs_diff, bulk_get, write and checkpoint one after
 * another).
 *
 * After every written batch, and when a stage starts, `onBatch` gets a checkpoint
 * (./download-checkpoint: the noted sequence, the stage and its position) and the stage's progress
 * (documents written in it and its estimated total). Given back as `resumeFrom`, the download goes
 * on from there (a closed app, a dropped network, a server restarted): at most the one batch being
 * fetched when it stopped is fetched again, and a complaint, always one write, is never on the
 * device in part.
 */

import { assertBulkWritten } from '../../../shared/couch/pouch-toolkit';
import { closedTrackingNumbers } from '../../../shared/couch/stages-design-doc';
import { UNIT_KEY_ID_PREFIX } from '../../../shared/crypto/unit-key-document';
import { UNIT_PROFILE_ID } from '../../../shared/ids/document-ids';
import { isDocInBudget, isReceivedInBudget, trackingNumberOfDocId } from '../../../shared/sync/device-budget';
import type { FirstSyncStage } from '../../../shared/sync/sync-status';
import { OFFICER_ID_PREFIX } from '../../../shared/unit/officer-document';
import { UNIT_OFFICES_ID, UNIT_SETTINGS_ID } from '../../../shared/unit/unit-settings';
import type { BudgetOnDevice } from './budget-on-device';
import { closedComplaints } from './closed-complaints';
import { complaintPages } from './complaint-pages';
import { complaintsOnDevice } from './complaints-on-device';
import { stageStart, type InitialDownloadCheckpoint } from './download-checkpoint';
import {
  bulkGet,
  databaseInfo,
  getJson,
  idAndRev,
  noFetchParts,
  type FetchParts,
  type InitialDownloadTarget,
  type RemoteRequest,
  type Revision,
} from './download-protocol';
import { sweepPages } from './history-sweep';

export { downloadCheckpointSchema, type InitialDownloadCheckpoint } from './download-checkpoint';
export {
  currentUpdateSeq,
  type DownloadTarget,
  type InitialDownloadTarget,
  type RemoteRequest,
} from './download-protocol';

/** A stage's progress: documents written in it so far (across resumes) and its estimated total. */
export type DownloadStageProgress = Readonly<{
  stage: FirstSyncStage;
  docsDone: number;
  /**
   * An estimate, never below `docsDone`; null while unknown. `unit`: the documents listed; `open`:
   * the open complaints times the documents per complaint so far; `history`: the central's
   * documents (doc_count + doc_del_count) less those written before the stage.
   */
  docsTotal: number | null;
}>;

export type DownloadedBatch = Readonly<{
  /** Every document revision written in this batch (none when a stage starts). */
  docs: readonly Revision[];
  checkpoint: InitialDownloadCheckpoint;
  stage: DownloadStageProgress;
}>;

export type InitialDownloadOptions = Readonly<{
  request: RemoteRequest;
  /** The unit's local database (PouchDB). */
  target: InitialDownloadTarget;
  /** Documents per batch (per `_bulk_get` and `bulkDocs`; pages of whole complaints are near it). */
  batchSize: number;
  /** Where an interrupted download stopped (its last checkpoint), or null to start. */
  resumeFrom?: InitialDownloadCheckpoint | null;
  /** Aborts the requests; the download then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Called when a stage starts and after every written batch, before the next is written (store
   * the checkpoint here).
   */
  onBatch?: (batch: DownloadedBatch) => Promise<void> | void;
  /**
   * The device budget in force, read from the device once stage `unit` has written the unit's
   * documents (./budget-on-device); absent or null: the device keeps everything.
   */
  budget?: () => Promise<BudgetOnDevice | null>;
  /** Hears where a stage's time went, as it ends (the benchmark's account of the app's download). */
  onStageEnd?: (stage: FirstSyncStage, timings: DownloadStageTimings) => void;
}>;

/**
 * Where a stage's time went (this run only, not across resumes): the writer waiting for the next
 * page (listing and fetching slower than writing), writing it (`bulkDocs`), and the caller's
 * `onBatch` (storing the checkpoint). What is left of `stageMs` is the stage's own set-up (its
 * listing of the unit's documents or of the closed complaints).
 */
export type DownloadStageTimings = {
  pages: number;
  docs: number;
  stageMs: number;
  fetchWaitMs: number;
  writeMs: number;
  checkpointMs: number;
  /** What the page source's steps took (they overlap the writes). */
  fetch: FetchParts;
};

export type InitialDownloadResult = InitialDownloadCheckpoint &
  Readonly<{
    /** Revisions listed that `_bulk_get` no longer had (changed meanwhile). */
    missing: number;
    /** Per stage run in this call: where its time went. */
    timings: Partial<Record<FirstSyncStage, DownloadStageTimings>>;
  }>;

/**
 * The unit's own documents, fetched before the records so that the desk can take an intake while
 * the rest comes: profile, settings, offices, the officer roster, the unit key's documents.
 */
export const UNIT_DOCUMENT_IDS: readonly string[] = [UNIT_PROFILE_ID, UNIT_SETTINGS_ID, UNIT_OFFICES_ID];
export const UNIT_DOCUMENT_PREFIXES: readonly string[] = [OFFICER_ID_PREFIX, UNIT_KEY_ID_PREFIX];

/** Documents per complaint before any was seen in stage `history` (as ./complaint-pages guesses). */
const FIRST_GUESS_DOCS_PER_COMPLAINT = 8;

/**
 * How many complaints the central counts as closed that were received within the budget: about
 * the complaints stage `history` fetches on a device with a budget (its progress's total).
 */
function closedWithin(budget: BudgetOnDevice, closed: ReadonlySet<string>): number {
  let within = 0;
  for (const trackingNumber of closed) if (isReceivedInBudget(budget.rule, trackingNumber)) within += 1;
  return within;
}

/**
 * `docs` (whole complaints) less every document of a complaint received before the budget's
 * cutoff that its own events close (the view `closed`'s rule: shared/couch/stages-design-doc).
 */
function withoutClosedOutside(rule: BudgetOnDevice['rule'], docs: object[]): object[] {
  const closed = closedTrackingNumbers(docs);
  return docs.filter((doc) => {
    const trackingNumber = trackingNumberOfDocId((doc as { _id?: string })._id ?? '');
    return trackingNumber === null || !closed.has(trackingNumber) || isReceivedInBudget(rule, trackingNumber);
  });
}

/** The ids of the unit's own documents on the central (`_all_docs` per prefix). */
async function unitDocumentIds(request: RemoteRequest, signal: AbortSignal | undefined): Promise<string[]> {
  const ids = [...UNIT_DOCUMENT_IDS];
  for (const prefix of UNIT_DOCUMENT_PREFIXES) {
    const query = new URLSearchParams({
      startkey: JSON.stringify(prefix),
      endkey: JSON.stringify(`${prefix}\ufff0`),
    });
    const body = await getJson(request, `_all_docs?${query.toString()}`, signal);
    const rows = Array.isArray(body.rows) ? (body.rows as { id?: unknown }[]) : [];
    for (const row of rows) if (typeof row.id === 'string') ids.push(row.id);
  }
  return ids;
}

/**
 * Writes the pages `fetchNext` gives with `write`, fetching page n+1 while page n is written.
 * `fetchNext` is called again only once its previous call has resolved.
 */
async function pipelined<P>(
  fetchNext: () => Promise<P | null>,
  write: (page: P) => Promise<void>,
  signal: AbortSignal | undefined,
  timings: DownloadStageTimings,
): Promise<void> {
  let next = fetchNext();
  // A failure surfaces when it is awaited; not as an unhandled rejection before that.
  next.catch(() => undefined);
  for (;;) {
    const waitStart = performance.now();
    const page = await next;
    timings.fetchWaitMs += performance.now() - waitStart;
    if (page === null) return;
    signal?.throwIfAborted();
    next = fetchNext();
    next.catch(() => undefined);
    await write(page);
  }
}

const noTimings = (): DownloadStageTimings => ({
  pages: 0,
  docs: 0,
  stageMs: 0,
  fetchWaitMs: 0,
  writeMs: 0,
  checkpointMs: 0,
  fetch: noFetchParts(),
});

/** Downloads every document of the remote database into `target` (see the file comment). */
export async function initialDownload(options: InitialDownloadOptions): Promise<InitialDownloadResult> {
  const { request, target, batchSize, signal, onBatch } = options;
  let checkpoint: InitialDownloadCheckpoint =
    options.resumeFrom ??
    stageStart({ since: (await databaseInfo(request, signal)).updateSeq, docsWritten: 0 }, 'unit');
  let missing = 0;
  const timings: Partial<Record<FirstSyncStage, DownloadStageTimings>> = {};
  /** The timings of `stage`, its clock started when first asked for. */
  const stageTimings = (stage: FirstSyncStage): DownloadStageTimings => {
    const found = timings[stage];
    if (found) return found;
    const started = { ...noTimings(), stageMs: -performance.now() };
    timings[stage] = started;
    return started;
  };
  const stageEnded = (stage: FirstSyncStage): void => {
    const ended = stageTimings(stage);
    ended.stageMs += performance.now();
    options.onStageEnd?.(stage, { ...ended, fetch: { ...ended.fetch } });
  };

  /** Writes `docs`, then moves the checkpoint by `move` and reports the batch with `progress`. */
  const written = async (
    docs: object[],
    move: Partial<InitialDownloadCheckpoint>,
    progress: () => DownloadStageProgress,
  ): Promise<void> => {
    const spent = stageTimings(checkpoint.stage);
    const writeStart = performance.now();
    if (docs.length > 0) {
      assertBulkWritten(
        await target.bulkDocs(docs, { new_edits: false }),
        `(${checkpoint.docsWritten} written before)`,
      );
      spent.pages += 1;
      spent.docs += docs.length;
    }
    const checkpointStart = performance.now();
    spent.writeMs += checkpointStart - writeStart;
    signal?.throwIfAborted();
    checkpoint = {
      ...checkpoint,
      ...move,
      docsWritten: checkpoint.docsWritten + docs.length,
      stageDocs: checkpoint.stageDocs + docs.length,
    };
    await onBatch?.({ docs: docs.map(idAndRev), checkpoint, stage: progress() });
    spent.checkpointMs += performance.now() - checkpointStart;
  };
  const atLeastDone = (total: number | null): number | null =>
    total === null ? null : Math.max(total, checkpoint.stageDocs);

  if (checkpoint.stage === 'unit') {
    stageTimings('unit');
    const ids = await unitDocumentIds(request, signal);
    const progress = (): DownloadStageProgress => ({
      stage: 'unit',
      docsDone: checkpoint.stageDocs,
      docsTotal: atLeastDone(ids.length),
    });
    await onBatch?.({ docs: [], checkpoint, stage: progress() });
    const fetched = await bulkGet(
      request,
      ids.map((id) => ({ id })),
      signal,
    );
    // The unit's own documents not there yet are simply not found.
    const unitDocs = fetched.docs.length;
    await written(fetched.docs, {}, () => ({ ...progress(), docsTotal: unitDocs }));
    stageEnded('unit');
    checkpoint = stageStart(checkpoint, 'open');
  }

  /** The complaints the central counted as closed when stage `open` started (this run's). */
  let closedAtOpen: ReadonlySet<string> | null = null;
  if (checkpoint.stage === 'open') {
    stageTimings('open');
    // With a budget, a complaint outside it is written only if it is open by its own events: the
    // view may count a closed one as open (an index behind or not built yet), which would
    // otherwise put it on the device for good.
    const openBudget = (await options.budget?.()) ?? null;
    const { closed, complaints } = await closedComplaints(request, signal);
    closedAtOpen = closed;
    const open = complaints === null ? null : Math.max(0, complaints - closed.size);
    const progress = (): DownloadStageProgress => {
      const { stageDocs, stageComplaints } = checkpoint;
      const estimate =
        open === null || stageComplaints === 0 ? null : Math.round((open * stageDocs) / stageComplaints);
      return { stage: 'open', docsDone: stageDocs, docsTotal: atLeastDone(estimate) };
    };
    await onBatch?.({ docs: [], checkpoint, stage: progress() });
    const pages = complaintPages({
      request,
      batchSize,
      signal,
      skip: (trackingNumber) => closed.has(trackingNumber),
      after: checkpoint.complaintsAfter,
      parts: stageTimings('open').fetch,
    });
    await pipelined(
      pages,
      async (page) => {
        missing += page.missing;
        const stageComplaints = checkpoint.stageComplaints + page.complaints;
        const docs = openBudget === null ? page.docs : withoutClosedOutside(openBudget.rule, page.docs);
        await written(docs, { complaintsAfter: page.cursor, stageComplaints }, progress);
      },
      signal,
      stageTimings('open'),
    );
    stageEnded('open');
    checkpoint = stageStart(checkpoint, 'history');
  }

  stageTimings('history');
  const budget = (await options.budget?.()) ?? null;
  const info = await databaseInfo(request, signal);
  const writtenBefore = checkpoint.docsWritten - checkpoint.stageDocs;
  // With a budget: the closed complaints received within it, times the documents per complaint
  // (the view read again after a restart).
  const budgeted =
    budget === null
      ? null
      : closedWithin(budget, closedAtOpen ?? (await closedComplaints(request, signal)).closed);
  let perComplaint = FIRST_GUESS_DOCS_PER_COMPLAINT;
  const progress = (): DownloadStageProgress => ({
    stage: 'history',
    docsDone: checkpoint.stageDocs,
    docsTotal: atLeastDone(
      budgeted === null
        ? info.docCount + info.docDelCount - writtenBefore
        : Math.round(budgeted * perComplaint),
    ),
  });
  await onBatch?.({ docs: [], checkpoint, stage: progress() });
  if (checkpoint.sweepSeq === null) {
    // Stage `history` takes every complaint not on the device yet, not "those the view counts
    // closed": after a restart the view is read again, and an index behind (a central killed
    // before it stored its index) or a complaint reopened since would name as open a complaint
    // stage `open` left out as closed. Neither stage would then take it, and the sweep would bring
    // its documents a page of the changes feed at a time: on the device in part in between.
    const held = await complaintsOnDevice(target);
    const pages = complaintPages({
      request,
      batchSize,
      signal,
      skip: (trackingNumber) =>
        held.has(trackingNumber) || (budget !== null && !isReceivedInBudget(budget.rule, trackingNumber)),
      after: checkpoint.complaintsAfter,
      parts: stageTimings('history').fetch,
    });
    await pipelined(
      pages,
      async (page) => {
        missing += page.missing;
        const stageComplaints = checkpoint.stageComplaints + page.complaints;
        if (stageComplaints > 0) perComplaint = (checkpoint.stageDocs + page.docs.length) / stageComplaints;
        await written(page.docs, { complaintsAfter: page.cursor, stageComplaints }, progress);
      },
      signal,
      stageTimings('history'),
    );
    // The sweep starts: stored, so that a resume does not list the complaints again.
    await written([], { complaintsAfter: null, sweepSeq: 0 }, progress);
  }
  // With a budget, the sweep leaves out the documents of complaints outside it that are not here.
  const keep =
    budget === null
      ? undefined
      : (id: string): boolean =>
          isDocInBudget(budget.rule, id) || budget.held.has(trackingNumberOfDocId(id) ?? '');
  await pipelined(
    sweepPages({
      request,
      target,
      batchSize,
      signal,
      since: checkpoint.sweepSeq ?? 0,
      ...(keep ? { keep } : {}),
      parts: stageTimings('history').fetch,
    }),
    async (page) => {
      missing += page.missing;
      await written(page.docs, { sweepSeq: page.seq }, progress);
    },
    signal,
    stageTimings('history'),
  );
  stageEnded('history');
  return { ...checkpoint, missing, timings };
}
