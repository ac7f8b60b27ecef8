import { SECURITY_HEADERS } from '../shared/platform/content-security-policy';

/** Headers for a file served over app://: the shared security headers plus its Content-Type. */
export function rendererResponseHeaders(contentType: string): Readonly<Record<string, string>> {
  return { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-cache' };
}

/**
 * `responseHeaders` with the shared security headers forced in, replacing any the server sent
 * under another capitalisation (HTTP header names are case-insensitive; Chromium would merge).
 */
export function withSecurityHeaders(
  responseHeaders: Readonly<Record<string, readonly string[]>> | undefined,
): Record<string, string[]> {
  const ours = new Set(Object.keys(SECURITY_HEADERS).map((name) => name.toLowerCase()));
  const result: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(responseHeaders ?? {})) {
    if (!ours.has(name.toLowerCase())) result[name] = [...values];
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) result[name] = [value];
  return result;
}
