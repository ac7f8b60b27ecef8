import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../shared/platform/content-security-policy';
import { rendererResponseHeaders, withSecurityHeaders } from './security-headers';

describe('rendererResponseHeaders', () => {
  it('carries every shared security header and the Content-Type', () => {
    const headers = rendererResponseHeaders('text/html; charset=utf-8');
    expect(headers).toMatchObject(SECURITY_HEADERS);
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });
});

describe('withSecurityHeaders', () => {
  it('replaces a weaker policy sent under any capitalisation and keeps other headers', () => {
    const result = withSecurityHeaders({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'X-CONTENT-TYPE-OPTIONS': ['sniff'],
      ETag: ['"abc"'],
    });
    expect(result['content-security-policy']).toBeUndefined();
    expect(result['X-CONTENT-TYPE-OPTIONS']).toBeUndefined();
    expect(result['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(result['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(result.ETag).toEqual(['"abc"']);
  });

  it('adds the headers when the response had none', () => {
    expect(Object.keys(withSecurityHeaders(undefined)).sort()).toEqual(Object.keys(SECURITY_HEADERS).sort());
  });
});
