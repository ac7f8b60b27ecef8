/**
 * `verifyPacket` against zip bombs made here (./zip-bombs.fixtures): it reads the ZIP within the
 * byte budget of ./zip-reader and refuses, in one sentence, before unpacking past a cap: an entry
 * of 10 GB of zeros that declares 100 bytes is stopped after one chunk, 100,000 tiny entries are
 * refused at the 10,001st, an honest 1.1 GB entry, an entry packed more than 200 times and
 * entries sharing one block of data are refused unread, and a nested archive is hashed, never
 * opened.
 */
import { deflateSync, inflateSync, zipSync } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { verifyPacket, type PacketVerification } from './verify-packet';
import { manifestFor, rawZip, zerosDeflated, zerosOf, type RawEntry } from './zip-bombs.fixtures';
import { INFLATE_CHUNK, ZIP_LIMITS, listZipEntries, readZipEntry } from './zip-reader';

/** The bombs are built in the test (tens of MB): generous under a loaded machine, never a wait. */
const BOMB_TIMEOUT_MS = 120_000;
const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;

const stored = (name: string, data: Uint8Array): RawEntry => ({ name, data, method: 0, size: data.length });

function problemsOf(result: PacketVerification): string[] {
  if (result.status !== 'mismatch') throw new Error(`expected file problems: ${JSON.stringify(result)}`);
  return result.problems.map((problem) => `${problem.kind} ${problem.path}: ${problem.detail}`);
}

function messageOf(result: PacketVerification): string {
  if (result.status !== 'not-a-packet') throw new Error(`expected a refusal: ${JSON.stringify(result)}`);
  return result.message;
}

describe('the zeros bomb generator', { timeout: BOMB_TIMEOUT_MS }, () => {
  it('inflates to exactly the zeros it says (checked with fflate on a small one)', () => {
    for (const target of [1, 10_000, 1_000_000]) {
      const inflated = inflateSync(zerosDeflated(target));
      expect(inflated.length).toBe(zerosOf(target));
      expect(inflated.length).toBeGreaterThanOrEqual(target);
      expect(inflated.every((byte) => byte === 0)).toBe(true);
    }
  });
});

describe('an entry whose declared size lies', { timeout: BOMB_TIMEOUT_MS }, () => {
  const tenGb = 10 * GB;
  const bomb = zerosDeflated(tenGb);
  const declared = new Uint8Array(100);

  it('is stopped after one chunk of its data: 10 GB of zeros declared as 100 bytes', () => {
    expect(zerosOf(tenGb)).toBeGreaterThanOrEqual(tenGb);
    const zip = rawZip([{ name: 'bom.bin', data: bomb, method: 8, size: 100 }]);
    const listing = listZipEntries(zip);
    if (!listing.ok) throw new Error(listing.message);
    const [entry] = listing.entries;
    if (!entry) throw new Error('no entry');
    let given = 0;
    const read = readZipEntry(zip, entry, (chunk) => (given += chunk.length));
    expect(read).toEqual({
      ok: false,
      problem: 'the ZIP entry unpacks to more than the size it declares (stopped)',
    });
    expect(given).toBeLessThanOrEqual(100);
    expect(bomb.length).toBeGreaterThan(INFLATE_CHUNK * 1000);
  });

  it('makes the packet fail naming the file, the other files still checked', async () => {
    const manifest = manifestFor({ 'bom.bin': declared, 'catatan.txt': new Uint8Array([1, 2, 3]) });
    const zip = rawZip([
      stored('manifest.json', manifest),
      { name: 'bom.bin', data: bomb, method: 8, size: 100 },
      stored('catatan.txt', new Uint8Array([1, 2, 3])),
    ]);
    expect(problemsOf(await verifyPacket(zip))).toEqual([
      'unreadable bom.bin: the ZIP entry unpacks to more than the size it declares (stopped)',
    ]);
  });

  it('names an entry that gives less than it declares', async () => {
    const small = deflateSync(new Uint8Array(10));
    const manifest = manifestFor({ 'pendek.bin': new Uint8Array(5000) });
    const zip = rawZip([
      stored('manifest.json', manifest),
      { name: 'pendek.bin', data: small, method: 8, size: 5000 },
    ]);
    expect(problemsOf(await verifyPacket(zip))).toEqual([
      'unreadable pendek.bin: the ZIP entry unpacks to less than the size it declares',
    ]);
  });

  it('no longer passes a file followed by hidden data it does not declare (was cut to the declared size)', async () => {
    const shown = new TextEncoder().encode('isi yang dicatat di manifest');
    const hidden = new Uint8Array([...shown, ...new TextEncoder().encode(' dan sisipan tersembunyi')]);
    const zip = rawZip([
      stored('manifest.json', manifestFor({ 'berkas.txt': shown })),
      { name: 'berkas.txt', data: deflateSync(hidden), method: 8, size: shown.length },
    ]);
    expect(problemsOf(await verifyPacket(zip))).toEqual([
      'unreadable berkas.txt: the ZIP entry unpacks to more than the size it declares (stopped)',
    ]);
  });
});

