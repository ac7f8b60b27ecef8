import { app, type Session, type WebContents } from 'electron';
import { openAllowedExternalUrlInBackground } from './external-links';
import { decideNavigation, decideWindowOpen, isRedirectAllowed } from './navigation-policy';
import { isPermissionGranted } from './permission-policy';
import { withSecurityHeaders } from './security-headers';

/**
 * Guards every webContents the app will ever create, including ones created by Chromium itself.
 * Must run before the first window exists.
 */
export function installWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
  });
}

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    switch (decision) {
      case 'allow':
        return;
      case 'open-externally':
        event.preventDefault();
        openAllowedExternalUrlInBackground(event.url);
        return;
      case 'block':
        event.preventDefault();
        console.warn('Blocked navigation away from the app.');
        return;
      default: {
        const unhandled: never = decision;
        throw new Error(`Unhandled navigation decision: ${String(unhandled)}`);
      }
    }
  });

  contents.on('will-redirect', (event) => {
    if (!isRedirectAllowed(event.url)) event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-externally') openAllowedExternalUrlInBackground(url);
    return { action: 'deny' };
  });
}

/**
 * The app needs no camera, microphone, location, notifications, USB, serial or HID; saying no
 * to every request and check means a compromised page cannot ask the user for them either. The
 * one exception is persistent storage for the app's own origin (./permission-policy).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);

  // Defence in depth: app:// responses already carry the CSP (see protocol.ts); this covers any
  // document that still arrives over http(s) despite the navigation guards.
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    callback(isDocument ? { responseHeaders: withSecurityHeaders(details.responseHeaders) } : {});
  });
}
