/**
 * ES5 source of the national database's `validate_doc_update` (docs/decisions/
 * 008-national-projection.md), and the former national replication filter until the unit
 * design document stops carrying it.
 *
 * The national database holds only the projection that central/national-projector computes with
 * shared/national/national-projection: the projector role and server admins write it, nobody
 * else. This validator is the second lock behind that code: it refuses, even from a server admin,
 *   - reporter documents and any document with files (`privacy`);
 *   - a confidential complaint's projection with any field beyond unit, month received, channel,
 *     category (a code), status and stage instants: no text, no tracking number (`privacy`);
 *   - any field a national document type does not have, any unknown type, and a deletion that
 *     carries content (`schema`, `privacy`);
 *   - the unit registry from anyone but a server admin, design documents likewise (`unit`, `design`);
 *   - the national calendar of a year (`calendar:national:<year>`, ../calendar/national-calendar)
 *     from anyone but a server admin (`unit`), or with other fields (`schema`); `central calendar
 *     import` writes it here and into every unit database, whose validator checks its entries.
 * The vocabularies (channels, statuses, report types, entity types, stage names) are written
 * into the source from the app's own lists, so the text changes only with them; `central
 * national` rewrites the design document when it differs.
 */
import { CHRONOLOGY_MAX } from '../complaint/complaint-limits';
import { CHANNELS, COMPLAINT_STATUSES, ENTITY_TYPES, REPORT_TYPES } from '../complaint/vocabulary';
import {
  CATEGORY_CODE_MAX,
  CONFIDENTIAL_STAGE_KEYS,
  NATIONAL_COMPACTION_ID,
  NATIONAL_HASH_DIGITS,
  NATIONAL_SCHEMA_VERSION,
} from '../national/national-schema';
import { NATIONAL_CALENDAR_ID_PREFIX, NATIONAL_CALENDAR_TYPE } from '../calendar/national-calendar';
import { NATIONAL_UNITS_ID, PROJECTOR_ROLE } from './couch-names';

const list = (values: readonly string[]): string => JSON.stringify(values);

