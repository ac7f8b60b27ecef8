/**
 * Loads something from the records and loads it again whenever the PouchDB changes feed moves
 * (`dataVersion`), so views follow new and synced documents without a manual refresh.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../store/app-store';

export type Loaded<T> =
  | Readonly<{ status: 'loading' }>
  | Readonly<{ status: 'ready'; value: T }>
  | Readonly<{ status: 'failed'; reason: string }>;

export function useRecords<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setLoaded({ status: 'ready', value }),
      (error: unknown) =>
        live &&
        setLoaded({ status: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure every render; `deps` says what it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataVersion, ...deps]);
  return loaded;
}
