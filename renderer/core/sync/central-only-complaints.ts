/**
 * The complaints of a device budget's other side (docs/decisions/027-device-budget.md): those
 * received before the rule's cutoff that the device does not hold, read from the central a page at
 * a time, newest first, so that figures computed on a device with a budget (Beranda's indicators,
 * Paket P4) count the whole record.
 *
 * Read, never stored as records: each page is the complaints and their events, checked against
 * their schemas as the packet checks them (shared/packet/unit-records), without reporter documents
 * (identity is never fetched to be counted), files (stubs) or revision histories. The listing and
 * the events' ranges are the first download's (./complaint-pages); the listing starts a day after
 * the cutoff in UTC (ids carry the UTC instant; the unit's day starts up to 9 hours earlier) and
 * each complaint is judged by its tracking number.
 */
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import { COMPLAINT_ID_PREFIX, HIGH_SENTINEL, parseComplaintId } from '../../../shared/ids/document-ids';
import { collectUnitRecords } from '../../../shared/packet/unit-records';
import { isReceivedInBudget, type BudgetRule } from '../../../shared/sync/device-budget';
import { addDays } from '../../../shared/time/local-date';
import type { EventDoc } from '../../../shared/workflow/events';
import { complaintPages } from './complaint-pages';
import { getJson, type RemoteRequest } from './download-protocol';

/** Documents per page, roughly (pages hold whole complaints). */
export const CENTRAL_ONLY_PAGE_DOCS = 500;

export type CentralOnlyPage = Readonly<{
  complaints: readonly ComplaintDoc[];
  events: readonly EventDoc[];
  /** The last (oldest) complaint id the page covered: a later pass resumes below it. */
  cursor: string;
  /** Documents that failed their schema and were left out. */
  invalid: number;
}>;

export type CentralOnlyOptions = Readonly<{
  request: RemoteRequest;
  unitCode: string;
  rule: BudgetRule;
  /** Whether the device holds the complaint with this tracking number (it counts its own copy). */
  held: (trackingNumber: string) => boolean;
  /** The cursor of the last page handled before, or null to start at the cutoff. */
  after: string | null;
  signal?: AbortSignal | undefined;
  /** Documents per page, roughly (default CENTRAL_ONLY_PAGE_DOCS). */
  pageDocs?: number | undefined;
}>;

/** Where the listing of complaints before `rule`'s cutoff starts (the newest first). */
export function centralOnlyStart(rule: BudgetRule): string {
  return `${COMPLAINT_ID_PREFIX}${addDays(rule.cutoff, 1)}`;
}

/** The pages' source: each call reads the next page (null after the last); one call at a time. */
export function centralOnlyPages(options: CentralOnlyOptions): () => Promise<CentralOnlyPage | null> {
  const next = complaintPages({
    request: options.request,
    batchSize: options.pageDocs ?? CENTRAL_ONLY_PAGE_DOCS,
    signal: options.signal,
    skip: (trackingNumber) =>
      isReceivedInBudget(options.rule, trackingNumber) || options.held(trackingNumber),
    after: options.after ?? centralOnlyStart(options.rule),
    readOnly: true,
  });
  return async () => {
    const page = await next();
    if (page === null) return null;
    const records = collectUnitRecords(page.docs, options.unitCode);
    return {
      complaints: records.complaints,
      events: records.events,
      cursor: page.cursor,
      invalid: records.skipped.invalid,
    };
  };
}

/**
 * The receipt instant of the unit's first complaint on the central (null without any): with a
 * page's cursor it tells how far back a pass has come (`passedShare`).
 */
export async function firstComplaintReceivedAt(
  request: RemoteRequest,
  signal?: AbortSignal,
): Promise<string | null> {
  const params = new URLSearchParams({
    startkey: JSON.stringify(COMPLAINT_ID_PREFIX),
    endkey: JSON.stringify(`${COMPLAINT_ID_PREFIX}${HIGH_SENTINEL}`),
    limit: '1',
  });
  const body = await getJson(request, `_all_docs?${params.toString()}`, signal);
  const rows = Array.isArray(body.rows) ? (body.rows as { id?: unknown }[]) : [];
  const id = rows[0]?.id;
  return typeof id === 'string' ? (parseComplaintId(id)?.receivedAt ?? null) : null;
}

/**
 * The share (0..1) of the time between the start and `first` that a pass going back from
 * `start` has covered once at `cursor` (a complaint id), by receipt instant.
 */
export function passedShare(rule: BudgetRule, first: string | null, cursor: string | null): number {
  const startMs = Date.parse(addDays(rule.cutoff, 1));
  const firstMs = first === null ? Number.NaN : Date.parse(first);
  const at = cursor === null ? undefined : parseComplaintId(cursor)?.receivedAt;
  if (at === undefined) return 0;
  if (!(startMs > firstMs)) return 1;
  return Math.min(1, Math.max(0, (startMs - Date.parse(at)) / (startMs - firstMs)));
}
