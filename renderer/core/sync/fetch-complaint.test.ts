/**
 * One complaint fetched on demand against a scripted central (the real protocol on CouchDB 3.5 is
 * test/integration/fetch-complaint.test.ts): the complaint is matched by its whole tracking number
 * among the ids of its local date and the day before, its events by their own range; every leaf
 * revision of the complaint, the events and the reporter (a conflicting branch and a tombstone
 * included) is asked for in one `_bulk_get` and written in one `bulkDocs` as replication writes;
 * an unknown number is `not-on-central`; a failed request, an error answer or a timeout is
 * `unreachable`, never thrown.
 */
import { describe, expect, it } from 'vitest';
import type { BulkResult } from '../../../shared/couch/pouch-toolkit';
import { fetchComplaint } from './fetch-complaint';
import type { DownloadTarget, RemoteRequest } from './initial-download';

const H = (n: number): string => n.toString(16).padStart(64, '0');
const TN = 'KBM-261123-X7Q-0001';
// Received 23 Nov 07:30 WIB: 22 Nov 00:30 UTC is the day before in the id.
const COMPLAINT = `complaint:2026-11-22T00:30:00.000Z:${TN}:${H(1)}`;
const EVENT = `event:${TN}:2026-11-22T00:30:00.000Z:X7Q:0000000001:${H(2)}`;
const LATER_EVENT = `event:${TN}:2026-11-24T02:00:00.000Z:N23:0000000004:${H(3)}`;
const REPORTER = `reporter:${TN}`;
/** Neighbours that must not be taken: a number that starts with TN, another device, another day. */
const NEIGHBOURS = [
  `complaint:2026-11-22T00:31:00.000Z:${TN}0:${H(4)}`,
  `complaint:2026-11-22T23:00:00.000Z:KBM-261123-X7R-0001:${H(5)}`,
  `complaint:2026-11-23T01:00:00.000Z:KBM-261123-X7Q-0002:${H(6)}`,
  `event:${TN}0:2026-11-22T00:31:00.000Z:X7Q:0000000009:${H(7)}`,
  `reporter:${TN}0`,
];

type Leaf = Readonly<{ rev: string; deleted?: boolean }>;

/** A central holding `docs` (id → leaf revisions), answering as CouchDB does; `log` names each request. */
function scriptedCentral(docs: ReadonlyMap<string, readonly Leaf[]>) {
  const log: string[] = [];
  const bulkGets: { id: string; rev: string }[][] = [];
  const request: RemoteRequest = (path, init) => {
    init?.signal?.throwIfAborted();
    const url = new URL(path, 'http://central.test/db/');
    let body: unknown;
    if (url.pathname === '/db/_all_docs') {
      const start = JSON.parse(url.searchParams.get('startkey') ?? '""') as string;
      const end = JSON.parse(url.searchParams.get('endkey') ?? '""') as string;
      log.push(`_all_docs ${start}`);
      const live = [...docs].filter(
        ([id, leaves]) => id >= start && id <= end && leaves.some((l) => !l.deleted),
      );
      body = { rows: live.sort().map(([id, leaves]) => ({ id, key: id, value: { rev: leaves[0]?.rev } })) };
    } else if (url.pathname === '/db/_changes') {
      expect(url.searchParams.get('filter')).toBe('_doc_ids');
      expect(url.searchParams.get('style')).toBe('all_docs');
      const ids = (JSON.parse(init?.body as string) as { doc_ids: string[] }).doc_ids;
      log.push(`_changes ${ids.join(' ')}`);
      body = {
        results: ids.flatMap((id, seq) => {
          const leaves = docs.get(id);
          return leaves ? [{ id, seq, changes: leaves.map(({ rev }) => ({ rev })) }] : [];
        }),
        last_seq: ids.length,
      };
    } else if (url.pathname === '/db/_bulk_get') {
      expect(Object.fromEntries(url.searchParams)).toEqual({
        revs: 'true',
        latest: 'true',
        attachments: 'true',
      });
      const wanted = (JSON.parse(init?.body as string) as { docs: { id: string; rev: string }[] }).docs;
      log.push('_bulk_get');
      bulkGets.push(wanted);
      body = {
        results: wanted.map(({ id, rev }) => {
          const leaf = docs.get(id)?.find((candidate) => candidate.rev === rev);
          return {
            id,
            docs: [
              leaf
                ? {
                    ok: {
                      _id: id,
                      _rev: rev,
                      ...(leaf.deleted ? { _deleted: true } : {}),
                      _revisions: { start: 1, ids: [rev.slice(2)] },
                    },
                  }
                : { error: { id, rev, error: 'not_found', reason: 'missing' } },
            ],
          };
        }),
      };
    } else throw new Error(`unexpected ${path}`);
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };
  return { request, log, bulkGets };
}

