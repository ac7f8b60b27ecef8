/**
 * The backup file: a round trip gives back every record, file and setting with every part's
 * SHA-256 equal to the manifest's; every tampering is refused with its own error, nothing returned:
 * a flipped byte anywhere in the encrypted file (header, each part's region, the tag), a wrong
 * passphrase, a truncated file, a newer format, not a backup at all; and, inside a container sealed
 * again with the right passphrase (someone who knows it, or a bug), a flipped byte in each part
 * and two parts swapped.
 */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BackupError, type BackupErrorCode, type BackupPart } from './backup-errors';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_PARTS,
  backupPassphraseProblem,
  buildBackupContainer,
  createBackupFile,
  openBackupFile,
  readBackupHeader,
  sealBackup,
  type BackupContents,
} from './backup-format';

const PASS = 'kopi tubruk pagi hari';
const FAST = { iterations: 100_000 };

const CONTENTS: BackupContents = {
  unitCode: 'KBM',
  deviceCode: 'A7K',
  createdAt: '2026-12-06T10:00:00.000Z',
  appVersion: '0.1.0',
  newest: { updateSeq: 7, changedAt: '2026-12-06T09:00:00.000Z' },
  documents: [
    {
      _id: 'complaint:2026-12-01T01:00:00.000Z:KBM-261201-A7K-0001:ab',
      _rev: '1-ab',
      _revisions: { start: 1, ids: ['ab'] },
      type: 'complaint',
      _attachments: {
        'foto.jpg': { content_type: 'image/jpeg', digest: 'md5-AAA', length: 3, stub: true },
      },
    },
    {
      _id: 'reporter:KBM-261201-A7K-0001',
      _rev: '2-cd',
      _revisions: { start: 2, ids: ['cd', 'ef'] },
      type: 'reporter',
    },
    { _id: 'unit-settings', _rev: '3-aa', _revisions: { start: 3, ids: ['aa', 'bb', 'cc'] } },
  ],
  files: [
    { digest: 'md5-AAA', contentType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) },
    { digest: 'md5-BBB', contentType: 'application/pdf', data: new Uint8Array([9, 8, 7, 6]) },
  ],
  device: {
    unitCode: 'KBM',
    deviceCode: 'A7K',
    createdAt: '2026-01-01T00:00:00.000Z',
    counters: { complaint: 12, event: 40 },
    language: 'id',
    receiptPaper: 'roll80',
    serverUrl: 'https://pusat.example.go.id',
  },
};

async function refusal(promise: Promise<unknown>): Promise<{ code: BackupErrorCode; part?: BackupPart }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    const { code, part } = error as BackupError;
    return part ? { code, part } : { code };
  }
  throw new Error('expected a refusal');
}

