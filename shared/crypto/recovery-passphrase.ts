/**
 * The unit's recovery passphrase (docs/decisions/022-unit-key-recovery.md): what a manager types to
 * protect the copy of the unit key stored on the central (./unit-key-recovery-document), and what a
 * new device types when no device holding the key is left.
 *
 * The central's copy can be taken by a server operator and guessed against offline, for ever: the
 * only thing that protects it is the passphrase's own strength (PBKDF2 only slows each guess). So
 * the rule is stricter than a PIN's: at least 16 characters, or at least 4 words of 3 letters or
 * more each, and not a few characters repeated. Typed on another device, on another keyboard, it
 * must give the same bytes: Unicode NFKC, spaces at the ends dropped and every run of spaces inside
 * read as one space (letter case counts).
 *
 * Wrong passphrases typed on one device are slowed down by a growing wait (`recoveryDelayMs`),
 * kept on the device: the first two are free (typos), then 15 s, 30 s, 1 min, … at most an hour.
 */
import { SECRET_ITERATIONS } from '../auth/secret-verifier';

/**
 * PBKDF2-SHA256 iterations of the recovery copy: twice the sign-in's (3,000,000). Recovery is typed
 * once in a device's life, so a slower derivation (about 1–2 s in Chromium) costs nobody time and
 * doubles the cost of every offline guess against the central's copy.
 */
export const RECOVERY_ITERATIONS = SECRET_ITERATIONS * 2;
export const MIN_RECOVERY_CHARACTERS = 16;
export const MIN_RECOVERY_WORDS = 4;
export const MIN_RECOVERY_WORD_CHARACTERS = 3;
/** Fewer different characters than this is a pattern, not a passphrase ("aaaa…", "abab…"). */
export const MIN_RECOVERY_DISTINCT_CHARACTERS = 5;
export const MAX_RECOVERY_CHARACTERS = 1_024;

export type RecoveryPassphraseProblem = 'too-short' | 'too-simple' | 'too-long';

/** The passphrase as it is used: NFKC, trimmed, inner runs of white space as one space. */
export function normalizeRecoveryPassphrase(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

const characters = (text: string): number => Array.from(text).length;

/** What is wrong with `text` as a new recovery passphrase, or null when it may be used. */
export function recoveryPassphraseProblem(text: string): RecoveryPassphraseProblem | null {
  const passphrase = normalizeRecoveryPassphrase(text);
  const length = characters(passphrase);
  if (length > MAX_RECOVERY_CHARACTERS) return 'too-long';
  const words = passphrase === '' ? [] : passphrase.split(' ');
  const enoughWords =
    words.length >= MIN_RECOVERY_WORDS &&
    words.every((word) => characters(word) >= MIN_RECOVERY_WORD_CHARACTERS);
  if (length < MIN_RECOVERY_CHARACTERS && !enoughWords) return 'too-short';
  if (new Set(passphrase.replace(/ /g, '')).size < MIN_RECOVERY_DISTINCT_CHARACTERS) return 'too-simple';
  return null;
}

/** Wrong recovery passphrases allowed in a row before each next one waits. */
export const FREE_RECOVERY_ATTEMPTS = 2;
const FIRST_DELAY_MS = 15_000;
export const MAX_RECOVERY_DELAY_MS = 60 * 60_000;

/** How long this device waits after `failures` wrong passphrases in a row before it tries another. */
export function recoveryDelayMs(failures: number): number {
  if (failures <= FREE_RECOVERY_ATTEMPTS) return 0;
  const doublings = Math.min(failures - FREE_RECOVERY_ATTEMPTS - 1, 20);
  return Math.min(MAX_RECOVERY_DELAY_MS, FIRST_DELAY_MS * 2 ** doublings);
}
