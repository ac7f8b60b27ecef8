/**
 * Reading a ZIP file someone else made (a packet handed to a judge) within a byte budget, so that
 * a zip bomb is refused instead of filling the memory or the disk:
 *   - the entries are listed from the central directory (what unzip tools show), reading at most
 *     `ZIP_LIMITS.entries` of them: a directory of 100,000 tiny entries is refused at the
 *     10,001st, before anything is inflated;
 *   - each entry's declared size is capped (`entryBytes`), so is their sum (`totalBytes`), and so
 *     is the ratio of declared to compressed size of any entry over `ratioFloorBytes`: a 1 GB entry
 *     of zeros squeezed into 1 MB is refused unread;
 *   - entries whose data overlap (one compressed block counted many times) are refused;
 *   - an entry is inflated only when asked (`readZipEntry`), with fflate's streaming `Inflate`, fed
 *     `INFLATE_CHUNK` bytes at a time: the moment it has given more than its declared size it is
 *     stopped and called damaged, so an entry that lies about its size (10 GB of zeros declared as
 *     100 bytes) costs one chunk's worth of output, never 10 GB.
 * Nested archives are never opened: an entry is bytes to hash, whatever it holds.
 *
 * Not read: ZIP64 (a packet is far below 4 GB and 65,535 files), split archives, encryption.
 * Pure TypeScript (no Node or DOM import): the packet code runs in Node and in the browser.
 */
import { Inflate } from 'fflate';

/** Why these numbers: docs/packet.md, "Limits when verifying". */
export const ZIP_LIMITS = {
  /** Entries read from the central directory (a packet holds 6 files plus at most 160 evidence files). */
  entries: 10_000,
  /** One entry, unpacked (a complaints.csv of 100,000 long complaints stays under it). */
  entryBytes: 1024 * 1024 * 1024,
  /** Every entry together, unpacked. */
  totalBytes: 2 * 1024 * 1024 * 1024,
  /** Declared size over compressed size, for an entry above `ratioFloorBytes` (text packs 5-20:1). */
  ratio: 200,
  /** Below this an entry may pack any amount (a small file of zeros is harmless). */
  ratioFloorBytes: 1024 * 1024,
  /** manifest.json, unpacked (a packet's is a few kilobytes). */
  manifestBytes: 4 * 1024 * 1024,
} as const;

/** Compressed bytes handed to the inflater at a time: its output between two checks is at most ~1,032 times this. */
export const INFLATE_CHUNK = 8 * 1024;

export type ZipEntry = Readonly<{
  name: string;
  /** 0 stored, 8 deflated; others are unreadable here. */
  method: number;
  /** Unpacked size as the central directory declares it. */
  size: number;
  compressedSize: number;
  /** Where the entry's local header starts (its data follows the header). */
  headerStart: number;
  /** Where the entry's compressed bytes start, and end (exclusive). */
  dataStart: number;
  dataEnd: number;
  /** Why the entry cannot be read (damaged, encrypted, unknown method), when it cannot. */
  problem: string | null;
}>;

export type ZipListing =
  Readonly<{ ok: true; entries: readonly ZipEntry[] }> | Readonly<{ ok: false; message: string }>;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number): number =>
  ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) +
  (bytes[at + 3] ?? 0) * 0x1000000;

const count = (n: number): string => n.toLocaleString('en-US');

/** An entry name: UTF-8 when it is (flagged or not, as many tools write it), else Latin-1. */
function entryName(raw: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    let text = '';
    for (const byte of raw) text += String.fromCharCode(byte);
    return text;
  }
}

/** The end-of-central-directory record's position, or -1 (it sits in the last 64 KiB + 22 bytes). */
function findEndRecord(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (u32(bytes, at) === EOCD) return at;
  return -1;
}

const DAMAGED = 'the ZIP file is damaged (its directory cannot be read)';

