/**
 * The unit key's transfer code (docs/decisions/017-unit-key-transfer.md): a one-time code a
 * manager's device shows (Pengaturan → "Pindahkan kunci unit") and a device without the unit key
 * types. The manager's device wraps the unit key under a key derived from the code (PBKDF2) and
 * syncs only that ciphertext through the central (../crypto/key-transfer-document).
 *
 *   KTB-ABCDE-FGHJK-MNPQX
 *   │   └ 14 secret characters ┘└ check: 1 character of SAFE_ALPHABET
 *   └ the unit code (a code of another unit is told at once, not after a wait)
 *
 * The secret is 14 characters of SAFE_ALPHABET (31 characters, no 0/O or 1/I/L to misread):
 * 31^14 ≈ 7.6 × 10^20 ≈ 2^69.4 codes. The check is Σ (position + 1) × value over the unit code
 * and the secret (value = index in SAFE_ALPHABET) modulo 31, a prime: one wrong character changes
 * the sum by (position + 1) × d with 0 < d < 31 and position + 1 < 31 (at most 24 characters), a
 * swap of two neighbours by their difference (0 < |d| < 31); neither is ever a multiple of 31.
 * Input is read case-insensitively, without spaces, dashes or dash look-alikes. Pure code: the
 * caller passes the randomness.
 */
import { SAFE_ALPHABET, UNIT_CODE_MAX_LENGTH, isValidUnitCode } from '../ids/tracking-number';

export const TRANSFER_SECRET_LENGTH = 14;
/** Characters per group as shown (the unit code is a group of its own). */
const GROUP = 5;
const MODULUS = SAFE_ALPHABET.length; // 31, a prime
/** The default validity of a transfer code. */
export const TRANSFER_CODE_MINUTES = 15;

export type TransferCode = Readonly<{
  unitCode: string;
  /** 14 characters of SAFE_ALPHABET, without dashes (what the key is derived from, with the unit code). */
  secret: string;
}>;

export type TransferCodeProblem =
  | Readonly<{ key: 'keyTransfer.code.required' }>
  | Readonly<{ key: 'keyTransfer.code.malformed' }>
  | Readonly<{ key: 'keyTransfer.code.character'; params: Readonly<{ character: string }> }>
  | Readonly<{ key: 'keyTransfer.code.checksum' }>
  | Readonly<{
      key: 'keyTransfer.code.otherUnit';
      params: Readonly<{ unitCode: string; deviceUnit: string }>;
    }>;

function valueOf(char: string): number {
  return SAFE_ALPHABET.indexOf(char);
}

/** The check character of the unit code and secret (both already in SAFE_ALPHABET). */
export function transferCheckCharacter(unitCode: string, secret: string): string {
  const text = unitCode + secret;
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + (i + 1) * valueOf(text.charAt(i))) % MODULUS;
  return SAFE_ALPHABET.charAt(sum);
}

/**
 * A new secret from random bytes (crypto.getRandomValues): each character from one byte, bytes
 * at or above the largest multiple of 31 (248) dropped so that every character is equally likely.
 * `randomBytes` is asked again until there are enough.
 */
export function transferSecret(randomBytes: (count: number) => Uint8Array): string {
  const limit = 256 - (256 % MODULUS);
  let secret = '';
  while (secret.length < TRANSFER_SECRET_LENGTH) {
    for (const byte of randomBytes(TRANSFER_SECRET_LENGTH * 2)) {
      if (byte < limit && secret.length < TRANSFER_SECRET_LENGTH)
        secret += SAFE_ALPHABET.charAt(byte % MODULUS);
    }
  }
  return secret;
}

/** `KTB-ABCDE-FGHJK-MNPQX`: the code as shown and read out. */
export function formatTransferCode(code: TransferCode): string {
  if (!isValidUnitCode(code.unitCode)) throw new RangeError(`Invalid unit code: ${code.unitCode}`);
  if (!new RegExp(`^[${SAFE_ALPHABET}]{${TRANSFER_SECRET_LENGTH}}$`).test(code.secret)) {
    throw new RangeError('Not a transfer secret');
  }
  const body = code.secret + transferCheckCharacter(code.unitCode, code.secret);
  const groups = body.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? [];
  return [code.unitCode, ...groups].join('-');
}

/** Upper case, without spaces, dashes and dash look-alikes. */
export function normaliseTransferCode(text: string): string {
  return text.replace(/[\s\-\u2010-\u2015\u2212]+/g, '').toUpperCase();
}

/**
 * A typed character as a message may show it: itself, or `U+202E` for a control, format (bidi
 * overrides among them) or separator character, which would be invisible or reorder the message.
 */
function shownCharacter(char: string): string {
  if (!/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(char)) return char;
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Reads a transfer code as typed. `deviceUnit` (this device's unit) given: a code of another unit
 * is refused as such. The unit code is what is left before the last 15 characters.
 */
export function parseTransferCode(
  text: string,
  deviceUnit?: string,
): { ok: true; value: TransferCode } | { ok: false; problem: TransferCodeProblem } {
  const compact = normaliseTransferCode(text);
  if (compact === '') return { ok: false, problem: { key: 'keyTransfer.code.required' } };
  for (const char of compact) {
    if (!SAFE_ALPHABET.includes(char)) {
      return {
        ok: false,
        problem: { key: 'keyTransfer.code.character', params: { character: shownCharacter(char) } },
      };
    }
  }
  const tail = TRANSFER_SECRET_LENGTH + 1;
  const unitCode = compact.slice(0, -tail);
  if (compact.length <= tail || unitCode.length > UNIT_CODE_MAX_LENGTH || !isValidUnitCode(unitCode)) {
    return { ok: false, problem: { key: 'keyTransfer.code.malformed' } };
  }
  const secret = compact.slice(-tail, -1);
  if (transferCheckCharacter(unitCode, secret) !== compact.slice(-1)) {
    return { ok: false, problem: { key: 'keyTransfer.code.checksum' } };
  }
  if (deviceUnit !== undefined && unitCode !== deviceUnit) {
    return { ok: false, problem: { key: 'keyTransfer.code.otherUnit', params: { unitCode, deviceUnit } } };
  }
  return { ok: true, value: { unitCode, secret } };
}
