/**
 * The build's edits to pouchdb-browser's `idb` adapter (./vite.config.ts), run on the
 * installed pouchdb-browser over fake-indexeddb: a database opened again reads its kept document
 * count instead of counting every document, and that count includes documents written with
 * attachments.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editPouchdbIdb, pouchdbIdbOpen } from './vite.config';

const require = createRequire(import.meta.url);
const MAIN = require.resolve('pouchdb-browser');
const MODULE = MAIN.replace(/index\.js$/, 'index.es.js');

type Pouch = new (name: string) => PouchDB.Database;

/** pouchdb-browser's CommonJS build, edited as the renderer's build edits it (or not). */
function loadPouchDB(edited: boolean): Pouch {
  const source = readFileSync(MAIN, 'utf8');
  const code = edited ? editPouchdbIdb(source) : source;
  const module = { exports: {} as { default?: Pouch } | Pouch };
  const requireHere = createRequire(MAIN);
  // A browser build, run under Node: `self` is the global scope; the adapter's probe of Blob
  // support stores a Blob, which Node cannot clone into fake-indexeddb (a plain object can), and
  // an old Chrome's user agent makes it keep attachments as base64 (no Blob needed).
  class CloneableBlob {
    constructor(readonly parts: unknown[] = []) {}
  }
  const run = runInThisContext(`(function (require, module, exports, self, Blob, navigator) {\n${code}\n})`, {
    filename: MAIN,
  }) as (...args: unknown[]) => void;
  run(requireHere, module, module.exports, globalThis, CloneableBlob, { userAgent: 'Chrome/42' });
  const exported = module.exports;
  return 'default' in exported && exported.default ? exported.default : (exported as Pouch);
}

/** How often the adapter counted the documents' index (the count at open). */
function countsOfDocuments(): { calls: () => number } {
  const count = vi.spyOn(IDBIndex.prototype, 'count');
  return {
    calls: () =>
      (count.mock.contexts as IDBIndex[]).filter((index) => index.name === 'deletedOrLocal').length,
  };
}

async function writeAndReopen(PouchDB: Pouch, name: string): Promise<PouchDB.Database> {
  const db = new PouchDB(name);
  await db.bulkDocs([{ _id: 'a' }, { _id: 'b' }]);
  await db.put({
    _id: 'with-file',
    _attachments: { 'note.txt': { content_type: 'text/plain', data: btoa('isi berkas') } },
  });
  await db.put({ _id: 'gone' }).then((written) => db.remove('gone', written.rev));
  await db.close();
  return new PouchDB(name);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pouchdb-browser as the renderer bundles it', () => {
  it('edits both of its builds (the installed version has the text the edits expect)', () => {
    for (const file of [MAIN, MODULE]) {
      const edited = editPouchdbIdb(readFileSync(file, 'utf8'));
      expect(edited).toContain("typeof metaDoc.docCount === 'number'");
    }
    const plugin = pouchdbIdbOpen();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(transform('const x = 1;', '/app/renderer/main.tsx')).toBeNull();
    expect(transform(readFileSync(MODULE, 'utf8'), MODULE)?.code).toContain('meja-aduan:');
    expect(() => editPouchdbIdb('not pouchdb')).toThrow(/not found exactly once/);
  });

  it('opens a database again from its kept count, which counts documents with attachments', async () => {
    const PouchDB = loadPouchDB(true);
    const counts = countsOfDocuments();
    const reopened = await writeAndReopen(PouchDB, `edited-${crypto.randomUUID()}`);
    const countedBefore = counts.calls();
    expect((await reopened.info()).doc_count).toBe(3);
    expect(counts.calls()).toBe(countedBefore);
    expect((await reopened.allDocs()).total_rows).toBe(3);
    await reopened.destroy();
  });

  it('(unedited, as published: every open counts every document)', async () => {
    const PouchDB = loadPouchDB(false);
    const counts = countsOfDocuments();
    const name = `unedited-${crypto.randomUUID()}`;
    const reopened = await writeAndReopen(PouchDB, name);
    const countedBefore = counts.calls();
    expect((await reopened.info()).doc_count).toBe(3);
    expect(counts.calls()).toBe(countedBefore + 1);
    await reopened.destroy();
  });
});
