/**
 * Hash-based locations whose query string lives inside the hash (`#/pengaduan?q=budi`), for
 * wouter's `<Router hook={useHashLocation}>`: the route is matched on the path before `?`, and
 * `useSearch()` reads what follows it. wouter's own hash hook puts the query string before the hash
 * (in `location.search`), which a reload would send to the host; here the whole route stays in the
 * hash, so every host still serves one index.html, and back/forward restore path and query together.
 */
import { useSyncExternalStore } from 'react';

type NavigateOptions = Readonly<{ replace?: boolean; state?: unknown }>;

const HASH_PREFIX = /^#?\/?/;

function subscribe(callback: () => void): () => void {
  addEventListener('hashchange', callback);
  addEventListener('popstate', callback);
  return () => {
    removeEventListener('hashchange', callback);
    removeEventListener('popstate', callback);
  };
}

const route = (): string => '/' + location.hash.replace(HASH_PREFIX, '');

const currentPath = (): string => route().split('?')[0] ?? '/';

const currentSearch = (): string => {
  const full = route();
  const at = full.indexOf('?');
  return at < 0 ? '' : full.slice(at + 1);
};

/** Goes to `to` (a path with an optional `?query`), as a new history entry unless `replace`. */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const oldURL = location.href;
  const url = new URL(oldURL);
  url.hash = '/' + to.replace(HASH_PREFIX, '');
  if (url.href === oldURL) return;
  history[options.replace ? 'replaceState' : 'pushState'](options.state ?? null, '', url.href);
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
}

/**
 * Drops the query string from the hash, keeping the route (no history entry, no re-render): a
 * search typed by one officer is not shown to the next one at the desk.
 */
export function dropHashQuery(): void {
  const url = new URL(location.href);
  const at = url.hash.indexOf('?');
  if (at < 0) return;
  url.hash = url.hash.slice(0, at);
  history.replaceState(history.state, '', url.href);
}

export function useHashLocation(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, currentPath), navigate];
}

/** `useSearch()` under this hook: the query string inside the hash. */
export function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}
useHashLocation.searchHook = useHashSearch;

/** Links point at the hash. */
useHashLocation.hrefs = (href: string): string => `#${href}`;
