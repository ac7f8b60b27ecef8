/**
 * The staged first download against a central made of a memory PouchDB behind CouchDB's protocol
 * (the real server is test/integration/staged-download.test.ts): the stages in order, each
 * announced when it starts; open complaints first, newest first, each whole in one write; the
 * closed ones and every other revision (a conflict, a deleted reporter, a packet draft) after; no
 * complaint on the device without all its events at any checkpoint; batch n+1 fetched while batch
 * n is written; a resume from any checkpoint ends equal to the central, fetching at most the batch
 * in flight again, also into stage `history` after the central lost its view's index; a central
 * without the stages view (every complaint counts as open); with a
 * device budget, the closed complaints received before its cutoff left out entirely, the old open
 * ones whole with their later revisions, and the history's total the complaints it takes.
 */
import { closedTrackingNumbers } from '../../../shared/couch/stages-design-doc';
import type PouchDB from 'pouchdb-core';
import { describe, expect, it } from 'vitest';
import { CLOSED_MAP, STAGES_DESIGN_NAME } from '../../../shared/couch/stages-design-doc';
import { viewMap } from '../../../shared/couch/view-map.fixtures';
import { COMPLAINT_ID_PREFIX, HIGH_SENTINEL } from '../../../shared/ids/document-ids';
import { trackingNumberOfDocId } from '../../../shared/sync/device-budget';
import { FIRST_SYNC_STAGES, type FirstSyncStage } from '../../../shared/sync/sync-status';
import { memoryDatabase } from '../../../test/support/memory-database';
import { stagedUnit, type StagedUnit } from '../../../test/support/staged-unit';
import { putAll } from '../../../test/support/unit-writes';
import { heldOutsideBudget } from './budget-on-device';
import {
  downloadCheckpointSchema,
  initialDownload,
  type DownloadedBatch,
  type InitialDownloadCheckpoint,
  type InitialDownloadTarget,
  type RemoteRequest,
  type DownloadStageTimings,
} from './initial-download';

/** The stages view: up to date, behind the database (before the first reopen), never built, or none. */
type ViewState = 'fresh' | 'behind' | 'never built' | 'missing';

