/**
 * `npm run packet -- build` and `verify` as a central administrator or a judge runs them: the
 * CLI itself (exit status and plain messages), building from the app's NDJSON records file and
 * from a unit database on a real CouchDB-compatible server (pouchdb-server, over HTTP, with the
 * unit's own credentials), verifying, and tampering. Records are made by the app's own code
 * (../../shared/packet/packet.fixtures: buildIntakeDocuments + decideAction).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { findInPacket } from '../../shared/packet/packet-bytes-search.fixtures';
import { SECRETS, UNIT_NAME, packetFixture } from '../../shared/packet/packet.fixtures';
import { toNdjson } from '../../shared/packet/unit-records';
import { readDatabase } from '../../scripts/packet-data';
import { testVault } from '../../renderer/core/keys/test-unit-key.fixtures';
import {
  centralDeviceCredentials,
  setupCentralUnit,
  startCentralServer,
  writeAllAsDevices,
  type CentralServer,
} from '../support/central-server';

const run = promisify(execFile);

type CliResult = Readonly<{ code: number; stdout: string; stderr: string }>;

/** `npm run packet -- <args>`, without npm. */
async function packet(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/packet.ts', ...args],
      {
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

let dir: string;
let records: string;
let central: CentralServer | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meja-aduan-packet-'));
  records = join(dir, 'records.ndjson');
  writeFileSync(records, toNdjson(packetFixture().allDocs));
});

