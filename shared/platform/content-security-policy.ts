/**
 * The Content-Security-Policy every host serves the renderer with: Electron's app:// protocol
 * handler and the browser host's HTTP server send the same header, so E2E tests run under the
 * production policy. No remote content, no inline scripts, no eval, no frames, no objects.
 *
 * `connect-src` lets the renderer reach the unit's central CouchDB, whose address a manager
 * types at run time, so it cannot be named here: any https origin, and plain http only on this
 * machine's loopback (`npm run central:dev`, tests). A production central server uses TLS
 * (docs/central.md); a plain-http server elsewhere on the network is refused by the policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "media-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "worker-src 'self' blob:",
].join('; ');

/** Headers sent with every renderer response, by both hosts. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Only features Chromium knows: an unknown one ('bluetooth') is a console error on every load.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()',
};