describe('refused before anything is unpacked', { timeout: BOMB_TIMEOUT_MS }, () => {
  it('100,000 tiny entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 100_000; i++) files[`f/${i}.txt`] = new Uint8Array([i & 0xff]);
    const result = await verifyPacket(zipSync(files, { level: 0 }));
    expect(messageOf(result)).toBe(
      'the ZIP file holds more than 10,000 entries: far more than a packet, refused unread',
    );
  });

  it('an honest entry over the per-file cap (1.1 GB of zeros)', async () => {
    const size = zerosOf(1.1 * GB);
    const zip = rawZip([
      stored('manifest.json', manifestFor({})),
      { name: 'evidence/innovation/nol.bin', data: zerosDeflated(1.1 * GB), method: 8, size },
    ]);
    expect(size).toBeGreaterThan(ZIP_LIMITS.entryBytes);
    expect(messageOf(await verifyPacket(zip))).toBe(
      'the ZIP entry evidence/innovation/nol.bin would unpack to more than 1,073,741,824 bytes, ' +
        'more than any file of a packet: refused unread',
    );
  });

  it('an entry packed more than 200 times (16 MB of zeros deflated to ~16 kB)', async () => {
    const zeros = deflateSync(new Uint8Array(16 * MB), { level: 9 });
    const zip = rawZip([
      stored('manifest.json', manifestFor({})),
      { name: 'complaints.csv', data: zeros, method: 8, size: 16 * MB },
    ]);
    expect(messageOf(await verifyPacket(zip))).toMatch(
      /^the ZIP entry complaints\.csv would unpack [\d,]+ bytes into 16,777,216, more than 200 times \(a zip bomb\): refused unread$/,
    );
  });

  it('entries that share one block of data, together over the total cap', async () => {
    // 300 MB of zeros packed ~159:1 (under the ratio cap), listed eight times: 2.4 GB.
    const kernelSize = zerosOf(300 * MB);
    const zip = rawZip(
      [
        stored('manifest.json', manifestFor({})),
        { name: 'a.bin', data: zerosDeflated(300 * MB), method: 8, size: kernelSize },
      ],
      Array.from({ length: 7 }, (_, i) => ({ name: `b${i}.bin`, sharesDataOf: 1, size: kernelSize })),
    );
    expect(messageOf(await verifyPacket(zip))).toBe(
      "the ZIP file's entries would unpack to more than 2,147,483,648 bytes together, more than a packet holds: refused unread",
    );
  });

  it('entries that share one block of data, under the caps', async () => {
    const kernel = zerosDeflated(2 * MB);
    const size = zerosOf(2 * MB);
    const zip = rawZip(
      [stored('manifest.json', manifestFor({})), { name: 'a.bin', data: kernel, method: 8, size }],
      [{ name: 'b.bin', sharesDataOf: 1, size }],
    );
    expect(messageOf(await verifyPacket(zip))).toBe(
      'the ZIP file has entries that share their data (a zip bomb): refused unread',
    );
  });

  it('a manifest.json over its cap', async () => {
    const size = zerosOf(5 * MB);
    const zip = rawZip([{ name: 'manifest.json', data: zerosDeflated(5 * MB), method: 8, size }]);
    expect(messageOf(await verifyPacket(zip))).toBe(
      "its manifest.json would unpack to more than 4,194,304 bytes (a packet's is a few kilobytes): refused unread",
    );
  });
});

describe('nested archives', { timeout: BOMB_TIMEOUT_MS }, () => {
  it('hashes a ZIP inside the packet without opening it', async () => {
    const inner = zipSync({ 'nol.bin': new Uint8Array(64 * MB) }, { level: 9 });
    expect(listZipEntries(inner).ok).toBe(false); // opened, it would be refused
    const files = { 'evidence/innovation/arsip.zip': inner };
    const zip = zipSync({ 'manifest.json': manifestFor(files), ...files });
    const result = await verifyPacket(zip);
    expect(result.status).toBe('intact');
  });

  it('does not look for a packet inside a ZIP that holds one', async () => {
    const packet = zipSync({ 'manifest.json': manifestFor({}) });
    const result = await verifyPacket(zipSync({ 'paket.zip': packet }));
    expect(messageOf(result)).toBe('a ZIP file without manifest.json: not a Meja Aduan packet');
  });
});

describe('names the ZIP holds twice, and prototype names', { timeout: BOMB_TIMEOUT_MS }, () => {
  it('reports a second entry of the same name', async () => {
    const good = new TextEncoder().encode('asli');
    const zip = rawZip([
      stored('manifest.json', manifestFor({ 'a.txt': good })),
      stored('a.txt', good),
      stored('a.txt', new TextEncoder().encode('palsu')),
    ]);
    expect(problemsOf(await verifyPacket(zip))).toEqual([
      'extra a.txt: a second ZIP entry of the same name (unzip tools would pick either)',
    ]);
  });

  it('reports manifest paths like constructor or __proto__ as missing (they crashed the check)', async () => {
    const manifest = JSON.parse(new TextDecoder().decode(manifestFor({}))) as { files: unknown[] };
    const hash = bytesToHex(sha256(new Uint8Array([1])));
    manifest.files = ['__proto__', 'constructor', 'toString'].map((path) => ({
      path,
      size: 1,
      sha256: hash,
    }));
    const zip = zipSync({ 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)) });
    expect(problemsOf(await verifyPacket(zip))).toEqual([
      'missing __proto__: listed in the manifest, not in the ZIP',
      'missing constructor: listed in the manifest, not in the ZIP',
      'missing toString: listed in the manifest, not in the ZIP',
    ]);
  });
});
