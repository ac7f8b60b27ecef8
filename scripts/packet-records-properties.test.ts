/**
 * Hostile input to the records import of `npm run packet -- build --data <file>`
 * (`readRecordsFile`, then `collectUnitRecords`), 10,000 generated inputs per property, seeded
 * (../shared/testing/hostile-input.fixtures): arbitrary bytes as the records file, NDJSON lines of
 * arbitrary JSON with prototype keys and hostile text, and the app's own records with one field of
 * one document replaced. Reading never fails but with the one sentence the CLI prints (a
 * `PacketCliError` naming the lines that are not JSON); sorting never throws; what it keeps passes
 * its schema (a complaint's content hash included), never holds a reporter document, and names
 * files neutrally; and nothing outside is touched (no prototype polluted, no file written: the
 * CLI writes its --out file only after a packet was built, test/integration/packet-cli.test.ts).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaintDocSchema } from '../shared/complaint/complaint-schema';
import { packetFixture } from '../shared/packet/packet.fixtures';
import { collectUnitRecords, parseNdjson, toNdjson } from '../shared/packet/unit-records';
import {
  HOSTILE_RUNS,
  PROTOTYPE_KEYS,
  hostileJson,
  HOSTILE_TIMEOUT_MS,
  hostileRuns,
  hugeText,
  nastyText,
  throughJson,
} from '../shared/testing/hostile-input.fixtures';
import { eventDocSchema } from '../shared/workflow/events';
import { PacketCliError, readDatabase, readRecordsFile } from './packet-data';

const NOT_NDJSON = /^\S+ is not an NDJSON records file: line \d+(, \d+){0,4}( and \d+ more)? is not JSON$/;
const ANONYMOUS_NAME = /^lampiran-\d+\.[a-z0-9]+$/;

let dir: string;
let file: string;
const fixture = packetFixture();
/**
 * The documents edited: the unit profile and settings, a named complaint with a file, its reporter
 * and its first two events (a few documents, so that 10,000 edits stay quick: each complaint and
 * event kept costs a schema check and a content hash).
 */
const namedCase = fixture.cases[1];
const realDocs = throughJson([
  fixture.profile,
  fixture.settings,
  namedCase?.complaint,
  namedCase?.reporter,
  ...(namedCase?.events.slice(0, 2) ?? []),
]) as Record<string, unknown>[];
const reporterValues = new Set(
  fixture.reporters
    .flatMap((reporter) => [reporter.name, reporter.nik, reporter.phone, reporter.email])
    .filter((value) => value.length >= 6),
);
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  // In memory where the system has it (/dev/shm): 10,000 writes and reads of a small file.
  dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'meja-aduan-records-'));
  file = join(dir, 'records.ndjson');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Reads `bytes` as the records file: the documents, or null after the CLI's one-sentence error. */
function read(bytes: Uint8Array | string): unknown[] | null {
  writeFileSync(file, bytes);
  try {
    return readRecordsFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(PacketCliError);
    expect((error as PacketCliError).message).toMatch(NOT_NDJSON);
    return null;
  }
}

