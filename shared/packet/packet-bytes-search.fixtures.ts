/**
 * Searching every byte of a packet for strings that must not be there (tests only). A plain byte
 * search would miss text that the file formats hide: ZIP and XLSX entries are deflated, PDF
 * content streams are Flate-compressed and pdf-lib writes text as hex strings (`<48656C6C6F>`),
 * metadata as UTF-16. So each file is searched as raw bytes AND as every decoded form: nested
 * ZIPs unzipped, PDF streams inflated, PDF hex strings decoded (Latin-1 and UTF-16BE).
 */
import { inflateSync, unzipSync, unzlibSync } from 'fflate';

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  const even = clean.length % 2 === 0 ? clean : `${clean}0`;
  const bytes = new Uint8Array(even.length / 2);
  for (let index = 0; index < bytes.length; index += 1) {
    bytes[index] = Number.parseInt(even.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}

function utf16be(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    text += String.fromCharCode(((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0));
  }
  return text;
}

/** The raw bytes of every `stream … endstream` in a PDF, inflated where they are compressed. */
export function pdfStreams(pdf: Uint8Array): Uint8Array[] {
  const text = latin1.decode(pdf);
  const streams: Uint8Array[] = [];
  const pattern = /stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const data = pdf.slice(start, end);
    let decoded = data;
    for (const inflate of [unzlibSync, inflateSync]) {
      try {
        decoded = inflate(data);
        break;
      } catch {
        // not compressed this way
      }
    }
    streams.push(decoded);
    pattern.lastIndex = end + 'endstream'.length;
  }
  return streams;
}

/** Every readable form of a PDF's text: raw, inflated streams, decoded hex strings. */
export function pdfSearchText(pdf: Uint8Array): string {
  const parts = [latin1.decode(pdf), ...pdfStreams(pdf).map((stream) => latin1.decode(stream))];
  const decoded: string[] = [];
  for (const part of parts) {
    for (const match of part.matchAll(/<([0-9A-Fa-f\s]+)>/g)) {
      const bytes = hexBytes(match[1] ?? '');
      decoded.push(bytes[0] === 0xfe && bytes[1] === 0xff ? utf16be(bytes.slice(2)) : latin1.decode(bytes));
    }
  }
  return [...parts, ...decoded].join('\n');
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isPdf(bytes: Uint8Array): boolean {
  return latin1.decode(bytes.slice(0, 5)) === '%PDF-';
}

/**
 * Every file of a ZIP, recursively (an XLSX inside is unzipped too), each with the text to search:
 * raw bytes as Latin-1 and as UTF-8, plus the PDF decodings for a PDF.
 */
export function searchableFiles(zip: Uint8Array, prefix = ''): Map<string, string> {
  // The ZIP itself too: entry names, comments, anything stored uncompressed.
  const out = new Map<string, string>([[`${prefix}(zip)`, latin1.decode(zip)]]);
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    const path = `${prefix}${name}`;
    const pdf = isPdf(bytes) ? `\n${pdfSearchText(bytes)}` : '';
    out.set(path, `${path}\n${latin1.decode(bytes)}\n${utf8.decode(bytes)}${pdf}`);
    if (isZip(bytes)) for (const [inner, text] of searchableFiles(bytes, `${path}!/`)) out.set(inner, text);
  }
  return out;
}

/** Each (needle, file) pair where the needle occurs, ignoring case. */
export function findInPacket(
  zip: Uint8Array,
  needles: readonly string[],
): Array<Readonly<{ needle: string; path: string }>> {
  const hits: Array<{ needle: string; path: string }> = [];
  for (const [path, text] of searchableFiles(zip)) {
    const haystack = text.toLowerCase();
    for (const needle of needles) if (haystack.includes(needle.toLowerCase())) hits.push({ needle, path });
  }
  return hits;
}
