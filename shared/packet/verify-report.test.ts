/**
 * What `packet verify` prints: the summary and the problems, with every piece of text that comes
 * from the packet (the manifest's fields, file paths, entry names in a refusal) escaped, so a
 * hostile manifest cannot rewrite the terminal (ANSI escapes, CR) or reverse a name (bidi).
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PATH } from './packet-manifest';
import { verifyPacket } from './verify-packet';
import { verifyReport } from './verify-report';
import { manifestFor, rawZip } from './zip-bombs.fixtures';

const ESC = '\u001b';
const RLO = '\u202e';

/** A packet whose manifest carries hostile text in every free-text field and a hostile file path. */
function hostilePacket(): Uint8Array {
  const evil = `bukti${RLO}fdp.exe`;
  const files = { [evil]: new Uint8Array([1, 2, 3]) };
  const manifest = JSON.parse(new TextDecoder().decode(manifestFor(files))) as Record<string, unknown>;
  manifest.unit = { code: `KBM${ESC}[2K`, name: `Unit\rOK, every file matches${ESC}[31m` };
  manifest.generator = { name: `Meja${ESC}]0;judul${String.fromCharCode(7)}`, version: `1${RLO}0` };
  return zipSync({
    [MANIFEST_PATH]: new TextEncoder().encode(JSON.stringify(manifest)),
    [evil]: new Uint8Array([9, 9, 9]),
    [`lain${ESC}[8m.txt`]: new Uint8Array([1]),
  });
}

// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('verifyReport', { timeout: 60_000 }, () => {
  it('escapes the manifest text and the paths of a failed packet', async () => {
    const report = verifyReport('paket.zip', await verifyPacket(hostilePacket()));
    expect(report.exitCode).toBe(1);
    expect(report.stream).toBe('stderr');
    // Line breaks of the report itself are the only control characters.
    for (const line of report.text.split('\n')) expect(line).not.toMatch(UNSAFE);
    expect(report.text).toContain('altered    bukti\\u202efdp.exe  (SHA-256 differs from the manifest)');
    expect(report.text).toContain('extra      lain\\x1b[8m.txt');
    expect(report.text).toContain('unit       Unit\\rOK, every file matches\\x1b[31m (KBM\\x1b[2K)');
    expect(report.text).toContain('generator  Meja\\x1b]0;judul\\x07 1\\u202e0');
  });

  it('escapes an entry name inside a refusal and the file name typed', async () => {
    const zip = rawZip([{ name: `x${ESC}[2J.txt`, data: new Uint8Array([3, 0]), method: 8, size: 2 ** 31 }]);
    const report = verifyReport(`a${ESC}.zip`, await verifyPacket(zip));
    expect(report).toEqual({
      exitCode: 3,
      stream: 'stderr',
      text:
        'a\\x1b.zip is not a Meja Aduan packet: the ZIP entry x\\x1b[2J.txt would unpack to more than ' +
        '1,073,741,824 bytes, more than any file of a packet: refused unread.',
    });
  });

  it('prints an intact packet on standard output with exit 0', async () => {
    const files = { 'catatan.txt': new Uint8Array([1]) };
    const report = verifyReport(
      'paket.zip',
      await verifyPacket(zipSync({ [MANIFEST_PATH]: manifestFor(files), ...files })),
    );
    expect(report.exitCode).toBe(0);
    expect(report.stream).toBe('stdout');
    expect(report.text.split('\n')[0]).toBe('paket.zip: OK, every file matches manifest.json (SHA-256).');
  });
});
