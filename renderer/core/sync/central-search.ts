/**
 * On a device with a budget, the officer's words searched in the older complaints that are only on
 * the central (docs/decisions/027-device-budget.md), when they ask for it: the list's search covers
 * the device's complaints; this names the ones the central also has, so that they can be fetched.
 *
 * The central has no text index: Mango `_find` over the complaint documents received before the
 * budget's cutoff (the `_all_docs` range, `complaint:` ids begin with the time received), each
 * word of the query in the title, the chronology, the location or the tracking number (CouchDB's
 * `$regex`, without regard to case), newest first, at most CENTRAL_SEARCH_LIMIT. The range starts
 * a day after the cutoff in UTC (as ./central-only-complaints does: the unit's day and UTC's
 * differ), and the device holds some older complaints (every open one, those fetched): matches
 * inside the budget or held are passed over and the search goes on below the last one read, a
 * page at a time, until it has its complaints or has read CENTRAL_SEARCH_MAX_PAGES. Then each hit's
 * events, so that its status and privacy mode are today's: a complaint confidential now is left out
 * for a role that may not see confidential complaints, as the device's own search never matches one
 * by its words for them. Reporter documents are never read: identity is searched on the device only.
 */
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import type { ComplaintStatus } from '../../../shared/complaint/vocabulary';
import { COMPLAINT_ID_PREFIX } from '../../../shared/ids/document-ids';
import { collectUnitRecords } from '../../../shared/packet/unit-records';
import { isReceivedInBudget, type BudgetRule } from '../../../shared/sync/device-budget';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import { canSeeConfidential, type Role } from '../../../shared/workflow/roles';
import { centralOnlyStart } from './central-only-complaints';
import { eventDocs } from './complaint-pages';
import { postJson, type RemoteRequest } from './download-protocol';

/** Complaints a search of the central names at most (the newest first). */
export const CENTRAL_SEARCH_LIMIT = 25;

/** Matches asked for per `_find` (some may be inside the budget or held: the next page goes on). */
export const CENTRAL_SEARCH_PAGE = 50;

/** Pages one search reads at most: 1,000 matches passed over (a day and a half of a busy unit's intakes). */
export const CENTRAL_SEARCH_MAX_PAGES = 20;

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

/**
 * The Mango selector: a complaint with an id below `before` (at first the listing's start), every
 * word in some field.
 */
export function centralSearchSelector(before: string, words: readonly string[]): object {
  return {
    _id: { $gt: COMPLAINT_ID_PREFIX, $lt: before },
    type: 'complaint',
    $and: words.map((word) => ({
      $or: FIELDS.map((field) => ({ [field]: { $regex: literalPattern(word) } })),
    })),
  };
}

/** The complaints the words match that are outside the budget and not held, newest first. */
async function matchesOnlyOnCentral(
  options: CentralSearchOptions,
  words: readonly string[],
): Promise<ComplaintDoc[]> {
  const complaints: ComplaintDoc[] = [];
  let before = centralOnlyStart(options.rule);
  for (let page = 0; page < CENTRAL_SEARCH_MAX_PAGES; page += 1) {
    const answer = await postJson(
      options.request,
      '_find',
      {
        selector: centralSearchSelector(before, words),
        sort: [{ _id: 'desc' }],
        limit: CENTRAL_SEARCH_PAGE,
      },
      options.signal,
    );
    const docs: unknown[] = Array.isArray(answer.docs) ? answer.docs : [];
    for (const complaint of collectUnitRecords(docs, options.unitCode).complaints) {
      if (isReceivedInBudget(options.rule, complaint.trackingNumber)) continue;
      if (options.held(complaint.trackingNumber)) continue;
      complaints.push(complaint);
    }
    const last = (docs.at(-1) as { _id?: unknown } | undefined)?._id;
    if (complaints.length >= CENTRAL_SEARCH_LIMIT || docs.length < CENTRAL_SEARCH_PAGE) break;
    if (typeof last !== 'string') break;
    before = last;
  }
  return complaints.sort((a, b) => (a._id < b._id ? 1 : -1)).slice(0, CENTRAL_SEARCH_LIMIT);
}

/**
 * The complaints only on the central that `text`'s words match, newest first, with their status
 * and title today; none for a query without a word of two characters.
 */
export async function searchCentral(text: string, options: CentralSearchOptions): Promise<CentralHit[]> {
  const words = searchWords(text);
  if (words.length === 0) return [];
  const complaints = await matchesOnlyOnCentral(options, words);
  if (complaints.length === 0) return [];
  const trackingNumbers = new Set(complaints.map((complaint) => complaint.trackingNumber));
  const { events } = collectUnitRecords(
    await eventDocs(options.request, trackingNumbers, options.signal),
    options.unitCode,
  );
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
