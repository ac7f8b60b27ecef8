/**
 * Where `npm run packet -- build` reads a unit's documents from: a records file (NDJSON, one
 * document per line: the app's "export all records" file) or a CouchDB database URL, read with
 * `_all_docs?include_docs=true` in pages. Credentials in the URL (`https://user:pass@host/db`)
 * are sent as HTTP Basic authentication and never printed.
 */
import { readFileSync } from 'node:fs';
import { parseNdjson } from '../shared/packet/unit-records';

/** A problem the user can fix, told in one sentence; `exitCode` for the CLI. */
export class PacketCliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'PacketCliError';
    this.exitCode = exitCode;
  }
}

export const PAGE_SIZE = 1000;
const TIMEOUT_MS = 60_000;

export function isDatabaseUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The URL without user name and password, for messages. */
export function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** The documents of an NDJSON records file; a line that is not JSON is an error naming it. */
export function readRecordsFile(path: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw new PacketCliError(`cannot read the records file ${path}: ${reason}`);
  }
  const { docs, badLines } = parseNdjson(text.replace(/^\ufeff/, ''));
  if (badLines.length > 0) {
    const shown = badLines.slice(0, 5).join(', ');
    const more = badLines.length > 5 ? ` and ${badLines.length - 5} more` : '';
    throw new PacketCliError(`${path} is not an NDJSON records file: line ${shown}${more} is not JSON`);
  }
  return docs;
}

type AllDocsRow = Readonly<{ id: string; key: string; doc?: unknown }>;
type AllDocsPage = Readonly<{ rows: readonly AllDocsRow[] }>;

function isAllDocsRow(value: unknown): value is AllDocsRow {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/** `_all_docs`' answer: rows, each an object with a string key (what CouchDB sends). */
function isAllDocsPage(value: unknown): value is AllDocsPage {
  if (typeof value !== 'object' || value === null) return false;
  const rows = (value as { rows?: unknown }).rows;
  return Array.isArray(rows) && rows.every(isAllDocsRow);
}

/** Every document of a CouchDB database, `pageSize` at a time (design documents included). */
export async function readDatabase(source: string, pageSize = PAGE_SIZE): Promise<unknown[]> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new PacketCliError('the --data URL is not a valid URL');
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (url.username !== '' || url.password !== '') {
    let user: string;
    let password: string;
    try {
      user = decodeURIComponent(url.username);
      password = decodeURIComponent(url.password);
    } catch {
      throw new PacketCliError('the user name or password in the --data URL is not correctly %-encoded');
    }
    headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const shown = withoutCredentials(url);
  const base = new URL(shown.endsWith('/') ? shown : `${shown}/`);
  const docs: unknown[] = [];
  let startkey: string | null = null;
  const asked = new Set<string>();
  for (;;) {
    const page = new URL('_all_docs', base);
    page.searchParams.set('include_docs', 'true');
    page.searchParams.set('limit', String(pageSize + 1));
    if (startkey !== null) page.searchParams.set('startkey', JSON.stringify(startkey));
    let response: Response;
    try {
      response = await fetch(page, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new PacketCliError(`cannot reach ${shown}: ${cause}`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new PacketCliError(
        `the server refused access to ${shown} (HTTP ${response.status}): check the user name and password in the URL`,
      );
    }
    if (response.status === 404) throw new PacketCliError(`there is no database at ${shown} (HTTP 404)`);
    if (!response.ok) throw new PacketCliError(`reading ${shown} failed: HTTP ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new PacketCliError(`${shown} did not answer like a CouchDB database (not JSON)`);
    }
    if (!isAllDocsPage(body))
      throw new PacketCliError(`${shown} did not answer like a CouchDB database (no rows)`);
    const rows = body.rows;
    for (const row of rows.slice(0, pageSize))
      if (row.doc !== undefined && row.doc !== null) docs.push(row.doc);
    const next = rows[pageSize];
    if (!next) return docs;
    // Each page starts at a new key; a server that answers a page again would be read forever.
    if (asked.has(next.key)) {
      throw new PacketCliError(`${shown} did not answer like a CouchDB database (its pages do not advance)`);
    }
    startkey = next.key;
    asked.add(startkey);
  }
}

/** The documents at `source`: a database URL or a records file. */
export async function loadDocuments(source: string): Promise<unknown[]> {
  return isDatabaseUrl(source) ? readDatabase(source) : readRecordsFile(source);
}
