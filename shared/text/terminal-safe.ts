/**
 * Text from a file someone else made (a packet's manifest, the names in its ZIP), made safe to
 * print on a terminal: a control character could move the cursor, rewrite a line already printed
 * (CR, ANSI escape sequences: "OK" over "FAILED"), ring or clear the screen, and a bidirectional
 * override can show a name reversed ("evil‮fdp.exe"). Each such character is written as a visible
 * escape instead: `\x1b`, `\r`, `\u202e`. Printable text, including every script and emoji, is
 * left as it is.
 */

/**
 * Characters written as escapes: C0 controls and DEL, C1 controls, the bidirectional marks,
 * embeddings, overrides and isolates, the line and paragraph separators, zero-width characters
 * that hide text, and a lone surrogate.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(character: string): string {
  const named = NAMED[character];
  if (named !== undefined) return named;
  const code = character.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control, bidirectional or invisible formatting character escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escaped);
}
