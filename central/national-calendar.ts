/**
 * `central calendar import <file.json>` and `central calendar show <year>` (docs/central.md, "The
 * national calendar"; docs/decisions/024-national-calendar.md). Run as a server admin.
 *
 * Import checks the file (shared/calendar/national-calendar `checkNationalCalendarFile`: real
 * dates of the year, weekdays that are the dates', no date twice, names in Indonesian and
 * English, holiday or cuti-bersama, the decree named) and writes `calendar:national:<year>` into
 * every unit database and the national database (when `central national` made it), idempotently:
 * the same content again writes nothing (a unit set up since gets the document as it is); changed
 * content is the next version, written everywhere. Devices receive it by sync like any unit
 * document and count their deadlines with it from then on.
 */
import { readFile } from 'node:fs/promises';
import {
  checkNationalCalendarFile,
  nationalCalendarDoc,
  nationalCalendarDocSchema,
  nationalCalendarId,
  sameCalendarContent,
  type NationalCalendarContent,
  type NationalCalendarDoc,
} from '../shared/calendar/national-calendar';
import { canonicalJson } from '../shared/couch/canonical-json';
import { NATIONAL_DATABASE_NAME, unitDatabaseName } from '../shared/couch/couch-names';
import { toIsoInstant } from '../shared/time/iso-instant';
import { CentralError } from './central-error';
import { expectStatus, type CouchHttp } from './couch-http';
import { findUnitCodes } from './national-setup';
import { ensureDocument, type StepResult } from './unit-setup';

type Target = Readonly<{ what: string; database: string }>;
type Stored = Readonly<{ rev: string; doc: NationalCalendarDoc | undefined; body: Record<string, unknown> }>;

export type CalendarImportResult = Readonly<{
  year: string;
  version: number;
  /** True when this import made a new version (the content differed from the stored one). */
  changed: boolean;
  steps: StepResult[];
}>;

