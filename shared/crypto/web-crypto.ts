/**
 * Web Crypto for the primitives of this folder: `globalThis.crypto` (Chromium, Electron's renderer,
 * Node 20+). Browsers offer `crypto.subtle` only in secure contexts (https, localhost, the app's own
 * scheme); anywhere else this throws rather than fall back to anything weaker.
 */

export function subtle(): SubtleCrypto {
  const value = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!value) throw new Error('Web Crypto (crypto.subtle) is not available on this origin');
  return value;
}

/** `count` bytes from the platform's cryptographic random source. */
export function randomBytes(count: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}
