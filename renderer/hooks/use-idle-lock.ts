/**
 * The desk's idle lock, for the open desk (mounted once, with the routes: no screen has its own):
 * after the unit's idle time (`unitSettings.idleLockMinutes`, 10 when unset) without keyboard or
 * pointer input, `core.officers.lock()` closes every screen. When to lock is the pure rule in
 * shared/auth/idle-lock; here only the input it hears and one timer: an input only notes the time
 * (cheap on every mouse move), and the timer, when it fires, sleeps again for what is left.
 * Returning to a hidden window (a laptop woken from sleep) checks at once.
 */
import { useEffect } from 'react';
import { idleLockMs, idleLockRemainingMs } from '../../shared/auth/idle-lock';
import { useCore } from '../app/core-context';
import { useAppStore } from '../store/app-store';

/** What counts as someone at the desk (heard before any screen can stop it). */
export const DESK_INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(): void {
  const core = useCore();
  const minutes = useAppStore((state) => state.unitSettings?.idleLockMinutes);
  useEffect(() => {
    const idleMs = idleLockMs(minutes);
    let lastInput = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      clearTimeout(timer);
      const remaining = idleLockRemainingMs(lastInput, Date.now(), idleMs);
      if (remaining > 0) timer = setTimeout(check, remaining);
      else void core.officers.lock();
    };
    const onInput = (): void => {
      lastInput = Date.now();
    };
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') check();
    };
    const options = { capture: true, passive: true } as const;
    for (const type of DESK_INPUT_EVENTS) window.addEventListener(type, onInput, options);
    document.addEventListener('visibilitychange', onVisible);
    timer = setTimeout(check, idleMs);
    return () => {
      clearTimeout(timer);
      for (const type of DESK_INPUT_EVENTS) window.removeEventListener(type, onInput, options);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [core, minutes]);
}
