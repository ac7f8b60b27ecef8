/**
 * Hostile input to `verifyPacket`, 10,000 generated inputs per property, seeded
 * (../testing/hostile-input.fixtures): arbitrary bytes (some starting like a ZIP), and a real
 * packet's ZIP with bytes changed, 32-bit fields (sizes, offsets, counts) overwritten, pieces cut
 * out, copied or inserted. It always resolves (no throw, no unhandled rejection), with a verdict
 * that is one of the known sentences or a list of problems in known words, and what `packet
 * verify` prints for it holds no control or bidirectional character but its own line breaks.
 * Verifying reads only: it has nothing to store.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_RUNS,
  HOSTILE_TIMEOUT_MS,
  hostileRuns,
  unhandledRejections,
} from '../testing/hostile-input.fixtures';
import { buildPacketZip } from './build-packet';
import { packetFixture } from './packet.fixtures';
import { verifyPacket, type PacketVerification } from './verify-packet';
import { verifyReport } from './verify-report';

/** Every sentence `not-a-packet` may carry. */
const REFUSALS: readonly RegExp[] = [
  /^not a ZIP file$/,
  /^the ZIP file is damaged \(its directory cannot be read\)$/,
  /^the ZIP file uses ZIP64 \(over 4 GB or 65,535 files\): far more than a packet holds$/,
  /^the ZIP file holds more than 10,000 entries: far more than a packet, refused unread$/,
  /^the ZIP entry .* would unpack to more than 1,073,741,824 bytes, more than any file of a packet: refused unread$/s,
  /^the ZIP file's entries would unpack to more than 2,147,483,648 bytes together, more than a packet holds: refused unread$/,
  /^the ZIP entry .* would unpack [\d,]+ bytes into [\d,]+, more than 200 times \(a zip bomb\): refused unread$/s,
  /^the ZIP file has entries that share their data \(a zip bomb\): refused unread$/,
  /^a ZIP file without manifest\.json: not a Meja Aduan packet$/,
  /^its manifest\.json cannot be read \(damaged ZIP entry\)$/,
  /^its manifest\.json would unpack to more than 4,194,304 bytes \(a packet's is a few kilobytes\): refused unread$/,
  /^its manifest\.json is not valid JSON$/,
  /^its manifest\.json is malformed \(.+\)$/s,
];

/** Every phrase a problem's `detail` may be. */
const DETAILS: readonly RegExp[] = [
  /^listed in the manifest, not in the ZIP$/,
  /^in the ZIP, not listed in the manifest$/,
  /^a second ZIP entry of the same name \(unzip tools would pick either\)$/,
  /^\d+ bytes, the manifest says \d+$/,
  /^SHA-256 differs from the manifest$/,
  /^the ZIP entry is damaged$/,
  /^the ZIP entry is encrypted$/,
  /^the ZIP entry is packed with an unknown method \(\d+\)$/,
  /^the ZIP entry unpacks to more than the size it declares \(stopped\)$/,
  /^the ZIP entry unpacks to less than the size it declares$/,
];

// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let packet: Uint8Array;
const rejections = unhandledRejections();

beforeAll(async () => {
  packet = await buildPacketZip(packetFixture().input);
  rejections.start();
});

afterAll(() => {
  rejections.stop();
});

function checkVerdict(result: PacketVerification): void {
  if (result.status === 'not-a-packet') {
    expect(
      REFUSALS.some((pattern) => pattern.test(result.message)),
      result.message,
    ).toBe(true);
  } else if (result.status === 'mismatch') {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(['missing', 'extra', 'altered', 'unreadable']).toContain(problem.kind);
      expect(
        DETAILS.some((pattern) => pattern.test(problem.detail)),
        problem.detail,
      ).toBe(true);
    }
  } else {
    expect(result.ok).toBe(true);
  }
  const report = verifyReport('paket.zip', result);
  for (const line of report.text.split('\n')) expect(line).not.toMatch(UNSAFE);
}

async function verifies(bytes: Uint8Array): Promise<void> {
  checkVerdict(await verifyPacket(bytes));
}

type Mutation =
  | Readonly<{ kind: 'byte'; at: number; value: number }>
  | Readonly<{ kind: 'u32'; at: number; value: number }>
  | Readonly<{ kind: 'cut'; at: number; length: number }>
  | Readonly<{ kind: 'copy'; from: number; at: number; length: number }>
  | Readonly<{ kind: 'insert'; at: number; bytes: Uint8Array }>;

/** Positions near the ZIP's headers (where a change matters most), or anywhere. */
const position = fc.oneof(
  fc.nat(),
  fc.nat({ max: 200 }).map((back) => -1 - back),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('u32' as const),
    at: position,
    value: fc.oneof(fc.nat(), fc.constantFrom(0, 1, 0xffff, 0xffffffff, 0x7fffffff, 0x80000000)),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: position, length: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({
    kind: fc.constant('copy' as const),
    from: position,
    at: position,
    length: fc.integer({ min: 1, max: 5_000 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ maxLength: 64 }) }),
);

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `bytes` with `mutation` applied (positions wrap; negative ones count from the end). */
function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  const place = (at: number): number =>
    bytes.length === 0 ? 0 : at < 0 ? Math.max(0, bytes.length + at) : at % bytes.length;
  const at = place(change.at);
  switch (change.kind) {
    case 'byte': {
      const out = bytes.slice();
      out[at] = change.value;
      return out;
    }
    case 'u32': {
      const out = bytes.slice();
      for (let i = 0; i < 4 && at + i < out.length; i++) out[at + i] = (change.value >>> (8 * i)) & 0xff;
      return out;
    }
    case 'cut':
      return concat(bytes.subarray(0, at), bytes.subarray(at + change.length));
    case 'copy': {
      const from = place(change.from);
      const piece = bytes.subarray(from, from + change.length);
      return concat(bytes.subarray(0, at), piece, bytes.subarray(at));
    }
    default:
      return concat(bytes.subarray(0, at), change.bytes, bytes.subarray(at));
  }
}

describe('verifyPacket under hostile input', () => {
  it(
    `gives a clear verdict for ${HOSTILE_RUNS.toLocaleString('en-US')} arbitrary byte strings`,
    async () => {
      const zipStart = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 600 }),
        fc.uint8Array({ maxLength: 600 }).map((tail) => concat(zipStart, tail)),
      );
      await fc.assert(fc.asyncProperty(bytes, verifies), hostileRuns);
      await rejections.settle();
      expect(rejections.seen).toEqual([]);
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `gives a clear verdict for ${HOSTILE_RUNS.toLocaleString('en-US')} mutations of a real packet`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (changes) => {
          await verifies(changes.reduce(mutate, packet));
        }),
        hostileRuns,
      );
      await rejections.settle();
      expect(rejections.seen).toEqual([]);
    },
    HOSTILE_TIMEOUT_MS,
  );
});
