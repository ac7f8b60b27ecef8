/**
 * Where the officer was when the desk locked. The lock closes every screen (the routes unmount)
 * and the address is set to Beranda's (`#/`): a complaint's id, a receipt's route or the list's
 * search in the URL stays out of sight too. The officer who locked it returns to that address
 * after opening the desk with their secret; anyone else who signs in (or they themselves after
 * "Ganti petugas") starts at Beranda. Held in memory only: a reload starts at the sign-in screen
 * anyway.
 */
import type { AppStore } from '../core/client-core';

const HOME = '#/';

function setHash(hash: string): void {
  const url = new URL(location.href);
  url.hash = hash;
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
}

/**
 * Follows the desk's phase in the store, synchronously (before React renders the next screen):
 * hides the address as the desk locks, gives it back to the same officer as it opens. Called once,
 * before the app renders (renderer/main.tsx); returns the unsubscribe.
 */
export function followLockedRoute(store: AppStore): () => void {
  let kept: Readonly<{ officerId: string; hash: string }> | undefined;
  return store.subscribe((state, previous) => {
    if (state.phase === previous.phase) {
      // "Ganti petugas" on the lock screen: the locked officer left; nobody returns there.
      if (!state.lockedBy) kept = undefined;
      return;
    }
    if (state.phase === 'choose-officer' && previous.phase === 'ready' && state.lockedBy) {
      kept = { officerId: state.lockedBy, hash: location.hash || HOME };
      setHash(HOME);
    } else if (state.phase === 'ready' && kept) {
      setHash(state.officer?.id === kept.officerId ? kept.hash : HOME);
      kept = undefined;
    }
  });
}
