/**
 * The verifier of an officer's PIN or passphrase (docs/decisions/014-officer-roster-and-sign-in.md):
 * PBKDF2-HMAC-SHA256 through Web Crypto (`crypto.subtle`, in Chromium, Electron and Node 20), with a
 * random 16-byte salt per officer and an iteration count stored beside the hash, so the count can
 * rise later without invalidating stored verifiers. Only the salt, the count and the derived bytes
 * are kept: never the secret.
 *
 * `SECRET_ITERATIONS` was measured in this repository's Chromium (scripts/measure-pbkdf2.ts) to take
 * about 250 ms for one derivation on the development machine; `calibrateIterations` does the same
 * measurement for any runtime.
 */
import { z } from 'zod';

export const VERIFIER_ALGORITHM = 'PBKDF2-SHA256';
/**
 * Iterations for new verifiers: ~250 ms per derivation in Chromium on the reference machine
 * (measured 2026-12-06 with scripts/measure-pbkdf2.ts in Chromium 156: 202–258 ms at 1,500,000).
 */
export const SECRET_ITERATIONS = 1_500_000;
/** Never accepted below this (a verifier from a tampered document must not make guessing cheap). */
export const MIN_SECRET_ITERATIONS = 100_000;
export const MAX_SECRET_ITERATIONS = 100_000_000;
export const SALT_BYTES = 16;
export const HASH_BYTES = 32;

const hexOf = (bytes: number): z.ZodString => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

export const secretVerifierSchema = z
  .object({
    algorithm: z.literal(VERIFIER_ALGORITHM),
    iterations: z.number().int().min(MIN_SECRET_ITERATIONS).max(MAX_SECRET_ITERATIONS),
    /** 16 random bytes, lowercase hex. */
    salt: hexOf(SALT_BYTES),
    /** The 32 derived bytes, lowercase hex. */
    hash: hexOf(HASH_BYTES),
  })
  .strict();
export type SecretVerifier = z.infer<typeof secretVerifierSchema>;

function subtleCrypto(): SubtleCrypto {
  // Browsers offer crypto.subtle only in secure contexts (https, localhost, the app's own scheme).
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!subtle)
    throw new Error('PBKDF2 needs Web Crypto (crypto.subtle): not available on an insecure origin');
  return subtle;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new RangeError('fromHex: not lowercase hex of whole bytes');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** PBKDF2-HMAC-SHA256 of `secret` (UTF-8, NFC) and `salt`: `length` bytes. */
export async function pbkdf2Sha256(
  secret: string | Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = subtleCrypto();
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret.normalize('NFC')) : secret;
  const key = await subtle.importKey('raw', bytes, 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    length * 8,
  );
  return new Uint8Array(bits);
}

/**
 * Whether two byte sequences are equal, in time that depends only on their length: every byte is
 * read and compared, whatever the first difference (no early return), so the time of a refusal
 * says nothing about how much of a guess was right. Lengths are public (both are HASH_BYTES).
 */
export function constantTimeEqual(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** A new verifier of `secret`: a fresh random salt, `iterations` (default SECRET_ITERATIONS). */
export async function createVerifier(
  secret: string,
  iterations: number = SECRET_ITERATIONS,
): Promise<SecretVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await pbkdf2Sha256(secret, salt, iterations, HASH_BYTES);
  return { algorithm: VERIFIER_ALGORITHM, iterations, salt: toHex(salt), hash: toHex(hash) };
}

/** Whether `secret` is the one `verifier` was made from (derived again, compared in constant time). */
export async function verifySecret(secret: string, verifier: SecretVerifier): Promise<boolean> {
  const parsed = secretVerifierSchema.safeParse(verifier);
  if (!parsed.success) return false;
  const derived = await pbkdf2Sha256(secret, fromHex(parsed.data.salt), parsed.data.iterations, HASH_BYTES);
  return constantTimeEqual(derived, fromHex(parsed.data.hash));
}

/**
 * The iteration count that makes one derivation take about `targetMs` in this runtime: times a
 * probe derivation with `now` (e.g. `performance.now`) and scales; rounded to 10,000, never below
 * MIN_SECRET_ITERATIONS.
 */
export async function calibrateIterations(
  now: () => number,
  targetMs = 250,
  probe = 100_000,
): Promise<number> {
  const salt = new Uint8Array(SALT_BYTES);
  await pbkdf2Sha256('warm-up', salt, 1_000, HASH_BYTES);
  const started = now();
  await pbkdf2Sha256('calibration', salt, probe, HASH_BYTES);
  const elapsed = Math.max(now() - started, 1);
  const scaled = Math.round((probe * targetMs) / elapsed / 10_000) * 10_000;
  return Math.min(Math.max(scaled, MIN_SECRET_ITERATIONS), MAX_SECRET_ITERATIONS);
}