/** Reads and checks a calendar file; a CentralError lists every problem found. */
export async function readCalendarFile(path: string): Promise<NationalCalendarContent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CentralError(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CentralError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checked = checkNationalCalendarFile(json);
  if (!checked.ok) {
    throw new CentralError(
      `${path} is not a valid calendar (nothing was written):\n${checked.problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  return checked.value;
}

/** Every unit database, and the national database when it exists. */
async function targets(http: CouchHttp): Promise<Target[]> {
  const units = (await findUnitCodes(http)).map((code) => ({ what: code, database: unitDatabaseName(code) }));
  const national = await http.get(encodeURIComponent(NATIONAL_DATABASE_NAME));
  if (national.status !== 404) expectStatus(national, [200], `Reading ${NATIONAL_DATABASE_NAME}`);
  return national.status === 200 ? [...units, { what: 'national', database: NATIONAL_DATABASE_NAME }] : units;
}

const pathOf = (database: string, year: string): string =>
  `${encodeURIComponent(database)}/${encodeURIComponent(nationalCalendarId(year))}`;

async function readStored(http: CouchHttp, database: string, year: string): Promise<Stored | undefined> {
  const response = await http.get(pathOf(database, year));
  if (response.status === 404) return undefined;
  expectStatus(response, [200], `Reading ${nationalCalendarId(year)} in ${database}`);
  const { _rev: rev, ...body } = response.body as Record<string, unknown>;
  const parsed = nationalCalendarDocSchema.safeParse(response.body);
  return { rev: typeof rev === 'string' ? rev : '', doc: parsed.success ? parsed.data : undefined, body };
}

/** Writes the checked calendar `content` everywhere (see the module comment). */
export async function importNationalCalendar(
  http: CouchHttp,
  content: NationalCalendarContent,
  now: Date,
): Promise<CalendarImportResult> {
  const all = await targets(http);
  if (all.length === 0)
    throw new CentralError('No unit databases found: set up a unit first (central setup).');
  const stored = new Map<string, Stored>();
  for (const target of all) {
    const found = await readStored(http, target.database, content.year);
    if (found) stored.set(target.database, found);
  }
  const latest = [...stored.values()]
    .map((entry) => entry.doc)
    .filter((doc): doc is NationalCalendarDoc => doc !== undefined)
    .reduce<NationalCalendarDoc | undefined>(
      (best, doc) => (!best || doc.version > best.version ? doc : best),
      undefined,
    );
  const doc =
    latest && sameCalendarContent(latest, content)
      ? nationalCalendarDoc(content, latest.version, latest.importedAt)
      : nationalCalendarDoc(content, (latest?.version ?? 0) + 1, toIsoInstant(now));
  const changed = doc.version !== latest?.version;
  const { _id: id, ...fields } = doc;
  const steps: StepResult[] = [];
  for (const target of all) {
    const existing = stored.get(target.database);
    const name = `${target.database}/${id}`;
    if (existing && canonicalJson(existing.body) === canonicalJson({ _id: id, ...fields })) {
      steps.push({ what: target.what, name, outcome: `unchanged (version ${doc.version})` });
      continue;
    }
    const written = await http.put(
      pathOf(target.database, content.year),
      existing ? { ...doc, _rev: existing.rev } : doc,
    );
    expectStatus(written, [201, 202], `Writing ${id} into ${target.database}`);
    steps.push({
      what: target.what,
      name,
      outcome: `${existing ? 'updated' : 'created'} (version ${doc.version})`,
    });
  }
  return { year: content.year, version: doc.version, changed, steps };
}

export type CalendarShown = Readonly<{
  /** The newest version found (the national database's, else a unit's); undefined when none has it. */
  doc: NationalCalendarDoc | undefined;
  /** Per database: the version it holds, or none. */
  steps: StepResult[];
}>;

/** What the central holds for `year`, and which version each database has. */
export async function showNationalCalendar(http: CouchHttp, year: string): Promise<CalendarShown> {
  if (!/^\d{4}$/.test(year)) throw new CentralError(`"${year}" is not a year (four digits, e.g. 2027).`);
  const steps: StepResult[] = [];
  let newest: NationalCalendarDoc | undefined;
  for (const target of await targets(http)) {
    const found = await readStored(http, target.database, year);
    const doc = found?.doc;
    if (doc && (!newest || doc.version > newest.version)) newest = doc;
    steps.push({
      what: target.what,
      name: `${target.database}/${nationalCalendarId(year)}`,
      outcome: found ? (doc ? `version ${doc.version}` : 'present but not a valid calendar') : 'none',
    });
  }
  return { doc: newest, steps };
}

/**
 * For `central setup`: copies the national calendars the national database holds into the unit's
 * database, so that a unit set up after an import counts with them without importing again.
 */
export async function copyNationalCalendars(http: CouchHttp, unitCode: string): Promise<string> {
  const national = await http.get(encodeURIComponent(NATIONAL_DATABASE_NAME));
  if (national.status === 404) return 'no national database yet';
  expectStatus(national, [200], `Reading ${NATIONAL_DATABASE_NAME}`);
  const listed = await http.get(
    `${encodeURIComponent(NATIONAL_DATABASE_NAME)}/_all_docs?include_docs=true&startkey=${encodeURIComponent(
      JSON.stringify(nationalCalendarId('')),
    )}&endkey=${encodeURIComponent(JSON.stringify(`${nationalCalendarId('')}\ufff0`))}`,
  );
  expectStatus(listed, [200], `Listing the national calendars in ${NATIONAL_DATABASE_NAME}`);
  const rows = (listed.body as { rows?: readonly { doc?: unknown }[] }).rows ?? [];
  const outcomes: string[] = [];
  for (const row of rows) {
    const parsed = nationalCalendarDocSchema.safeParse(row.doc);
    if (!parsed.success) continue;
    const { _rev: _stored, ...doc } = parsed.data;
    const outcome = await ensureDocument(
      http,
      pathOf(unitDatabaseName(unitCode), doc.year),
      doc,
      `${doc._id} in ${unitDatabaseName(unitCode)}`,
    );
    outcomes.push(`${doc.year} v${doc.version} ${outcome}`);
  }
  return outcomes.length === 0 ? 'none imported yet' : outcomes.join(', ');
}
