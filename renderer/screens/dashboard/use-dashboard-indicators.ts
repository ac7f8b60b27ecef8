/**
 * The dashboard's indicators for a query, computed again whenever the query or the records
 * change (`dataVersion`). While a computation runs, the last figures stay on screen and its
 * progress is reported (preparing, reading N of M complaints, computing), so the screen never
 * blanks or freezes between two periods; a computation no longer wanted is cancelled.
 */
import { useEffect, useState } from 'react';
import type { Indicators } from '../../../shared/indicators/indicators-types';
import { useCore } from '../../app/core-context';
import type { DashboardProgress, DashboardQuery } from '../../core/client-core';
import { useAppStore } from '../../store/app-store';

export type DashboardIndicators = Readonly<{
  indicators: Indicators | undefined;
  /** The computation under way, or null when the figures shown are current. */
  progress: DashboardProgress | null;
  failure: string | null;
}>;

export function useDashboardIndicators(query: DashboardQuery | null): DashboardIndicators {
  const core = useCore();
  const dataVersion = useAppStore((state) => state.dataVersion);
  const settings = useAppStore((state) => state.unitSettings);
  const [indicators, setIndicators] = useState<Indicators>();
  const [progress, setProgress] = useState<DashboardProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { from, to } = query?.period ?? { from: '', to: '' };
  const office = query?.office ?? null;
  const category = query?.category ?? null;
  useEffect(() => {
    if (!settings || from === '' || to === '') return undefined;
    let live = true;
    // A newer query or a change of the records cancels the computation under way.
    const cancel = new AbortController();
    core.dashboard
      .indicators({ period: { from, to }, office, category, signal: cancel.signal }, (next) => {
        if (live) setProgress(next);
      })
      .then(
        (value) => {
          if (!live) return;
          setIndicators(value);
          setFailure(null);
          setProgress(null);
        },
        (error: unknown) => {
          if (!live) return;
          setFailure(error instanceof Error ? error.message : String(error));
          setProgress(null);
        },
      );
    return () => {
      live = false;
      cancel.abort();
    };
  }, [core, dataVersion, settings, from, to, office, category]);
  return { indicators, progress, failure };
}