/** A central: `db` answering CouchDB's requests as the download sends them; `log` says what happened. */
function centralOf(db: PouchDB.Database, view: ViewState, log: string[]) {
  let fetched = 0;
  /** The `closed` view's rows over the documents up to `upTo` (a sequence), and that sequence. */
  const closedView = async (): Promise<{ rows: { key: string; value: number }[]; update_seq: number }> => {
    const { results } = await db.changes({ include_docs: true });
    const reopenedAt = results.find(
      (row) => (row.doc as { kind?: string } | undefined)?.kind === 'reopen',
    )?.seq;
    const upTo =
      view === 'behind' && typeof reopenedAt === 'number' ? reopenedAt - 1 : Number.POSITIVE_INFINITY;
    const sums = new Map<string, number>();
    const map = viewMap(CLOSED_MAP, (key, value) => {
      sums.set(key as string, (sums.get(key as string) ?? 0) + (value as number));
    });
    for (const row of results) if (row.doc && Number(row.seq) <= upTo) map(row.doc);
    const rows = [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => ({ key, value }));
    return { rows, update_seq: Math.min(upTo, Number((await db.info()).update_seq)) };
  };
  const answer = async (route: string, url: URL, body: Record<string, unknown>): Promise<unknown> => {
    const param = (name: string): unknown => {
      const value = url.searchParams.get(name);
      return value === null ? undefined : JSON.parse(value);
    };
    if (route === '') {
      const info = await db.info();
      return { update_seq: info.update_seq, doc_count: info.doc_count, doc_del_count: 0 };
    }
    if (route === '_all_docs' && body.keys) return db.allDocs({ keys: body.keys as string[] });
    if (route === '_all_docs') {
      const limit = url.searchParams.get('limit');
      return db.allDocs({
        startkey: param('startkey') as string,
        endkey: param('endkey') as string,
        descending: url.searchParams.get('descending') === 'true',
        ...(limit === null ? {} : { limit: Number(limit) }),
      });
    }
    if (route === '_all_docs/queries') {
      const queries = body.queries as ({ keys: string[] } | { startkey: string; endkey: string })[];
      return {
        results: await Promise.all(
          queries.map((query) =>
            'keys' in query ? db.allDocs({ keys: query.keys }) : db.allDocs({ ...query }),
          ),
        ),
      };
    }
    if (route === '_bulk_get') {
      const docs = body.docs as { id: string; rev?: string }[];
      fetched += docs.length;
      log.push(`bulk_get ${docs[0]?.id ?? ''}`);
      // `latest` is CouchDB's; PouchDB's bulkGet takes it too (not in its types).
      return db.bulkGet({ docs, revs: true, attachments: true, latest: true } as PouchDB.Core.BulkGetOptions);
    }
    if (route === '_changes') {
      const changes = await db.changes({
        since: Number(url.searchParams.get('since')),
        limit: Number(url.searchParams.get('limit')),
        style: 'all_docs',
      });
      return { results: changes.results, last_seq: changes.last_seq };
    }
    if (route.startsWith(`_design/${STAGES_DESIGN_NAME}/_view/`)) {
      if (view === 'missing') return null;
      if (view === 'never built') return { rows: [] };
      if (route.endsWith('/closed')) return closedView();
      const { rows } = await db.allDocs({
        startkey: COMPLAINT_ID_PREFIX,
        endkey: `${COMPLAINT_ID_PREFIX}${HIGH_SENTINEL}`,
      });
      return { rows: [{ key: null, value: rows.length }] };
    }
    throw new Error(`unexpected ${route}`);
  };
  const request: RemoteRequest = async (path, init) => {
    init?.signal?.throwIfAborted();
    const url = new URL(path, 'http://central.test/db/');
    const route = url.pathname.slice('/db/'.length);
    log.push(`request ${route}`);
    const body = (typeof init?.body === 'string' ? JSON.parse(init.body) : {}) as Record<string, unknown>;
    const result = await answer(route, url, body);
    if (result === null)
      return new Response(JSON.stringify({ error: 'not_found', reason: 'missing' }), { status: 404 });
    return new Response(JSON.stringify(result), { status: 200 });
  };
  return { request, fetched: () => fetched };
}

/** The unit of `count` complaints on a memory central, then a reporter in conflict and one deleted. */
async function centralWith(count: number): Promise<{ db: PouchDB.Database; unit: StagedUnit }> {
  const db = memoryDatabase();
  const unit = stagedUnit('KBM', count);
  await putAll(db, unit.docs);
  await db.bulkDocs([unit.conflict.sibling()], { new_edits: false });
  const deleted = await db.get(unit.deletedReporterId);
  await db.remove(deleted);
  return { db, unit };
}

/** Every document's leaf revisions (deleted ones too), and its files' digests. */
async function leavesOf(db: PouchDB.Database): Promise<Map<string, string>> {
  const { results } = await db.changes({ style: 'all_docs', include_docs: true });
  return new Map(
    results.map((row) => {
      const files = (row.doc as { _attachments?: Record<string, { digest?: string }> } | undefined)
        ?._attachments;
      const digests = Object.values(files ?? {}).map((file) => file.digest);
      return [row.id, JSON.stringify([row.changes.map((change) => change.rev).sort(), digests])];
    }),
  );
}

/**
 * The device: a memory database whose writes are logged; with `untilNextFetch`, each lasts until
 * the next batch is asked for (the server logs to the same `log`), or half a second.
 */
