/**
 * The validator of device accounts in `_users`, `_design/meja-aduan-devices` (./device-accounts;
 * docs/decisions/014-device-accounts.md). `central setup` and `central device add` write it.
 */
import { USERS_DESIGN_DOC_ID } from '../shared/couch/couch-names';

/** The field of a device's `_users` document that holds its Meja Aduan state. */
export const DEVICE_FIELD = 'meja_aduan';

/**
 * `validate_doc_update` of `_users` for device accounts (ES5, like the unit validator). Server
 * admins are not checked. Only they create accounts (device accounts are members of `_users`, and
 * CouchDB would let a member sign a new user up); other changes of accounts without the Meja Aduan
 * field are left to CouchDB's own rules.
 * Refusals are `{forbidden: '<code>: <sentence>'}` with the codes `device` and `expired`.
 */
export const USERS_VALIDATOR_SOURCE = `function (newDoc, oldDoc, userCtx, secObj) {
  var FIELD = '${DEVICE_FIELD}';
  var roles = (userCtx && userCtx.roles) || [];
  for (var r = 0; r < roles.length; r++) {
    if (roles[r] === '_admin') return;
  }
  var before = oldDoc && !oldDoc._deleted ? oldDoc[FIELD] : null;
  var after = newDoc[FIELD];
  if (!oldDoc || oldDoc._deleted) throw { forbidden: 'device: only server admins create accounts' };
  if (!before) return;
  if (newDoc._deleted) throw { forbidden: 'device: only server admins delete device accounts' };
  if (!after || typeof after !== 'object') throw { forbidden: 'device: the Meja Aduan fields of a device account stay' };
  var keys = ['unitCode', 'deviceCode', 'createdAt', 'expiresAt', 'expiredAt', 'revokedAt'];
  for (var i = 0; i < keys.length; i++) {
    if (after[keys[i]] !== before[keys[i]]) throw { forbidden: 'device: only server admins change ' + keys[i] };
  }
  if (before.revokedAt || before.expiredAt) throw { forbidden: 'device: this device account is disabled' };
  if (before.enrolledAt) {
    if (after.enrolledAt !== before.enrolledAt) throw { forbidden: 'device: this device is already enrolled' };
    return;
  }
  if (!(Date.now() < Date.parse(before.expiresAt))) {
    throw { forbidden: 'expired: the enrolment code of this device expired at ' + before.expiresAt };
  }
  var changed = Object.prototype.hasOwnProperty.call(newDoc, 'password') || newDoc.derived_key !== oldDoc.derived_key || newDoc.password_sha !== oldDoc.password_sha;
  if (typeof after.enrolledAt !== 'string' || !changed) {
    throw { forbidden: 'device: an enrolment replaces the one-time password and sets enrolledAt' };
  }
}`;

export function usersDesignDoc(): Readonly<Record<string, unknown>> {
  return { _id: USERS_DESIGN_DOC_ID, language: 'javascript', validate_doc_update: USERS_VALIDATOR_SOURCE };
}
