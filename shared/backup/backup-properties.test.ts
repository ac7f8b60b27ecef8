/**
 * Hostile input to the backup restore parser, 10,000 generated inputs per property, seeded
 * (../testing/hostile-input.fixtures): `openBackupFile` on arbitrary bytes (some starting with the
 * backup's magic and version) and `openBackupContainer` (what the file decrypts to: the ZIP, the
 * manifest and the parts) on a real container with bytes changed, 32-bit fields overwritten,
 * pieces cut, copied or inserted. Each either opens with every part's SHA-256 equal to the
 * manifest's or refuses with a `BackupError` of a known code (the screen has Indonesian and
 * English words for each); nothing else is thrown, no promise is left rejected unhandled. Opening
 * stores nothing: the restore writes only after a backup opened (../../renderer/core/use-cases/
 * backup.ts). Whole sealed files (`openBackupFile` with the right passphrase) with bytes changed
 * the same ways are refused, and only the unchanged file opens: 500 runs, since each derives the
 * key (PBKDF2 at the lowest count a file may name, 100,000 iterations); ./backup-format.test.ts
 * also flips a byte in each region of one.
 */
import fc from 'fast-check';
import { MIN_SECRET_ITERATIONS } from '../auth/secret-verifier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_RUNS,
  HOSTILE_TIMEOUT_MS,
  hostileRuns,
  unhandledRejections,
} from '../testing/hostile-input.fixtures';
import { BACKUP_ERROR_CODES, BackupError } from './backup-errors';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  buildBackupContainer,
  createBackupFile,
  openBackupContainer,
  openBackupFile,
  type BackupContents,
} from './backup-format';

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
    { _id: 'unit-settings', _rev: '3-aa', _revisions: { start: 3, ids: ['aa', 'bb', 'cc'] } },
  ],
  files: [{ digest: 'md5-AAA', contentType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) }],
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

const PASSPHRASE = 'kopi tubruk pagi hari';
/** Runs of the property over whole sealed files (each derives a key: see there). */
const SEALED_RUNS = 500;

const rejections = unhandledRejections();
let container: Uint8Array;

beforeAll(async () => {
  container = (await buildBackupContainer(CONTENTS)).container;
  rejections.start();
});

afterAll(() => {
  rejections.stop();
});

/** The outcome of opening: `opened`, or the BackupError's code; anything else fails the test. */
async function outcome(open: Promise<unknown>): Promise<string> {
  try {
    await open;
    return 'opened';
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    const { code } = error as BackupError;
    expect(BACKUP_ERROR_CODES).toContain(code);
    return code;
  }
}

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

type Change = Readonly<{ kind: 'byte' | 'u32' | 'cut' | 'copy'; at: number; from: number; value: number }>;

const change: fc.Arbitrary<Change> = fc.record({
  kind: fc.constantFrom('byte' as const, 'u32' as const, 'cut' as const, 'copy' as const),
  at: fc.oneof(
    fc.nat(),
    fc.nat({ max: 200 }).map((back) => -1 - back),
  ),
  from: fc.nat(),
  value: fc.oneof(fc.nat(), fc.constantFrom(0, 1, 0xffff, 0xffffffff, 0x7fffffff)),
});

/** `bytes` with `change` applied (positions wrap; negative ones count from the end). */
function changed(bytes: Uint8Array, { kind, at: where, from, value }: Change): Uint8Array {
  const at = where < 0 ? Math.max(0, bytes.length + where) : where % Math.max(1, bytes.length);
  if (kind === 'cut') return concat(bytes.subarray(0, at), bytes.subarray(at + (value % 5_000) + 1));
  if (kind === 'copy') {
    const start = from % Math.max(1, bytes.length);
    const piece = bytes.subarray(start, start + (value % 5_000) + 1);
    return concat(bytes.subarray(0, at), piece, bytes.subarray(at));
  }
  const out = bytes.slice();
  if (kind === 'byte') out[at] = value & 0xff;
  else for (let i = 0; i < 4 && at + i < out.length; i++) out[at + i] = (value >>> (8 * i)) & 0xff;
  return out;
}

describe('the backup restore parser under hostile input', () => {
  it(
    `refuses ${HOSTILE_RUNS.toLocaleString('en-US')} arbitrary files with a known error`,
    async () => {
      const magic = new TextEncoder().encode(BACKUP_MAGIC);
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 400 }),
        fc
          .tuple(
            fc.constantFrom(0, 1, BACKUP_FORMAT_VERSION, 2, 0xffff),
            fc.nat({ max: 5_000 }),
            fc.uint8Array({ maxLength: 400 }),
          )
          .map(([version, length, tail]) => {
            const head = new Uint8Array(6);
            new DataView(head.buffer).setUint16(0, version);
            new DataView(head.buffer).setUint32(2, length);
            return concat(magic, head, tail);
          }),
      );
      await fc.assert(
        fc.asyncProperty(bytes, fc.constantFrom('', 'kopi tubruk pagi hari'), async (file, passphrase) => {
          expect(await outcome(openBackupFile(file, passphrase))).not.toBe('opened');
        }),
        hostileRuns,
      );
      await rejections.settle();
      expect(rejections.seen).toEqual([]);
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `refuses ${SEALED_RUNS.toLocaleString('en-US')} changed sealed files with a known error, and opens only the unchanged one`,
    async () => {
      // A whole sealed file at the lowest iteration count a file may name (each run derives the key
      // again: ~20 ms), so fewer runs than the other properties, same seed.
      const { bytes: sealed } = await createBackupFile(CONTENTS, PASSPHRASE, {
        iterations: MIN_SECRET_ITERATIONS,
      });
      expect(await outcome(openBackupFile(sealed, PASSPHRASE))).toBe('opened');
      expect(await outcome(openBackupFile(sealed, `${PASSPHRASE}!`))).toBe('wrong-passphrase');
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
          const bytes = changes.reduce(changed, sealed);
          const result = await outcome(openBackupFile(bytes, PASSPHRASE));
          // The clear header is the cipher's additional data and the rest is under its tag: any
          // change at all is refused, never opened as something else.
          if (result === 'opened') expect(bytes).toEqual(sealed);
        }),
        { ...hostileRuns, numRuns: SEALED_RUNS },
      );
      await rejections.settle();
      expect(rejections.seen).toEqual([]);
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `opens or refuses ${HOSTILE_RUNS.toLocaleString('en-US')} changed containers with a known error`,
    async () => {
      expect(await outcome(openBackupContainer(container))).toBe('opened');
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
          const bytes = changes.reduce(changed, container);
          const result = await outcome(openBackupContainer(bytes));
          if (result === 'opened') {
            const opened = await openBackupContainer(bytes);
            for (const check of opened.checks) expect(check.actual).toBe(check.expected);
          }
        }),
        hostileRuns,
      );
      await rejections.settle();
      expect(rejections.seen).toEqual([]);
    },
    HOSTILE_TIMEOUT_MS,
  );
});
