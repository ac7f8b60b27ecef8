/**
 * The complaint index's rows counted per status, kept in the device's settings and changed in
 * the same transaction as the rows (./complaint-projector), so that the list's total and its
 * status filter's counts are one read, not a `count()` of the index: Chromium answers a count by
 * walking every entry, which at 100,000 complaints held the list's first page back
 * (docs/benchmarks.md, 'Where the start grew with the records'). A device without kept counts
 * (new, or upgraded from before them) counts its rows once, the first time they are asked for.
 */
import Dexie from 'dexie';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../../shared/complaint/vocabulary';
import type { ComplaintIndexRow } from './complaint-index';
import type { DeviceDatabase } from './device-database';

export type StatusCounts = Readonly<Record<ComplaintStatus, number>>;

/** The settings key of the kept counts (one complaint index per device). */
export const INDEX_COUNTS_KEY = 'complaint-index-counts';

function keptCounts(value: unknown): StatusCounts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const counts = value as Partial<Record<string, unknown>>;
  const valid = COMPLAINT_STATUSES.every((status) => {
    const count = counts[status];
    return typeof count === 'number' && Number.isInteger(count) && count >= 0;
  });
  return valid ? (value as StatusCounts) : undefined;
}

async function readKept(db: DeviceDatabase): Promise<StatusCounts | undefined> {
  return keptCounts((await db.settings.get(INDEX_COUNTS_KEY))?.value);
}

/** Every status's rows counted through the index (walks every row). */
async function countRows(db: DeviceDatabase): Promise<StatusCounts> {
  const counts = await Promise.all(
    COMPLAINT_STATUSES.map((status) =>
      db.complaintIndex.where('[status+id]').between([status, Dexie.minKey], [status, Dexie.maxKey]).count(),
    ),
  );
  return Object.fromEntries(
    COMPLAINT_STATUSES.map((status, index) => [status, counts[index] ?? 0]),
  ) as Record<ComplaintStatus, number>;
}

/** The rows per status: the kept counts, or (the first time on this device) counted and kept. */
export async function statusCounts(db: DeviceDatabase): Promise<StatusCounts> {
  const kept = await readKept(db);
  if (kept) return kept;
  return db.transaction('rw', db.complaintIndex, db.settings, async () => {
    const meanwhile = await readKept(db);
    if (meanwhile) return meanwhile;
    const counted = await countRows(db);
    await db.settings.put({ key: INDEX_COUNTS_KEY, value: counted });
    return counted;
  });
}

/** How many rows the index holds (the sum of the kept counts). */
export async function rowCount(db: DeviceDatabase): Promise<number> {
  const counts = await statusCounts(db);
  return COMPLAINT_STATUSES.reduce((sum, status) => sum + counts[status], 0);
}

/**
 * Writes `rows` and deletes `gone` from the index, and changes the kept counts by what that
 * changed (when there are kept counts: else they are counted when first asked for). Called inside
 * a read-write transaction over the complaint index and the settings.
 */
export async function writeRows(
  db: DeviceDatabase,
  rows: readonly ComplaintIndexRow[],
  gone: readonly string[],
): Promise<void> {
  const kept = await readKept(db);
  if (kept) {
    // What the index holds afterwards: the last row written for each id, unless it is deleted.
    const deleted = new Set(gone);
    const written = new Map(rows.filter((row) => !deleted.has(row.id)).map((row) => [row.id, row]));
    const ids = [...written.keys(), ...deleted];
    const before = await db.complaintIndex.bulkGet(ids);
    const counts: Record<ComplaintStatus, number> = { ...kept };
    for (const row of before) if (row) counts[row.status] -= 1;
    for (const row of written.values()) counts[row.status] += 1;
    await db.settings.put({ key: INDEX_COUNTS_KEY, value: counts });
  }
  await db.complaintIndex.bulkPut([...rows]);
  await db.complaintIndex.bulkDelete([...gone]);
}
