/**
 * Files for the tests of the central server's file rules (imported by tests only): a complaint's
 * `_attachments` as CouchDB hands them to `validate_doc_update` (stubs with a length, no digest),
 * or as a write carries them (inline base64 data), made to match the complaint's declared
 * `attachments` unless a test changes them. Adding `_attachments` leaves a sealed complaint's id
 * valid: the content hash leaves out every `_` field (../ids/content-id).
 */
import type { AttachmentMeta } from '../complaint/complaint-schema';

type Declared = Readonly<{ attachments: readonly AttachmentMeta[] }>;
export type FileStub = Readonly<{ content_type: string; length: number; revpos: number; stub: true }>;
export type InlineFile = Readonly<{ content_type: string; data: string }>;

/** The stubs CouchDB hands the validator for the declared files (no digest, as measured on 3.5). */
export function fileStubs(complaint: Declared): Record<string, FileStub> {
  return Object.fromEntries(
    complaint.attachments.map((file) => [
      file.key,
      { content_type: file.mimeType, length: file.size, revpos: 1, stub: true as const },
    ]),
  );
}

/**
 * `size` bytes for a file of type `mimeType` that starts as such a file does (so a test that also
 * sniffs them sees the right type); the rest is filler.
 */
export function fileBytes(mimeType: string, size: number): Uint8Array {
  const heads: Readonly<Record<string, readonly number[]>> = {
    'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
    'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
    'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  };
  const bytes = new Uint8Array(size).fill(0x61);
  bytes.set((heads[mimeType] ?? []).slice(0, size));
  return bytes;
}

/** Base64 of `bytes` (in chunks of a multiple of 3 bytes, so that the pieces join). */
export function base64Of(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += 3 * 8192) {
    out += btoa(String.fromCharCode(...bytes.subarray(at, at + 3 * 8192)));
  }
  return out;
}

/** The declared files as a write carries them: inline base64 of `fileBytes` of each declared size. */
export function inlineFiles(complaint: Declared): Record<string, InlineFile> {
  return Object.fromEntries(
    complaint.attachments.map((file) => [
      file.key,
      {
        content_type: file.mimeType,
        data: base64Of(fileBytes(file.mimeType, file.size)),
      },
    ]),
  );
}
