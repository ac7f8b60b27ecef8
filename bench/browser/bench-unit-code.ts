/**
 * A fresh unit code for one bench run's throw-away database (the app names unit databases by a
 * valid unit code only: 2 to 10 letters and digits without I, L, O, 0 and 1).
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function benchUnitCode(prefix: 'BN' | 'BS'): string {
  let code: string = prefix;
  for (let i = 0; i < 8; i += 1) code += ALPHABET.charAt(Math.floor(Math.random() * ALPHABET.length));
  return code;
}
