/**
 * Zip bombs made in the tests (imported by tests only): a raw DEFLATE stream of any number of
 * zeros built without compressing them (`zerosDeflated`), a ZIP writer that lets an entry declare
 * any size or share another entry's data (`rawZip`), and a minimal valid manifest for given files
 * (`manifestFor`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { MANIFEST_PATH, manifestJson, type PacketManifest } from './packet-manifest';

class BitWriter {
  readonly bytes: number[] = [];
  private current = 0;
  private bit = 0;

  private push(bit: number): void {
    this.current |= bit << this.bit;
    this.bit += 1;
    if (this.bit === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.bit = 0;
    }
  }

  /** A header field: least significant bit first. */
  field(value: number, length: number): void {
    for (let i = 0; i < length; i++) this.push((value >> i) & 1);
  }

  /** A Huffman code: most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.push((value >> i) & 1);
  }

  finish(): Uint8Array {
    if (this.bit > 0) this.bytes.push(this.current);
    return new Uint8Array(this.bytes);
  }
}

const REPEAT = 258;
const SMALL_REPEATS = 24;
/** Bytes of the stream after which one period (8 repeats = 104 bits = 13 bytes) starts. */
const PERIOD_START = 2;
const PERIOD = 13;

/**
 * One fixed-Huffman block: a literal zero, `repeats` copies of (length 258, distance 1), end of
 * block. From bit 11 on each copy is 13 bits, so 8 copies are 13 whole bytes.
 */
function fixedZeros(repeats: number): Uint8Array {
  const out = new BitWriter();
  out.field(1, 1); // last block
  out.field(1, 2); // fixed Huffman codes
  out.code(0x30, 8); // literal 0
  for (let i = 0; i < repeats; i++) {
    out.code(0xc5, 8); // length 258 (symbol 285)
    out.code(0, 5); // distance 1
  }
  out.code(0, 7); // end of block (256)
  return out.finish();
}

/**
 * A raw DEFLATE stream that inflates to at least `bytes` zeros (exactly `zerosOf(stream)`), about
 * 1/159 of that size: the small stream with whole 13-byte periods copied in, so 10 GB takes ~63 MB
 * and no compression is run.
 */
export function zerosDeflated(bytes: number): Uint8Array {
  const small = fixedZeros(SMALL_REPEATS);
  const extraPeriods = Math.max(0, Math.ceil((bytes - 1 - REPEAT * SMALL_REPEATS) / (REPEAT * 8)));
  const out = new Uint8Array(small.length + extraPeriods * PERIOD);
  out.set(small.subarray(0, PERIOD_START + PERIOD), 0);
  const period = small.subarray(PERIOD_START, PERIOD_START + PERIOD);
  let at = PERIOD_START + PERIOD;
  if (extraPeriods > 0) {
    out.set(period, at);
    let filled = PERIOD;
    // Double the copied periods until they are all there.
    while (filled < extraPeriods * PERIOD) {
      const take = Math.min(filled, extraPeriods * PERIOD - filled);
      out.copyWithin(at + filled, at, at + take);
      filled += take;
    }
    at += extraPeriods * PERIOD;
  }
  out.set(small.subarray(PERIOD_START + PERIOD), at);
  return out;
}

/** How many zeros `zerosDeflated(bytes)` inflates to. */
export function zerosOf(bytes: number): number {
  const extraPeriods = Math.max(0, Math.ceil((bytes - 1 - REPEAT * SMALL_REPEATS) / (REPEAT * 8)));
  return 1 + REPEAT * (SMALL_REPEATS + 8 * extraPeriods);
}

export type RawEntry = Readonly<{
  name: string;
  /** The entry's stored bytes (compressed when `method` is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The unpacked size the headers declare. */
  size: number;
}>;

/** A directory entry pointing at the data of entry `sharesDataOf` (the overlapping-entries bomb). */
export type SharedEntry = Readonly<{ name: string; sharesDataOf: number; size: number }>;

const encoder = new TextEncoder();

/**
 * A ZIP file of `entries` (local headers and data in order, then the central directory), each
 * declaring the size given; `shared` adds directory entries that point at an earlier entry's data.
 * CRC-32 fields are 0 (nothing here checks them).
 */
export function rawZip(entries: readonly RawEntry[], shared: readonly SharedEntry[] = []): Uint8Array {
  const names = entries.map((entry) => encoder.encode(entry.name));
  const localSize = entries.reduce(
    (sum, entry, i) => sum + 30 + (names[i]?.length ?? 0) + entry.data.length,
    0,
  );
  const directory = [
    ...entries.map((entry, i) => ({ entry, name: names[i] ?? new Uint8Array(), of: i, size: entry.size })),
    ...shared.map((link) => {
      const entry = entries[link.sharesDataOf];
      if (!entry) throw new RangeError(`no entry ${link.sharesDataOf}`);
      return { entry, name: encoder.encode(link.name), of: link.sharesDataOf, size: link.size };
    }),
  ];
  const directorySize = directory.reduce((sum, item) => sum + 46 + item.name.length, 0);
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    const name = names[i] ?? new Uint8Array();
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 0x800, true);
    view.setUint16(at + 8, entry.method, true);
    view.setUint32(at + 18, entry.data.length, true);
    view.setUint32(at + 22, entry.size, true);
    view.setUint16(at + 26, name.length, true);
    out.set(name, at + 30);
    out.set(entry.data, at + 30 + name.length);
    at += 30 + name.length + entry.data.length;
  });
  const directoryStart = at;
  for (const item of directory) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x800, true);
    view.setUint16(at + 10, item.entry.method, true);
    view.setUint32(at + 20, item.entry.data.length, true);
    view.setUint32(at + 24, item.size, true);
    view.setUint16(at + 28, item.name.length, true);
    view.setUint32(at + 42, offsets[item.of] ?? 0, true);
    out.set(item.name, at + 46);
    at += 46 + item.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, directory.length & 0xffff, true);
  view.setUint16(at + 10, directory.length & 0xffff, true);
  view.setUint32(at + 12, at - directoryStart, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}

/** A valid manifest listing `files` (path → bytes) with their sizes and SHA-256, as JSON bytes. */
export function manifestFor(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const manifest: PacketManifest = {
    format: 'meja-aduan-p4-packet',
    formatVersion: 1,
    generator: { name: 'Meja Aduan', version: '0.1.0-test' },
    unit: { code: 'KBM', name: 'Unit Layanan Pengaduan Kota Kembang' },
    period: { from: '2026-01-01', to: '2026-06-30' },
    competition: { year: 2026, category: 'ip-umum' },
    origin: 'command-line',
    complaintRows: 0,
    createdAt: '2026-07-02T03:00:00.000Z',
    hashAlgorithm: 'SHA-256',
    files: Object.entries(files)
      .filter(([path]) => path !== MANIFEST_PATH)
      .map(([path, bytes]) => ({ path, size: bytes.length, sha256: bytesToHex(sha256(bytes)) })),
  };
  return encoder.encode(manifestJson(manifest));
}