function deviceOf(
  log: string[],
  untilNextFetch = false,
): { db: PouchDB.Database; target: InitialDownloadTarget } {
  const db = memoryDatabase();
  return {
    db,
    target: {
      revsDiff: (diff) => db.revsDiff(diff),
      allDocs: (options) => ('keys' in options ? db.allDocs(options) : db.allDocs(options)),
      bulkDocs: async (docs, options) => {
        const first = (docs[0] as { _id?: string } | undefined)?._id ?? '';
        const from = log.push(`write ${first}`);
        const until = untilNextFetch ? Date.now() + 500 : 0;
        while (Date.now() < until && !log.slice(from).some((line) => line.startsWith('bulk_get '))) {
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        const result = await db.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], options);
        log.push(`written ${first}`);
        return result;
      },
    },
  };
}

/** Complaints on `db` that lack one of their events or their (live or deleted) reporter. */
async function halfComplaints(db: PouchDB.Database, unit: StagedUnit): Promise<string[]> {
  const held = new Set((await db.changes({ style: 'all_docs' })).results.map((row) => row.id));
  return unit.complaints
    .filter((complaint) => held.has(complaint.id))
    .filter(
      (complaint) =>
        complaint.events.some((id) => !held.has(id)) ||
        (complaint.reporter !== null && !held.has(complaint.reporter)),
    )
    .map((complaint) => complaint.id);
}

/**
 * The central's leaves a device with a budget whose cutoff is after every complaint holds: the
 * documents of the open complaints and every document that is no complaint's.
 */
async function openOnlyLeaves(central: PouchDB.Database, unit: StagedUnit): Promise<Map<string, string>> {
  const openNumbers = new Set(
    unit.complaints.filter((complaint) => complaint.open).map((complaint) => complaint.trackingNumber),
  );
  return new Map(
    [...(await leavesOf(central))].filter(([id]) => {
      const trackingNumber = trackingNumberOfDocId(id);
      return trackingNumber === null || openNumbers.has(trackingNumber);
    }),
  );
}

