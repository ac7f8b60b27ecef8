/**
 * Loaded with `node --require` before pouchdb-server (central:dev and the tests only; production
 * runs Apache CouchDB). pouchdb-validation 4.2 overwrites the revision history of every document
 * it validates with the stored document's history:
 *
 *     newDoc._revisions = (oldDoc || {})._revisions;
 *
 * For a replicated write (`_bulk_docs` with `new_edits: false`) that throws away the history the
 * replicator sent, so a conflicting revision from another device is silently dropped instead of
 * being stored as a conflict, which CouchDB keeps. This hook patches that one line as the module
 * loads: the sent history is kept, and only a document without one (a normal write) gets the
 * stored document's history, as before.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `node --require` */
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const TARGET = path.join('pouchdb-validation', 'lib', 'index.js');
const BROKEN = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIXED = 'if (newDoc._revisions === undefined) newDoc._revisions = (oldDoc || {})._revisions;';

const load = Module._extensions['.js'];
Module._extensions['.js'] = function patchedLoad(module, filename) {
  if (!filename.endsWith(TARGET)) return load(module, filename);
  const source = fs.readFileSync(filename, 'utf8');
  if (!source.includes(BROKEN)) {
    throw new Error(`pouchdb-validation changed: ${filename} no longer has the line this fix patches`);
  }
  module._compile(source.replace(BROKEN, FIXED), filename);
};
