/**
 * The two functions of the national aggregation (design.md §3, decision 4), as constant ES5
 * source strings. Their text must stay byte-stable: CouchDB's replicator derives a replication's
 * id from the filter's source, so any edit restarts every unit's national replication from the
 * beginning (the test pins their SHA-256 so that such an edit is deliberate).
 *
 * What leaves a unit: CouchDB replication copies whole documents; a filter can only choose
 * documents, never strip fields or files from one. The complainant's identity lives only in
 * `reporter:<trackingNumber>` documents (complaint and event documents never hold it, see
 * shared/complaint/complaint-schema), so the rule is:
 *   - complaint documents WITHOUT files, and event documents: replicated (no identity in them);
 *   - reporter documents: never (named, confidential or anonymous alike: the filter cannot see a
 *     complaint's privacy mode from its reporter document, and the identity is the unit's);
 *   - any document carrying files (`_attachments`), and complaint documents listing files: never.
 *     A file (a KTP scan, a photo) or its name ("ktp-siti.jpg") can carry identity, and a filter
 *     cannot drop the files of a document it passes. Such a complaint stays in its unit; its
 *     `received` event (which every complaint has, and which holds no identity or files) still
 *     reaches the national database, so national counts stay complete;
 *   - the unit profile: replicated (the unit's public name and contact);
 *   - everything else (settings, offices, packet drafts, design documents, deletions): never.
 * Free text an officer writes (titles, chronologies, notes, summaries) is replicated as written.
 */

export const NATIONAL_FILTER_SOURCE = `function (doc, req) {
  if (doc._deleted || typeof doc._id !== 'string' || doc._id.indexOf('_design/') === 0) return false;
  var files = doc._attachments;
  if (files) {
    for (var name in files) {
      if (Object.prototype.hasOwnProperty.call(files, name)) return false;
    }
  }
  if (doc.type === 'event' || doc.type === 'unit-profile') return true;
  if (doc.type === 'complaint') return !(doc.attachments && doc.attachments.length > 0);
  return false;
}`;

/**
 * `validate_doc_update` of the national database: only server admins (the replicator) write,
 * and a reporter document or a document with files is refused even from them: a second lock
 * behind the filter, in case a replication is ever set up without it.
 */
export const NATIONAL_VALIDATE_SOURCE = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = (userCtx && userCtx.roles) || [];
  var isAdmin = false;
  for (var i = 0; i < roles.length; i++) {
    if (roles[i] === '_admin') isAdmin = true;
  }
  if (!isAdmin) throw { forbidden: 'unit: only the central replication writes to the national database' };
  var id = String(newDoc._id);
  if (id.indexOf('_design/') === 0 || newDoc._deleted === true) return;
  if (newDoc.type === 'reporter' || id.indexOf('reporter:') === 0) {
    throw { forbidden: 'privacy: reporter identity never enters the national database' };
  }
  var files = newDoc._attachments;
  if (files) {
    for (var name in files) {
      if (Object.prototype.hasOwnProperty.call(files, name)) {
        throw { forbidden: 'privacy: files never enter the national database' };
      }
    }
  }
}`;
