/**
 * The pipelined first download against a scripted server (the real protocol on CouchDB 3.5 is
 * test/integration/sync-initial-download.test.ts): batch n+1 is fetched while batch n is written,
 * the update sequence is noted before the first page, a checkpoint follows every written batch, a
 * resume starts from it, and an abort stops the download.
 */
import { describe, expect, it } from 'vitest';
import { initialDownload, type InitialDownloadCheckpoint, type RemoteRequest } from './initial-download';

type Doc = Readonly<{ _id: string; _rev: string }>;

/**
 * A server of `count` documents (then `more`, at the end of its changes feed) with numeric
 * sequences; `log` records what happened in order.
 */
function scriptedServer(count: number, log: string[], more: readonly string[] = []) {
  const docs: Doc[] = [
    ...Array.from({ length: count }, (_, index) => `doc-${String(index).padStart(4, '0')}`),
    ...more,
  ].map((id, index) => ({ _id: id, _rev: `1-${index}` }));
  let updateSeq = docs.length;
  const fetchedIds: string[] = [];
  const request: RemoteRequest = (path, init) => {
    init?.signal?.throwIfAborted();
    const url = new URL(path, 'http://central.test/db/');
    let body: unknown;
    if (url.pathname === '/db/') {
      log.push('info');
      body = { update_seq: updateSeq };
    } else if (url.pathname === '/db/_changes') {
      const since = Number(url.searchParams.get('since'));
      const limit = Number(url.searchParams.get('limit'));
      const rows = docs.slice(since, since + limit);
      log.push(`changes ${since}`);
      body = {
        results: rows.map((doc, index) => ({
          id: doc._id,
          seq: since + index + 1,
          changes: [{ rev: doc._rev }],
        })),
        last_seq: since + rows.length,
        pending: Math.max(0, docs.length - since - rows.length),
      };
    } else if (url.pathname === '/db/_all_docs') {
      const start = JSON.parse(url.searchParams.get('startkey') ?? '""') as string;
      const end = JSON.parse(url.searchParams.get('endkey') ?? '""') as string;
      body = {
        rows: docs.filter((doc) => doc._id >= start && doc._id <= end).map((doc) => ({ id: doc._id })),
      };
    } else if (url.pathname === '/db/_bulk_get') {
      const wanted = (JSON.parse(init?.body as string) as { docs: { id: string }[] }).docs;
      const found = wanted.flatMap((want) => docs.filter((doc) => doc._id === want.id));
      if (found.length > 0) log.push(`bulk_get ${found[0]?._id ?? ''}`);
      fetchedIds.push(...found.map((doc) => doc._id));
      body = {
        results: wanted.map((want) => {
          const doc = docs.find((candidate) => candidate._id === want.id);
          return {
            id: want.id,
            docs: [
              doc
                ? { ok: { ...doc, _revisions: { start: 1, ids: ['x'] } } }
                : { error: { error: 'not_found' } },
            ],
          };
        }),
      };
    } else throw new Error(`unexpected ${path}`);
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };
  return {
    request,
    fetchedIds,
    grow: () => {
      updateSeq += 1;
    },
  };
}

/** A target that records each write's start and end. */
function recordingTarget(log: string[]) {
  const written: Doc[] = [];
  return {
    written,
    target: {
      bulkDocs: async (docs: object[]) => {
        const first = (docs[0] as Doc | undefined)?._id ?? '';
        log.push(`write ${first}`);
        // The write takes a while: the next batch's requests run meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 0));
        await new Promise((resolve) => setTimeout(resolve, 0));
        written.push(...(docs as Doc[]));
        log.push(`written ${first}`);
        return [];
      },
    },
  };
}

describe('initialDownload', () => {
  it('notes the update sequence first, and fetches batch n+1 while batch n is written', async () => {
    const log: string[] = [];
    const server = scriptedServer(25, log);
    const { target, written } = recordingTarget(log);
    const checkpoints: InitialDownloadCheckpoint[] = [];
    const result = await initialDownload({
      request: server.request,
      target,
      batchSize: 10,
      onBatch: ({ checkpoint }) => {
        checkpoints.push(checkpoint);
      },
    });
    expect(log[0]).toBe('info');
    expect(written.map((doc) => doc._id)).toEqual(server.fetchedIds);
    expect(written).toHaveLength(25);
    // The second batch was asked for before the first was written.
    expect(log.indexOf('bulk_get doc-0010')).toBeLessThan(log.indexOf('written doc-0000'));
    expect(log.indexOf('bulk_get doc-0020')).toBeLessThan(log.indexOf('written doc-0010'));
    expect(checkpoints).toEqual([
      { since: 25, changesSeq: 10, docsWritten: 10 },
      { since: 25, changesSeq: 20, docsWritten: 20 },
      { since: 25, changesSeq: 25, docsWritten: 25 },
    ]);
    expect(result).toEqual({ since: 25, changesSeq: 25, docsWritten: 25, missing: 0 });
  });

  it('fetches the unit’s own documents first, and not again from the changes feed', async () => {
    const log: string[] = [];
    const server = scriptedServer(12, log, ['officer:rina', 'unit-settings']);
    const { target, written } = recordingTarget(log);
    const result = await initialDownload({ request: server.request, target, batchSize: 10 });
    expect(written.slice(0, 2).map((doc) => doc._id)).toEqual(['unit-settings', 'officer:rina']);
    expect(server.fetchedIds.filter((id) => id === 'unit-settings')).toHaveLength(1);
    expect(written).toHaveLength(14);
    expect(result).toEqual({ since: 14, changesSeq: 14, docsWritten: 14, missing: 0 });
  });

  it('resumes from a checkpoint: the noted sequence kept, nothing before it fetched again', async () => {
    const log: string[] = [];
    const server = scriptedServer(25, log);
    server.grow();
    const { target, written } = recordingTarget(log);
    const result = await initialDownload({
      request: server.request,
      target,
      batchSize: 10,
      resumeFrom: { since: 25, changesSeq: 10, docsWritten: 10 },
    });
    expect(log).not.toContain('info');
    expect(server.fetchedIds[0]).toBe('doc-0010');
    expect(written).toHaveLength(15);
    expect(result).toEqual({ since: 25, changesSeq: 25, docsWritten: 25, missing: 0 });
  });

  it('stops when aborted, after the batch being written', async () => {
    const log: string[] = [];
    const server = scriptedServer(40, log);
    const { target, written } = recordingTarget(log);
    const controller = new AbortController();
    const checkpoints: InitialDownloadCheckpoint[] = [];
    await expect(
      initialDownload({
        request: server.request,
        target,
        batchSize: 10,
        signal: controller.signal,
        onBatch: ({ checkpoint }) => {
          checkpoints.push(checkpoint);
          controller.abort(new Error('closed'));
        },
      }),
    ).rejects.toThrow();
    expect(checkpoints).toEqual([{ since: 40, changesSeq: 10, docsWritten: 10 }]);
    // At most the batch fetched meanwhile was written without its checkpoint.
    expect(written.length).toBeLessThanOrEqual(20);
  });
});
