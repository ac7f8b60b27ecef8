/**
 * The complaint index's counts per status kept with its rows (./complaint-index-counts): counted
 * once on a device without them, then changed by every write of the rows and read without
 * counting.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '../../../shared/complaint/vocabulary';
import type { ComplaintIndexRow } from './complaint-index';
import { INDEX_COUNTS_KEY, rowCount, statusCounts, writeRows } from './complaint-index-counts';
import { DeviceDatabase } from './device-database';

function row(id: string, status: ComplaintStatus): ComplaintIndexRow {
  return {
    id,
    trackingNumber: `ADU-${id}`,
    receivedAt: '2026-03-02T01:00:00.000Z',
    channel: 'phone',
    title: `Pengaduan ${id}`,
    status,
    autoClosed: 0,
    privacyMode: 'named',
    office: '',
    open: status === 'closed' ? 0 : 1,
    dueDate: status === 'closed' ? '' : '2026-03-09',
    stage: '',
    category: 'infrastructure',
    reportType: 'complaint',
    receivedDate: '2026-03-02',
  };
}

const databases: DeviceDatabase[] = [];
function device(): DeviceDatabase {
  const db = new DeviceDatabase(`counts-${crypto.randomUUID()}`);
  databases.push(db);
  return db;
}

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const write = (db: DeviceDatabase, rows: ComplaintIndexRow[], gone: string[] = []): Promise<void> =>
  db.transaction('rw', db.complaintIndex, db.settings, () => writeRows(db, rows, gone));

describe('the complaint index counts per status', () => {
  it('are counted once on a device without them, then kept', async () => {
    const db = device();
    await write(db, [row('a', 'new'), row('b', 'new'), row('c', 'closed')]);
    expect(await db.settings.get(INDEX_COUNTS_KEY)).toBeUndefined();
    expect(await statusCounts(db)).toMatchObject({ new: 2, closed: 1, verified: 0 });
    expect(await rowCount(db)).toBe(3);
    // Kept: a row written past them (as nothing in the app does) is not counted again.
    await db.complaintIndex.put(row('d', 'new'));
    expect(await statusCounts(db)).toMatchObject({ new: 2, closed: 1 });
  });

  it('follow every write of the rows: new rows, a status changed, rows deleted, the same row twice', async () => {
    const db = device();
    await write(db, [row('a', 'new'), row('b', 'new')]);
    await statusCounts(db);
    await write(db, [row('c', 'verified'), row('a', 'verified')]);
    await write(db, [row('b', 'closed'), row('b', 'closed'), row('e', 'new')], ['c', 'missing']);
    await write(db, [row('f', 'new')], ['f']);
    const kept = await statusCounts(db);
    expect(kept).toMatchObject({ new: 1, verified: 1, closed: 1 });
    expect(await rowCount(db)).toBe(await db.complaintIndex.count());
    // The same as counting every row again.
    await db.settings.delete(INDEX_COUNTS_KEY);
    expect(await statusCounts(db)).toEqual(kept);
  });

  it('are counted again when what is kept is not counts of every status', async () => {
    const db = device();
    await write(db, [row('a', 'new')]);
    await db.settings.put({ key: INDEX_COUNTS_KEY, value: { new: 5 } });
    expect(await statusCounts(db)).toMatchObject({ new: 1, closed: 0 });
  });
});
