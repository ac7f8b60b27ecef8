/**
 * Strict durability for the writes the UI reports as done (docs/decisions/019-strict-durability.md).
 *
 * IndexedDB lets each read-write transaction say how durable its commit must be
 * (`IDBDatabase.transaction(stores, 'readwrite', { durability })`): 'strict' completes only once
 * the browser has flushed the change to disk; 'relaxed' as soon as the operating system has it;
 * 'default' is the browser's choice, and Chromium's default has been relaxed since version 121. A
 * relaxed commit survives a crash of the browser but not a power cut: "Tersimpan" shown, the power
 * gone a second later, the complaint lost. So:
 *
 * - the unit's records (PouchDB's `idb` adapter, ./database): PouchDB 9 opens its transactions
 *   itself and has no durability option, so `requireStrictDurability` wraps
 *   `IDBDatabase.prototype.transaction` once: a read-write transaction on a database named here,
 *   opened without a durability of its own, is opened strict. Every other database, every
 *   read-only transaction and every caller that chose a durability is passed through unchanged.
 * - this device's Dexie database (./device-database): Dexie's own hook, a DBCore middleware
 *   (`strictDurabilityMiddleware`), makes every read-write transaction strict except a follower's
 *   batch: one that writes a rebuildable index (the complaint index, the search index, Beranda's
 *   records), with its checkpoint in the same transaction. Lost in a power cut, such a batch is
 *   followed again from the older checkpoint, so it keeps the browser's faster default.
 */
import type { DBCore, Middleware } from 'dexie';

type Transact = IDBDatabase['transaction'];
type Marked = Transact & { [WRAPPED]?: true };

const WRAPPED = Symbol.for('meja-aduan.strict-durability');
const STRICT: IDBTransactionOptions = { durability: 'strict' };

/** Names of the IndexedDB databases whose read-write transactions are strict. */
const strictDatabases = new Set<string>();

/**
 * From now on, every read-write transaction opened on the IndexedDB database `idbName` (by any
 * library on this page) without a durability of its own is strict. Call it before the library
 * opens the database. Does nothing where this runtime has no IndexedDB (Node, memory PouchDB).
 */
export function requireStrictDurability(idbName: string, runtime: typeof globalThis = globalThis): void {
  strictDatabases.add(idbName);
  const prototype = (runtime as { IDBDatabase?: typeof IDBDatabase }).IDBDatabase?.prototype;
  if (!prototype) return;
  // Read as a property: it is called below with the database it is asked on as `this`.
  const original = Object.getOwnPropertyDescriptor(prototype, 'transaction')?.value as Marked | undefined;
  if (!original || original[WRAPPED]) return;
  const strictWhereRequired = function (this: IDBDatabase, ...args: Parameters<Transact>): IDBTransaction {
    const [stores, mode, options] = args;
    if (mode === 'readwrite' && options?.durability === undefined && strictDatabases.has(this.name)) {
      return original.call(this, stores, mode, { ...options, ...STRICT });
    }
    return original.apply(this, args);
  } as Marked;
  strictWhereRequired[WRAPPED] = true;
  prototype.transaction = strictWhereRequired;
}

/** Whether read-write transactions on `idbName` are made strict (`requireStrictDurability`). */
export function isStrictDatabase(idbName: string): boolean {
  return strictDatabases.has(idbName);
}

/**
 * A Dexie DBCore middleware: every read-write transaction that touches none of the `rebuildable`
 * tables is opened strict (unless the caller chose a durability).
 */
export function strictDurabilityMiddleware(rebuildable: ReadonlySet<string>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'strictDurability',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          stores,
          mode,
          mode === 'readwrite' &&
            options?.durability === undefined &&
            !stores.some((store) => rebuildable.has(store))
            ? { ...options, durability: 'strict' }
            : options,
        ),
    }),
  };
}
