/**
 * `central setup`: provisions one unit on a CouchDB 3.x server (or pouchdb-server), idempotently.
 * Each step reads what is there and writes only what differs:
 *   1. the `_users` system database (a fresh single-node CouchDB 3 may not have it yet)
 *   2. the unit database `meja-aduan-unit-<code>` (shared/couch/couch-names)
 *   3. the unit user `org.couchdb.user:unit-<code>` with the role `unit-<code>`; its password is
 *      set on every run (CouchDB stores only a hash, so "unchanged" cannot be told)
 *   4. the database's `_security`: members = that role and the national projector's role
 *      (`meja-aduan-projector`: it reads the unit's records for the national projection; the unit
 *      validator refuses its writes), admins = none beyond server admins. Setup owns this
 *      document: a hand-made change is put back on the next run
 *   5. `_design/meja-aduan` (shared/couch/unit-design-doc), rewritten only when its bytes differ
 *   6. a check as the unit user: it can open the database, and the validator refuses a malformed
 *      document (so validation is really active on this server)
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../shared/couch/canonical-json';
import {
  PROJECTOR_ROLE,
  UNIT_DESIGN_DOC_ID,
  unitDatabaseName,
  unitRole,
  unitUserName,
} from '../shared/couch/couch-names';
import { parseRejection } from '../shared/couch/rejection';
import { unitDesignDoc } from '../shared/couch/unit-design-doc';
import { isValidUnitCode, normaliseCode } from '../shared/ids/tracking-number';
import { CentralError } from './central-error';
import { describeFailure, expectStatus, type CouchHttp } from './couch-http';

export const MIN_PASSWORD_LENGTH = 8;

export type StepResult = Readonly<{ what: string; name: string; outcome: string }>;
export type UnitSetupResult = Readonly<{
  unitCode: string;
  database: string;
  user: string;
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

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CentralError(`The unit password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
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

async function ensureUnitUser(
  http: CouchHttp,
  user: string,
  role: string,
  password: string,
): Promise<string> {
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${user}`)}`;
  const current = await http.get(path);
  if (current.status !== 404) expectStatus(current, [200], `Reading the user ${user}`);
  const rev = current.status === 200 ? (current.body as { _rev?: string })._rev : undefined;
  const doc = { _id: `org.couchdb.user:${user}`, name: user, type: 'user', roles: [role], password };
  const written = await http.put(path, rev === undefined ? doc : { ...doc, _rev: rev });
  expectStatus(written, [201, 202], `Writing the user ${user}`);
  return rev === undefined ? `created (role ${role})` : `password and role ${role} set`;
}

/** Logs in as the unit and checks that it can read its database and that validation is active. */
async function checkAsUnit(
  http: CouchHttp,
  database: string,
  user: string,
  password: string,
): Promise<string> {
  const unit = http.as(user, password);
  const db = encodeURIComponent(database);
  let opened = await unit.get(db);
  // CouchDB's authentication cache follows `_users` asynchronously: right after a password
  // change the old one may still be cached for a moment. Two more tries, a second apart, stay
  // well below the login lockout (5 failures).
  for (let attempt = 0; attempt < 2 && opened.status === 401; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    opened = await unit.get(db);
  }
  if (opened.status !== 200) {
    throw new CentralError(`The unit user ${user} cannot open ${database}: ${describeFailure(opened)}.`);
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

/** Writes the unit's `_design/meja-aduan` unless the stored one is byte-identical; says which. */
export async function ensureUnitDesignDoc(http: CouchHttp, unitCode: string): Promise<string> {
  const design = unitDesignDoc(unitCode);
  const digest = createHash('sha256').update(canonicalJson(design)).digest('hex').slice(0, 12);
  const path = `${encodeURIComponent(unitDatabaseName(unitCode))}/${UNIT_DESIGN_DOC_ID}`;
  const outcome = await ensureDocument(http, path, design, UNIT_DESIGN_DOC_ID);
  return `${outcome} (sha256 ${digest})`;
}

export async function setupUnit(
  http: CouchHttp,
  unitCodeText: string,
  password: string,
): Promise<UnitSetupResult> {
  const unitCode = checkUnitCode(unitCodeText);
  checkPassword(password);
  const database = unitDatabaseName(unitCode);
  const user = unitUserName(unitCode);
  const role = unitRole(unitCode);
  const steps: StepResult[] = [];
  const step = (what: string, name: string, outcome: string): void =>
    void steps.push({ what, name, outcome });

  step('system database', '_users', await ensureDatabase(http, '_users'));
  step('database', database, await ensureDatabase(http, database));
  step('user', user, await ensureUnitUser(http, user, role, password));
  step(
    'security',
    `members: roles ${role}, ${PROJECTOR_ROLE}`,
    await ensureSecurity(http, database, unitSecurity(unitCode)),
  );
  step('validation', UNIT_DESIGN_DOC_ID, await ensureUnitDesignDoc(http, unitCode));
  step(
    'check',
    `${user} logs in; a malformed document is refused`,
    await checkAsUnit(http, database, user, password),
  );
  return { unitCode, database, user, steps };
}
