/**
 * On a device with a budget, the officer's words searched in the older complaints that are only on
 * the central (docs/decisions/027-device-budget.md), when they ask for it: the list's search covers
 * the device's complaints; this names the ones the central also has, so that they can be fetched.
 *
 * The central has no text index: one Mango `_find` over the complaint documents received before
 * the budget's cutoff (the `_all_docs` range, `complaint:` ids begin with the time received), each
 * word of the query in the title, the chronology, the location or the tracking number (CouchDB's
 * `$regex`, without regard to case), newest first, at most CENTRAL_SEARCH_LIMIT. Then each hit's
 * events, so that its status and privacy mode are today's: a complaint confidential now is left out
 * for a role that may not see confidential complaints, as the device's own search never matches one
 * by its words for them. Reporter documents are never read: identity is searched on the device only.
 */
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import type { ComplaintStatus } from '../../../shared/complaint/vocabulary';
import { COMPLAINT_ID_PREFIX, parseEventId } from '../../../shared/ids/document-ids';
import { collectUnitRecords } from '../../../shared/packet/unit-records';
import { isReceivedInBudget, type BudgetRule } from '../../../shared/sync/device-budget';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import { canSeeConfidential, type Role } from '../../../shared/workflow/roles';
import { centralOnlyStart } from './central-only-complaints';
import { eventRanges } from './complaint-pages';
import { allDocsQueries, bulkGet, postJson, type RemoteRequest, type Revision } from './download-protocol';

/** Complaints a search of the central names at most (the newest first). */
export const CENTRAL_SEARCH_LIMIT = 25;

/** The fields a word is looked for in. */
const FIELDS = ['title', 'chronology', 'location', 'trackingNumber'] as const;

/** A complaint only on the central that the words matched, as the list shows it. */
export type CentralHit = Readonly<{
  complaintId: string;
  trackingNumber: string;
  receivedAt: string;
  /** The title today (corrections applied). */
  title: string;
  status: ComplaintStatus;
}>;

export type CentralSearchOptions = Readonly<{
  request: RemoteRequest;
  unitCode: string;
  rule: BudgetRule;
  /** Whether the device holds the complaint with this tracking number (its own search finds it). */
  held: (trackingNumber: string) => boolean;
  role: Role;
  signal?: AbortSignal | undefined;
}>;

/** The words of `text` (blank-separated, at least two characters each, at most eight). */
export function searchWords(text: string): string[] {
  return [...new Set(text.trim().split(/\s+/u))].filter((word) => word.length >= 2).slice(0, 8);
}

/** `word` as a regular expression matching it literally, without regard to case. */
export function literalPattern(word: string): string {
  return `(?i)${word.replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&')}`;
}

/** The Mango selector: a complaint received before the listing's start, every word in some field. */
export function centralSearchSelector(rule: BudgetRule, words: readonly string[]): object {
  return {
    _id: { $gt: COMPLAINT_ID_PREFIX, $lt: centralOnlyStart(rule) },
    type: 'complaint',
    $and: words.map((word) => ({
      $or: FIELDS.map((field) => ({ [field]: { $regex: literalPattern(word) } })),
    })),
  };
}

/** The events of `complaints` on the central (their current revisions), files as stubs. */
async function eventsOf(
  options: CentralSearchOptions,
  complaints: readonly ComplaintDoc[],
): Promise<unknown[]> {
  const wanted = new Set(complaints.map((complaint) => complaint.trackingNumber));
  const answers = await allDocsQueries(options.request, eventRanges([...wanted]), options.signal);
  const revisions: Revision[] = [];
  for (const row of answers.flat()) {
    const rev = row.value?.rev;
    const trackingNumber = parseEventId(row.id ?? '')?.trackingNumber;
    if (typeof row.id === 'string' && typeof rev === 'string' && trackingNumber && wanted.has(trackingNumber))
      revisions.push({ id: row.id, rev });
  }
  return (await bulkGet(options.request, revisions, options.signal, false)).docs;
}

/**
 * The complaints only on the central that `text`'s words match, newest first, with their status
 * and title today; none for a query without a word of two characters.
 */
export async function searchCentral(text: string, options: CentralSearchOptions): Promise<CentralHit[]> {
  const words = searchWords(text);
  if (words.length === 0) return [];
  const answer = await postJson(
    options.request,
    '_find',
    {
      selector: centralSearchSelector(options.rule, words),
      sort: [{ _id: 'desc' }],
      limit: CENTRAL_SEARCH_LIMIT,
    },
    options.signal,
  );
  const found = collectUnitRecords(
    Array.isArray(answer.docs) ? answer.docs : [],
    options.unitCode,
  ).complaints;
  const complaints = found.filter(
    (complaint) =>
      !isReceivedInBudget(options.rule, complaint.trackingNumber) && !options.held(complaint.trackingNumber),
  );
  if (complaints.length === 0) return [];
  const { events } = collectUnitRecords(await eventsOf(options, complaints), options.unitCode);
  const mayReadConfidential = canSeeConfidential(options.role);
  const hits: CentralHit[] = [];
  for (const complaint of complaints) {
    const state = reduceComplaint(complaint, events);
    if (state.privacyMode === 'confidential' && !mayReadConfidential) continue;
    hits.push({
      complaintId: complaint._id,
      trackingNumber: complaint.trackingNumber,
      receivedAt: complaint.receivedAt,
      title: state.current.title,
      status: state.status,
    });
  }
  return hits.sort((a, b) => (a.complaintId < b.complaintId ? 1 : -1));
}
