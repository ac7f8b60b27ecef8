/**
 * The search box's use cases (`ClientCore.search`, docs/decisions/012-search-index.md): a page of
 * complaints for a query and the list's filters, for the officer at the desk; the state of the
 * device-local search index; and each officer's last search, kept on this device.
 */
import type { SearchIndexStatus, SearchPage, SearchQuery } from '../search/search-types';
import type { CoreDeps } from './core-deps';

type Remembered = Pick<SearchQuery, 'text' | 'filters' | 'sort'>;

const rememberedKey = (officerId: string): string => `search:${officerId}`;

export function createSearch(deps: CoreDeps) {
  const listeners = new Set<(status: SearchIndexStatus) => void>();
  const status: SearchIndexStatus = { state: 'idle' };
  return {
    query: (_query: SearchQuery): Promise<SearchPage> => Promise.resolve({ hits: [], complete: false }),

    status: (): SearchIndexStatus => status,

    onStatus(listener: (status: SearchIndexStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

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
