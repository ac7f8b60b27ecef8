/**
 * File names that are safe to store, show and save: the names of a complaint's attachments (which
 * the central server checks with FILE_NAME_PATTERN, generated into its JSON Schema from the
 * complaint's zod schema) and the names the app suggests when it saves a file to disk.
 *
 * A stored name has
 *   - no path separator (`/`, `\`): a name is never a path, wherever it is saved later;
 *   - no control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F);
 *   - no format character (category Cf: soft hyphen, bidirectional embeddings, overrides and
 *     isolates U+202A–U+202E and U+2066–U+2069, zero-width characters, U+FEFF, …), which can
 *     make `gpj.exe` look like `exe.jpg` (U+202E) or hide characters;
 *   - is not `.` or `..`, and has 1 to 120 characters (UTF-16 code units, as zod's `.max()` and the
 *     server's `maxLength` count).
 * The patterns are ES5 regular expressions (no `\p{…}`, no `u` flag: CouchDB's JavaScript engine
 * runs them), so the Cf characters are listed explicitly, the ones outside the BMP as surrogate
 * pairs; ./file-names.test.ts compares the list with `\p{Cc}` and `\p{Cf}` of the running engine
 * over every code point.
 *
 * Officers cannot control the names of the files a complainant brings, so the device never
 * refuses a name: `cleanFileName` turns any name into one of this form at intake, and
 * `saveFileName` the same for the save dialog (plus the characters Windows does not allow).
 */
import { wellFormed } from '../text/well-formed';

/** Longest stored file name, in UTF-16 code units. */
export const FILE_NAME_MAX = 120;
/** The name of a file whose name had nothing usable left ("attachment"). */
export const FALLBACK_FILE_NAME = 'lampiran';

/** Control characters (Cc), as regex class ranges. */
const CONTROL_RANGES = '\\u0000-\\u001f\\u007f-\\u009f';
/** Format characters (Cf) in the Basic Multilingual Plane, as regex class ranges. */
const FORMAT_RANGES_BMP = [
  '\\u00ad',
  '\\u0600-\\u0605',
  '\\u061c',
  '\\u06dd',
  '\\u070f',
  '\\u0890-\\u0891',
  '\\u08e2',
  '\\u180e',
  '\\u200b-\\u200f',
  '\\u202a-\\u202e',
  '\\u2060-\\u2064',
  '\\u2066-\\u206f',
  '\\ufeff',
  '\\ufff9-\\ufffb',
].join('');
/**
 * Format characters (Cf) outside the BMP, as surrogate pairs: U+110BD, U+110CD, U+13430–U+1343F,
 * U+1BCA0–U+1BCA3, U+1D173–U+1D17A, U+E0001, U+E0020–U+E007F.
 */
const FORMAT_PAIRS = [
  '\\ud804[\\udcbd\\udccd]',
  '\\ud80d[\\udc30-\\udc3f]',
  '\\ud82f[\\udca0-\\udca3]',
  '\\ud834[\\udd73-\\udd7a]',
  '\\udb40[\\udc01\\udc20-\\udc7f]',
].join('|');

/** One character a stored name may not hold (separators, Cc, Cf), as ES5 regex source. */
export const FORBIDDEN_NAME_CHARACTER = `[/\\\\${CONTROL_RANGES}${FORMAT_RANGES_BMP}]|${FORMAT_PAIRS}`;

/**
 * A stored file name's characters, as ES5 regex source (the length is checked separately, by
 * `maxLength` on the server): not `.` or `..`, and no forbidden character anywhere.
 */
export const FILE_NAME_PATTERN = `^(?!\\.\\.?$)(?:(?!${FORBIDDEN_NAME_CHARACTER})[\\s\\S])*$`;

const FILE_NAME_REGEX = new RegExp(FILE_NAME_PATTERN);
const CONTROL_OR_FORMAT = new RegExp(`[${CONTROL_RANGES}${FORMAT_RANGES_BMP}]|${FORMAT_PAIRS}`, 'g');
/** Control characters that separate words: a tab or a line break becomes a space, not nothing. */
const CONTROL_SPACES = /[\t\n\v\f\r\u0085]/g;
const SEPARATORS = /[/\\]/g;
/** Characters Windows does not allow in a file name (besides the separators and controls). */
const WINDOWS_RESERVED = /[:*?"<>|]/g;
/** Extensions kept when a long name is shortened: a dot, then up to 16 letters or digits. */
const EXTENSION = /\.[A-Za-z0-9]{1,16}$/;

/** True for a name that may be stored as an attachment's name (see the module comment). */
export function isValidFileName(name: string): boolean {
  return name.length >= 1 && name.length <= FILE_NAME_MAX && FILE_NAME_REGEX.test(name);
}

/** The first `max` code units of `text`, without cutting a surrogate pair in two. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * `name` as a valid stored file name: separators become `-`, tabs and line breaks a space, other
 * control and format characters are removed (lone surrogates become U+FFFD), the result is
 * trimmed and shortened to FILE_NAME_MAX keeping its extension; `.`, `..` and names with
 * nothing left become `lampiran`. A valid, trimmed name comes back unchanged.
 */
export function cleanFileName(name: string): string {
  const cleaned = wellFormed(name)
    .replace(SEPARATORS, '-')
    .replace(CONTROL_SPACES, ' ')
    .replace(CONTROL_OR_FORMAT, '')
    .trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return FALLBACK_FILE_NAME;
  if (cleaned.length <= FILE_NAME_MAX) return cleaned;
  const extension = EXTENSION.exec(cleaned)?.[0] ?? '';
  const stem = cleaned.slice(0, cleaned.length - extension.length);
  const shortened = cut(stem, FILE_NAME_MAX - extension.length).trimEnd();
  return `${shortened === '' ? FALLBACK_FILE_NAME : shortened}${extension}`;
}

/**
 * The name to suggest when saving a file to disk: `cleanFileName`, and the characters Windows
 * refuses in file names (`: * ? " < > |`) replaced by `-`.
 */
export function saveFileName(name: string): string {
  return cleanFileName(cleanFileName(name).replace(WINDOWS_RESERVED, '-'));
}

/** True for a name `saveFileName` leaves as it is: what the platform contract accepts. */
export function isSafeSaveName(name: string): boolean {
  return saveFileName(name) === name;
}
