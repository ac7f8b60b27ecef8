import { describe, expect, it } from 'vitest';
import { base64urlLength, base64urlPattern, fromBase64url, toBase64url } from './base64url';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('base64url', () => {
  it('matches RFC 4648 §10 (without padding, url alphabet)', () => {
    const text = (value: string): Uint8Array => new TextEncoder().encode(value);
    expect(toBase64url(text(''))).toBe('');
    expect(toBase64url(text('f'))).toBe('Zg');
    expect(toBase64url(text('fo'))).toBe('Zm8');
    expect(toBase64url(text('foo'))).toBe('Zm9v');
    expect(toBase64url(text('foob'))).toBe('Zm9vYg');
    expect(toBase64url(text('fooba'))).toBe('Zm9vYmE');
    expect(toBase64url(text('foobar'))).toBe('Zm9vYmFy');
    expect(toBase64url(bytes(0xfb, 0xff, 0xbf))).toBe('-_-_');
  });

  it('reads back what it wrote, for every length up to 70 bytes', () => {
    for (let length = 0; length <= 70; length++) {
      const value = crypto.getRandomValues(new Uint8Array(length));
      const text = toBase64url(value);
      expect(text).toHaveLength(base64urlLength(length));
      expect(base64urlPattern(length).test(text)).toBe(true);
      expect(fromBase64url(text)).toEqual(value);
    }
  });

  it('refuses padding, other alphabets, impossible lengths and non-canonical last characters', () => {
    expect(() => fromBase64url('Zg==')).toThrow(RangeError);
    expect(() => fromBase64url('+/+/')).toThrow(RangeError);
    expect(() => fromBase64url('Zm9vY')).toThrow(RangeError);
    expect(() => fromBase64url('Zh')).toThrow(RangeError);
  });
});
