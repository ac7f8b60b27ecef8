/**
 * The search measurement itself (./search.ts runs it in Chromium through ./browser/search-page,
 * with the app's own code over IndexedDB): fills the search index and the complaint index of a
 * fresh DeviceDatabase with N synthetic complaints (./search-corpus), through the app's row
 * builders (shared/search/search-keys) and SearchIndex.write in the indexer's batches of 250, then
 * times 50 fixed queries through SearchQueries.query (the code `core.search.query` runs), against a
 * naive scan of the same texts in memory with the same matching rules, in the same run. Pure
 * browser code (Dexie, no Node).
 */
import { canonicalPhone, foldReference } from '../shared/search/identifiers';
import { editDistance, queryWords, textTerms, type QueryWord } from '../shared/search/indonesian-text';
import { derivePurposeKey } from '../shared/crypto/purpose-keys';
import { createUnitKey } from '../shared/crypto/unit-key';
import { IdentityHasher } from '../shared/search/keyed-tokens';
import { contentRow, identityRow } from '../shared/search/search-keys';
import type { ComplaintIndexRow } from '../renderer/core/data/complaint-index';
import { DeviceDatabase } from '../renderer/core/data/device-database';
import { SearchIndex } from '../renderer/core/search/search-index';
import { SearchQueries } from '../renderer/core/search/search-query';
import { corpusText, type CorpusText } from './search-corpus';

/** The 50 queries: words with affixes, prefixes as typed, typos, places, phones, NIKs, tracking fragments. */
export const SEARCH_QUERIES: readonly string[] = [
  'pungutan',
  'memungut',
  'pungu',
  'pungtan ',
  'kerusakan jalan',
  'jalan rusak',
  'pelayanan puskesmas',
  'layanan',
  'perizinan',
  'izin usaha',
  'yogyakarta',
  'Yogyakártà',
  'yogyakrta ',
  'kebumen sampah',
  'lampu jalan mati',
  'banjir',
  'jembatan',
  'saluran air',
  'akta kelahiran',
  'KTP elektronik',
  'bantuan sosial',
  'dana desa',
  'parkir liar',
  'petugas tidak ramah',
  'pemadaman listrik',
  'trotoar',
  'biaya pendaftaran',
  'dinas kesehatan',
  'pekerjaan umum',
  'kwitansi',
  'retribusi pasar',
  'sertifikat tanah',
  'dokter',
  'kalibening',
  'sumberrejo',
  'kepala desa',
  'menolak berkas',
  'diperbaiki',
  'pembangunan drainase',
  'siti',
  'budi santoso',
  '0812',
  '3456',
  '0812-3456',
  '+62 813',
  '345678',
  '330512',
  'KTB-2603',
  'a2c-0042',
  'KTB-260412-A2C-0100',
];

/** Rows per page, as the list reads them (renderer/screens/complaints/use-search-results PAGE_SIZE). */
export const SEARCH_PAGE = 20;

export type SearchBenchOptions = Readonly<{ complaints: number; rounds: number }>;

export type SearchBenchResult = Readonly<{
  complaints: number;
  buildMs: number;
  queries: number;
  search: Readonly<{ p50: number; p95: number; max: number }>;
  naiveScan: Readonly<{ p50: number; p95: number; max: number }>;
  ratioP95: number;
  hitsPerQuery: Readonly<Record<string, number>>;
}>;

const TRACKING_DAY = (index: number): string =>
  `26${String(1 + (index % 12)).padStart(2, '0')}${String(1 + (index % 28)).padStart(2, '0')}`;

