/**
 * `central setup`: provisions one unit on a CouchDB 3.x server (or pouchdb-server), idempotently.
 * Each step reads what is there and writes only what differs:
 *   1. the `_users` system database (a fresh single-node CouchDB 3 may not have it yet) and its
 *      device-account validator `_design/meja-aduan-devices` (./device-accounts)
 *   2. the unit database `meja-aduan-unit-<code>` (shared/couch/couch-names)
 *   3. the former shared unit user `org.couchdb.user:unit-<code>` is removed when it exists: every
 *      device has its own account now (./device-accounts; docs/central.md, "Moving a unit to
 *      device accounts")
 *   4. the database's `_security`: members = the unit role (every device account holds it) and
 *      the national projector's role (`meja-aduan-projector`: it reads the unit's records for the
 *      national projection; the unit validator refuses its writes), admins = none beyond server
 *      admins. Setup owns this document: a hand-made change is put back on the next run
 *   5. `_design/meja-aduan` (shared/couch/unit-design-doc), rewritten only when its bytes differ,
 *      and `_design/meja-aduan-stages` (shared/couch/stages-design-doc: the views a new device's
 *      staged first download reads), likewise
 *   6. a check as a member of the unit (a throw-away user with the unit role, removed after): it can
 *      open the database, and the validator refuses a malformed document (so validation is
 *      really active on this server)
 * The first device's account and enrolment code are the CLI's (`central setup` prints them).
 */
import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../shared/couch/canonical-json';
import {
  PROJECTOR_ROLE,
  UNIT_DESIGN_DOC_ID,
  DEVICE_ACCOUNT_ROLE,
  USERS_DESIGN_DOC_ID,
  legacyUnitUserName,
  unitDatabaseName,
  unitRole,
} from '../shared/couch/couch-names';
import { parseRejection } from '../shared/couch/rejection';
import { STAGES_DESIGN_DOC_ID, stagesDesignDoc } from '../shared/couch/stages-design-doc';
import { unitDesignDoc } from '../shared/couch/unit-design-doc';
import { isValidUnitCode, normaliseCode } from '../shared/ids/tracking-number';
import { CentralError } from './central-error';
import { describeFailure, expectStatus, type CouchHttp } from './couch-http';
import { usersDesignDoc } from './device-validation';

/** The shortest password `central national` accepts for the projector. */
export const MIN_PASSWORD_LENGTH = 8;

export type StepResult = Readonly<{ what: string; name: string; outcome: string }>;
export type UnitSetupResult = Readonly<{
  unitCode: string;
  database: string;
  steps: StepResult[];
}>;

/** The unit code as typed, normalised, or a CentralError saying what a unit code is. */
export function checkUnitCode(text: string): string {
  const code = normaliseCode(text);
  if (!isValidUnitCode(code)) {
    throw new CentralError(
      `${JSON.stringify(text)} is not a unit code: 2 to 10 letters and digits, without I, L, O, 0 and 1 (e.g. KTB).`,
    );
  }
  return code;
}

/**
 * The `_security` of a unit database: members are the unit's role (its devices read and write)
 * and the national projector's role (reads only: the unit validator refuses writes from users
 * without the unit's role); admins none beyond server admins. `central national` writes the same.
 */
export function unitSecurity(unitCode: string): Readonly<Record<string, unknown>> {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [unitRole(unitCode), PROJECTOR_ROLE] },
  };
}

/** Creates `name` unless it exists. */
export async function ensureDatabase(http: CouchHttp, name: string): Promise<'created' | 'exists'> {
  const response = await http.put(encodeURIComponent(name), undefined);
  if (response.status === 412) return 'exists';
  expectStatus(response, [201, 202], `Creating the database ${name}`);
  return 'created';
}

/** Writes `doc` at `path` unless the stored one has the same canonical JSON (ignoring `_rev`). */
export async function ensureDocument(
  http: CouchHttp,
  path: string,
  doc: Readonly<Record<string, unknown>>,
  what: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  const current = await http.get(path);
  let rev: string | undefined;
  if (current.status === 200) {
    const { _rev: storedRev, ...stored } = current.body as Record<string, unknown>;
    if (canonicalJson(stored) === canonicalJson(doc)) return 'unchanged';
    rev = typeof storedRev === 'string' ? storedRev : undefined;
  } else expectStatus(current, [404], `Reading ${what}`);
  const written = await http.put(path, rev === undefined ? doc : { ...doc, _rev: rev });
  expectStatus(written, [201, 202], `Writing ${what}`);
  return rev === undefined ? 'created' : 'updated';
}

