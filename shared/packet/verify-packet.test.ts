/**
 * verifyPacket: an untouched packet passes with its summary; a changed byte, a removed file or an
 * added file each fail naming the file; bytes that are not a packet get one clear sentence.
 */
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPacketZip } from './build-packet';
import { packetFixture, UNIT_NAME } from './packet.fixtures';
import { verifyPacket, type PacketVerification } from './verify-packet';
import { describeProblem } from './verify-report';

let zip: Uint8Array;
let files: Unzipped;

beforeAll(async () => {
  zip = await buildPacketZip(packetFixture().input);
  files = unzipSync(zip);
});

function rezip(change: (copy: Record<string, Uint8Array>) => void): Uint8Array {
  const copy: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) copy[name] = bytes.slice();
  change(copy);
  return zipSync(copy);
}

const notAPacket = (message: string): PacketVerification => ({ ok: false, status: 'not-a-packet', message });

function problemsOf(result: PacketVerification): string[] {
  if (result.status !== 'mismatch') throw new Error(`expected file problems: ${JSON.stringify(result)}`);
  return result.problems.map((problem) => `${problem.kind} ${problem.path}`);
}

describe('verifyPacket', () => {
  it('passes an untouched packet and summarises it', async () => {
    const result = await verifyPacket(zip);
    expect(result).toEqual({
      ok: true,
      status: 'intact',
      summary: {
        unit: { code: 'KBM', name: UNIT_NAME },
        period: { from: '2026-01-01', to: '2026-06-30' },
        competition: { year: 2026, category: 'ip-umum' },
        generator: { name: 'Meja Aduan', version: '0.1.0-test' },
        origin: 'editor',
        createdAt: '2026-07-02T03:00:00.000Z',
        complaintRows: 4,
        fileCount: 6,
      },
    });
  });

  it('names a file with one byte changed', async () => {
    const result = await verifyPacket(
      rezip((copy) => {
        const csv = copy['complaints.csv'];
        if (csv) csv[10] = (csv[10] ?? 0) ^ 0x01;
      }),
    );
    expect(problemsOf(result)).toEqual(['altered complaints.csv']);
  });

  it('names a file changed in the ZIP bytes themselves (no re-zipping)', async () => {
    // packet.pdf is stored (not deflated): find its bytes inside the ZIP and flip one.
    const pdf = files['packet.pdf'] ?? new Uint8Array();
    const marker = pdf.slice(200, 232);
    let offset = -1;
    for (let index = 0; index < zip.length - marker.length && offset < 0; index += 1) {
      if (marker.every((byte, at) => zip[index + at] === byte)) offset = index;
    }
    expect(offset).toBeGreaterThan(0);
    const tampered = zip.slice();
    tampered[offset + 5] = (tampered[offset + 5] ?? 0) ^ 0xff;
    expect(problemsOf(await verifyPacket(tampered))).toEqual(['altered packet.pdf']);
  });

  it('names a file that was removed', async () => {
    const result = await verifyPacket(rezip((copy) => delete copy['indicators.json']));
    expect(problemsOf(result)).toEqual(['missing indicators.json']);
  });

  it('names a file that was added', async () => {
    const result = await verifyPacket(
      rezip((copy) => {
        copy['evidence/innovation/tambahan.txt'] = new TextEncoder().encode('tidak tercatat');
      }),
    );
    expect(problemsOf(result)).toEqual(['extra evidence/innovation/tambahan.txt']);
  });

  it('names every problem at once, with a readable line each', async () => {
    const result = await verifyPacket(
      rezip((copy) => {
        delete copy['complaints.xlsx'];
        copy['catatan.txt'] = new Uint8Array([1, 2, 3]);
        copy['packet.pdf'] = new Uint8Array([1]);
      }),
    );
    expect(problemsOf(result).sort()).toEqual([
      'altered packet.pdf',
      'extra catatan.txt',
      'missing complaints.xlsx',
    ]);
    if (result.status === 'mismatch') {
      expect(result.problems.map(describeProblem)).toContain(
        'altered    packet.pdf  (1 bytes, the manifest says ' + `${files['packet.pdf']?.length})`,
      );
    }
  });

  it('reads a packet re-zipped inside one folder', async () => {
    const nested: Record<string, Uint8Array> = {};
    for (const [name, bytes] of Object.entries(files)) nested[`paket-kbm/${name}`] = bytes;
    const result = await verifyPacket(zipSync(nested));
    expect(result.status).toBe('intact');
  });

  it('gives one clear sentence for bytes that are not a ZIP', async () => {
    const random = new Uint8Array(4096);
    for (let index = 0; index < random.length; index += 1) random[index] = (index * 7919 + 13) % 256;
    expect(await verifyPacket(random)).toEqual(notAPacket('not a ZIP file'));
    expect(await verifyPacket(new Uint8Array())).toEqual(notAPacket('not a ZIP file'));
  });

  it('gives one clear sentence for a ZIP without a manifest', async () => {
    const result = await verifyPacket(zipSync({ 'foto.png': new Uint8Array([1, 2, 3]) }));
    expect(result).toEqual(notAPacket('a ZIP file without manifest.json: not a Meja Aduan packet'));
  });

  it('gives one clear sentence for a malformed manifest', async () => {
    const notJson = await verifyPacket(zipSync({ 'manifest.json': new TextEncoder().encode('{ not json') }));
    expect(notJson).toEqual(notAPacket('its manifest.json is not valid JSON'));
    const wrongShape = await verifyPacket(
      zipSync({ 'manifest.json': new TextEncoder().encode(JSON.stringify({ format: 'something-else' })) }),
    );
    expect(wrongShape.status === 'not-a-packet' && wrongShape.message).toMatch(
      /^its manifest\.json is malformed \(format: /,
    );
  });

  it('gives one clear sentence for a truncated ZIP', async () => {
    const result = await verifyPacket(zip.slice(0, 100));
    expect(result).toEqual(notAPacket('the ZIP file is damaged (its directory cannot be read)'));
  });
});
