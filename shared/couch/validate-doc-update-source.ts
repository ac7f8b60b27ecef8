/**
 * The source of `validate_doc_update` in every unit database, as a constant string: it runs in
 * CouchDB 3.x's JavaScript engine (assume ES5: no arrow functions, let/const, classes or template
 * strings; `const` and `enum` only as quoted keys) and in pouchdb-server (Node `vm`, strict mode).
 * The text never changes with the schemas: everything that depends on them (the JSON Schemas,
 * id templates, the unit) lives in the design document's `meja_aduan` field, which CouchDB hands
 * the function as `this` (the query server calls design functions with the design document as
 * `this`; so does pouchdb-validation). See ./unit-design-doc.
 *
 * Rules, in order; each refusal is `{forbidden: '<code>: <sentence>'}` (./rejection):
 *   server     the design document has no `meja_aduan` settings (fail closed)
 *   unit       the user holds neither `_admin` nor the unit's role
 *   device     (every rule naming it: server admins are exempt) the user holds no role naming a
 *              device of this unit (`meja-aduan-device:<UNIT>:<DEVICE>`, ./couch-names; a device's
 *              own account, docs/decisions/014-device-accounts.md); checked after the schema, so
 *              that a malformed document is told as such
 *   design     `_design/` documents are written by server admins only (and then not checked further)
 *   unit       a document of a `central` type (the national calendar, ../calendar/national-calendar)
 *              is written or deleted by anyone but a server admin; it carries no `unitCode` (the
 *              same document is in every unit database)
 *   immutable  a live document of a write-once type (key transfers, unit keys: `writeOnce` in
 *              its settings) is changed; it may only be deleted, unless its type is also
 *              `permanent` (the unit key's `unit-key:<version>`), which is never deleted
 *   immutable  a complaint or event is deleted, or changed, or its id does not end with the
 *              SHA-256 of its content, or it is not written as its only revision `1-<hash>` with
 *              new_edits=false (../ids/content-id, docs/decisions/007-content-addressed-records.md)
 *              (re-sending it unchanged is allowed:
 *              a replication retry can do that)
 *   schema     a deletion of an id no document type owns, or a deletion that is not a bare
 *              tombstone `{_id, _rev, _deleted: true}` (`tombstoneProblem`); an unknown `type`;
 *              an event `kind` without a schema; an `_id` (or `complaintId`) that does not fit
 *              the type's template
 *   unit       `unitCode` is not the database's unit; a `trackingNumber` of another unit
 *   schema     the document does not match the JSON Schema of its type (events: of their kind),
 *              which carries exact calendar dates and the anonymous-complaint rule
 *              (./refinement-patterns)
 *   schema     a complaint's files differ from its declared `attachments` (`attachmentProblem`:
 *              the same keys, count, allowed and declared types, declared sizes as lengths,
 *              per-file and total limits, all from the type's `files` settings)
 *   device     a complaint or event whose `deviceCode` is not the authenticated device's (a device
 *              writes only as itself; a replicated write with a disjoint history reaches this
 *              function with oldDoc = null, and is judged by its own fields all the same)
 *   device     a revision of a mutable document (reporter, unit profile, settings, offices, packet
 *              draft, officer) without `lastChangedBy`, or whose `lastChangedBy.device` is not the
 *              authenticated device's (../unit/changed-by; judged by newDoc alone, like the rule
 *              above). Revisions stored before the field existed stay; a deletion (a bare
 *              tombstone, which names nobody) is accepted from any device of the unit
 *              (conflict resolution closes other devices' revisions; anonymisation deletes
 *              identity wherever it was written)
 * Server metadata (`_rev`, `_revisions`, `_deleted`, `_conflicts`, ...) is set aside before the
 * schema check; `_attachments` is part of it (only complaints and packet drafts may carry files,
 * see ./packet-draft-document).
 *
 * String lengths count UTF-16 code units, as zod's `.max()` does.
 *
 * Not enforced here (left to the app; docs/central.md lists them, ./unit-design-doc.test.ts
 * keeps the list honest): zod refinements without a pattern (cross-field rules such as a
 * complaint's date against its tracking number, each event kind's payload rules, the reporter's
 * NIK/phone/e-mail formats, uniqueness within the office and holiday lists), workflow order and
 * officer roles (they need the complaint's other documents, which a validator cannot read).
 */