afterAll(async () => {
  await central?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const buildArgs = (data: string, out: string): string[] => [
  'build',
  '--data',
  data,
  '--unit',
  'KBM',
  '--from',
  '2026-01-01',
  '--to',
  '2026-06-30',
  '--out',
  out,
];

describe('npm run packet -- build from a records file, then verify', () => {
  let zip: string;

  beforeAll(async () => {
    zip = join(dir, 'paket.zip');
    const result = await packet(...buildArgs(records, zip));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Wrote ${zip}`);
    expect(result.stdout).toContain('4 received in the period (of 6 in the data)');
    expect(result.stderr).toContain('4 reporter document(s) ignored');
  });

  it('builds a packet that verifies, with a summary', async () => {
    const result = await packet('verify', zip);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('OK, every file matches manifest.json');
    expect(result.stdout).toContain(`unit       ${UNIT_NAME} (KBM)`);
    expect(result.stdout).toContain('period     2026-01-01 to 2026-06-30');
    expect(result.stdout).toContain('files      4 listed in manifest.json, 4 complaint rows');
    expect(result.stdout).toMatch(/generator {2}Meja Aduan \d+\.\d+\.\d+/);
  });

  it('holds no identity and no confidential content', () => {
    expect(findInPacket(new Uint8Array(readFileSync(zip)), SECRETS)).toEqual([]);
  });

  it('fails naming the file when one was altered, removed or added', async () => {
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    const csv = files['complaints.csv'] ?? new Uint8Array();
    csv[20] = (csv[20] ?? 0) ^ 0x01;
    delete files['indicators.json'];
    files['evidence/innovation/sisipan.pdf'] = new TextEncoder().encode('%PDF-1.4 sisipan');
    const tampered = join(dir, 'paket-diubah.zip');
    writeFileSync(tampered, zipSync(files));
    const result = await packet('verify', tampered);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FAILED, 3 file(s) do not match manifest.json');
    expect(result.stderr).toMatch(/altered +complaints\.csv {2}\(SHA-256 differs from the manifest\)/);
    expect(result.stderr).toMatch(/missing +indicators\.json/);
    expect(result.stderr).toMatch(/extra +evidence\/innovation\/sisipan\.pdf/);
  });

  it('gives one clear line for a file that is not a packet, and for no file', async () => {
    const notZip = await packet('verify', records);
    expect(notZip.code).toBe(3);
    expect(notZip.stderr.trim()).toBe(`${records} is not a Meja Aduan packet: not a ZIP file.`);
    const missing = await packet('verify', join(dir, 'tidak-ada.zip'));
    expect(missing.code).toBe(3);
    expect(missing.stderr.trim()).toBe(`packet: cannot read ${join(dir, 'tidak-ada.zip')}: no such file.`);
    expect(missing.stderr).not.toContain('    at ');
  });
});

describe('npm run packet -- usage and data problems', () => {
  it('explains wrong usage with exit 2', async () => {
    const noCommand = await packet();
    expect(noCommand.code).toBe(2);
    const badDate = await packet(
      ...buildArgs(records, join(dir, 'x.zip')).map((arg) => (arg === '2026-06-30' ? '30/06/2026' : arg)),
    );
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--to 30/06/2026 is not a date written YYYY-MM-DD.');
    const unknown = await packet('sign', 'x.zip');
    expect(unknown.code).toBe(2);
  });

  it('names a records file that is not NDJSON, and a unit with no records', async () => {
    const broken = join(dir, 'rusak.ndjson');
    writeFileSync(broken, '{"_id":"a"}\nbukan json\n');
    const notNdjson = await packet(...buildArgs(broken, join(dir, 'x.zip')));
    expect(notNdjson.code).toBe(1);
    expect(notNdjson.stderr.trim()).toBe(
      `packet: ${broken} is not an NDJSON records file: line 2 is not JSON.`,
    );
    const otherUnit = await packet(
      ...buildArgs(records, join(dir, 'x.zip')).map((arg) => (arg === 'KBM' ? 'KTB' : arg)),
    );
    expect(otherUnit.code).toBe(1);
    expect(otherUnit.stderr).toContain('the data has no unit-profile document of unit KTB');
  });
});

describe('npm run packet -- build from a CouchDB unit database', () => {
  let unitUrl: string;
  let unitPassword: string;

  beforeAll(async () => {
    central = await startCentralServer();
    await setupCentralUnit(central, 'KBM');
    const db = unitDatabaseName('KBM');
    // The fixture's complaints declare files; the server wants them stored as declared.
    // Reporter documents as a device stores them: sealed with the unit key (the server refuses
    // clear identity; renderer/core/keys/test-unit-key.fixtures stands in for the unit's key).
    const vault = await testVault();
    const sealed = new Map<string, unknown>();
    for (const reporter of packetFixture().reporters) sealed.set(reporter._id, await vault.seal(reporter));
    const docs = (packetFixture().allDocs as readonly Record<string, unknown>[]).map((doc) => {
      if (doc.type === 'reporter') return sealed.get(doc._id as string) ?? doc;
      // The unit's profile and settings as a device writes them: naming it (docs/central.md).
      if ((doc.type === 'unit-profile' || doc.type === 'unit-settings') && !doc.lastChangedBy) {
        return { ...doc, lastChangedBy: { device: 'X7Q', officer: 'manager-1' } };
      }
      const declared = doc.attachments as
        readonly { key: string; mimeType: string; size: number }[] | undefined;
      if (doc.type !== 'complaint' || !declared || declared.length === 0) return doc;
      const files = declared.map(
        (file) =>
          [
            file.key,
            {
              content_type: file.mimeType,
              data: Buffer.alloc(file.size, 0x61).toString('base64'),
              revpos: 1,
            },
          ] as const,
      );
      return { ...doc, _attachments: Object.fromEntries(files) };
    });
    await writeAllAsDevices(central, 'KBM', docs as unknown as readonly { _id: string }[]);
    const reader = await centralDeviceCredentials(central, 'KBM', 'X7Q');
    const url = new URL(db, central.url);
    url.username = reader.user;
    url.password = reader.password;
    unitPassword = reader.password;
    unitUrl = url.href;
  });

  it('reads every document across pages', async () => {
    const docs = await readDatabase(unitUrl, 5);
    const ids = docs.map((doc) => (doc as { _id: string })._id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const doc of packetFixture().allDocs) expect(ids).toContain((doc as { _id: string })._id);
  });

  it('builds the same packet content as from the records file, and it verifies', async () => {
    const zip = join(dir, 'paket-couch.zip');
    const built = await packet(...buildArgs(unitUrl, zip));
    expect(built.code, built.stderr).toBe(0);
    expect(`${built.stdout}${built.stderr}`).not.toContain(unitPassword);
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    const fromFile = unzipSync(new Uint8Array(readFileSync(join(dir, 'paket.zip'))));
    expect(files['complaints.csv']).toEqual(fromFile['complaints.csv']);
    expect(findInPacket(new Uint8Array(readFileSync(zip)), SECRETS)).toEqual([]);
    const verified = await packet('verify', zip);
    expect(verified.code).toBe(0);
  });

  it('says so when the credentials are wrong, without printing them', async () => {
    const wrong = new URL(unitUrl);
    wrong.password = 'salah-sandi';
    const result = await packet(...buildArgs(wrong.href, join(dir, 'x.zip')));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the server refused access to');
    expect(result.stderr).toContain('(HTTP 401)');
    expect(result.stderr).not.toContain('salah-sandi');
  });
});
