/**
 * What a file's bytes say it is ("magic bytes"), so that the device stores a file only under a
 * type its content has: the type the browser reports comes from the name's extension, and a
 * renamed `setup.exe` → `foto.jpg` would otherwise be stored and synced as a photo. The central
 * server cannot do this (CouchDB hands its validator attachment stubs, never bytes), so it
 * happens at intake, before anything is saved (./intake-attachments `checkAttachmentContents`).
 *
 *   PDF        `%PDF-` within the first 1024 bytes (where PDF readers look for the header)
 *   JPEG       FF D8 FF
 *   PNG        89 50 4E 47 0D 0A 1A 0A
 *   WebP       `RIFF` <size> `WEBP`
 *   docx/xlsx  a ZIP (`PK\x03\x04`) whose central directory lists `[Content_Types].xml` and a
 *              `word/` (docx) or `xl/` (xlsx) entry
 *   odt/ods    a ZIP whose `mimetype` entry (stored uncompressed, as ODF requires) holds the
 *              OpenDocument text or spreadsheet MIME type
 *   doc/xls    an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1); which of the two is not told apart
 *   text       valid UTF-8 (a BOM allowed) without NUL bytes
 * A ZIP whose directory cannot be read (damaged, or ZIP64) counts as any of the four ZIP-based
 * types: the check is meant to catch a file of another kind, not to judge a damaged document.
 * Pure and synchronous: the caller reads the bytes.
 */
import type { AttachmentMimeType } from './attachment-types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const ZIP_TYPES: readonly AttachmentMimeType[] = [DOCX, XLSX, ODT, ODS];
const OLE2_TYPES: readonly AttachmentMimeType[] = ['application/msword', 'application/vnd.ms-excel'];

const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF.length, PDF_HEADER_WINDOW - PDF.length);
  for (let at = 0; at <= end; at++) {
    if (bytes[at] === 0x25 && startsWith(bytes, PDF, at)) return true;
  }
  return false;
}

/** True for valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF) without NUL. */
export function isUtf8Text(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const first = bytes[i] as number;
    if (first === 0) return false;
    if (first < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (first >= 0xc2 && first <= 0xdf) [length, min] = [2, 0x80];
    else if (first >= 0xe0 && first <= 0xef) [length, min] = [3, 0x800];
    else if (first >= 0xf0 && first <= 0xf4) [length, min] = [4, 0x10000];
    else return false;
    if (i + length > bytes.length) return false;
    let codePoint = first & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return false;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return false;
    i += length;
  }
  return true;
}

const u16 = (bytes: Uint8Array, at: number): number =>
  (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
const latin1 = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, to));

type ZipEntry = Readonly<{ name: string; method: number; size: number; localHeader: number }>;

/** The entries of a ZIP's central directory, or null when it cannot be read. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const EOCD_LENGTH = 22;
  let eocd = -1;
  for (let at = bytes.length - EOCD_LENGTH; at >= Math.max(0, bytes.length - EOCD_LENGTH - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at === 0xffffffff || count === 0xffff) return null; // ZIP64
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > bytes.length) return null;
    entries.push({
      name: latin1(bytes, at + 46, at + 46 + nameLength),
      method: u16(bytes, at + 10),
      size: u32(bytes, at + 20),
      localHeader: u32(bytes, at + 42),
    });
    at = next;
  }
  return entries;
}

/** The content of a stored (uncompressed) ZIP entry of at most `max` bytes, or null. */
function storedContent(bytes: Uint8Array, entry: ZipEntry, max: number): string | null {
  if (entry.method !== 0 || entry.size > max) return null;
  const header = entry.localHeader;
  if (header + 30 > bytes.length || u32(bytes, header) !== 0x04034b50) return null;
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  if (start + entry.size > bytes.length) return null;
  return latin1(bytes, start, start + entry.size);
}

function zipTypes(bytes: Uint8Array): readonly AttachmentMimeType[] {
  const entries = zipEntries(bytes);
  if (entries === null) return ZIP_TYPES;
  const names = new Set(entries.map((entry) => entry.name));
  const types: AttachmentMimeType[] = [];
  if (names.has('[Content_Types].xml')) {
    if (entries.some((entry) => entry.name.startsWith('word/'))) types.push(DOCX);
    if (entries.some((entry) => entry.name.startsWith('xl/'))) types.push(XLSX);
  }
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  const declared = mimetype ? storedContent(bytes, mimetype, 200)?.trim() : undefined;
  if (declared === ODT || declared === ODS) types.push(declared);
  return types;
}

/**
 * The accepted types `bytes` can be, most specific first: one type for PDF, JPEG, PNG, WebP and
 * recognised ZIP documents; Word and Excel for an OLE2 file; plain text also for any other
 * content that is valid UTF-8 without NUL bytes. Empty when the content fits no accepted type.
 */
export function sniffAttachmentType(bytes: Uint8Array): readonly AttachmentMimeType[] {
  const types: AttachmentMimeType[] = [];
  if (hasPdfHeader(bytes)) types.push('application/pdf');
  else if (startsWith(bytes, JPEG)) types.push('image/jpeg');
  else if (startsWith(bytes, PNG)) types.push('image/png');
  else if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) types.push('image/webp');
  else if (startsWith(bytes, ZIP_LOCAL)) types.push(...zipTypes(bytes));
  else if (startsWith(bytes, OLE2)) types.push(...OLE2_TYPES);
  if (isUtf8Text(bytes)) types.push('text/plain');
  return types;
}

/** True when the content of `bytes` can be a file of type `mimeType`. */
export function contentMatchesType(mimeType: AttachmentMimeType, bytes: Uint8Array): boolean {
  return sniffAttachmentType(bytes).includes(mimeType);
}