/** Puts `security` as the `_security` of `database` unless it is already that. */
export async function ensureSecurity(
  http: CouchHttp,
  database: string,
  security: Readonly<Record<string, unknown>>,
): Promise<'set' | 'unchanged'> {
  const path = `${encodeURIComponent(database)}/_security`;
  const current = await http.get(path);
  expectStatus(current, [200], `Reading the security of ${database}`);
  if (canonicalJson(current.body ?? {}) === canonicalJson(security)) return 'unchanged';
  expectStatus(await http.put(path, security), [200, 201], `Setting the security of ${database}`);
  return 'set';
}

/** Removes the former shared unit user (one password for every device of the unit), if it exists. */
async function removeLegacyUnitUser(http: CouchHttp, user: string): Promise<string> {
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${user}`)}`;
  const current = await http.get(path);
  if (current.status === 404) return 'none (devices have their own accounts)';
  expectStatus(current, [200], `Reading the user ${user}`);
  const rev = (current.body as { _rev?: string })._rev ?? '';
  const removed = await http.request('DELETE', `${path}?rev=${encodeURIComponent(rev)}`);
  expectStatus(removed, [200, 202], `Removing the shared unit user ${user}`);
  return 'removed: the shared unit password no longer signs in; enrol each device (central device add)';
}

/**
 * Logs in as a member of the unit (a throw-away user with the unit role, removed afterwards) and
 * checks that it can read the database and that validation is active.
 */
async function checkAsUnit(http: CouchHttp, unitCode: string, database: string): Promise<string> {
  const user = `meja-aduan-setup-check-${unitCode.toLowerCase()}`;
  const password = randomBytes(24).toString('base64url');
  const userPath = `_users/${encodeURIComponent(`org.couchdb.user:${user}`)}`;
  const existing = await http.get(userPath);
  const existingRev = existing.status === 200 ? (existing.body as { _rev?: string })._rev : undefined;
  const created = await http.put(userPath, {
    _id: `org.couchdb.user:${user}`,
    ...(existingRev === undefined ? {} : { _rev: existingRev }),
    name: user,
    type: 'user',
    roles: [unitRole(unitCode)],
    password,
  });
  expectStatus(created, [201, 202], `Writing the check user ${user}`);
  try {
    return await probeAsUnit(http, http.as(user, password), database, user);
  } finally {
    const rev = (created.body as { rev?: string }).rev ?? '';
    await http.request('DELETE', `${userPath}?rev=${encodeURIComponent(rev)}`);
  }
}

async function probeAsUnit(
  http: CouchHttp,
  unit: CouchHttp,
  database: string,
  user: string,
): Promise<string> {
  const db = encodeURIComponent(database);
  let opened = await unit.get(db);
  // CouchDB's authentication cache follows `_users` asynchronously: right after a user is
  // written it may not know it for a moment. Two more tries, a second apart, stay well below the
  // login lockout (5 failures).
  for (let attempt = 0; attempt < 2 && opened.status === 401; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    opened = await unit.get(db);
  }
  if (opened.status !== 200) {
    throw new CentralError(`The unit member ${user} cannot open ${database}: ${describeFailure(opened)}.`);
  }
  const probeId = 'meja-aduan-setup-probe';
  const probe = await unit.put(`${db}/${probeId}`, { type: 'setup-probe' });
  if (probe.status === 201 || probe.status === 202) {
    const rev = (probe.body as { rev?: string }).rev ?? '';
    await http.request('DELETE', `${db}/${probeId}?rev=${encodeURIComponent(rev)}`);
    throw new CentralError(
      `The server accepted a malformed document in ${database}: its validate_doc_update is not active.`,
    );
  }
  const reason = (probe.body as { reason?: unknown } | null)?.reason;
  if (probe.status !== 403 || typeof reason !== 'string' || parseRejection(reason)?.code !== 'schema') {
    throw new CentralError(
      `Unexpected answer when checking validation in ${database}: ${describeFailure(probe)}.`,
    );
  }
  return 'ok';
}

/**
 * The `_security` of `_users`: device accounts are members, so that a device can read and update
 * its own account (its enrolment: CouchDB 3 lets a user reach only their own document there, never
 * list the others, never change roles). CouchDB 3 makes `_users` admin-only and this document
 * read-only unless `[couchdb] users_db_security_editable = true` (set by `ensureDeviceValidation`).
 */