function recordingTarget() {
  const writes: { docs: object[]; options: object }[] = [];
  const target: DownloadTarget = {
    bulkDocs: (docs, options) => {
      writes.push({ docs, options });
      return Promise.resolve(docs.map((): BulkResult => ({ ok: true })));
    },
  };
  return { target, writes };
}

const WHOLE = new Map<string, readonly Leaf[]>([
  [COMPLAINT, [{ rev: '1-a' }]],
  [EVENT, [{ rev: '1-b' }]],
  [LATER_EVENT, [{ rev: '1-c' }]],
  // Corrected on two devices before they synced: both branches are leaves.
  [REPORTER, [{ rev: '3-d' }, { rev: '3-e' }]],
  ...NEIGHBOURS.map((id) => [id, [{ rev: '1-z' }]] as const),
]);

describe('fetchComplaint', () => {
  it('fetches the complaint, its events and every leaf of its reporter in one _bulk_get and one bulkDocs', async () => {
    const central = scriptedCentral(WHOLE);
    const { target, writes } = recordingTarget();
    const result = await fetchComplaint({
      trackingNumber: 'kbm-261123-x7q0001',
      request: central.request,
      target,
    });
    expect(result).toEqual({ outcome: 'fetched', complaintId: COMPLAINT, docsWritten: 5 });
    // The complaint range starts on the day before the tracking number's date.
    expect(central.log).toContain('_all_docs complaint:2026-11-22');
    expect(central.log).toContain(`_all_docs event:${TN}:`);
    expect(central.log.filter((entry) => entry === '_bulk_get')).toHaveLength(1);
    expect(central.bulkGets[0]).toEqual([
      { id: COMPLAINT, rev: '1-a' },
      { id: EVENT, rev: '1-b' },
      { id: LATER_EVENT, rev: '1-c' },
      { id: REPORTER, rev: '3-d' },
      { id: REPORTER, rev: '3-e' },
    ]);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.options).toEqual({ new_edits: false });
    expect(writes[0]?.docs.map((doc) => (doc as { _rev: string })._rev)).toEqual([
      '1-a',
      '1-b',
      '1-c',
      '3-d',
      '3-e',
    ]);
  });

  it('fetches a deleted reporter as its tombstone, and an anonymous complaint without one', async () => {
    const deleted = new Map(WHOLE).set(REPORTER, [{ rev: '2-f', deleted: true }]);
    const withTombstone = recordingTarget();
    await fetchComplaint({
      trackingNumber: TN,
      request: scriptedCentral(deleted).request,
      target: withTombstone.target,
    });
    expect(withTombstone.writes[0]?.docs).toContainEqual(
      expect.objectContaining({ _id: REPORTER, _deleted: true }),
    );

    const anonymous = new Map(WHOLE);
    anonymous.delete(REPORTER);
    const without = recordingTarget();
    expect(
      await fetchComplaint({
        trackingNumber: TN,
        request: scriptedCentral(anonymous).request,
        target: without.target,
      }),
    ).toEqual({ outcome: 'fetched', complaintId: COMPLAINT, docsWritten: 3 });
  });

  it('is not-on-central for a number the central does not hold, even when a longer one starts with it', async () => {
    const central = scriptedCentral(new Map(NEIGHBOURS.map((id) => [id, [{ rev: '1-z' }]])));
    const { target, writes } = recordingTarget();
    expect(await fetchComplaint({ trackingNumber: TN, request: central.request, target })).toEqual({
      outcome: 'not-on-central',
    });
    expect(central.log.some((entry) => entry.startsWith('_bulk_get') || entry.startsWith('_changes'))).toBe(
      false,
    );
    expect(writes).toHaveLength(0);
  });

  it('is unreachable, writing nothing, when a request fails, the central answers an error or takes too long', async () => {
    const failing: RemoteRequest[] = [
      () => Promise.reject(new TypeError('fetch failed')),
      () => Promise.resolve(new Response('{"error":"unknown_error"}', { status: 500 })),
      () => Promise.resolve(new Response('<html>captive portal</html>', { status: 200 })),
      (path, init) => {
        // The _bulk_get never answers until the signal gives up.
        if (!path.startsWith('_bulk_get')) return scriptedCentral(WHOLE).request(path, init);
        return new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
        });
      },
    ];
    for (const request of failing) {
      const { target, writes } = recordingTarget();
      const result = await fetchComplaint({ trackingNumber: TN, request, target, timeoutMs: 200 });
      expect(result.outcome).toBe('unreachable');
      expect(writes).toHaveLength(0);
    }
  });
});
