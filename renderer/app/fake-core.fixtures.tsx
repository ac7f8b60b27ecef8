/**
 * A fake client core for component tests: a real UI state store (so `useAppStore` works), and
 * every command and query a stub that fails the test unless the test gives its own. Render a
 * screen inside `withCore(core, <Screen />)`.
 */
import type { ReactNode } from 'react';
import type { ClientCore } from '../core/client-core';
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
    intake: group('intake', parts.intake),
    complaints: group('complaints', parts.complaints),
    calendar: group('calendar', {
      today: () => '2026-03-02',
      dueState: () => undefined,
      ...parts.calendar,
    }),
    settings: group('settings', parts.settings),
    sync: group('sync', parts.sync),
    packet: group('packet', parts.packet),
    exports: group('exports', parts.exports),
    host: group('host', { isDesktop: false, ...parts.host }),
  };
}

export function withCore(core: ClientCore, children: ReactNode): ReactNode {
  return <CoreProvider core={core}>{children}</CoreProvider>;
}
