import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
// The version the browser host reports (Tentang, the packet's manifest and PDF): package.json's,
// as Electron's app.getVersion() reports it.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The renderer is built once and served by either host: Electron's app://meja-aduan/ protocol
// or the browser host's HTTP server. Both serve it at the origin's root.
export default defineConfig({
  root: rendererRoot,
  base: '/',
  // Opening the unit's records reads its kept document count instead of counting every document
  // (below; docs/decisions/021-pouchdb-open-edit.md).
  plugins: [pouchdbIdbOpen(), react()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});

/**
 * Two edits to pouchdb-browser 9.0.0's `idb`
 * adapter, made as the renderer is built, so that opening the unit's records does not read in
 * proportion to them (docs/benchmarks.md, 'Where the start grew with the records').
 *
 * 1. Opening a database counted its documents every time (`countDocs`: an IndexedDB `count()` over
 *    the `deletedOrLocal` index, which Chromium answers by walking every entry: ~760,000 at
 *    100,000 complaints), in a read-write transaction that every later read waits for, before the
 *    sign-in screen. The count is kept in the adapter's meta document and updated by every write
 *    in the write's own transaction, so it is read from there; only a database without one (new,
 *    or from an adapter version before the count existed) is counted, as before.
 * 2. That kept count missed documents first written with attachments (PouchDB #9094, fixed
 *    upstream after 9.0.0 by pouchdb/pouchdb#9140): the recount at every open hid it. Every written
 *    document now adds its change to the count, attachments or not, as upstream does.
 *
 * Each edit must find its text exactly once: another PouchDB version fails the build here rather
 * than ship unedited (./vite.config.test.ts checks the installed one).
 */
const COUNT_AT_OPEN = `    txn.objectStore(META_STORE).get(META_STORE).onsuccess = function (e) {
      metaDoc = e.target.result || { id: META_STORE };
      storeMetaDocIfReady();
    };

    //
    // countDocs
    //
    countDocs(txn, function (count) {
      docCount = count;
      storeMetaDocIfReady();
    });`;

const COUNT_WHEN_MISSING = `    txn.objectStore(META_STORE).get(META_STORE).onsuccess = function (e) {
      metaDoc = e.target.result || { id: META_STORE };
      // meja-aduan: the kept count, counted only when there is none (renderer/vite.config.ts).
      if (typeof metaDoc.docCount === 'number') {
        docCount = metaDoc.docCount;
        storeMetaDocIfReady();
        return;
      }
      countDocs(txn, function (count) {
        docCount = count;
        storeMetaDocIfReady();
      });
    };`;

const DELTA_WITHOUT_ATTACHMENTS = `    if (hasAttachments) {
      return writeAttachments(docInfo, winningRev$$1, winningRevIsDeleted,
        isUpdate, resultsIdx, callback);
    }

    docCountDelta += delta;
    updateDocCountIfReady();
`;

const DELTA_ALWAYS = `    // meja-aduan: documents with attachments count too (renderer/vite.config.ts).
    docCountDelta += delta;
    updateDocCountIfReady();

    if (hasAttachments) {
      return writeAttachments(docInfo, winningRev$$1, winningRevIsDeleted,
        isUpdate, resultsIdx, callback);
    }
`;

function replaceOnce(code: string, from: string, to: string, what: string): string {
  const first = code.indexOf(from);
  if (first < 0 || code.indexOf(from, first + 1) >= 0) {
    throw new Error(`pouchdb-browser: ${what} not found exactly once (renderer/vite.config.ts)`);
  }
  return code.slice(0, first) + to + code.slice(first + from.length);
}

/** pouchdb-browser's source with both edits (throws when either's text is not there exactly once). */
export function editPouchdbIdb(code: string): string {
  const counted = replaceOnce(code, COUNT_AT_OPEN, COUNT_WHEN_MISSING, 'the count at open');
  return replaceOnce(counted, DELTA_WITHOUT_ATTACHMENTS, DELTA_ALWAYS, 'the count of a written document');
}

/** The files of pouchdb-browser a build may bundle (its ES module; its CommonJS one). */
const POUCHDB_BROWSER = /[\\/]node_modules[\\/]pouchdb-browser[\\/]lib[\\/]index(\.es)?\.js$/;

export function pouchdbIdbOpen(): Plugin {
  return {
    name: 'meja-aduan:pouchdb-idb-open',
    enforce: 'pre',
    transform(code, id) {
      if (!POUCHDB_BROWSER.test(id.split('?')[0] ?? id)) return null;
      return { code: editPouchdbIdb(code), map: null };
    },
  };
}
