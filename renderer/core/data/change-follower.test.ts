/**
 * The changes feed's follower over a real PouchDB (memory adapter): it catches up from a
 * checkpoint in batches after its `prepare` step, follows live writes, reads a burst of writes
 * together, gives way to a foreground save of the same database, resumes from the checkpoint it
 * handed over, and applies nothing of a run it stopped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/support/memory-database';
import { followChanges } from '../sync/shared-changes';
import { ChangeFollower, FOLLOW_BATCH, type FeedChange, type FeedSeq } from './change-follower';
import type { UnitDatabase } from './database';
import { foregroundSaves } from './foreground-saves';

let db: UnitDatabase;
afterEach(async () => db.destroy());

type Applied = { ids: string[]; seq: FeedSeq };

function recorder() {
  const batches: Applied[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const ids = (): string[] => batches.flatMap((batch) => batch.ids);
  const follower = new ChangeFollower('test', (changes: readonly FeedChange[], seq) => {
    batches.push({ ids: changes.map((change) => change.id), seq });
    for (const waiter of [...waiters]) if (ids().length >= waiter.count) waiter.resolve();
    return Promise.resolve(changes.length);
  });
  /** Resolves once `count` changes in all were applied (a state, not a duration). */
  const applied = (count: number): Promise<void> =>
    ids().length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }));
  return { follower, batches, ids, applied };
}

const docs = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({ _id: `doc:${String(from + index).padStart(4, '0')}` }));

/** Resolves once the database's live feed has delivered `count` changes from now on. */
function delivered(count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    const stop = followChanges(db, () => {
      seen += 1;
      if (seen >= count) {
        stop();
        resolve();
      }
    });
  });
}

describe('ChangeFollower', () => {
  it('runs prepare first, catches up from the checkpoint in batches, then follows live writes', async () => {
    db = memoryDatabase();
    await db.bulkDocs(docs(0, FOLLOW_BATCH + 10));
    const { seq: checkpoint } = (await db.changes({ since: 0, limit: 10 })).results[9] ?? {};
    if (checkpoint === undefined) throw new Error('no checkpoint');
    const { follower, batches, ids, applied } = recorder();
    const order: string[] = [];
    const caughtUp = await follower.start(db, checkpoint, {
      prepare: () => {
        order.push(`prepare with ${ids().length} applied`);
        return Promise.resolve();
      },
      onCatchUpBatch: (written) => order.push(`batch ${written}`),
    });
    expect(caughtUp).toBe(true);
    expect(order).toEqual(['prepare with 0 applied', `batch ${FOLLOW_BATCH}`, 'batch 0']);
    // The 10 documents up to the checkpoint are not applied again.
    expect(ids()).toEqual(docs(10, FOLLOW_BATCH).map((doc) => doc._id));
    expect(batches).toHaveLength(1);

    await db.put({ _id: 'doc:live' });
    await applied(FOLLOW_BATCH + 1);
    expect(ids().at(-1)).toBe('doc:live');
    follower.stop();
  });

  it('reads a burst of writes made during a foreground save together, once the save is done', async () => {
    db = memoryDatabase();
    const { follower, batches, ids, applied } = recorder();
    await follower.start(db, 0);
    let finishSave = (): void => undefined;
    const saving = foregroundSaves(db).run(
      () => new Promise<void>((resolve) => (finishSave = () => resolve())),
    );
    const fed = delivered(5);
    await Promise.all(docs(0, 5).map((doc) => db.put(doc)));
    await fed;
    // The feed told the follower of every write; it waits for the save.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(batches).toEqual([]);
    finishSave();
    await saving;
    await applied(5);
    await follower.upToDate();
    expect(batches).toHaveLength(1);
    expect([...ids()].sort()).toEqual(docs(0, 5).map((doc) => doc._id));
    follower.stop();
  });

  it('resumes from the sequence it handed over, and applies nothing after a stop', async () => {
    db = memoryDatabase();
    const first = recorder();
    await db.bulkDocs(docs(0, 3));
    await first.follower.start(db, 0);
    const last = first.batches.at(-1)?.seq;
    if (last === undefined) throw new Error('nothing applied');
    first.follower.stop();
    await db.bulkDocs(docs(3, 2));
    await first.follower.upToDate();
    await first.follower.settled();
    expect(first.ids()).toEqual(docs(0, 3).map((doc) => doc._id));

    const second = recorder();
    await second.follower.start(db, last);
    expect(second.ids()).toEqual(docs(3, 2).map((doc) => doc._id));
    second.follower.stop();
  });

  it('catches up on request with what the live feed has not delivered yet', async () => {
    db = memoryDatabase();
    const { follower, ids } = recorder();
    await follower.start(db, 0);
    await db.bulkDocs(docs(0, 3));
    await follower.upToDate();
    expect([...ids()].sort()).toEqual(docs(0, 3).map((doc) => doc._id));
    follower.stop();
  });
});