export const NATIONAL_VALIDATE_SOURCE = `function (newDoc, oldDoc, userCtx, secObj) {
  var CHANNELS = ${list(CHANNELS)};
  var STATUSES = ${list(COMPLAINT_STATUSES)};
  var REPORT_TYPES = ${list(REPORT_TYPES)};
  var ENTITY_TYPES = ${list(ENTITY_TYPES)};
  var STAGES = ${list(CONFIDENTIAL_STAGE_KEYS)};
  var BOOKKEEPING = ['_id', '_rev', '_revisions'];
  var UNIT = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{2,10}$/;
  var INSTANT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$/;
  var MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
  var HASH = /^[0-9a-f]{${NATIONAL_HASH_DIGITS}}$/;
  var CATEGORY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var own = Object.prototype.hasOwnProperty;
  function fail(code, message) {
    throw { forbidden: code + ': ' + message };
  }
  function has(values, value) {
    for (var i = 0; i < values.length; i++) {
      if (values[i] === value) return true;
    }
    return false;
  }
  function onlyFields(doc, fields, code, what) {
    for (var key in doc) {
      if (own.call(doc, key) && !has(BOOKKEEPING, key) && !has(fields, key)) {
        fail(code, 'the field ' + key + ' is not allowed in ' + what);
      }
    }
  }
  function isText(value, max) {
    return typeof value === 'string' && value.length > 0 && value.length <= max;
  }
  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }
  function isObject(value) {
    return value !== null && typeof value === 'object' && !isArray(value);
  }
  function checkStages(stages, names, code, what) {
    if (!isObject(stages)) fail('schema', 'stages must be an object');
    onlyFields(stages, names, code, what);
    for (var key in stages) {
      if (own.call(stages, key) && !(typeof stages[key] === 'string' && INSTANT.test(stages[key]))) {
        fail('schema', 'stage ' + key + ' is not an instant');
      }
    }
  }
  function checkComplaint(doc, id) {
    var unit = doc.unitCode;
    var prefix = 'complaint:' + unit + ':';
    if (id.indexOf(prefix) !== 0 || !HASH.test(id.substring(prefix.length))) {
      fail('schema', 'a national complaint id is complaint:<unit>:<${NATIONAL_HASH_DIGITS} hex digits>');
    }
    if (!(typeof doc.receivedMonth === 'string' && MONTH.test(doc.receivedMonth))) fail('schema', 'receivedMonth is YYYY-MM');
    if (!has(CHANNELS, doc.channel)) fail('schema', 'unknown channel');
    if (!has(STATUSES, doc.status)) fail('schema', 'unknown status');
    var common = ['type', 'schemaVersion', 'unitCode', 'privacyMode', 'receivedMonth', 'channel', 'category', 'status', 'stages'];
    if (doc.privacyMode === 'confidential') {
      var counts = 'a confidential complaint (counts only: no text, no tracking number)';
      onlyFields(doc, common, 'privacy', counts);
      if (!(isText(doc.category, ${CATEGORY_CODE_MAX}) && CATEGORY.test(doc.category))) {
        fail('privacy', 'the category of a confidential complaint must be a category code');
      }
      checkStages(doc.stages, STAGES, 'privacy', counts);
      return;
    }
    if (doc.privacyMode !== 'named' && doc.privacyMode !== 'anonymous') fail('schema', 'unknown privacy mode');
    var what = 'a national complaint';
    onlyFields(doc, common.concat(['trackingNumber', 'reportType', 'office', 'satisfactionScore', 'title', 'chronology']), 'schema', what);
    if (!(typeof doc.trackingNumber === 'string' && doc.trackingNumber.indexOf(unit + '-') === 0)) {
      fail('schema', 'the tracking number is not of the unit');
    }
    if (!isText(doc.category, 200)) fail('schema', 'category is text');
    if (!has(REPORT_TYPES, doc.reportType)) fail('schema', 'unknown report type');
    if (!(doc.office === null || isText(doc.office, 200))) fail('schema', 'office is text or null');
    var score = doc.satisfactionScore;
    if (!(score === null || (typeof score === 'number' && score % 1 === 0 && score >= 1 && score <= 5))) {
      fail('schema', 'satisfactionScore is 1 to 5 or null');
    }
    if (!isText(doc.title, 1000) || !isText(doc.chronology, ${CHRONOLOGY_MAX})) fail('schema', 'title and chronology are text');
    checkStages(doc.stages, STAGES.concat(['receivedAt']), 'schema', what);
    if (!INSTANT.test(doc.stages.receivedAt)) fail('schema', 'stages.receivedAt is missing');
  }

  var roles = (userCtx && userCtx.roles) || [];
  var isAdmin = has(roles, '_admin');
  if (!isAdmin && !has(roles, '${PROJECTOR_ROLE}')) {
    fail('unit', 'only the national projector and server admins write to the national database');
  }
  var id = String(newDoc._id);
  if (id.indexOf('_design/') === 0) {
    if (!isAdmin) fail('design', 'only server admins write design documents');
    return;
  }
  if (newDoc.type === 'reporter' || id.indexOf('reporter:') === 0) {
    fail('privacy', 'reporter identity never enters the national database');
  }
  var files = newDoc._attachments;
  if (files) {
    for (var name in files) {
      if (own.call(files, name)) fail('privacy', 'files never enter the national database');
    }
  }
  if (newDoc._deleted === true) {
    onlyFields(newDoc, ['_deleted'], 'privacy', 'a deletion (it carries no content)');
    return;
  }
  if (newDoc.schemaVersion !== ${NATIONAL_SCHEMA_VERSION}) fail('schema', 'unknown schemaVersion');
  var type = newDoc.type;
  if (type !== 'national-units' && type !== 'national-compaction' && type !== '${NATIONAL_CALENDAR_TYPE}' && !(typeof newDoc.unitCode === 'string' && UNIT.test(newDoc.unitCode))) {
    fail('schema', 'unitCode is not a unit code');
  }
  if (type === 'national-complaint') {
    checkComplaint(newDoc, id);
  } else if (type === 'national-unit-profile') {
    if (id !== 'unit-profile:' + newDoc.unitCode) fail('schema', 'a unit profile id is unit-profile:<unit>');
    onlyFields(newDoc, ['type', 'schemaVersion', 'unitCode', 'unitName', 'agency', 'entityType', 'contact', 'address'], 'schema', 'a unit profile');
    if (!isText(newDoc.unitName, 200) || !isText(newDoc.agency, 200) || !isText(newDoc.contact, 200)) {
      fail('schema', 'unitName, agency and contact are text');
    }
    if (!(newDoc.address === '' || isText(newDoc.address, 300))) fail('schema', 'address is text');
    if (!has(ENTITY_TYPES, newDoc.entityType)) fail('schema', 'unknown entity type');
  } else if (type === 'national-checkpoint') {
    if (id !== 'checkpoint:' + newDoc.unitCode) fail('schema', 'a checkpoint id is checkpoint:<unit>');
    onlyFields(newDoc, ['type', 'schemaVersion', 'unitCode', 'since'], 'schema', 'a checkpoint');
    if (!isText(newDoc.since, 2000)) fail('schema', 'since is text');
  } else if (type === 'national-compaction') {
    if (id !== '${NATIONAL_COMPACTION_ID}') fail('schema', 'the compaction list is ${NATIONAL_COMPACTION_ID}');
    onlyFields(newDoc, ['type', 'schemaVersion', 'pending'], 'schema', 'the compaction list');
    var pending = newDoc.pending;
    if (!isArray(pending)) fail('schema', 'pending is a list');
    for (var p = 0; p < pending.length; p++) {
      var entry = pending[p];
      if (!isObject(entry)) fail('schema', 'a pending entry is an object');
      onlyFields(entry, ['id', 'rev'], 'schema', 'a pending entry');
      if (!isText(entry.id, 100) || entry.id.indexOf('complaint:') !== 0 || !isText(entry.rev, 200)) {
        fail('schema', 'a pending entry names a national complaint and a revision');
      }
    }
  } else if (type === 'national-units') {
    if (!isAdmin) fail('unit', 'only server admins write the unit registry');
    if (id !== '${NATIONAL_UNITS_ID}') fail('schema', 'the unit registry is ${NATIONAL_UNITS_ID}');
    onlyFields(newDoc, ['type', 'schemaVersion', 'units'], 'schema', 'the unit registry');
    var units = newDoc.units;
    if (!isArray(units)) fail('schema', 'units is a list');
    for (var u = 0; u < units.length; u++) {
      if (!(typeof units[u] === 'string' && UNIT.test(units[u]))) fail('schema', 'units holds unit codes');
    }
  } else if (type === '${NATIONAL_CALENDAR_TYPE}') {
    if (!isAdmin) fail('unit', 'only server admins write the national calendar');
    if (!(typeof newDoc.year === 'string' && /^[0-9]{4}$/.test(newDoc.year)) || id !== '${NATIONAL_CALENDAR_ID_PREFIX}' + newDoc.year) {
      fail('schema', 'a national calendar id is ${NATIONAL_CALENDAR_ID_PREFIX}<year>');
    }
    onlyFields(newDoc, ['type', 'schemaVersion', 'year', 'version', 'source', 'importedAt', 'entries'], 'schema', 'a national calendar');
    if (!(typeof newDoc.version === 'number' && newDoc.version % 1 === 0 && newDoc.version >= 1)) fail('schema', 'version is a whole number from 1');
    if (!isText(newDoc.source, 500) || !INSTANT.test(newDoc.importedAt)) fail('schema', 'source is text and importedAt an instant');
    if (!isArray(newDoc.entries)) fail('schema', 'entries is a list');
    for (var c = 0; c < newDoc.entries.length; c++) {
      var day = newDoc.entries[c];
      if (!isObject(day)) fail('schema', 'an entry is an object');
      onlyFields(day, ['date', 'weekday', 'name', 'kind'], 'schema', 'a national calendar entry');
      if (!(typeof day.date === 'string' && day.date.indexOf(newDoc.year + '-') === 0 && day.date.length === 10)) fail('schema', 'an entry has a date of the year');
      if (!(day.kind === 'holiday' || day.kind === 'cuti-bersama')) fail('schema', 'an entry is a holiday or cuti-bersama');
      if (!isObject(day.name) || !isText(day.name.id, 200) || !isText(day.name.en, 200)) fail('schema', 'an entry has names in Indonesian and English');
    }
  } else {
    fail('schema', 'unknown document type for the national database');
  }
}`;
