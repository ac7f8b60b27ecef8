/** The search index's state (`core.search.status`), followed while the list is shown. */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useCore } from '../../app/core-context';
import type { SearchIndexStatus } from '../../core/client-core';

export function useIndexStatus(): SearchIndexStatus {
  const core = useCore();
  // The same object while the status is the same (useSyncExternalStore compares snapshots by identity).
  const last = useRef<Readonly<{ key: string; status: SearchIndexStatus }>>(undefined);
  const snapshot = useCallback((): SearchIndexStatus => {
    const status = core.search.status();
    const key = JSON.stringify(status);
    if (last.current?.key !== key) last.current = { key, status };
    return last.current.status;
  }, [core]);
  const subscribe = useCallback((changed: () => void) => core.search.onStatus(changed), [core]);
  return useSyncExternalStore(subscribe, snapshot);
}

/** How far a build has come, in whole percent (0 before anything is known). */
export function buildPercent(status: SearchIndexStatus): number {
  if (status.state !== 'building' || status.total <= 0) return 0;
  return Math.min(99, Math.floor((100 * status.done) / status.total));
}
