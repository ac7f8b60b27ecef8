/**
 * Base64url without padding (RFC 4648 §5): how the crypto primitives store bytes in documents
 * (sealed identities, key wraps, fingerprints). Strict on input: only the alphabet, no padding, no
 * length that cannot come from whole bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map<string, number>(
  Array.from({ length: 64 }, (_, index) => [ALPHABET.charAt(index), index]),
);

/** A pattern for base64url (unpadded) of exactly `bytes` bytes. */
export function base64urlPattern(bytes: number): RegExp {
  const chars = base64urlLength(bytes);
  return new RegExp(`^[A-Za-z0-9_-]{${chars}}$`);
}

/** How many characters base64url (unpadded) needs for `bytes` bytes. */
export function base64urlLength(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

export function toBase64url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    text += ALPHABET.charAt((triple >> 18) & 63);
    text += ALPHABET.charAt((triple >> 12) & 63);
    if (left > 1) text += ALPHABET.charAt((triple >> 6) & 63);
    if (left > 2) text += ALPHABET.charAt(triple & 63);
  }
  return text;
}

/** The bytes of `text`; throws a RangeError on anything that is not unpadded base64url of whole bytes. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 === 1) throw new RangeError('fromBase64url: a length no bytes encode to');
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) throw new RangeError('fromBase64url: not base64url');
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  // The unused low bits of the last character must be zero (one canonical text per byte string).
  if ((buffer & ((1 << bits) - 1)) !== 0) throw new RangeError('fromBase64url: not canonical');
  return bytes;
}
