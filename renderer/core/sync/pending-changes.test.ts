/** Counting unsent changes against a memory database, and the counter's throttle under manual timers. */
import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ManualTimers } from './manual-timers.fixtures';
import { countPendingChanges, PendingCounter, PulledRevisions } from './pending-changes';

async function seqOf(db: PouchDB.Database): Promise<number> {
  return Number((await db.info()).update_seq);
}

describe('countPendingChanges', () => {
  it('counts documents changed after the checkpoint, each once, design documents left out', async () => {
    const db = memoryDatabase();
    await db.bulkDocs([{ _id: 'a' }, { _id: 'b' }, { _id: '_design/x' }]);
    expect(await countPendingChanges(db, 0)).toBe(2);
    const checkpoint = await seqOf(db);
    expect(await countPendingChanges(db, checkpoint)).toBe(0);
    const a = await db.get('a');
    await db.put({ ...a, changed: 1 });
    await db.put({ ...(await db.get('a')), changed: 2 });
    await db.put({ _id: 'c' });
    expect(await countPendingChanges(db, checkpoint)).toBe(2);
  });

  it('adds refused documents (behind the checkpoint, yet not on the server), without counting one twice', async () => {
    const db = memoryDatabase();
    await db.bulkDocs([{ _id: 'refused' }, { _id: 'b' }]);
    const checkpoint = await seqOf(db);
    await db.put({ _id: 'c' });
    expect(await countPendingChanges(db, checkpoint, ['refused'])).toBe(2);
    await db.put({ ...(await db.get('refused')), fixed: true });
    expect(await countPendingChanges(db, checkpoint, ['refused'])).toBe(2);
  });

  it('leaves out the revisions the pull brought, until the document changes here again', async () => {
    const db = memoryDatabase();
    const pulled = new PulledRevisions();
    const result = await db.put({ _id: 'from-server' });
    pulled.add('from-server', result.rev);
    await db.put({ _id: 'mine' });
    expect(await countPendingChanges(db, 0, [], pulled)).toBe(1);
    expect(pulled.size).toBe(1);
    await db.put({ _id: 'from-server', _rev: result.rev, edited: true });
    expect(await countPendingChanges(db, 0, [], pulled)).toBe(2);
  });

  it('forgets pulled revisions once the checkpoint has passed them', async () => {
    const db = memoryDatabase();
    const pulled = new PulledRevisions();
    pulled.add('gone', '1-abc');
    await db.put({ _id: 'x' });
    await countPendingChanges(db, 0, [], pulled);
    expect(pulled.size).toBe(0);
    expect(pulled.has('gone', '1-abc')).toBe(false);
    expect(pulled.has('x', undefined)).toBe(false);
  });

  it('keeps revisions about to be written through a count that read before the write landed', async () => {
    const db = memoryDatabase();
    const pulled = new PulledRevisions();
    const doc = { _id: 'downloaded', _rev: '1-abc', _revisions: { start: 1, ids: ['abc'] } };
    const written = pulled.expect([{ id: doc._id, rev: doc._rev }]);
    // A count reads the changes feed before the write commits: the document is not there yet.
    expect(await countPendingChanges(db, 0, [], pulled)).toBe(0);
    await db.bulkDocs([doc], { new_edits: false });
    written();
    // Written, it is the server's revision, not this device's change.
    expect(await countPendingChanges(db, 0, [], pulled)).toBe(0);
    expect(pulled.has(doc._id, doc._rev)).toBe(true);
  });
});

describe('PendingCounter', () => {
  function counter(minIntervalMs = 500) {
    const timers = new ManualTimers();
    const counts: number[] = [];
    const calls: { resolve: (count: number) => void; started: number }[] = [];
    const pending = new PendingCounter(
      () => new Promise<number>((resolve) => calls.push({ resolve, started: timers.now })),
      (count) => counts.push(count),
      timers,
      () => timers.now,
      minIntervalMs,
    );
    return { timers, counts, calls, pending };
  }
  const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('counts at once the first time, then at most once per interval', async () => {
    const { timers, counts, calls, pending } = counter();
    pending.request();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(3);
    await tick();
    expect(counts).toEqual([3]);
    pending.request();
    pending.request();
    expect(calls).toHaveLength(1);
    expect(timers.pending()).toEqual([500]);
    timers.advance(500);
    expect(calls).toHaveLength(2);
  });

  it('counts again after a count that was asked for while one ran', async () => {
    const { timers, calls, pending } = counter();
    pending.request();
    pending.request();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(1);
    await tick();
    timers.advance(500);
    expect(calls).toHaveLength(2);
  });

  it('waits four times as long as a slow count took, unless the request is urgent', async () => {
    const { timers, calls, pending } = counter(100);
    pending.request();
    timers.advance(300);
    calls[0]?.resolve(9);
    await tick();
    pending.request();
    expect(timers.pending()).toEqual([1_200]);
    pending.request(true);
    expect(timers.pending()).toEqual([100]);
    timers.advance(100);
    expect(calls).toHaveLength(2);
  });

  it('stops when disposed', async () => {
    const { timers, counts, calls, pending } = counter();
    pending.request();
    pending.dispose();
    calls[0]?.resolve(5);
    await tick();
    expect(counts).toEqual([]);
    pending.request();
    timers.advance(10_000);
    expect(calls).toHaveLength(1);
  });

  it('survives a failing count', async () => {
    const timers = new ManualTimers();
    const counts: number[] = [];
    let fail = true;
    const pending = new PendingCounter(
      () => (fail ? Promise.reject(new Error('closed')) : Promise.resolve(2)),
      (count) => counts.push(count),
      timers,
      () => timers.now,
    );
    const originalError = console.error;
    console.error = () => undefined;
    try {
      pending.request();
      await tick();
    } finally {
      console.error = originalError;
    }
    fail = false;
    pending.request();
    timers.advance(500);
    await tick();
    expect(counts).toEqual([2]);
  });
});
