/**
 * Hands the one client core (built in renderer/main.tsx by renderer/core/create-client-core) to
 * the UI through React context: screens, components and hooks call `useCore()` and see only the
 * `ClientCore` interface.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ClientCore } from '../core/client-core';

const CoreContext = createContext<ClientCore | undefined>(undefined);

export function CoreProvider(props: { core: ClientCore; children: ReactNode }): ReactNode {
  return <CoreContext.Provider value={props.core}>{props.children}</CoreContext.Provider>;
}

/** The client core of the running app (or of a test's fake). */
export function useCore(): ClientCore {
  const core = useContext(CoreContext);
  if (!core) throw new Error('useCore() outside <CoreProvider>');
  return core;
}
