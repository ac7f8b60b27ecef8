/**
 * `central national`: the national database and what the national projector needs, idempotently
 * (docs/central.md, "National database"; docs/decisions/008-national-projection.md). Run as a
 * server admin; each step reads what is there and writes only what differs:
 *   1. the `_users` system database, the national database `meja-aduan-national` and its
 *      `_security`: members = the roles `meja-aduan-national-reader` (central administrators'
 *      accounts, read only) and `meja-aduan-projector`; admins = the projector role, so that it
 *      can compact the database (CouchDB 3 lets only server admins purge, database admins
 *      compact: see the decision record). `_design/meja-aduan-national` holds the validator
 *      (shared/couch/national-sources): only the projector and server admins write, and only
 *      national document types; identity, files and text in a confidential projection are
 *      refused even from them.
 *   2. migration from the former filtered replication: every `_replicator` document
 *      `meja-aduan-national-*` is removed (no replication, and so no stored server-admin password,
 *      is left), and every document of the national database that is not a national document
 *      type (raw complaints and events the replication copied, with their text) is purged
 *      (gone from the API at once) and the database compacted (gone from disk).
 *   3. the projector's CouchDB user `meja-aduan-projector` (role `meja-aduan-projector`): the
 *      password given is set; without one, an existing user keeps its password, and a new one
 *      gets a generated password that is returned (printed once by the CLI) and never stored.
 *   4. per unit (the codes given, or every `meja-aduan-unit-*` database found): the unit must be
 *      set up; its `_security` is put in the form `central setup` writes (members: the unit role
 *      and the projector role), so the projector can read it.
 *   5. the unit registry, document `units` in the national database: the units the projector
 *      follows (`_all_dbs` is for server admins only). Units given are added; units whose
 *      database no longer exists are dropped.
 */
import { randomBytes } from 'node:crypto';
import {
  NATIONAL_DATABASE_NAME,
  NATIONAL_DESIGN_DOC_ID,
  NATIONAL_READER_ROLE,
  NATIONAL_REPLICATION_PREFIX,
  NATIONAL_UNITS_ID,
  PROJECTOR_ROLE,
  PROJECTOR_USER,
  UNIT_DESIGN_DOC_ID,
  unitCodeOfDatabase,
  unitDatabaseName,
  unitRole,
} from '../shared/couch/couch-names';
import { nationalDesignDoc } from '../shared/couch/national-design-doc';
import { HIGH_SENTINEL } from '../shared/ids/document-ids';
import { NATIONAL_SCHEMA_VERSION, NATIONAL_TYPES } from '../shared/national/national-schema';
import { CentralError } from './central-error';
import { expectStatus, type CouchHttp } from './couch-http';
import {
  checkUnitCode,
  ensureDatabase,
  ensureDocument,
  ensureSecurity,
  unitSecurity,
  MIN_PASSWORD_LENGTH,
  type StepResult,
} from './unit-setup';

export type NationalSetupOptions = Readonly<{
  /** The units to add (default: every unit database on the server). */
  units?: readonly string[];
  /** The projector user's password (default: keep an existing user's, generate a new user's). */
  projectorPassword?: string;
}>;

export type NationalSetupResult = Readonly<{
  database: string;
  /** The units in the registry after the run. */
  units: string[];
  steps: StepResult[];
  /** The projector's user name and, only when this run generated it, its password. */
  projector: Readonly<{ user: string; generatedPassword: string | null }>;
}>;

/** Purge requests carry at most this many document ids (CouchDB's default `max_document_id_number`). */
const PURGE_BATCH = 100;
const PAGE = 500;

/** The `_security` of the national database (see the module comment). */
export function nationalSecurity(): Readonly<Record<string, unknown>> {
  return {
    admins: { names: [], roles: [PROJECTOR_ROLE] },
    members: { names: [], roles: [NATIONAL_READER_ROLE, PROJECTOR_ROLE] },
  };
}

/** The unit codes of every unit database on the server, sorted (server admins only: `_all_dbs`). */
export async function findUnitCodes(http: CouchHttp): Promise<string[]> {
  const response = await http.get('_all_dbs');
  expectStatus(response, [200], 'Listing the databases');
  const names = Array.isArray(response.body) ? (response.body as unknown[]) : [];
  return names
    .map((name) => (typeof name === 'string' ? unitCodeOfDatabase(name) : null))
    .filter((code): code is string => code !== null)
    .sort();
}

const nationalPath = (id: string): string => `${NATIONAL_DATABASE_NAME}/${encodeURIComponent(id)}`;