describe('initialDownload', () => {
  it('downloads the unit, then the open complaints newest first and whole, then the rest, equal to the central', async () => {
    const { db: central, unit } = await centralWith(36);
    const log: string[] = [];
    const server = centralOf(central, 'fresh', log);
    const device = deviceOf(log, true);
    const batches: DownloadedBatch[] = [];
    const halves: string[] = [];
    const ended: [FirstSyncStage, DownloadStageTimings, number][] = [];
    const result = await initialDownload({
      request: server.request,
      target: device.target,
      batchSize: 20,
      onBatch: async (batch) => {
        batches.push(batch);
        halves.push(...(await halfComplaints(device.db, unit)));
      },
      onStageEnd: (stage, timings) => ended.push([stage, timings, batches.length]),
    });
    // Stages in order, each announced by an empty batch when it starts.
    const stages = batches.map((batch) => batch.stage.stage);
    expect(stages).toEqual(
      [...stages].sort((a, b) => FIRST_SYNC_STAGES.indexOf(a) - FIRST_SYNC_STAGES.indexOf(b)),
    );
    for (const stage of FIRST_SYNC_STAGES) {
      expect(batches.find((batch) => batch.stage.stage === stage)?.docs).toEqual([]);
    }
    const inStage = (stage: string): string[] =>
      batches
        .filter((batch) => batch.stage.stage === stage)
        .flatMap((batch) => batch.docs.map((doc) => doc.id));
    expect(inStage('unit')).toEqual(['unit-profile', 'unit-settings', 'unit-offices']);
    // Stage open: every open complaint, newest first, none closed; each batch whole complaints.
    const openIds = unit.complaints.filter((complaint) => complaint.open).map((complaint) => complaint.id);
    expect(inStage('open').filter((id) => id.startsWith(COMPLAINT_ID_PREFIX))).toEqual(
      [...openIds].reverse(),
    );
    for (const batch of batches) {
      const ids = new Set(batch.docs.map((doc) => doc.id));
      for (const complaint of unit.complaints.filter((each) => ids.has(each.id))) {
        expect(complaint.events.every((id) => ids.has(id))).toBe(true);
        if (complaint.reporter !== null) expect(ids.has(complaint.reporter)).toBe(true);
      }
    }
    // Never a complaint on the device without its events or reporter, at any checkpoint.
    expect(halves).toEqual([]);
    // The closed ones come with the history, and the device ends equal to the central.
    expect(inStage('history')).toEqual(
      expect.arrayContaining(
        unit.complaints.filter((complaint) => !complaint.open).map((complaint) => complaint.id),
      ),
    );
    expect(await leavesOf(device.db)).toEqual(await leavesOf(central));
    expect((await device.db.get(unit.conflict.reporterId, { conflicts: true }))._conflicts).toHaveLength(1);
    expect(result.stage).toBe('history');
    expect(result.docsWritten).toBe(batches.reduce((sum, batch) => sum + batch.docs.length, 0));
    expect(result.missing).toBe(0);
    // Each revision fetched once.
    expect(server.fetched()).toBe(result.docsWritten);
    // The next batch was asked for while each batch was written (all but the last of each pass,
    // and those followed by a page with nothing to fetch).
    const writes = log.filter((line) => line.startsWith('write '));
    const overlapped = writes.filter((line) => {
      const at = log.indexOf(line);
      const end = log.indexOf(`written ${line.slice('write '.length)}`, at);
      return log.slice(at, end).some((entry) => entry.startsWith('bulk_get '));
    });
    expect(writes.length).toBeGreaterThan(8);
    expect(overlapped.length).toBeGreaterThanOrEqual(writes.length - 4);
    // Where each stage's time went: its documents and pages counted, each part of it measured.
    for (const stage of FIRST_SYNC_STAGES) {
      const timings = result.timings[stage];
      expect(timings?.docs).toBe(inStage(stage).length);
      expect(timings?.pages).toBe(batches.filter((b) => b.stage.stage === stage && b.docs.length > 0).length);
      expect(timings?.writeMs).toBeGreaterThan(0);
      expect(timings?.stageMs).toBeGreaterThanOrEqual((timings?.writeMs ?? 0) + (timings?.checkpointMs ?? 0));
    }
    expect(result.timings.open?.fetch.list).toBeGreaterThan(0);
    expect(result.timings.open?.fetch.related).toBeGreaterThan(0);
    expect(result.timings.history?.fetch.bulkGet).toBeGreaterThan(0);
    expect(result.timings.history?.fetch.localDiff).toBeGreaterThan(0);
    // Each stage's account is heard as it ends (before the next stage's first batch), as returned.
    expect(ended.map(([stage]) => stage)).toEqual([...FIRST_SYNC_STAGES]);
    for (const [stage, timings, batchesBefore] of ended) {
      expect(timings).toEqual(result.timings[stage]);
      expect(batches.slice(batchesBefore).every((batch) => batch.stage.stage !== stage)).toBe(true);
    }
  }, 60_000);

  it('reports each stage’s progress: documents done, rising, and an estimated total', async () => {
    const { db: central } = await centralWith(24);
    const server = centralOf(central, 'fresh', []);
    const batches: DownloadedBatch[] = [];
    await initialDownload({
      request: server.request,
      target: deviceOf([]).target,
      batchSize: 16,
      onBatch: (batch) => void batches.push(batch),
    });
    for (const stage of FIRST_SYNC_STAGES) {
      const progress = batches.filter((batch) => batch.stage.stage === stage).map((batch) => batch.stage);
      const done = progress.map((step) => step.docsDone);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      for (const step of progress) {
        if (step.docsTotal !== null) expect(step.docsTotal).toBeGreaterThanOrEqual(step.docsDone);
      }
      expect(progress.at(-1)?.docsTotal, stage).not.toBeNull();
    }
    // Stage open's estimate: open complaints times documents per complaint so far.
    const open = batches.filter((batch) => batch.stage.stage === 'open' && batch.docs.length > 0);
    const last = open.at(-1)?.stage;
    expect(last?.docsTotal).toBe(last?.docsDone);
  });

  it('resumes from any checkpoint: ends equal to the central, fetching at most the batch in flight again', async () => {
    const { db: central, unit } = await centralWith(30);
    const full = centralOf(central, 'fresh', []);
    let batchesInAll = 0;
    let largest = 0;
    const total = await initialDownload({
      request: full.request,
      target: deviceOf([]).target,
      batchSize: 12,
      onBatch: (batch) => {
        batchesInAll += 1;
        largest = Math.max(largest, batch.docs.length);
      },
    });
    const expected = await leavesOf(central);
    for (let stopAt = 1; stopAt < batchesInAll; stopAt += 4) {
      const server = centralOf(central, 'fresh', []);
      const device = deviceOf([]);
      const controller = new AbortController();
      let stored: InitialDownloadCheckpoint | null = null;
      let seen = 0;
      await expect(
        initialDownload({
          request: server.request,
          target: device.target,
          batchSize: 12,
          signal: controller.signal,
          onBatch: ({ checkpoint }) => {
            // As the sync journal keeps it: JSON, read back through the schema.
            stored = downloadCheckpointSchema.parse(JSON.parse(JSON.stringify(checkpoint)));
            seen += 1;
            if (seen === stopAt) controller.abort(new Error('closed'));
          },
        }),
      ).rejects.toThrow('closed');
      expect(await halfComplaints(device.db, unit)).toEqual([]);
      const result = await initialDownload({
        request: server.request,
        target: device.target,
        batchSize: 12,
        resumeFrom: stored,
        onBatch: async () => {
          expect(await halfComplaints(device.db, unit)).toEqual([]);
        },
      });
      expect(await leavesOf(device.db), `stopped at batch ${stopAt}`).toEqual(expected);
      expect(result.since).toBe(total.since);
      expect(server.fetched()).toBeLessThanOrEqual(total.docsWritten + largest);
    }
  }, 120_000);

  it('resumed in stage history after the central lost its view’s index, still takes each closed complaint whole', async () => {
    const { db: central, unit } = await centralWith(30);
    const device = deviceOf([]);
    const controller = new AbortController();
    let stored: InitialDownloadCheckpoint | null = null;
    await expect(
      initialDownload({
        request: centralOf(central, 'fresh', []).request,
        target: device.target,
        batchSize: 12,
        signal: controller.signal,
        onBatch: ({ checkpoint, stage }) => {
          stored = checkpoint;
          if (stage.stage === 'history') controller.abort(new Error('closed'));
        },
      }),
    ).rejects.toThrow('closed');
    expect(stored).toMatchObject({ stage: 'history', complaintsAfter: null });
    // The central restarted and rebuilds the view: it names no complaint closed, so every one
    // stage `open` left out as closed now looks open. Small pages: the sweep would split them.
    const halves: string[] = [];
    await initialDownload({
      request: centralOf(central, 'never built', []).request,
      target: device.target,
      batchSize: 3,
      resumeFrom: stored,
      onBatch: async (batch) => {
        halves.push(...(await halfComplaints(device.db, unit)));
        if (batch.docs.length > 0 && batch.checkpoint.sweepSeq === null) {
          expect(batch.docs.some((doc) => doc.id.startsWith(COMPLAINT_ID_PREFIX))).toBe(true);
        }
      },
    });
    expect(halves).toEqual([]);
    expect(await leavesOf(device.db)).toEqual(await leavesOf(central));
  }, 60_000);

  it('takes a complaint reopened after the view’s last update as open, not closed', async () => {
    const { db: central, unit } = await centralWith(18);
    const server = centralOf(central, 'behind', []);
    const batches: DownloadedBatch[] = [];
    await initialDownload({
      request: server.request,
      target: deviceOf([]).target,
      batchSize: 10,
      onBatch: (batch) => void batches.push(batch),
    });
    const inOpen = new Set(
      batches
        .filter((batch) => batch.stage.stage === 'open')
        .flatMap((batch) => batch.docs.map((doc) => doc.id)),
    );
    const open = unit.complaints.filter((complaint) => complaint.open);
    expect(open.filter((complaint) => !inOpen.has(complaint.id))).toEqual([]);
    // The view is used still: a complaint closed before its sequence (the third, closed before the
    // fourth was reopened) is left for the history; those changed since come first.
    expect(unit.complaints[2]?.open).toBe(false);
    expect(inOpen.has(unit.complaints[2]?.id ?? '')).toBe(false);
  });

  it.each(['missing', 'never built'] as const)(
    'takes every complaint as open when the stages view is %s',
    async (view) => {
      const { db: central, unit } = await centralWith(18);
      const server = centralOf(central, view, []);
      const device = deviceOf([]);
      const batches: DownloadedBatch[] = [];
      await initialDownload({
        request: server.request,
        target: device.target,
        batchSize: 10,
        onBatch: (batch) => void batches.push(batch),
      });
      const open = batches.filter((batch) => batch.stage.stage === 'open');
      const complaintIds = open.flatMap((batch) =>
        batch.docs.map((doc) => doc.id).filter((id) => id.startsWith(COMPLAINT_ID_PREFIX)),
      );
      expect(complaintIds).toEqual(unit.complaints.map((complaint) => complaint.id).reverse());
      expect(open.every((batch) => batch.stage.docsTotal === null)).toBe(true);
      expect(await leavesOf(device.db)).toEqual(await leavesOf(central));
    },
  );

  it('with a budget: leaves out the closed complaints received before its cutoff, keeps the open ones whole', async () => {
    const { db: central, unit } = await centralWith(24);
    const server = centralOf(central, 'fresh', []);
    const device = deviceOf([]);
    // Every complaint of the staged unit was received on 23 November 2026: all before this cutoff.
    const rule = { months: 1, cutoff: '2026-11-24' };
    const batches: DownloadedBatch[] = [];
    await initialDownload({
      request: server.request,
      target: device.target,
      batchSize: 16,
      onBatch: (batch) => void batches.push(batch),
      budget: async () => ({ rule, held: await heldOutsideBudget(device.db, rule) }),
    });
    const expected = await openOnlyLeaves(central, unit);
    expect(await leavesOf(device.db)).toEqual(expected);
    expect(expected.size).toBeLessThan((await leavesOf(central)).size);
    // The open complaint whose reporter was deleted afterwards: the deletion came with the sweep.
    await expect(device.db.get(unit.deletedReporterId)).rejects.toMatchObject({
      status: 404,
      reason: 'deleted',
    });
    // The history took no complaint: its total is what it wrote (the sweep's), not the central's size.
    const history = batches.filter((batch) => batch.stage.stage === 'history').map((batch) => batch.stage);
    expect(history.at(-1)?.docsTotal).toBe(history.at(-1)?.docsDone);
    expect(history[0]?.docsTotal).toBe(0);
  });

  it.each(['missing', 'never built', 'behind'] as const)(
    'with a budget and the stages view %s: still no closed complaint from before the cutoff',
    async (view) => {
      const { db: central, unit } = await centralWith(24);
      const server = centralOf(central, view, []);
      const device = deviceOf([]);
      const rule = { months: 1, cutoff: '2026-11-24' };
      await initialDownload({
        request: server.request,
        target: device.target,
        batchSize: 16,
        budget: async () => ({ rule, held: await heldOutsideBudget(device.db, rule) }),
      });
      // Every complaint counted as open by the view, but each one's own events decide.
      expect(await leavesOf(device.db)).toEqual(await openOnlyLeaves(central, unit));
    },
  );
});

describe('closedTrackingNumbers', () => {
  it('is the view closed over documents in hand: ends count up, reopens down', () => {
    const event = (trackingNumber: string, kind: string) => ({ type: 'event', trackingNumber, kind });
    expect(
      closedTrackingNumbers([
        event('A', 'received'),
        event('A', 'close'),
        event('B', 'close'),
        event('B', 'reopen'),
        event('C', 'archive'),
        event('D', 'not-our-authority'),
        { type: 'complaint', trackingNumber: 'E', kind: 'close' },
      ]),
    ).toEqual(new Set(['A', 'C', 'D']));
  });
});
