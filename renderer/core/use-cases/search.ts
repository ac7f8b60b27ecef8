/**
 * The search box's use cases (`ClientCore.search`, docs/decisions/012-search-index.md): a page of
 * complaints for a query and the list's filters, for the officer at the desk (their role decides
 * whether confidential complaints' words match); the state of the device-local search index; and
 * each officer's last search, kept on this device.
 */
import { attentionHorizon } from '../../../shared/sla/deadline-state';
import { canSeeConfidential } from '../../../shared/workflow/roles';
import type { SearchIndexer } from '../search/search-indexer';
import type { SearchDay, SearchQueries } from '../search/search-query';
import type { SearchIndexStatus, SearchPage, SearchQuery } from '../search/search-types';
import { calendarOf, unitToday } from './calendar';
import type { CoreDeps } from './core-deps';

type Remembered = Pick<SearchQuery, 'text' | 'filters' | 'sort'>;

const rememberedKey = (officerId: string): string => `search:${officerId}`;

export function createSearch(deps: CoreDeps, indexer: SearchIndexer, queries: SearchQueries) {
  const day = (): SearchDay | undefined => {
    const settings = deps.store.getState().unitSettings;
    if (!settings) return undefined;
    const today = unitToday(settings, deps.now());
    const calendar = calendarOf(settings, deps.store.getState().nationalCalendars);
    const horizon = attentionHorizon(today, calendar, settings.deadlines.dueSoonWorkingDays);
    return { today, attentionHorizon: horizon };
  };

  return {
    query(query: SearchQuery): Promise<SearchPage> {
      const { officer } = deps.store.getState();
      return queries.query(query, {
        seeConfidential: officer !== undefined && canSeeConfidential(officer.role),
        day: day(),
        complete: indexer.current().state === 'ready',
      });
    },

    status: (): SearchIndexStatus => indexer.current(),

    onStatus: (listener: (status: SearchIndexStatus) => void): (() => void) => indexer.onStatus(listener),

    async remembered(): Promise<Remembered | undefined> {
      const { officer } = deps.store.getState();
      if (!officer) return undefined;
      const row = await deps.deviceDatabase.settings.get(rememberedKey(officer.id));
      return row?.value as Remembered | undefined;
    },

    async remember(query: Remembered): Promise<void> {
      const { officer } = deps.store.getState();
      if (!officer) return;
      const { text, filters, sort } = query;
      await deps.deviceDatabase.settings.put({
        key: rememberedKey(officer.id),
        value: { text, ...(filters ? { filters } : {}), ...(sort ? { sort } : {}) },
      });
    },
  };
}
