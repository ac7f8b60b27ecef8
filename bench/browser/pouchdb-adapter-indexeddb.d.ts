/** PouchDB's `indexeddb` adapter (pouchdb-adapter-indexeddb) ships no types: it is a plugin. */
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