/** The registry's units (empty when there is none yet). */
export async function readUnitRegistry(http: CouchHttp): Promise<string[]> {
  const response = await http.get(nationalPath(NATIONAL_UNITS_ID));
  if (response.status === 404) return [];
  expectStatus(response, [200], 'Reading the unit registry');
  const units = (response.body as { units?: unknown }).units;
  return Array.isArray(units) ? units.filter((unit): unit is string => typeof unit === 'string') : [];
}

async function writeUnitRegistry(http: CouchHttp, units: readonly string[]): Promise<string> {
  const doc = {
    _id: NATIONAL_UNITS_ID,
    type: 'national-units',
    schemaVersion: NATIONAL_SCHEMA_VERSION,
    units: [...new Set(units)].sort(),
  };
  const outcome = await ensureDocument(http, nationalPath(NATIONAL_UNITS_ID), doc, 'the unit registry');
  return `${outcome} (${doc.units.length} unit(s))`;
}

/**
 * Adds one unit to the registry when the national database exists (for `central setup`, so that
 * a unit set up after `central national` is projected without running it again).
 */
export async function registerUnitNationally(http: CouchHttp, unitCode: string): Promise<string> {
  const national = await http.get(encodeURIComponent(NATIONAL_DATABASE_NAME));
  if (national.status === 404) return 'no national database yet';
  expectStatus(national, [200], `Reading ${NATIONAL_DATABASE_NAME}`);
  const units = await readUnitRegistry(http);
  if (units.includes(unitCode)) return 'registered';
  return writeUnitRegistry(http, [...units, unitCode]);
}

type UserDoc = Readonly<Record<string, unknown> & { _rev?: string; roles?: unknown }>;

