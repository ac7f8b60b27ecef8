/**
 * `central national`: the national database and one continuous replication per unit database
 * into it, through CouchDB's `_replicator` (design.md §3, decision 4), idempotently:
 *   1. the national database `meja-aduan-national`, its `_security` (members: the role
 *      `meja-aduan-national-reader`, for the central administrators' accounts; admins: none
 *      beyond server admins) and `_design/meja-aduan-national` (only server admins write; reporter
 *      documents and files are refused even from them)
 *   2. the `_replicator` system database
 *   3. per unit (the codes given, or every `meja-aduan-unit-*` database found): a `_replicator`
 *      document `meja-aduan-national-<code>`, continuous, with the unit design document's
 *      `national` filter (shared/couch/national-sources says what passes and why). It is
 *      rewritten only when its source, target or filter differ.
 * The replicator authenticates with the admin credentials of `replicateVia` (default: the URL the
 * command was given), written into the `_replicator` documents: CouchDB 3 keeps those documents
 * readable by server admins only. `replicateVia` is the address at which the CouchDB server
 * reaches itself (e.g. http://admin:secret@127.0.0.1:5984 when the CLI ran through a proxy).
 */
import {
  NATIONAL_DATABASE_NAME,
  NATIONAL_DESIGN_DOC_ID,
  NATIONAL_FILTER_NAME,
  NATIONAL_READER_ROLE,
  UNIT_DESIGN_DOC_ID,
  nationalReplicationId,
  unitCodeOfDatabase,
  unitDatabaseName,
} from '../shared/couch/couch-names';
import { nationalDesignDoc } from '../shared/couch/national-design-doc';
import { CentralError } from './central-error';
import { CouchHttp, expectStatus } from './couch-http';
import { checkUnitCode, ensureDatabase, ensureDocument, ensureSecurity, type StepResult } from './unit-setup';

export type NationalSetupResult = Readonly<{ database: string; units: string[]; steps: StepResult[] }>;

type ReplicatorDoc = Readonly<{
  _id: string;
  source: string;
  target: string;
  continuous: boolean;
  filter: string;
}>;

/** The unit codes of every unit database on the server, sorted. */
export async function findUnitCodes(http: CouchHttp): Promise<string[]> {
  const response = await http.get('_all_dbs');
  expectStatus(response, [200], 'Listing the databases');
  const names = Array.isArray(response.body) ? (response.body as unknown[]) : [];
  return names
    .map((name) => (typeof name === 'string' ? unitCodeOfDatabase(name) : null))
    .filter((code): code is string => code !== null)
    .sort();
}

async function ensureReplication(http: CouchHttp, doc: ReplicatorDoc): Promise<string> {
  const path = `_replicator/${encodeURIComponent(doc._id)}`;
  const current = await http.get(path);
  if (current.status === 200) {
    const stored = current.body as Partial<ReplicatorDoc> & { _rev?: string };
    const same =
      stored.source === doc.source &&
      stored.target === doc.target &&
      stored.continuous === doc.continuous &&
      stored.filter === doc.filter;
    if (same) return 'unchanged';
    // A changed replication is replaced (deleted and written anew) so that every CouchDB
    // version and pouchdb-server restart it with the new settings.
    const removed = await http.request('DELETE', `${path}?rev=${encodeURIComponent(stored._rev ?? '')}`);
    expectStatus(removed, [200, 202], `Replacing the replication ${doc._id}`);
    expectStatus(await http.put(path, doc), [201, 202], `Writing the replication ${doc._id}`);
    return 'replaced';
  }
  expectStatus(current, [404], `Reading the replication ${doc._id}`);
  expectStatus(await http.put(path, doc), [201, 202], `Writing the replication ${doc._id}`);
  return 'created';
}

export async function setupNational(
  http: CouchHttp,
  options: Readonly<{ units?: readonly string[]; replicateVia?: string }> = {},
): Promise<NationalSetupResult> {
  const via = new CouchHttp(options.replicateVia ?? http.urlWithCredentials(''));
  if (via.user === null)
    throw new CentralError('--replicate-via needs the admin name and password in the URL.');
  const units = options.units
    ? [...new Set(options.units.map(checkUnitCode))].sort()
    : await findUnitCodes(http);
  if (units.length === 0) {
    throw new CentralError('No unit databases found: set up a unit first (central setup --unit <CODE> ...).');
  }
  const steps: StepResult[] = [];
  const step = (what: string, name: string, outcome: string): void =>
    void steps.push({ what, name, outcome });
  const database = NATIONAL_DATABASE_NAME;

  step('database', database, await ensureDatabase(http, database));
  const security = {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [NATIONAL_READER_ROLE] },
  };
  step('security', `members: role ${NATIONAL_READER_ROLE}`, await ensureSecurity(http, database, security));
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
  step('system database', '_replicator', await ensureDatabase(http, '_replicator'));

  for (const unitCode of units) {
    const source = unitDatabaseName(unitCode);
    const design = await http.get(`${encodeURIComponent(source)}/${UNIT_DESIGN_DOC_ID}`);
    const filters = (design.body as { filters?: { national?: unknown } } | null)?.filters;
    if (design.status !== 200 || typeof filters?.national !== 'string') {
      throw new CentralError(
        `Unit ${unitCode} is not set up (no ${UNIT_DESIGN_DOC_ID} with the national filter in ${source}): run central setup for it first.`,
      );
    }
    const doc: ReplicatorDoc = {
      _id: nationalReplicationId(unitCode),
      source: via.urlWithCredentials(encodeURIComponent(source)),
      target: via.urlWithCredentials(database),
      continuous: true,
      filter: NATIONAL_FILTER_NAME,
    };
    step('replication', `${source} -> ${database}`, await ensureReplication(http, doc));
  }
  return { database, units, steps };
}
