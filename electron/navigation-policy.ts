import { isAllowedExternalUrl } from '../shared/platform/platform-contract';
import { isAppUrl } from './app-origin';

/** What to do when a page tries to navigate the window to `url` (link click, `location = …`). */
export type NavigationDecision = 'allow' | 'open-externally' | 'block';

/** What to do when a page asks for a new window (`target="_blank"`, `window.open`). */
export type WindowOpenDecision = 'open-externally' | 'deny';

/**
 * Navigation stays inside the app's origin. An allow-listed https link the user clicked is
 * handed to the system browser instead; anything else is dropped.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isAllowedExternalUrl(url) ? 'open-externally' : 'block';
}

/** Redirects are never user-initiated, so only same-origin ones are followed and none leave the app. */
export function isRedirectAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** The app never opens a second Electron window for web content. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return isAllowedExternalUrl(url) ? 'open-externally' : 'deny';
}