/** Sorts `docs` and checks what was kept. */
function checkCollected(docs: readonly unknown[]): void {
  const records = collectUnitRecords(docs, 'KBM');
  for (const complaint of records.complaints) {
    // Kept only when the document as read passed its schema (its names are then made neutral).
    const source = docs.filter((doc) => (doc as { _id?: unknown } | null)?._id === complaint._id);
    expect(source.some((doc) => complaintDocSchema.safeParse(doc).success)).toBe(true);
    for (const attachment of complaint.attachments) expect(attachment.name).toMatch(ANONYMOUS_NAME);
    expect((complaint as Record<string, unknown>).type).toBe('complaint');
  }
  for (const event of records.events) expect(eventDocSchema.safeParse(event).success).toBe(true);
  const kept = JSON.stringify([records.complaints, records.events, records.profile, records.settings]);
  for (const value of reporterValues) expect(kept).not.toContain(value);
  expect(kept).not.toContain('"type":"reporter"');
  const { skipped } = records;
  const total =
    records.complaints.length +
    records.events.length +
    skipped.reporter +
    skipped.otherUnit +
    skipped.invalid +
    skipped.other;
  expect(total).toBeLessThanOrEqual(docs.length);
  expect(records.invalidIds.length).toBeLessThanOrEqual(10);
  // Nothing outside was touched.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** One of the app's own documents with one field replaced (or added) by a hostile value. */
const mutatedDocs: fc.Arbitrary<unknown[]> = fc
  .array(
    fc.record({
      doc: fc.nat({ max: realDocs.length - 1 }),
      field: fc.oneof(
        fc.constantFrom(
          '_id',
          'type',
          'unitCode',
          'title',
          'attachments',
          'trackingNumber',
          'kind',
          'polluted',
        ),
        fc.constantFrom(...PROTOTYPE_KEYS),
        nastyText,
      ),
      value: fc.oneof(hostileJson, nastyText, hugeText, fc.constant({ polluted: true })),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((edits) => {
    const docs = realDocs.map((doc) => ({ ...doc }));
    for (const { doc, field, value } of edits) {
      const target = docs[doc];
      if (target)
        Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });
    }
    return throughJson(docs) as unknown[];
  });

describe('the records import under hostile input', () => {
  it(
    `reads ${HOSTILE_RUNS.toLocaleString('en-US')} arbitrary files without crashing, or names the lines that are not JSON`,
    () => {
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 2_000 }),
        fc
          .array(
            fc.oneof(
              hostileJson.map((value) => (JSON.stringify(value) as string | undefined) ?? ''),
              nastyText,
            ),
            { maxLength: 8 },
          )
          .map((lines) => new TextEncoder().encode(lines.join('\n'))),
      );
      fc.assert(
        fc.property(bytes, (content) => {
          const docs = read(content);
          if (docs) checkCollected(docs);
        }),
        hostileRuns,
      );
      expect(readdirSync(dir)).toEqual(['records.ndjson']);
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `keeps only valid records of ${HOSTILE_RUNS.toLocaleString('en-US')} edited exports, never identity`,
    () => {
      fc.assert(
        fc.property(mutatedDocs, (docs) => {
          // The records file's own parser, in memory (the file round trip is the property above).
          const back = parseNdjson(toNdjson(docs));
          expect(back.badLines).toEqual([]);
          checkCollected(back.docs);
        }),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );

  it('reads an export whose documents carry __proto__ and constructor keys as plain data', () => {
    const line =
      '{"__proto__":{"type":"complaint","polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"event"}';
    const docs = read(`${line}\n`);
    expect(docs).toHaveLength(1);
    checkCollected(docs ?? []);
    expect(collectUnitRecords(docs ?? [], 'KBM').skipped.otherUnit).toBe(1);
  });
});

/** Every sentence `readDatabase` may fail with. */
const DATABASE_ERRORS: readonly RegExp[] = [
  /^cannot reach \S+: .*$/s,
  /^the server refused access to \S+ \(HTTP 40[13]\): check the user name and password in the URL$/,
  /^there is no database at \S+ \(HTTP 404\)$/,
  /^reading \S+ failed: HTTP \d+$/,
  /^\S+ did not answer like a CouchDB database \((not JSON|no rows|its pages do not advance)\)$/,
];

type Page = Readonly<{ status: number; body: string }>;

/** One answer of a hostile or broken server to `_all_docs`. */
const page: fc.Arbitrary<Page> = fc.record({
  status: fc.constantFrom(200, 200, 200, 200, 401, 403, 404, 500, 302),
  body: fc.oneof(
    hostileJson.map((value) => (JSON.stringify(value) as string | undefined) ?? ''),
    nastyText,
    fc
      .array(
        fc.oneof(
          hostileJson,
          fc.record({ id: nastyText, key: fc.constantFrom('a', 'b', 'c'), doc: hostileJson }),
          fc.record({ key: fc.oneof(nastyText, hostileJson), doc: fc.constant({ _id: 'x' }) }),
        ),
        { maxLength: 4 },
      )
      .map((rows) => JSON.stringify({ total_rows: rows.length, rows })),
  ),
});

describe('the records import from a database URL under hostile answers', () => {
  it(
    `ends with the documents or one sentence for ${HOSTILE_RUNS.toLocaleString('en-US')} hostile servers, never reading forever`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 4 }), async (pages) => {
          let calls = 0;
          vi.stubGlobal('fetch', (): Promise<Response> => {
            calls += 1;
            // A server that answers its last page again and again.
            const answer = pages[Math.min(calls, pages.length) - 1] ?? { status: 500, body: '' };
            if (calls > 50) throw new Error('read forever');
            const status = answer.status;
            return Promise.resolve(new Response(status === 302 ? null : answer.body, { status }));
          });
          try {
            const docs = await readDatabase('https://pusat.example.invalid/meja-aduan-unit-kbm', 2);
            expect(Array.isArray(docs)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(PacketCliError);
            const message = (error as PacketCliError).message;
            expect(
              DATABASE_ERRORS.some((pattern) => pattern.test(message)),
              message,
            ).toBe(true);
          } finally {
            vi.unstubAllGlobals();
          }
          expect(calls).toBeLessThanOrEqual(50);
        }),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );

  it('stops at a server that answers the same page again', async () => {
    const rows = [1, 2, 3].map((n) => ({ id: `d${n}`, key: `d${n}`, doc: { _id: `d${n}` } }));
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ rows }), { status: 200 })));
    try {
      await expect(readDatabase('https://pusat.example.invalid/db', 2)).rejects.toThrow(
        'https://pusat.example.invalid/db did not answer like a CouchDB database (its pages do not advance)',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says so when a row is not an object (it crashed with a TypeError)', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('{"rows":[null]}', { status: 200 })));
    try {
      await expect(readDatabase('https://pusat.example.invalid/db', 2)).rejects.toThrow(
        'https://pusat.example.invalid/db did not answer like a CouchDB database (no rows)',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
