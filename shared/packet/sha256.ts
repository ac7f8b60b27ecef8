/**
 * SHA-256 of bytes as lowercase hex, through Web Crypto (`crypto.subtle`), which both the browser
 * and Node (18+) provide as a global: no Node import, so the packet code runs in either.
 */

/** The SHA-256 digest of `bytes`, 64 lowercase hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Browsers offer crypto.subtle only in secure contexts (https, localhost, the app's own scheme).
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!subtle)
    throw new Error('SHA-256 needs Web Crypto (crypto.subtle): not available on an insecure origin');
  // Web Crypto wants an ArrayBuffer-backed view; copy when `bytes` sits on a shared buffer.
  const input = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  const digest = new Uint8Array(await subtle.digest('SHA-256', input));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
