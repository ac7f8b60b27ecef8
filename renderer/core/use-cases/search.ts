/**
 * The search box's use cases (`ClientCore.search`, docs/decisions/012-search-index.md): a page of
 * complaints for a query and the list's filters, for the officer at the desk (their role decides
 * whether confidential complaints' words match); the state of the device-local search index; and
 * each officer's last search, kept on this device: its text sealed like an intake draft (a search
 * is often a name, a phone or a NIK; docs/decisions/023-identity-search-at-rest.md), and without an
 * unlocked unit key kept in memory only.
 */
import { openDraft, sealDraft, sealedDraftSchema } from '../../../shared/crypto/draft-seal';
import { attentionHorizon } from '../../../shared/sla/deadline-state';
import { canSeeConfidential } from '../../../shared/workflow/roles';
import type { SearchIndexer } from '../search/search-indexer';
import type { SearchDay, SearchQueries } from '../search/search-query';
import type { SearchIndexStatus, SearchPage, SearchQuery } from '../search/search-types';
import { calendarOf, unitToday } from './calendar';
import type { CoreDeps } from './core-deps';
import { isUnitKeyLocked } from '../keys/unit-keyring';

type Remembered = Pick<SearchQuery, 'text' | 'filters' | 'sort'>;

const rememberedKey = (officerId: string): string => `search:${officerId}`;

/** A remembered search as stored: its text sealed (`sealedText`), `text` left empty. */
type StoredRemembered = Partial<Remembered> & { sealedText?: unknown };

export function createSearch(deps: CoreDeps, indexer: SearchIndexer, queries: SearchQueries) {
  const { keyring } = deps.unitKeys;
  /** Texts remembered while no unit key was unlocked: in memory only, for this run. */
  const unsealedTexts = new Map<string, string>();
  const draftsKey = async (version?: number) => {
    try {
      return await keyring.purposeKey('drafts', version);
    } catch (error) {
      if (isUnitKeyLocked(error)) return undefined;
      throw error;
    }
  };
  /** A sealed remembered text, opened ('' when it does not open here). */
  const openText = async (officerId: string, sealed: unknown): Promise<string> => {
    const parsed = sealedDraftSchema.safeParse(sealed);
    const key = parsed.success ? await draftsKey(parsed.data.keyVersion) : undefined;
    if (!key) return '';
    const opened = await openDraft(key, rememberedKey(officerId), sealed);
    return opened.ok && typeof opened.value === 'string' ? opened.value : '';
  };
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
      const stored = row?.value as StoredRemembered | undefined;
      if (!stored) return undefined;
      const { sealedText, ...rest } = stored;
      const text =
        sealedText !== undefined
          ? await openText(officer.id, sealedText)
          : (unsealedTexts.get(officer.id) ?? (typeof stored.text === 'string' ? stored.text : ''));
      return { ...rest, text };
    },

    async remember(query: Remembered): Promise<void> {
      const { officer } = deps.store.getState();
      if (!officer) return;
      const { text, filters, sort } = query;
      const key = text === '' ? undefined : await draftsKey();
      if (key) unsealedTexts.delete(officer.id);
      else if (text !== '') unsealedTexts.set(officer.id, text);
      else unsealedTexts.delete(officer.id);
      await deps.deviceDatabase.settings.put({
        key: rememberedKey(officer.id),
        value: {
          text: '',
          ...(key ? { sealedText: await sealDraft(key, rememberedKey(officer.id), text) } : {}),
          ...(filters ? { filters } : {}),
          ...(sort ? { sort } : {}),
        } satisfies StoredRemembered,
      });
    },
  };
}
