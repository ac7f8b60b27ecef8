/**
 * Standard base64 (with padding), as PouchDB hands attachment data in and out (`attachments: true`
 * without `binary`). Through `btoa`/`atob`, which browsers and Node (16+) provide, in slices so a
 * large file does not overflow the argument list.
 */

const SLICE = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

/** The bytes of base64 `text`; throws on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