/** Creates or updates the projector user (see the module comment, step 3). */
export async function ensureProjectorUser(
  http: CouchHttp,
  password: string | undefined,
): Promise<Readonly<{ outcome: string; generatedPassword: string | null }>> {
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new CentralError(`The projector password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${PROJECTOR_USER}`)}`;
  const current = await http.get(path);
  if (current.status !== 404) expectStatus(current, [200], `Reading the user ${PROJECTOR_USER}`);
  const roles = [PROJECTOR_ROLE];
  if (current.status === 200) {
    const stored = current.body as UserDoc;
    const sameRoles = JSON.stringify(stored.roles) === JSON.stringify(roles);
    if (password === undefined && sameRoles)
      return { outcome: 'exists (password unchanged)', generatedPassword: null };
    // Without `password`, CouchDB keeps the stored hash (derived_key, salt, …) of the document.
    const doc = password === undefined ? { ...stored, roles } : { ...stored, roles, password };
    expectStatus(await http.put(path, doc), [201, 202], `Writing the user ${PROJECTOR_USER}`);
    return {
      outcome:
        password === undefined ? `role ${PROJECTOR_ROLE} set (password unchanged)` : 'password and role set',
      generatedPassword: null,
    };
  }
  const generated = password === undefined ? randomBytes(24).toString('base64url') : null;
  const doc = {
    _id: `org.couchdb.user:${PROJECTOR_USER}`,
    name: PROJECTOR_USER,
    type: 'user',
    roles,
    password: password ?? generated,
  };
  expectStatus(await http.put(path, doc), [201, 202], `Writing the user ${PROJECTOR_USER}`);
  return { outcome: `created (role ${PROJECTOR_ROLE})`, generatedPassword: generated };
}

type Row = Readonly<{ id: string; value?: { rev?: string } }>;

/** Removes the former national replications' `_replicator` documents (they hold an admin password). */
async function removeOldReplications(http: CouchHttp): Promise<string> {
  const start = JSON.stringify(NATIONAL_REPLICATION_PREFIX);
  const end = JSON.stringify(`${NATIONAL_REPLICATION_PREFIX}${HIGH_SENTINEL}`);
  const listed = await http.get(
    `_replicator/_all_docs?startkey=${encodeURIComponent(start)}&endkey=${encodeURIComponent(end)}`,
  );
  if (listed.status === 404) return 'none (no _replicator database)';
  expectStatus(listed, [200], 'Listing the _replicator documents');
  const rows = (listed.body as { rows?: Row[] }).rows ?? [];
  for (const row of rows) {
    const rev = row.value?.rev ?? '';
    const removed = await http.request(
      'DELETE',
      `_replicator/${encodeURIComponent(row.id)}?rev=${encodeURIComponent(rev)}`,
    );
    expectStatus(removed, [200, 202, 404], `Removing the replication ${row.id}`);
  }
  return rows.length === 0 ? 'none' : `removed ${rows.length}`;
}

type ChangeRow = Readonly<{
  id: string;
  deleted?: boolean;
  changes: readonly { rev: string }[];
  doc?: { type?: unknown };
}>;

/** Documents of the national database that are not national documents (left by the old replication). */
async function strayDocuments(http: CouchHttp): Promise<Map<string, string[]>> {
  const stray = new Map<string, string[]>();
  const nationalTypes: readonly unknown[] = NATIONAL_TYPES;
  let since = '0';
  for (;;) {
    const response = await http.get(
      `${NATIONAL_DATABASE_NAME}/_changes?style=all_docs&include_docs=true&limit=${PAGE}&since=${encodeURIComponent(since)}`,
    );
    expectStatus(response, [200], `Reading the changes of ${NATIONAL_DATABASE_NAME}`);
    const body = response.body as { results: ChangeRow[]; last_seq: unknown };
    for (const row of body.results) {
      if (row.id.startsWith('_design/') || row.deleted === true) continue;
      if (!nationalTypes.includes(row.doc?.type)) {
        stray.set(
          row.id,
          row.changes.map((change) => change.rev),
        );
      }
    }
    since = String(body.last_seq);
    if (body.results.length < PAGE) return stray;
  }
}

/** Purges the stray documents (server admins only), then starts a compaction. */
async function purgeStrayDocuments(http: CouchHttp): Promise<string> {
  const stray = [...(await strayDocuments(http)).entries()];
  if (stray.length === 0) return 'none';
  for (let index = 0; index < stray.length; index += PURGE_BATCH) {
    const batch = Object.fromEntries(stray.slice(index, index + PURGE_BATCH));
    const purged = await http.request('POST', `${NATIONAL_DATABASE_NAME}/_purge`, batch);
    expectStatus(purged, [200, 201, 202], `Purging the replicated documents of ${NATIONAL_DATABASE_NAME}`);
  }
  const compact = await http.request('POST', `${NATIONAL_DATABASE_NAME}/_compact`, {});
  expectStatus(compact, [202], `Compacting ${NATIONAL_DATABASE_NAME}`);
  return `purged ${stray.length}; compaction started`;
}

export async function setupNational(
  http: CouchHttp,
  options: NationalSetupOptions = {},
): Promise<NationalSetupResult> {
  const given = options.units ? [...new Set(options.units.map(checkUnitCode))].sort() : undefined;
  const steps: StepResult[] = [];
  const step = (what: string, name: string, outcome: string): void =>
    void steps.push({ what, name, outcome });
  const database = NATIONAL_DATABASE_NAME;

  step('system database', '_users', await ensureDatabase(http, '_users'));
  step('database', database, await ensureDatabase(http, database));
  step(
    'security',
    `members: roles ${NATIONAL_READER_ROLE}, ${PROJECTOR_ROLE}; admins: role ${PROJECTOR_ROLE}`,
    await ensureSecurity(http, database, nationalSecurity()),
  );
  step(
    'validation',
    NATIONAL_DESIGN_DOC_ID,
    await ensureDocument(
      http,
      `${database}/${NATIONAL_DESIGN_DOC_ID}`,
      nationalDesignDoc(),
      NATIONAL_DESIGN_DOC_ID,
    ),
  );
  step('migration', `_replicator ${NATIONAL_REPLICATION_PREFIX}*`, await removeOldReplications(http));
  step('migration', 'replicated unit documents', await purgeStrayDocuments(http));

  const projector = await ensureProjectorUser(http, options.projectorPassword);
  step('user', PROJECTOR_USER, projector.outcome);

  const onServer = await findUnitCodes(http);
  const units = given ?? onServer;
  for (const unitCode of units) {
    const source = unitDatabaseName(unitCode);
    const design = await http.get(`${encodeURIComponent(source)}/${UNIT_DESIGN_DOC_ID}`);
    if (design.status !== 200 || !onServer.includes(unitCode)) {
      throw new CentralError(
        `Unit ${unitCode} is not set up (no ${UNIT_DESIGN_DOC_ID} in ${source}): run central setup for it first.`,
      );
    }
    step(
      'unit security',
      `${source} members: roles ${unitRole(unitCode)}, ${PROJECTOR_ROLE}`,
      await ensureSecurity(http, source, unitSecurity(unitCode)),
    );
  }
  const registered = (await readUnitRegistry(http)).filter((unit) => onServer.includes(unit));
  const registry = [...new Set([...registered, ...units])].sort();
  step('registry', `${database}/${NATIONAL_UNITS_ID}`, await writeUnitRegistry(http, registry));
  return {
    database,
    units: registry,
    steps,
    projector: { user: PROJECTOR_USER, generatedPassword: projector.generatedPassword },
  };
}
