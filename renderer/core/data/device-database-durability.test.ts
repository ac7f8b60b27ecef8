/**
 * The device database's Dexie middleware (./strict-durability): the intake's numbers with the
 * draft's mark, drafts and settings are written strict; an index follower's batch (a rebuildable
 * table with its checkpoint) and every read keep the browser's default.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceDatabase } from './device-database';
import { DeviceStore } from './device-store';

/** Every transaction opened from here on: its database, stores, mode and the durability it got. */
type Opened = Readonly<{ db: string; stores: readonly string[]; mode: string; durability: string }>;
const opened: Opened[] = [];

beforeAll(() => {
  // The spy sits under the app's wrappers, as the E2E spy does in Chromium: it sees what reaches IndexedDB.
  const prototype = IDBDatabase.prototype;
  const native = Object.getOwnPropertyDescriptor(prototype, 'transaction')
    ?.value as IDBDatabase['transaction'];
  prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const transaction = native.apply(this, args);
    opened.push({
      db: this.name,
      stores: Array.from(transaction.objectStoreNames),
      mode: transaction.mode,
      durability: transaction.durability,
    });
    return transaction;
  };
});
afterEach(() => {
  opened.length = 0;
});

describe('DeviceDatabase durability', () => {
  let db: DeviceDatabase;
  afterEach(async () => db.delete());

  it("opens the intake's numbers, drafts and settings strict, and an index follower's batch with the default", async () => {
    db = new DeviceDatabase(`device-durability-${crypto.randomUUID()}`);
    const store = new DeviceStore(db);
    await db.open();
    await store.keepIntakeDraft({
      officerId: 'o1',
      fields: {},
      fileNames: [],
      keptAt: '2026-12-06T00:00:00Z',
    });
    await store.beginIntake('o1', (sequence) => `T-${sequence}`);
    await store.setLastChannel('o1', 'walk-in');
    const essential = opened.filter((entry) => entry.mode === 'readwrite');
    expect(essential.map((entry) => entry.stores)).toEqual([
      ['intakeDrafts'],
      ['counters', 'intakeDrafts'],
      ['settings'],
    ]);
    expect(essential.every((entry) => entry.durability === 'strict')).toBe(true);

    opened.length = 0;
    await db.transaction('rw', db.complaintIndex, db.settings, async () => {
      await db.settings.put({ key: 'checkpoint', value: 1 });
    });
    await db.indicatorRecords.clear();
    const followers = opened.filter((entry) => entry.mode === 'readwrite');
    expect(followers).toHaveLength(2);
    expect(followers.every((entry) => entry.durability === 'default')).toBe(true);
    // Reads are never made strict.
    await store.intakeDraft('o1');
    expect(opened.filter((entry) => entry.mode === 'readonly').every((e) => e.durability === 'default')).toBe(
      true,
    );
  });
});