/** The tracking number, id and list row of synthetic complaint `index` (newer ids for higher indexes). */
function complaintOf(
  index: number,
): Readonly<{ id: string; trackingNumber: string; row: ComplaintIndexRow }> {
  const trackingNumber = `KTB-${TRACKING_DAY(index)}-A2C-${String(index + 1).padStart(4, '0')}`;
  const receivedAt = new Date(Date.parse('2026-01-05T01:30:00.000Z') + index * 7 * 60_000).toISOString();
  const id = `complaint:${receivedAt}:${trackingNumber}:${index.toString(16).padStart(64, '0')}`;
  const privacyMode = index % 5 === 0 ? 'anonymous' : index % 5 === 1 ? 'confidential' : 'named';
  return {
    id,
    trackingNumber,
    row: {
      id,
      trackingNumber,
      receivedAt,
      channel: 'walk-in',
      title: corpusText(index).title,
      status: 'new',
      autoClosed: 0,
      privacyMode,
      office: '',
      open: 1,
      dueDate: '2026-03-05',
      stage: 'verify',
      category: 'other',
      reportType: 'complaint',
      receivedDate: receivedAt.slice(0, 10),
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function summary(times: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    max: round(sorted.at(-1) ?? 0),
  };
}

let benchHasher: Promise<IdentityHasher> | undefined;

/**
 * The identity hasher of the measurement: a random unit key's `search-index` key, as the app's
 * (decision 023: identity is indexed and looked up as keyed hashes, HMAC-SHA256 in Web Crypto).
 */
export function searchBenchHasher(): Promise<IdentityHasher> {
  benchHasher ??= createUnitKey(1).then(
    async (key) => new IdentityHasher(await derivePurposeKey(key, 'search-index'), key.version),
  );
  return benchHasher;
}

const hasherSource = (): Promise<IdentityHasher | undefined> => searchBenchHasher();

/** Fills a fresh device database's search and complaint indexes; returns it with the build time. */
export async function buildSearchIndex(
  name: string,
  complaints: number,
  log: (message: string) => void,
): Promise<{ db: DeviceDatabase; index: SearchIndex; buildMs: number }> {
  const db = new DeviceDatabase(name);
  await db.open();
  const index = new SearchIndex(db, hasherSource);
  const hasher = await searchBenchHasher();
  const start = performance.now();
  for (let from = 0; from < complaints; from += 250) {
    const content = [];
    const identity = [];
    const rows: ComplaintIndexRow[] = [];
    for (let at = from; at < Math.min(complaints, from + 250); at += 1) {
      const text = corpusText(at);
      const { id, trackingNumber, row } = complaintOf(at);
      const confidential = row.privacyMode === 'confidential';
      content.push(
        contentRow({
          id,
          trackingNumber,
          laporId: '',
          confidential,
          title: text.title,
          chronology: text.chronology,
          location: text.location,
          category: 'Lainnya other',
          offices: [text.office],
        }),
      );
      const ident =
        row.privacyMode === 'anonymous'
          ? undefined
          : await identityRow(
              { id, confidential, name: text.name, phone: text.phone, nik: text.nik },
              hasher,
            );
      if (ident) identity.push(ident);
      rows.push(row);
    }
    await index.write(content, identity, [], []);
    await db.complaintIndex.bulkPut(rows);
    if ((from / 250) % 40 === 0) log(`search index: ${from} of ${complaints}`);
  }
  return { db, index, buildMs: Math.round(performance.now() - start) };
}

/** What a start costs: loading from the rows, saving the snapshot, loading from the snapshot. */
export type SearchLoadTimes = Readonly<{
  loadRowsMs: number;
  snapshotSaveMs: number;
  /** The main thread's long tasks (> 50 ms, PerformanceObserver 'longtask') while the snapshot was saved. */
  snapshotLongTasksMs: readonly number[];
  /** The same while loading from the snapshot. */
  loadSnapshotLongTasksMs: readonly number[];
  loadSnapshotMs: number;
  /** The first query after loading from the snapshot. */
  firstQueryMs: number;
}>;

/**
 * Times a start's loading of the index (`db` is a new connection to the built database): from the
 * rows (the snapshot deleted first), then saving the snapshot, then a new index from the snapshot
 * (returned to be searched), and the first query after it.
 */
export async function loadSearchIndex(
  db: DeviceDatabase,
  log: (message: string) => void,
): Promise<{ index: SearchIndex; times: SearchLoadTimes }> {
  await db.searchSnapshot.clear();
  const fromRows = await timeLoad(new SearchIndex(db, hasherSource), log);
  const saving = performance.now();
  const savingTasks = longTasks();
  if (!(await fromRows.index.saveSnapshot())) throw new Error('snapshot not saved');
  const snapshotSaveMs = Math.round(performance.now() - saving);
  const snapshotLongTasksMs = await savingTasks.stop();
  const loadingTasks = longTasks();
  const fromSnapshot = await timeLoad(new SearchIndex(db, hasherSource), log);
  const loadSnapshotLongTasksMs = await loadingTasks.stop();
  const queries = new SearchQueries(db, fromSnapshot.index);
  const first = performance.now();
  await queries.query(
    { text: 'pungutan', limit: SEARCH_PAGE },
    { seeConfidential: false, day: undefined, complete: true },
  );
  return {
    index: fromSnapshot.index,
    times: {
      loadRowsMs: fromRows.ms,
      snapshotSaveMs,
      snapshotLongTasksMs,
      loadSnapshotLongTasksMs,
      loadSnapshotMs: fromSnapshot.ms,
      firstQueryMs: Math.round(performance.now() - first),
    },
  };
}

/** Records the main thread's long tasks from now until `stop` (their durations, ms, longest first). */
function longTasks(): { stop: () => Promise<number[]> } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
  });
  observer.observe({ type: 'longtask' });
  return {
    stop: async () => {
      // Long tasks are reported after they end: let the last one's entry arrive.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of observer.takeRecords()) durations.push(Math.round(entry.duration));
      observer.disconnect();
      return durations.sort((a, b) => b - a);
    },
  };
}

