/**
 * requireStrictDurability over fake-indexeddb: a read-write transaction on a database named to it
 * is created strict; read-only ones, other databases and a caller's own choice pass unchanged.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireStrictDurability } from './strict-durability';

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

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('docs');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
  });
}

describe('requireStrictDurability', () => {
  it('makes read-write transactions on the named database strict, and nothing else', async () => {
    requireStrictDurability('_pouch_records-a');
    requireStrictDurability('_pouch_records-a'); // twice: wrapped once
    const records = await openRaw('_pouch_records-a');
    const other = await openRaw('other-database');

    expect(records.transaction(['docs'], 'readwrite').durability).toBe('strict');
    expect(records.transaction('docs', 'readonly').durability).toBe('default');
    expect(records.transaction('docs').durability).toBe('default');
    // A caller that chose a durability keeps it.
    expect(records.transaction('docs', 'readwrite', { durability: 'relaxed' }).durability).toBe('relaxed');
    expect(other.transaction('docs', 'readwrite').durability).toBe('default');

    // A strict transaction still writes and commits.
    const write = records.transaction('docs', 'readwrite');
    write.objectStore('docs').put({ title: 'x' }, 'k');
    await new Promise((resolve) => (write.oncomplete = resolve));
    const read = records.transaction('docs').objectStore('docs').get('k');
    await new Promise((resolve) => (read.onsuccess = resolve));
    expect(read.result).toEqual({ title: 'x' });
    records.close();
    other.close();
  });
});