/** The entries of a ZIP's central directory, or a refusal (damaged, or over a limit) in one sentence. */
export function listZipEntries(bytes: Uint8Array): ZipListing {
  const refuse = (message: string): ZipListing => ({ ok: false, message });
  const end = findEndRecord(bytes);
  if (end < 0) return refuse(DAMAGED);
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0) return refuse(DAMAGED);
  const declaredCount = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryStart = u32(bytes, end + 16);
  if (directoryStart === ZIP64_MARK || directorySize === ZIP64_MARK) {
    return refuse('the ZIP file uses ZIP64 (over 4 GB or 65,535 files): far more than a packet holds');
  }
  const directoryEnd = directoryStart + directorySize;
  if (directoryEnd > end) return refuse(DAMAGED);

  const entries: ZipEntry[] = [];
  let total = 0;
  let at = directoryStart;
  while (at < directoryEnd) {
    if (entries.length >= ZIP_LIMITS.entries) {
      return refuse(
        `the ZIP file holds more than ${count(ZIP_LIMITS.entries)} entries: far more than a packet, refused unread`,
      );
    }
    if (at + 46 > directoryEnd || u32(bytes, at) !== CENTRAL) return refuse(DAMAGED);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const localStart = u32(bytes, at + 42);
    if (next > directoryEnd) return refuse(DAMAGED);
    const name = entryName(bytes.subarray(at + 46, at + 46 + nameLength));
    at = next;

    if (size === ZIP64_MARK || compressedSize === ZIP64_MARK || size > ZIP_LIMITS.entryBytes) {
      return refuse(
        `the ZIP entry ${name} would unpack to more than ${count(ZIP_LIMITS.entryBytes)} bytes, ` +
          'more than any file of a packet: refused unread',
      );
    }
    total += size;
    if (total > ZIP_LIMITS.totalBytes) {
      return refuse(
        `the ZIP file's entries would unpack to more than ${count(ZIP_LIMITS.totalBytes)} bytes ` +
          'together, more than a packet holds: refused unread',
      );
    }
    if (size > ZIP_LIMITS.ratioFloorBytes && size > compressedSize * ZIP_LIMITS.ratio) {
      return refuse(
        `the ZIP entry ${name} would unpack ${count(compressedSize)} bytes into ${count(size)}, ` +
          `more than ${ZIP_LIMITS.ratio} times (a zip bomb): refused unread`,
      );
    }

    let problem: string | null = null;
    let dataStart = 0;
    let dataEnd = 0;
    if (localStart === ZIP64_MARK || localStart + 30 > directoryStart || u32(bytes, localStart) !== LOCAL) {
      problem = 'the ZIP entry is damaged';
    } else {
      dataStart = localStart + 30 + u16(bytes, localStart + 26) + u16(bytes, localStart + 28);
      dataEnd = dataStart + compressedSize;
      if (dataEnd > directoryStart) problem = 'the ZIP entry is damaged';
      else if (flags & 1) problem = 'the ZIP entry is encrypted';
      else if (method !== 0 && method !== 8)
        problem = `the ZIP entry is packed with an unknown method (${method})`;
      else if (method === 0 && compressedSize !== size) problem = 'the ZIP entry is damaged';
    }
    entries.push(
      problem === null
        ? { name, method, size, compressedSize, headerStart: localStart, dataStart, dataEnd, problem }
        : { name, method, size, compressedSize, headerStart: 0, dataStart: 0, dataEnd: 0, problem },
    );
  }
  if (at !== directoryEnd || entries.length % 0x10000 !== declaredCount) return refuse(DAMAGED);
  if (overlapping(entries)) {
    return refuse('the ZIP file has entries that share their data (a zip bomb): refused unread');
  }
  return { ok: true, entries };
}

/** Whether two readable entries (each from its local header to its data's end) overlap. */
function overlapping(entries: readonly ZipEntry[]): boolean {
  const spans = entries
    .filter((entry) => entry.problem === null)
    .map((entry) => [entry.headerStart, entry.dataEnd] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1];
    const span = spans[i];
    if (previous && span && span[0] < previous[1]) return true;
  }
  return false;
}

export type EntryRead = Readonly<{ ok: true }> | Readonly<{ ok: false; problem: string }>;

/**
 * Unpacks `entry`, handing each piece of its content to `onData` in order. Stops, and says why,
 * as soon as the entry gives more than its declared size, and when it ends short of it or its
 * data is damaged. Never throws for bad data.
 */
export function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onData: (chunk: Uint8Array) => void,
): EntryRead {
  if (entry.problem !== null) return { ok: false, problem: entry.problem };
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === 0) {
    onData(data);
    return { ok: true };
  }
  // Changed by the inflater's callback (an object, so that the checks after the loop see it).
  const state = { produced: 0, over: false, ended: false };
  const inflater = new Inflate((chunk, final) => {
    if (state.over) return;
    state.produced += chunk.length;
    if (state.produced > entry.size) {
      state.over = true;
      return;
    }
    if (chunk.length > 0) onData(chunk);
    if (final) state.ended = true;
  });
  try {
    for (let offset = 0; offset < data.length && !state.over; offset += INFLATE_CHUNK) {
      const last = offset + INFLATE_CHUNK >= data.length;
      inflater.push(data.subarray(offset, offset + INFLATE_CHUNK), last);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return { ok: false, problem: 'the ZIP entry is damaged' };
  }
  if (state.over) {
    return { ok: false, problem: 'the ZIP entry unpacks to more than the size it declares (stopped)' };
  }
  if (!state.ended || state.produced !== entry.size) {
    return { ok: false, problem: 'the ZIP entry unpacks to less than the size it declares' };
  }
  return { ok: true };
}
