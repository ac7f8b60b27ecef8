/**
 * Duplicates at intake (docs/domain.md, 'Duplicates at intake'): while an officer types a new
 * complaint, the earlier reports it may repeat, found through the search engine
 * (`ClientCore.search.query`, so its privacy holds: identity matches only for a role that may see
 * the complaint's identity, a confidential complaint's words only for supervisors and managers):
 * the same NIK, the same phone (any notation), the same category with the location's words among
 * complaints received in the last 30 days, or a title whose every word matches. At most
 * DUPLICATE_LIMIT rows, each with every reason it was found for, strongest reason first. The
 * look-up gives way to an intake save under way (../data/foreground-saves): the officer waits
 * for the save, not for the panel.
 *
 * Linking (`complaints.link`): a `related` event on both complaints in one write
 * (shared/workflow/related-complaints); linking twice writes nothing.
 */
import { canonicalPhone } from '../../../shared/search/identifiers';
import { addDays } from '../../../shared/time/local-date';
import { decideLink } from '../../../shared/workflow/related-complaints';
import type { ComplaintIndexRow } from '../data/complaint-index';
import { EVENT_SEQUENCE } from '../data/device-store';
import { foregroundSaves } from '../data/foreground-saves';
import type { SearchField, SearchPage, SearchQuery } from '../search/search-types';
import { unitToday } from './calendar';
import type { CoreDeps } from './core-deps';

/** Why an earlier complaint is listed: same NIK, same phone, category and location (30 days), similar title. */
export const DUPLICATE_REASONS = ['nik', 'phone', 'category-location', 'title'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** What the intake form holds so far (any field may be blank). */
export type DuplicateProbe = Readonly<{
  nik: string;
  phone: string;
  /** Category code. */
  category: string;
  location: string;
  title: string;
}>;

export type DuplicateCandidate = Readonly<{
  row: ComplaintIndexRow;
  /** In DUPLICATE_REASONS order, at least one. */
  reasons: readonly DuplicateReason[];
}>;

export type LinkOutcome =
  | Readonly<{ outcome: 'linked' }>
  | Readonly<{ outcome: 'already-linked' }>
  | Readonly<{ outcome: 'refused'; reason: 'self' | 'missing' }>;

export const DUPLICATE_LIMIT = 5;
/** Category and location count only among complaints received this many days back (today included). */
export const DUPLICATE_WINDOW_DAYS = 30;
/** A phone needs this many digits, a NIK this many, a title this many letters, before they are looked up. */
const MIN_PHONE_DIGITS = 8;
const MIN_NIK_DIGITS = 16;
const MIN_TITLE_LETTERS = 8;

type Query = (query: SearchQuery) => Promise<SearchPage>;

export function createDuplicates(deps: CoreDeps, query: Query) {
  const { store, records } = deps;
  // The earlier complaints each officer marked as related on the form being typed: in memory only
  // (ids, no identity), so that opening one ("Buka") and coming back keeps the marks with the draft.
  const marks = new Map<string, readonly string[]>();

  /** Once no intake save runs (one started in the same turn as the look-up included). */
  async function givenWay(): Promise<void> {
    let db: object;
    try {
      db = records.current().db;
    } catch {
      return; // the records are not open: nothing is saved either
    }
    await foregroundSaves(db).idleAfterTurn();
  }

  /** The complaints `text` matches in `field` (with `filters`), at most the limit. */
  async function matching(
    text: string,
    field: SearchField,
    filters: SearchQuery['filters'] = {},
  ): Promise<ComplaintIndexRow[]> {
    await givenWay();
    const page = await query({ text, filters, sort: 'relevance', limit: DUPLICATE_LIMIT * 2 });
    return page.hits
      .filter((hit) => hit.matches.some((match) => match.field === field))
      .map((hit) => hit.row);
  }

  return {
    possibleDuplicates: async (probe: DuplicateProbe): Promise<readonly DuplicateCandidate[]> => {
      const settings = store.getState().unitSettings;
      const nik = probe.nik.replace(/\D/g, '');
      const phone = canonicalPhone(probe.phone);
      const location = probe.location.trim();
      const title = probe.title.trim();
      const since = settings
        ? addDays(unitToday(settings, deps.now()), -(DUPLICATE_WINDOW_DAYS - 1))
        : undefined;
      const searches: Readonly<Record<DuplicateReason, Promise<ComplaintIndexRow[]>>> = {
        nik: nik.length >= MIN_NIK_DIGITS ? matching(nik, 'nik') : Promise.resolve([]),
        phone: phone.length >= MIN_PHONE_DIGITS ? matching(phone, 'phone') : Promise.resolve([]),
        'category-location':
          probe.category !== '' && location !== '' && since !== undefined
            ? matching(location, 'location', { category: [probe.category], receivedFrom: since })
            : Promise.resolve([]),
        title:
          title.replace(/[^\p{L}]/gu, '').length >= MIN_TITLE_LETTERS
            ? matching(title, 'title')
            : Promise.resolve([]),
      };
      const found = new Map<string, { row: ComplaintIndexRow; reasons: DuplicateReason[] }>();
      for (const reason of DUPLICATE_REASONS) {
        for (const row of await searches[reason]) {
          const candidate = found.get(row.id) ?? { row, reasons: [] };
          candidate.reasons.push(reason);
          found.set(row.id, candidate);
        }
      }
      // Strongest reason first (map order keeps that), then the newest.
      return [...found.values()]
        .sort(
          (a, b) =>
            DUPLICATE_REASONS.indexOf(a.reasons[0] ?? 'title') -
              DUPLICATE_REASONS.indexOf(b.reasons[0] ?? 'title') ||
            (a.row.receivedAt < b.row.receivedAt ? 1 : -1),
        )
        .slice(0, DUPLICATE_LIMIT);
    },

    /** The complaints the officer at the desk marked as related on the unsaved form. */
    markedRelated: (): readonly string[] => {
      const { officer } = store.getState();
      return officer ? (marks.get(officer.id) ?? []) : [];
    },

    /** Replaces the officer at the desk's marks (empty: none). */
    markRelated: (complaintIds: readonly string[]): void => {
      const { officer } = store.getState();
      if (!officer) return;
      if (complaintIds.length === 0) marks.delete(officer.id);
      else marks.set(officer.id, [...complaintIds]);
    },

    /**
     * Relates two complaints as the officer at the desk: a `related` event on each that does not
     * name the other yet, both in one write. Resolves once they are stored.
     */
    link: async (fromId: string, toId: string): Promise<LinkOutcome> => {
      const { officer, device } = store.getState();
      if (!officer || !device) throw new Error('The device is not set up.');
      if (fromId === toId) return { outcome: 'refused', reason: 'self' };
      const [from, to] = await Promise.all([
        records.current().detail(fromId),
        records.current().detail(toId),
      ]);
      if (!from || !to) return { outcome: 'refused', reason: 'missing' };
      const first = await deps.deviceStore.nextSequence(EVENT_SEQUENCE);
      const second = await deps.deviceStore.nextSequence(EVENT_SEQUENCE);
      const decision = decideLink(
        from.state,
        to.state,
        {
          officer: { officerId: officer.id, name: officer.name },
          role: officer.role,
          deviceCode: device.deviceCode,
          unitCode: device.unitCode,
        },
        { at: deps.now(), eventSequences: [first, second] },
      );
      if (decision.outcome === 'refused') return { outcome: 'refused', reason: 'self' };
      if (decision.outcome === 'already-linked') return decision;
      await records.current().recordEvents(decision.events);
      return { outcome: 'linked' };
    },
  };
}
