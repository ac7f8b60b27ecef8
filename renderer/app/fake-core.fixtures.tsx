/**
 * A fake client core for component tests: a real UI state store (so `useAppStore` works), and
 * every command and query a stub that fails the test unless the test gives its own. Render a
 * screen inside `withCore(core, <Screen />)`.
 */
import type { ReactNode } from 'react';
import type { ClientCore, ComplaintIndexRow, SearchHit, SearchPage, SearchQuery } from '../core/client-core';
import { createAppState } from '../core/state/app-state';
import { CoreProvider } from './core-context';

type Groups = Omit<ClientCore, 'store'>;

/** Overrides per group: `{ complaints: { act: async () => ({ ok: true }) } }`. */
export type FakeCoreParts = { [G in keyof Groups]?: Partial<Groups[G]> } & { store?: ClientCore['store'] };

function unexpected(name: string): () => never {
  return () => {
    throw new Error(`fake core: ${name} was not expected in this test`);
  };
}

/** A group whose every member throws when used, except those given. */
function group<T extends object>(name: string, given: Partial<T> | undefined): T {
  return new Proxy((given ?? {}) as T, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      return key in target ? (target as Record<string, unknown>)[key] : unexpected(`${name}.${key}`);
    },
  });
}

export function fakeCore(parts: FakeCoreParts = {}): ClientCore {
  return {
    store: parts.store ?? createAppState(),
    device: group('device', parts.device),
    officers: group('officers', parts.officers),
    accessLog: group('accessLog', parts.accessLog),
    keyTransfer: group('keyTransfer', { hasKey: () => true, ...parts.keyTransfer }),
    // A unit whose recovery passphrase is set, and no wait, unless a test says otherwise.
    keyRecovery: group('keyRecovery', {
      status: () =>
        Promise.resolve({
          set: true,
          setAt: '2026-01-05T01:00:00.000Z',
          by: { device: 'X7Q', officer: 'officer-siti' },
          versions: [1],
        }),
      waitUntil: () => Promise.resolve(null),
      ...parts.keyRecovery,
    }),
    // Version 1 of the unit key held, no re-wrap running, unless a test says otherwise.
    unitKey: group('unitKey', {
      currentVersion: () => 1,
      rewrapProgress: () => null,
      onRewrapProgress: () => () => undefined,
      ...parts.unitKey,
    }),
    intake: group('intake', {
      possibleDuplicates: () => Promise.resolve([]),
      markedRelated: () => [],
      markRelated: () => undefined,
      ...parts.intake,
    }),
    complaints: group('complaints', parts.complaints),
    search: group('search', {
      status: () => ({ state: 'ready', total: 0 }),
      onStatus: () => () => undefined,
      remembered: () => Promise.resolve(undefined),
      remember: () => Promise.resolve(),
      ...parts.search,
    }),
    calendar: group('calendar', {
      today: () => '2026-03-02',
      dueState: () => undefined,
      years: () => [],
      changedYears: () => Promise.resolve([]),
      acknowledgeChanges: () => Promise.resolve(),
      ...parts.calendar,
    }),
    settings: group('settings', parts.settings),
    retention: group('retention', {
      status: () => Promise.resolve({ running: false, checked: 0, deleted: 0, total: 0 }),
      onChange: () => () => undefined,
      ...parts.retention,
    }),
    receipt: group('receipt', parts.receipt),
    sync: group('sync', parts.sync),
    dashboard: group('dashboard', parts.dashboard),
    packet: group('packet', parts.packet),
    exports: group('exports', parts.exports),
    backup: group('backup', { lastBackupAt: () => Promise.resolve(undefined), ...parts.backup }),
    host: group('host', { isDesktop: false, ...parts.host }),
  };
}

export function withCore(core: ClientCore, children: ReactNode): ReactNode {
  return <CoreProvider core={core}>{children}</CoreProvider>;
}

/**
 * A stand-in for `core.search.query` over a few rows, for component tests: every word of the text
 * (case ignored) must occur in the row's title or tracking number (dashes ignored there), where it
 * is highlighted; filters on status, channel and privacy mode; newest first; `limit` and a cursor
 * (the last row's id) as the real one. Not the real matching: that is tested in the core.
 */
export function fakeSearch(rows: readonly ComplaintIndexRow[]): (query: SearchQuery) => Promise<SearchPage> {
  return (query) => {
    const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
    const { status, channel, privacyMode } = query.filters ?? {};
    const hits: SearchHit[] = [];
    for (const row of [...rows].sort((a, b) => b.id.localeCompare(a.id))) {
      if (status?.length && !status.includes(row.status)) continue;
      if (channel?.length && !(channel as readonly string[]).includes(row.channel)) continue;
      if (privacyMode?.length && !privacyMode.includes(row.privacyMode)) continue;
      const title = row.title.toLowerCase();
      const tracking = row.trackingNumber.toLowerCase().replace(/-/g, '');
      const inTitle = (word: string): boolean => title.includes(word);
      const inTracking = (word: string): boolean => tracking.includes(word.replace(/-/g, ''));
      if (!words.every((word) => inTitle(word) || inTracking(word))) continue;
      const ranges = words
        .filter(inTitle)
        .map((word): [number, number] => [title.indexOf(word), title.indexOf(word) + word.length]);
      hits.push({
        row,
        exactTrackingNumber: words.length === 1 && tracking === words[0]?.replace(/-/g, ''),
        matches: [
          ...(ranges.length > 0 ? [{ field: 'title' as const, ranges }] : []),
          ...(words.some(inTracking) ? [{ field: 'trackingNumber' as const, ranges: [] }] : []),
        ],
      });
    }
    const start = query.cursor ? hits.findIndex((hit) => hit.row.id === query.cursor) + 1 : 0;
    const page = hits.slice(start, start + query.limit);
    const last = page[page.length - 1];
    return Promise.resolve({
      hits: page,
      total: hits.length,
      complete: true,
      ...(start + query.limit < hits.length && last ? { nextCursor: last.row.id } : {}),
    });
  };
}
