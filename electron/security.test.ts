/**
 * The session's permission handlers (hardenSession): persistent storage is granted to the app's
 * own origin only; every other permission, and persistent storage for any other origin, is refused.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { isPermissionGranted, PERSISTENT_STORAGE_PERMISSION } from './permission-policy';

vi.mock('electron', () => ({ app: { on: vi.fn() }, shell: { openExternal: vi.fn() } }));

const { hardenSession } = await import('./security');

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string; isMainFrame: boolean },
) => void;
type CheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: object,
) => boolean;

function hardenedSession(): { request: RequestHandler; check: CheckHandler } {
  let request: RequestHandler | undefined;
  let check: CheckHandler | undefined;
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => void (request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => void (check = handler),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  hardenSession(session as unknown as Session);
  if (!request || !check) throw new Error('hardenSession set no permission handler');
  return { request, check };
}

function requested(handler: RequestHandler, permission: string, requestingUrl?: string): boolean {
  const callback = vi.fn<(granted: boolean) => void>();
  handler({}, permission, callback, { requestingUrl, isMainFrame: true });
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0] ?? true;
}

const OTHER_PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'openExternal',
  'pointerLock',
  'storage-access',
  'top-level-storage-access',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'unknown',
  'persistent-storage ',
  'Persistent-Storage',
];
const OTHER_ORIGINS = [
  'app://meja-aduan.evil.example/',
  'app://evil/',
  'app://meja-aduan:1234/',
  'https://www.lapor.go.id/',
  'http://127.0.0.1:4310/',
  'file:///C:/Users/',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  '',
];

describe('hardenSession: permissions', () => {
  it("grants persistent storage to the app's own pages, asked or checked", () => {
    const { request, check } = hardenedSession();
    expect(requested(request, PERSISTENT_STORAGE_PERMISSION, 'app://meja-aduan/')).toBe(true);
    expect(requested(request, PERSISTENT_STORAGE_PERMISSION, 'app://meja-aduan/#/pengaduan')).toBe(true);
    expect(check({}, PERSISTENT_STORAGE_PERMISSION, 'app://meja-aduan', {})).toBe(true);
  });

  it('refuses persistent storage to any other origin, and when the origin is not known', () => {
    const { request, check } = hardenedSession();
    for (const url of OTHER_ORIGINS) {
      expect(requested(request, PERSISTENT_STORAGE_PERMISSION, url), url).toBe(false);
      expect(check({}, PERSISTENT_STORAGE_PERMISSION, url, {}), url).toBe(false);
    }
    expect(requested(request, PERSISTENT_STORAGE_PERMISSION, undefined)).toBe(false);
  });

  it('refuses every other permission, to the app itself too', () => {
    const { request, check } = hardenedSession();
    for (const permission of OTHER_PERMISSIONS) {
      expect(requested(request, permission, 'app://meja-aduan/'), permission).toBe(false);
      expect(check({}, permission, 'app://meja-aduan', {}), permission).toBe(false);
    }
  });

  it('is the policy the handlers apply', () => {
    expect(isPermissionGranted('persistent-storage', 'app://meja-aduan/')).toBe(true);
    expect(isPermissionGranted('notifications', 'app://meja-aduan/')).toBe(false);
    expect(isPermissionGranted('persistent-storage', 'https://example.org/')).toBe(false);
  });
});