async function timeLoad(
  index: SearchIndex,
  log: (message: string) => void,
): Promise<{ index: SearchIndex; ms: number }> {
  const start = performance.now();
  let logged = 0;
  await index.load((done, total) => {
    if (done - logged >= 20_000) {
      logged = done;
      log(`search index: loaded ${done} of ${total} rows`);
    }
  });
  return { index, ms: Math.round(performance.now() - start) };
}

/** Per query and round: the whole query, the index's in-memory part alone, hits, slowest whole query. */
export type SearchTimes = Readonly<{
  times: number[];
  inMemory: number[];
  hits: Record<string, number>;
  slowest: Record<string, number>;
}>;

/** Times the 50 queries through the app's query code (`rounds` times each, a first unmeasured pass). */
export async function timeSearches(
  db: DeviceDatabase,
  index: SearchIndex,
  rounds: number,
): Promise<SearchTimes> {
  const queries = new SearchQueries(db, index);
  const context = { seeConfidential: false, day: undefined, complete: true };
  const hits: Record<string, number> = {};
  for (const text of SEARCH_QUERIES)
    hits[text] = (await queries.query({ text, limit: SEARCH_PAGE }, context)).total ?? -1;
  const times: number[] = [];
  const inMemory: number[] = [];
  const slowest: Record<string, number> = {};
  for (let round = 0; round < rounds; round += 1) {
    for (const text of SEARCH_QUERIES) {
      const start = performance.now();
      await queries.query({ text, limit: SEARCH_PAGE }, context);
      const took = performance.now() - start;
      times.push(took);
      slowest[text] = Math.round(Math.max(slowest[text] ?? 0, took));
      // The index's in-memory part alone (what the query above started with), to see where time goes.
      const memoryStart = performance.now();
      await index.candidates(text, context.seeConfidential);
      inMemory.push(performance.now() - memoryStart);
    }
  }
  return { times, inMemory, hits, slowest };
}

/** The index's own rule for one stored term (same word or stem, prefix as typed, one typo). */
function termMatches(term: string, word: QueryWord): boolean {
  if (term === word.word || (word.stem !== '' && term === word.stem)) return true;
  if (word.prefix && word.word.length >= 3 && term.startsWith(word.word)) return true;
  return word.typos > 0 && editDistance(term, word.word, 1) <= 1;
}

type ScanEntry = Readonly<{
  id: string;
  terms: readonly string[];
  tracking: string;
  phone: string;
  nik: string;
}>;

/** The baseline: every complaint's folded terms in memory, each query checked against all of them. */
export function timeNaiveScan(complaints: number, rounds: number): number[] {
  const entries: ScanEntry[] = [];
  for (let at = 0; at < complaints; at += 1) {
    const text: CorpusText = corpusText(at);
    const { id, trackingNumber, row } = complaintOf(at);
    if (row.privacyMode === 'confidential') continue;
    entries.push({
      id,
      terms: [...new Set(textTerms(`${text.title} ${text.chronology} ${text.location} ${text.office}`))],
      tracking: foldReference(trackingNumber),
      phone: row.privacyMode === 'anonymous' ? '' : canonicalPhone(text.phone),
      nik: row.privacyMode === 'anonymous' ? '' : text.nik,
    });
  }
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const text of SEARCH_QUERIES) {
      const start = performance.now();
      const words = queryWords(text);
      const digits = text.replace(/\D/g, '');
      const folded = foldReference(text);
      const found: string[] = [];
      for (const entry of entries) {
        const byWords =
          words.length > 0 && words.every((word) => entry.terms.some((term) => termMatches(term, word)));
        const byNumber =
          (digits.length >= 4 && (entry.phone.includes(digits) || entry.nik.includes(digits))) ||
          (folded.length >= 3 && entry.tracking.includes(folded));
        if (byWords || byNumber) found.push(entry.id);
      }
      found.sort().reverse();
      times.push(performance.now() - start);
    }
  }
  return times;
}

export { summary as searchTimeSummary };