export const USERS_SECURITY: Readonly<Record<string, unknown>> = {
  admins: { names: [], roles: ['_admin'] },
  members: { names: [], roles: ['_admin', DEVICE_ACCOUNT_ROLE] },
};

/**
 * `[couchdb] users_db_security_editable = true` on every node of the cluster (CouchDB keeps it in
 * its local.ini); without it CouchDB 3 refuses `_users/_security`. pouchdb-server has no such setting.
 */
async function allowUsersSecurity(http: CouchHttp): Promise<string> {
  const membership = await http.get('_membership');
  if (membership.status === 404 || membership.status === 400) return 'not applicable';
  expectStatus(membership, [200], 'Reading the cluster membership');
  const nodes = (membership.body as { all_nodes?: unknown }).all_nodes;
  const names = Array.isArray(nodes) ? nodes.filter((node): node is string => typeof node === 'string') : [];
  let changed = 0;
  for (const node of names) {
    const path = `_node/${encodeURIComponent(node)}/_config/couchdb/users_db_security_editable`;
    const current = await http.get(path);
    if (current.status === 200 && current.body === 'true') continue;
    expectStatus(
      await http.put(path, JSON.stringify('true')),
      [200],
      `Setting users_db_security_editable on ${node}`,
    );
    changed++;
  }
  return changed === 0 ? 'unchanged' : `set on ${changed} node(s)`;
}

/**
 * `_users`, its device-account validator (./device-validation) and its security (device accounts
 * are members), each written only when it differs.
 */
export async function ensureDeviceValidation(http: CouchHttp): Promise<string> {
  await ensureDatabase(http, '_users');
  const config = await allowUsersSecurity(http);
  const security = await ensureSecurity(http, '_users', USERS_SECURITY);
  const design = await ensureDocument(
    http,
    `_users/${USERS_DESIGN_DOC_ID}`,
    usersDesignDoc(),
    `${USERS_DESIGN_DOC_ID} in _users`,
  );
  return `validator ${design}, security ${security}, users_db_security_editable ${config}`;
}

/** Writes the unit's `_design/meja-aduan` unless the stored one is byte-identical; says which. */
export async function ensureUnitDesignDoc(http: CouchHttp, unitCode: string): Promise<string> {
  const design = unitDesignDoc(unitCode);
  const digest = createHash('sha256').update(canonicalJson(design)).digest('hex').slice(0, 12);
  const path = `${encodeURIComponent(unitDatabaseName(unitCode))}/${UNIT_DESIGN_DOC_ID}`;
  const outcome = await ensureDocument(http, path, design, UNIT_DESIGN_DOC_ID);
  return `${outcome} (sha256 ${digest})`;
}

/**
 * Writes the unit's `_design/meja-aduan-stages` unless the stored one is byte-identical; says which.
 * CouchDB 3 builds its indexes in the background (ken) after the write; a device asks with
 * `update=lazy`, so an index still building never holds a download up.
 */
export async function ensureUnitStagesDoc(http: CouchHttp, unitCode: string): Promise<string> {
  const path = `${encodeURIComponent(unitDatabaseName(unitCode))}/${STAGES_DESIGN_DOC_ID}`;
  return ensureDocument(http, path, stagesDesignDoc(), STAGES_DESIGN_DOC_ID);
}

export async function setupUnit(http: CouchHttp, unitCodeText: string): Promise<UnitSetupResult> {
  const unitCode = checkUnitCode(unitCodeText);
  const database = unitDatabaseName(unitCode);
  const role = unitRole(unitCode);
  const legacyUser = legacyUnitUserName(unitCode);
  const steps: StepResult[] = [];
  const step = (what: string, name: string, outcome: string): void =>
    void steps.push({ what, name, outcome });

  step('system database', '_users', await ensureDatabase(http, '_users'));
  step('device validation', USERS_DESIGN_DOC_ID, await ensureDeviceValidation(http));
  step('database', database, await ensureDatabase(http, database));
  step('shared unit user', legacyUser, await removeLegacyUnitUser(http, legacyUser));
  step(
    'security',
    `members: roles ${role}, ${PROJECTOR_ROLE}`,
    await ensureSecurity(http, database, unitSecurity(unitCode)),
  );
  step('validation', UNIT_DESIGN_DOC_ID, await ensureUnitDesignDoc(http, unitCode));
  step('stage views', STAGES_DESIGN_DOC_ID, await ensureUnitStagesDoc(http, unitCode));
  step(
    'check',
    'a member of the unit logs in; a malformed document is refused',
    await checkAsUnit(http, unitCode, database),
  );
  return { unitCode, database, steps };
}