/** A container whose entry `name` is replaced by `bytes`, sealed with the right passphrase. */
async function resealedWith(change: (files: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
  const { container } = await buildBackupContainer(CONTENTS);
  const files = unzipSync(container);
  change(files);
  return sealBackup(zipSync(files), PASS, FAST);
}

describe('backup file', () => {
  it('round trip: every record, file and device setting back, each part checked against the manifest', async () => {
    const { bytes, manifest } = await createBackupFile(CONTENTS, PASS, FAST);
    const opened = await openBackupFile(bytes, PASS);
    expect(opened.manifest).toEqual(manifest);
    expect(opened.documents).toEqual(CONTENTS.documents);
    expect([...opened.files.values()]).toEqual(CONTENTS.files);
    expect(opened.device).toEqual(CONTENTS.device);
    expect(manifest.kinds).toEqual({ complaint: 1, reporter: 1, 'unit-settings': 1 });
    expect(manifest.parts.records.count).toBe(3);
    expect(manifest.parts.files.count).toBe(2);
    expect(opened.checks.map((check) => check.part)).toEqual(['records', 'fileIndex', 'files', 'device']);
    for (const check of opened.checks) expect(check.actual).toBe(check.expected);
    // Nothing of the records is in the clear.
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).not.toContain('reporter:');
    expect(text).not.toContain('pusat.example');
    expect(readBackupHeader(bytes).header.kdf).toMatchObject({
      algorithm: 'PBKDF2-SHA256',
      iterations: 100_000,
    });
  });

  it('two backups of the same records differ (random salt and IV)', async () => {
    const a = await createBackupFile(CONTENTS, PASS, FAST);
    const b = await createBackupFile(CONTENTS, PASS, FAST);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);
  });

  it('a wrong passphrase is told apart from a damaged file', async () => {
    const { bytes } = await createBackupFile(CONTENTS, PASS, FAST);
    expect(await refusal(openBackupFile(bytes, 'kopi tubruk sore hari'))).toEqual({
      code: 'wrong-passphrase',
    });
    expect(await refusal(openBackupFile(bytes, ''))).toEqual({ code: 'wrong-passphrase' });
  });

  it('a flipped byte anywhere in the file (clear header, every part of the ciphertext, the tag) is refused', async () => {
    const { bytes } = await createBackupFile(CONTENTS, PASS, FAST);
    const { clearLength } = readBackupHeader(bytes);
    const positions = [
      20, // the header's length
      clearLength - 3, // inside the clear header's JSON
      clearLength, // the first byte of the container
      clearLength + Math.floor((bytes.length - clearLength) / 3),
      clearLength + Math.floor(((bytes.length - clearLength) * 2) / 3),
      bytes.length - 20, // the container's end
      bytes.length - 1, // the GCM tag
    ];
    for (const position of positions) {
      const changed = bytes.slice();
      changed[position] = (changed[position] ?? 0) ^ 0x01;
      const { code } = await refusal(openBackupFile(changed, PASS));
      expect(['damaged', 'wrong-passphrase'], `byte ${position}`).toContain(code);
    }
    // Inside the ciphertext the key is right: only the tag can fail, as 'damaged'.
    for (const position of positions.slice(2)) {
      const changed = bytes.slice();
      changed[position] = (changed[position] ?? 0) ^ 0x80;
      expect(await refusal(openBackupFile(changed, PASS)), `byte ${position}`).toEqual({ code: 'damaged' });
    }
  });

  it('a truncated file is refused as damaged, at any length', async () => {
    const { bytes } = await createBackupFile(CONTENTS, PASS, FAST);
    for (const length of [0, 5, 16, 22, 40, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const { code } = await refusal(openBackupFile(bytes.slice(0, length), PASS));
      expect(length < 16 ? ['not-a-backup', 'damaged'] : ['damaged'], `length ${length}`).toContain(code);
    }
  });

  it('a file of a newer format, or no backup at all, is told as such before any key is derived', async () => {
    const { bytes } = await createBackupFile(CONTENTS, PASS, FAST);
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint16(16, BACKUP_FORMAT_VERSION + 1);
    expect(await refusal(openBackupFile(newer, PASS))).toEqual({ code: 'newer-format' });
    const zip = zipSync({ 'a.txt': new Uint8Array([1]) });
    expect(await refusal(openBackupFile(zip, PASS))).toEqual({ code: 'not-a-backup' });
    expect(await refusal(openBackupFile(new TextEncoder().encode('{"format":"x"}'), PASS))).toEqual({
      code: 'not-a-backup',
    });
  });

  it('a flipped byte in each part of the container is refused naming the part', async () => {
    for (const [part, file] of Object.entries(BACKUP_PARTS) as [BackupPart, string][]) {
      const bytes = await resealedWith((files) => {
        const data = (files[file] ?? new Uint8Array(1)).slice();
        data[0] = (data[0] ?? 0) ^ 0x01;
        files[file] = data;
      });
      expect(await refusal(openBackupFile(bytes, PASS)), part).toEqual({ code: 'part-mismatch', part });
    }
  });

  it('two parts swapped are refused', async () => {
    const bytes = await resealedWith((files) => {
      const { [BACKUP_PARTS.records]: records, [BACKUP_PARTS.fileIndex]: index } = files;
      if (!records || !index) throw new Error('parts missing');
      files[BACKUP_PARTS.records] = index;
      files[BACKUP_PARTS.fileIndex] = records;
    });
    expect(await refusal(openBackupFile(bytes, PASS))).toEqual({ code: 'part-mismatch', part: 'records' });
  });

  it('a part missing, or a manifest of a newer format, is refused', async () => {
    const missing = await resealedWith((files) => {
      Reflect.deleteProperty(files, BACKUP_PARTS.device);
    });
    expect((await refusal(openBackupFile(missing, PASS))).code).toBe('damaged');
    const newer = await resealedWith((files) => {
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<
        string,
        unknown
      >;
      files['manifest.json'] = new TextEncoder().encode(
        JSON.stringify({ ...manifest, formatVersion: BACKUP_FORMAT_VERSION + 1 }),
      );
    });
    expect(await refusal(openBackupFile(newer, PASS))).toEqual({ code: 'newer-format' });
  });

  it('passphrase rules: at least 12 characters, typed twice the same', () => {
    expect(backupPassphraseProblem('', '')).toBe('required');
    expect(backupPassphraseProblem('pendek sekali', 'pendek sekali')).toBeNull();
    expect(backupPassphraseProblem('kurang12abc', 'kurang12abc')).toBe('too-short');
    expect(backupPassphraseProblem('            ', '            ')).toBe('too-short');
    expect(backupPassphraseProblem(PASS, `${PASS} `)).toBe('mismatch');
    expect(backupPassphraseProblem('x'.repeat(1025), 'x'.repeat(1025))).toBe('too-long');
  });
});
