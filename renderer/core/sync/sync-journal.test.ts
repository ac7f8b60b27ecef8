/**
 * The sync journal in a memory database: fresh, kept, per remote, unreadable, written by two
 * windows, coalesced.
 */
import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/support/memory-database';
import { freshJournal, SYNC_JOURNAL_ID, SyncJournalStore } from './sync-journal';

const REMOTE = 'https://central.example.go.id/meja-aduan-unit-kbm';

describe('SyncJournalStore', () => {
  it('starts fresh, and keeps what was written across openings', async () => {
    const db = memoryDatabase();
    const store = await SyncJournalStore.open(db, REMOTE);
    expect(store.journal).toEqual(freshJournal(REMOTE));
    store.update({ pushedSeq: 42, lastSyncedAt: 1_000, firstSyncDone: true, pulledDocs: 7 });
    store.update({ rejected: [{ id: 'event:x', message: 'immutable: no', rejection: 'immutable' }] });
    await store.flush();
    store.update({ pushedSeq: 43 });
    await store.flush();
    const again = await SyncJournalStore.open(db, REMOTE);
    expect(again.journal).toEqual({
      remote: REMOTE,
      pushedSeq: 43,
      lastSyncedAt: 1_000,
      firstSyncDone: true,
      pulledDocs: 7,
      initialDownload: null,
      initialDownloadDone: false,
      pullSince: null,
      activeOutsideBudget: [],
      pullSeq: null,
      pullFiltered: null,
      rejected: [{ id: 'event:x', message: 'immutable: no', rejection: 'immutable' }],
    });
  });

  it('keeps the first download’s checkpoint, and reads a journal written before it existed', async () => {
    const db = memoryDatabase();
    const store = await SyncJournalStore.open(db, REMOTE);
    const checkpoint = {
      since: '12-abc',
      docsWritten: 500,
      stage: 'open',
      stageDocs: 120,
      stageComplaints: 17,
      complaintsAfter: 'complaint:2026-11-23T03:04:05.678Z:KBM-261123-A23-0007:abc',
      sweepSeq: null,
    } as const;
    store.update({ initialDownload: checkpoint });
    await store.flush();
    expect((await SyncJournalStore.open(db, REMOTE)).journal.initialDownload).toEqual(checkpoint);
    const { rev } = await db.put({
      _id: SYNC_JOURNAL_ID,
      _rev: ((await db.get(SYNC_JOURNAL_ID)) as { _rev: string })._rev,
      remote: REMOTE,
      pushedSeq: 3,
      lastSyncedAt: null,
      firstSyncDone: true,
      pulledDocs: 9,
      rejected: [],
    });
    expect(rev).toMatch(/^\d+-/);
    expect((await SyncJournalStore.open(db, REMOTE)).journal).toMatchObject({
      pushedSeq: 3,
      firstSyncDone: true,
      initialDownload: null,
      initialDownloadDone: false,
      pullSince: null,
      activeOutsideBudget: [],
      pullSeq: null,
      pullFiltered: null,
    });
  });

  it('drops a download checkpoint of another shape, keeping the rest of the journal', async () => {
    const db = memoryDatabase();
    await db.put({
      ...freshJournal(REMOTE),
      _id: SYNC_JOURNAL_ID,
      pushedSeq: 4,
      initialDownload: { since: '12-abc', changesSeq: '7-def', docsWritten: 500 },
    });
    expect((await SyncJournalStore.open(db, REMOTE)).journal).toMatchObject({
      pushedSeq: 4,
      initialDownload: null,
    });
  });

  it('is a `_local` document: not replicated, not in the changes feed', async () => {
    const db = memoryDatabase();
    const store = await SyncJournalStore.open(db, REMOTE);
    store.update({ pushedSeq: 1 });
    await store.flush();
    expect(SYNC_JOURNAL_ID.startsWith('_local/')).toBe(true);
    expect((await db.changes({ since: 0 })).results).toEqual([]);
  });

  it('starts fresh for another remote (another server or unit)', async () => {
    const db = memoryDatabase();
    const store = await SyncJournalStore.open(db, REMOTE);
    store.update({ pushedSeq: 9, firstSyncDone: true });
    await store.flush();
    const other = await SyncJournalStore.open(db, 'https://other.example/meja-aduan-unit-kbm');
    expect(other.journal).toEqual(freshJournal('https://other.example/meja-aduan-unit-kbm'));
    other.update({ pushedSeq: 1 });
    await other.flush();
    expect(
      (await SyncJournalStore.open(db, 'https://other.example/meja-aduan-unit-kbm')).journal.pushedSeq,
    ).toBe(1);
  });

  it('treats an unreadable journal as absent', async () => {
    const db = memoryDatabase();
    await db.put({ _id: SYNC_JOURNAL_ID, remote: REMOTE, pushedSeq: 'x', rejected: 'nope' });
    const store = await SyncJournalStore.open(db, REMOTE);
    expect(store.journal).toEqual(freshJournal(REMOTE));
    store.update({ pushedSeq: 5 });
    await store.flush();
    expect((await SyncJournalStore.open(db, REMOTE)).journal.pushedSeq).toBe(5);
  });

  it('overwrites a journal written meanwhile by another window', async () => {
    const db = memoryDatabase();
    const mine = await SyncJournalStore.open(db, REMOTE);
    const theirs = await SyncJournalStore.open(db, REMOTE);
    theirs.update({ pushedSeq: 3 });
    await theirs.flush();
    mine.update({ pushedSeq: 4 });
    await mine.flush();
    expect((await SyncJournalStore.open(db, REMOTE)).journal.pushedSeq).toBe(4);
  });

  it('writes nothing when nothing changed, and coalesces many updates', async () => {
    const db = memoryDatabase();
    const store = await SyncJournalStore.open(db, REMOTE);
    await store.flush();
    await expect(db.get(SYNC_JOURNAL_ID)).rejects.toMatchObject({ status: 404 });
    for (let seq = 1; seq <= 20; seq += 1) {
      store.update({ pushedSeq: seq });
      void store.flush();
    }
    await store.flush();
    const stored = (await db.get(SYNC_JOURNAL_ID)) as { _rev: string; pushedSeq: number };
    expect(stored.pushedSeq).toBe(20);
    expect(Number(stored._rev.split('-').at(-1))).toBeLessThan(20);
  });
});
