/**
 * Reads of the complaint index: pages newest first (all, or one status), the complaints that
 * need attention in order of urgency, and counts per status. Every read goes through an index.
 */
import Dexie from 'dexie';
import type { ComplaintStatus } from '../../../shared/complaint/vocabulary';
import type { ComplaintIndexRow } from './complaint-index';
import { statusCounts, type StatusCounts } from './complaint-index-counts';
import type { DeviceDatabase, TamperedRow } from './device-database';

export type IndexPage = Readonly<{ rows: readonly ComplaintIndexRow[]; nextCursor?: string }>;

export class ComplaintIndexQueries {
  constructor(private readonly db: DeviceDatabase) {}

  /** Complaints with a forged document content found on this device, oldest finding first. */
  async tampered(): Promise<TamperedRow[]> {
    return (await this.db.tampered.toArray()).sort((a, b) => a.foundAt.localeCompare(b.foundAt));
  }

  /** Newest first (ids sort by receipt time); `cursor` is the last id of the previous page. */
  async page(status: ComplaintStatus | 'all', limit: number, cursor?: string): Promise<IndexPage> {
    const table = this.db.complaintIndex;
    const collection =
      status === 'all'
        ? cursor
          ? table.where('id').below(cursor)
          : table.toCollection()
        : table
            .where('[status+id]')
            .between([status, Dexie.minKey], [status, cursor ?? Dexie.maxKey], true, false);
    const rows = await collection
      .reverse()
      .limit(limit + 1)
      .toArray();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return rows.length > limit && last ? { rows: page, nextCursor: last.id } : { rows: page };
  }

  /** Complaints with a deadline on or before `throughDate` (overdue first), at most `limit`. */
  needsAttention(throughDate: string, limit = 500): Promise<ComplaintIndexRow[]> {
    return this.db.complaintIndex
      .where('[open+dueDate]')
      .between([1, ''], [1, throughDate], false, true)
      .limit(limit)
      .toArray();
  }

  /** The rows per status, as kept with the rows (./complaint-index-counts): one read. */
  countByStatus(): Promise<StatusCounts> {
    return statusCounts(this.db);
  }
}
