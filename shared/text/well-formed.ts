/**
 * Text that JSON on the wire can carry. A JavaScript string may hold a lone UTF-16 surrogate (a
 * broken paste, a truncated emoji); CouchDB refuses a request body holding one outright, so a
 * record with one could never sync. Text typed into the app passes through `wellFormed` on its
 * way into a document.
 */

/** `text` with each lone surrogate replaced by U+FFFD (as String.prototype.toWellFormed does). */
export function wellFormed(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.charAt(i) + text.charAt(i + 1);
        i++;
      } else out += '\ufffd';
    } else if (unit >= 0xdc00 && unit <= 0xdfff) out += '\ufffd';
    else out += text.charAt(i);
  }
  return out;
}