import { CONTENT_HASH_SOURCE } from './content-hash-source';

export const VALIDATE_DOC_UPDATE_SOURCE = `function (newDoc, oldDoc, userCtx, secObj) {
  var config = this && this.meja_aduan;
  var META = { _rev: 1, _revisions: 1, _deleted: 1, _conflicts: 1, _deleted_conflicts: 1, _local_seq: 1, _revs_info: 1 };
  var hasOwn = Object.prototype.hasOwnProperty;

  ${CONTENT_HASH_SOURCE.trim()}
  function forbid(code, message) {
    throw { forbidden: code + ': ' + message };
  }
  function has(object, key) {
    return object !== null && typeof object === 'object' && hasOwn.call(object, key);
  }
  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }
  function contains(list, item) {
    for (var i = 0; i < list.length; i++) {
      if (list[i] === item) return true;
    }
    return false;
  }
  function kindOf(value) {
    if (value === null) return 'null';
    if (isArray(value)) return 'array';
    return typeof value;
  }
  function show(value) {
    var text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 60 ? text.slice(0, 57) + '...' : text;
  }
  function equal(a, b) {
    var ka = kindOf(a);
    if (ka !== kindOf(b)) return false;
    if (ka === 'array') {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) {
        if (!equal(a[i], b[i])) return false;
      }
      return true;
    }
    if (ka === 'object') {
      var key;
      for (key in a) {
        if (hasOwn.call(a, key) && (!hasOwn.call(b, key) || !equal(a[key], b[key]))) return false;
      }
      for (key in b) {
        if (hasOwn.call(b, key) && !hasOwn.call(a, key)) return false;
      }
      return true;
    }
    return a === b;
  }

  /* A document without the server's metadata (and without its files unless withFiles). */
  function body(doc, withFiles) {
    var out = {};
    for (var key in doc) {
      if (hasOwn.call(doc, key) && !hasOwn.call(META, key) && (withFiles || key !== '_attachments')) out[key] = doc[key];
    }
    return out;
  }
  /* The same fields and the same files (by digest): a re-sent copy, not a change. */
  function sameContent(a, b) {
    if (!equal(body(a, false), body(b, false))) return false;
    var fa = a._attachments || {};
    var fb = b._attachments || {};
    var name;
    for (name in fa) {
      if (!hasOwn.call(fa, name)) continue;
      if (!has(fb, name) || !fa[name].digest || fa[name].digest !== fb[name].digest) return false;
    }
    for (name in fb) {
      if (hasOwn.call(fb, name) && !has(fa, name)) return false;
    }
    return true;
  }

  /* The problem with id against template (see id-templates.ts), or '' when it fits. */
  function templateProblem(id, template, doc) {
    var at = 0;
    for (var i = 0; i < template.length; i++) {
      var part = template[i];
      var text = null;
      if (typeof part === 'string') {
        text = part;
      } else if (has(part, 'field')) {
        text = doc[part.field];
        if (typeof text !== 'string' || text === '') return 'needs the field ' + part.field;
      } else if (has(part, 'digits') || has(part, 'chars')) {
        var width = has(part, 'digits') ? part.digits : part.chars;
        var piece = id.substr(at, width);
        if (piece.length !== width) return 'is too short';
        if (has(part, 'digits')) {
          for (var d = 0; d < piece.length; d++) {
            if (piece.charAt(d) < '0' || piece.charAt(d) > '9') return 'needs ' + width + ' digits at position ' + at;
          }
        }
        at += width;
        continue;
      } else if (has(part, 'hex')) {
        var hexPiece = id.substr(at, part.hex);
        if (hexPiece.length !== part.hex || !/^[0-9a-f]*$/.test(hexPiece)) return 'needs ' + part.hex + ' lowercase hex digits at position ' + at;
        at += part.hex;
        continue;
      } else if (has(part, 'contentHash')) {
        text = contentHash(doc);
      } else if (has(part, 'rest')) {
        return at < id.length ? '' : 'is too short';
      } else {
        return 'has an unknown template';
      }
      if (id.substr(at, text.length) !== text) return 'does not fit ' + show(text) + ' at position ' + at;
      at += text.length;
    }
    return at === id.length ? '' : 'is too long';
  }
  function typeOfId(id) {
    for (var type in config.types) {
      if (!hasOwn.call(config.types, type)) continue;
      var template = config.types[type].ids._id;
      var head = template[0];
      if (typeof head === 'string' && (template.length === 1 ? id === head : id.indexOf(head) === 0)) return type;
    }
    return null;
  }

  /* JSON Schema (the subset document-json-schemas.ts allows). Returns '' or the first problem. */
  function isType(name, value) {
    var kind = kindOf(value);
    if (name === 'integer') return kind === 'number' && isFinite(value) && Math.floor(value) === value;
    if (name === 'number') return kind === 'number' && isFinite(value);
    return kind === name;
  }
  function check(schema, value, path) {
    var where = path === '' ? 'the document' : path;
    var problem, i, key;
    if (has(schema, 'type')) {
      var types = isArray(schema.type) ? schema.type : [schema.type];
      var typed = false;
      for (i = 0; i < types.length; i++) {
        if (isType(types[i], value)) typed = true;
      }
      if (!typed) return where + ' must be ' + types.join(' or ') + ', not ' + show(value);
    }
    if (has(schema, 'const') && !equal(value, schema['const'])) return where + ' must be ' + show(schema['const']);
    if (has(schema, 'enum')) {
      var listed = false;
      for (i = 0; i < schema['enum'].length; i++) {
        if (equal(value, schema['enum'][i])) listed = true;
      }
      if (!listed) return where + ' must be one of ' + show(schema['enum']) + ', not ' + show(value);
    }
    if (typeof value === 'string') {
      if (has(schema, 'minLength') && value.length < schema.minLength) return where + ' must have at least ' + schema.minLength + ' characters';
      if (has(schema, 'maxLength') && value.length > schema.maxLength) return where + ' must have at most ' + schema.maxLength + ' characters';
      if (has(schema, 'pattern') && !new RegExp(schema.pattern).test(value)) return where + ' has the wrong form: ' + show(value);
    }
    if (typeof value === 'number') {
      if (has(schema, 'minimum') && value < schema.minimum) return where + ' must be at least ' + schema.minimum;
      if (has(schema, 'maximum') && value > schema.maximum) return where + ' must be at most ' + schema.maximum;
      if (has(schema, 'exclusiveMinimum') && value <= schema.exclusiveMinimum) return where + ' must be more than ' + schema.exclusiveMinimum;
      if (has(schema, 'exclusiveMaximum') && value >= schema.exclusiveMaximum) return where + ' must be less than ' + schema.exclusiveMaximum;
      if (has(schema, 'multipleOf') && value / schema.multipleOf !== Math.floor(value / schema.multipleOf)) return where + ' must be a multiple of ' + schema.multipleOf;
    }
    if (isArray(value)) {
      if (has(schema, 'minItems') && value.length < schema.minItems) return where + ' must have at least ' + schema.minItems + ' items';
      if (has(schema, 'maxItems') && value.length > schema.maxItems) return where + ' must have at most ' + schema.maxItems + ' items';
      if (has(schema, 'items')) {
        for (i = 0; i < value.length; i++) {
          problem = check(schema.items, value[i], where + '[' + i + ']');
          if (problem) return problem;
        }
      }
    }
    if (kindOf(value) === 'object') {
      var prefix = path === '' ? '' : path + '.';
      if (has(schema, 'required')) {
        for (i = 0; i < schema.required.length; i++) {
          if (!hasOwn.call(value, schema.required[i])) return prefix + schema.required[i] + ' is missing';
        }
      }
      for (key in value) {
        if (!hasOwn.call(value, key)) continue;
        if (has(schema, 'propertyNames')) {
          problem = check(schema.propertyNames, key, 'the name ' + show(key) + ' in ' + where);
          if (problem) return problem;
        }
        if (has(schema, 'properties') && has(schema.properties, key)) {
          problem = check(schema.properties[key], value[key], prefix + key);
        } else if (schema.additionalProperties === false) {
          problem = prefix + key + ' is not a field of ' + where;
        } else if (has(schema, 'additionalProperties') && schema.additionalProperties !== true) {
          problem = check(schema.additionalProperties, value[key], prefix + key);
        } else {
          problem = '';
        }
        if (problem) return problem;
      }
    }
    if (has(schema, 'allOf')) {
      for (i = 0; i < schema.allOf.length; i++) {
        problem = check(schema.allOf[i], value, path);
        if (problem) return problem;
      }
    }
    if (has(schema, 'anyOf') || has(schema, 'oneOf')) {
      var branches = has(schema, 'anyOf') ? schema.anyOf : schema.oneOf;
      var passed = 0;
      var first = '';
      for (i = 0; i < branches.length; i++) {
        problem = check(branches[i], value, path);
        if (!problem) passed++;
        else if (!first) first = problem;
      }
      if (passed === 0) return first;
      if (has(schema, 'oneOf') && passed > 1) return where + ' matches more than one form';
    }
    if (has(schema, 'not') && !check(schema.not, value, path)) return where + ' has a form that is not allowed';
    return '';
  }

  /* Files (_attachments) against the list the document declares; rules = the type's 'files'
     settings (unit-design-doc.ts: declaredIn, maxFiles, maxFileBytes, maxTotalBytes, types).
     CouchDB hands this function stubs {content_type, revpos, length, stub} without digests, also
     for inline uploads and replication: names, count, lengths and types are what the server can
     check, never the bytes (the device checks those at intake). pouchdb-server may hand inline
     base64 'data' instead of a length. Returns '' or the first problem. */
  function fileLength(file) {
    if (typeof file.length === 'number') return file.length;
    if (typeof file.data !== 'string') return -1;
    var data = file.data.replace(/\\s+/g, '');
    var padding = data.charAt(data.length - 1) !== '=' ? 0 : data.charAt(data.length - 2) === '=' ? 2 : 1;
    return Math.floor(data.length / 4) * 3 - padding;
  }
  function attachmentProblem(doc, rules) {
    var files = has(doc, '_attachments') ? doc._attachments : {};
    var declared = doc[rules.declaredIn];
    var list = rules.declaredIn;
    if (kindOf(files) !== 'object') return '_attachments must be an object';
    if (!isArray(declared)) return list + ' must be an array';
    if (declared.length > rules.maxFiles) return 'has ' + declared.length + ' files, at most ' + rules.maxFiles + ' are allowed';
    var listed = {};
    var total = 0;
    var i, entry, key, file, length;
    for (i = 0; i < declared.length; i++) {
      entry = declared[i];
      if (kindOf(entry) !== 'object' || typeof entry.key !== 'string') return list + '[' + i + '] has no key';
      if (hasOwn.call(listed, '=' + entry.key)) return 'the file ' + show(entry.key) + ' is declared twice';
      listed['=' + entry.key] = true;
    }
    for (key in files) {
      if (hasOwn.call(files, key) && !hasOwn.call(listed, '=' + key)) return 'the file ' + show(key) + ' is not declared in ' + list;
    }
    for (i = 0; i < declared.length; i++) {
      entry = declared[i];
      key = entry.key;
      if (!contains(rules.types, entry.mimeType)) return 'the file ' + show(key) + ' has the type ' + show(entry.mimeType) + ', which is not allowed';
      if (!isType('integer', entry.size) || entry.size < 0) return list + '[' + i + '].size must be a whole number of bytes';
      if (entry.size > rules.maxFileBytes) return 'the file ' + show(key) + ' has ' + entry.size + ' bytes, at most ' + rules.maxFileBytes + ' are allowed';
      total += entry.size;
      if (!has(files, key)) return 'the declared file ' + show(key) + ' is missing from _attachments';
      file = files[key];
      if (kindOf(file) !== 'object') return 'the file ' + show(key) + ' is not a file';
      if (file.content_type !== entry.mimeType) return 'the file ' + show(key) + ' is stored as ' + show(file.content_type) + ' but declared as ' + show(entry.mimeType);
      length = fileLength(file);
      if (length !== entry.size) return 'the file ' + show(key) + ' has ' + (length < 0 ? 'no length' : length + ' bytes') + ' but is declared with ' + entry.size;
    }
    if (total > rules.maxTotalBytes) return 'the files have ' + total + ' bytes together, at most ' + rules.maxTotalBytes + ' are allowed';
    return '';
  }

  /* A deletion is a bare tombstone {_id, _rev, _deleted: true} (plus replication metadata such as
     _revisions): a body on a tombstone would stay in the database and replicate (an identity
     "deleted" with its name still in it). Returns '' or the first field that is not allowed. */
  function tombstoneProblem(doc) {
    for (var key in doc) {
      if (hasOwn.call(doc, key) && key !== '_id' && !hasOwn.call(META, key)) return 'a deletion carries no fields, but it has ' + key;
    }
    return '';
  }

  if (!config || typeof config.unitCode !== 'string' || !config.types) {
    forbid('server', 'this database has no Meja Aduan validation settings; run the central setup again');
  }
  var roles = (userCtx && userCtx.roles) || [];
  var isAdmin = contains(roles, '_admin');
  if (!isAdmin && !contains(roles, config.role)) {
    forbid('unit', 'the user ' + show(userCtx && userCtx.name) + ' is not a member of unit ' + config.unitCode);
  }
  /* The authenticated device: the code in its role meja-aduan-device:<UNIT>:<DEVICE>. */
  var device = null;
  var devicePrefix = config.deviceRolePrefix + config.unitCode + ':';
  for (var r = 0; r < roles.length; r++) {
    if (typeof roles[r] === 'string' && roles[r].indexOf(devicePrefix) === 0) device = roles[r].slice(devicePrefix.length);
  }
  function requireDevice(what) {
    if (!isAdmin && (device === null || device === '')) {
      forbid('device', 'the user ' + show(userCtx && userCtx.name) + ' is no device of unit ' + config.unitCode + ' and cannot write ' + what);
    }
  }
  var id = String(newDoc._id);
  if (id.indexOf('_design/') === 0) {
    if (!isAdmin) forbid('design', 'only server admins may write design documents');
    return;
  }
  var oldType = oldDoc && !oldDoc._deleted ? oldDoc.type : null;
  var oldImmutable = oldType !== null && has(config.types, oldType) && !config.types[oldType].mutable;

  if (newDoc._deleted === true) {
    var deletedType = typeOfId(id);
    if (oldImmutable || (deletedType !== null && (!config.types[deletedType].mutable || config.types[deletedType].permanent))) {
      forbid('immutable', (oldType || deletedType) + ' documents are never deleted: ' + show(id));
    }
    if (deletedType === null) forbid('schema', 'no document type has the id ' + show(id));
    if (config.types[deletedType].central && !isAdmin) {
      forbid('unit', deletedType + ' documents are written by the central only (a server admin): ' + show(id));
    }
    var extra = tombstoneProblem(newDoc);
    if (extra) forbid('schema', deletedType + ' ' + show(id) + ': ' + extra);
    requireDevice(show(id));
    return;
  }

  var type = newDoc.type;
  if (typeof type !== 'string' || !has(config.types, type)) forbid('schema', 'unknown document type ' + show(type));
  var spec = config.types[type];
  if ((spec.central || (oldType !== null && has(config.types, oldType) && config.types[oldType].central)) && !isAdmin) {
    forbid('unit', (spec.central ? type : oldType) + ' documents are written by the central only (a server admin): ' + show(id));
  }
  if (oldDoc && !oldDoc._deleted && (oldImmutable || !spec.mutable) && !sameContent(newDoc, oldDoc)) {
    forbid('immutable', (oldImmutable ? oldType : type) + ' documents are never changed: ' + show(id));
  }
  /* Write-once (a mutable type with writeOnce: key transfers): a live document is only deleted. */
  if (oldDoc && !oldDoc._deleted && (spec.writeOnce || (oldType !== null && has(config.types, oldType) && config.types[oldType].writeOnce)) && !sameContent(newDoc, oldDoc)) {
    forbid('immutable', type + ' documents are never changed, only deleted: ' + show(id));
  }
  if (!spec.mutable) {
    /* Content-addressed (shared/ids/content-id): the id ends with the content hash H and the only
       revision is 1-H, written with new_edits=false. A replication write with a disjoint history
       reaches this function with oldDoc = null, so comparing with oldDoc cannot stop a forged
       sibling; binding the id and the revision to the content leaves no other revision to store. */
    var hash = contentHash(newDoc);
    if (id.slice(-65) !== ':' + hash) {
      forbid('immutable', type + ' ' + show(id) + ' does not end with the hash of its content');
    }
    var history = newDoc._revisions;
    if (newDoc._rev !== '1-' + hash || !history || history.start !== 1 || !isArray(history.ids) || history.ids.length !== 1 || history.ids[0] !== hash) {
      forbid('immutable', type + ' ' + show(id) + ' must be stored as its only revision 1-<content hash>, written with new_edits=false');
    }
    if (oldDoc && !oldDoc._deleted) {
      forbid('immutable', type + ' documents are never changed: ' + show(id));
    }
  }

  var schema = spec.schema;
  var label = type;
  if (spec.kinds) {
    if (typeof newDoc.kind !== 'string' || !has(spec.kinds, newDoc.kind)) forbid('schema', 'unknown ' + type + ' kind ' + show(newDoc.kind));
    schema = spec.kinds[newDoc.kind];
    label = type + ' ' + newDoc.kind;
  }
  for (var field in spec.ids) {
    if (!hasOwn.call(spec.ids, field)) continue;
    var value = field === '_id' ? id : newDoc[field];
    var problem = typeof value === 'string' ? templateProblem(value, spec.ids[field], newDoc) : 'is missing';
    if (problem) forbid('schema', label + ' ' + field + ' ' + show(value) + ' ' + problem);
  }
  if (!spec.central && newDoc.unitCode !== config.unitCode) {
    forbid('unit', label + ' has unitCode ' + show(newDoc.unitCode) + ' in the database of unit ' + config.unitCode);
  }
  if (has(newDoc, 'trackingNumber') && String(newDoc.trackingNumber).indexOf(config.unitCode + '-') !== 0) {
    forbid('unit', label + ' has the tracking number ' + show(newDoc.trackingNumber) + ' of another unit');
  }
  if (schema) {
    var found = check(schema, body(newDoc, true), '');
    if (found) forbid('schema', label + ': ' + found);
  }
  if (spec.files) {
    var fileProblem = attachmentProblem(newDoc, spec.files);
    if (fileProblem) forbid('schema', label + ': ' + fileProblem);
  }
  requireDevice(label + ' ' + show(id));
  if (!isAdmin && !spec.mutable && newDoc.deviceCode !== device) {
    forbid('device', label + ' ' + show(id) + ' names device ' + show(newDoc.deviceCode) + ' but was written by device ' + show(device));
  }
  /* A mutable document names the device that wrote this revision in lastChangedBy.device (the
     schema checked its form). Judged by newDoc alone: never by oldDoc, which is null for a
     replicated write with a disjoint history. */
  if (!isAdmin && spec.mutable) {
    var by = newDoc.lastChangedBy;
    if (!has(by, 'device')) {
      forbid('device', label + ' ' + show(id) + ' does not name the device that changed it (lastChangedBy is missing); it was written by device ' + show(device));
    }
    if (by.device !== device) {
      forbid('device', label + ' ' + show(id) + ' names device ' + show(by.device) + ' as the one that changed it but was written by device ' + show(device));
    }
  }
}`;
