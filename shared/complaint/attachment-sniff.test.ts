import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contentMatchesType, isUtf8Text, sniffAttachmentType } from './attachment-sniff';
import { ALLOWED_ATTACHMENT_TYPES } from './attachment-types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

const bytes = (...parts: (string | readonly number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...strToU8(part)] : [...part])));

const SAMPLES = {
  pdf: bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00]),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  docx: zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    '_rels/.rels': strToU8('<Relationships/>'),
    'word/document.xml': strToU8('<w:document/>'),
  }),
  xlsx: zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }),
  odt: zipSync({ mimetype: [strToU8(ODT), { level: 0 }], 'content.xml': strToU8('<office:document/>') }),
  ods: zipSync({ mimetype: [strToU8(ODS), { level: 0 }], 'content.xml': strToU8('<office:document/>') }),
  ole2: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array<number>(504).fill(0)),
  text: bytes('Pelapor datang pukul 09.00; antrean panjang. Ümlaut, 日本語, 😀\n'),
};

describe('sniffAttachmentType', () => {
  it('recognises each accepted kind by its magic bytes', () => {
    expect(sniffAttachmentType(SAMPLES.pdf)).toEqual(['application/pdf']);
    expect(sniffAttachmentType(SAMPLES.jpeg)).toEqual(['image/jpeg']);
    expect(sniffAttachmentType(SAMPLES.png)).toEqual(['image/png']);
    expect(sniffAttachmentType(SAMPLES.webp)).toEqual(['image/webp']);
    expect(sniffAttachmentType(SAMPLES.docx)).toEqual([DOCX]);
    expect(sniffAttachmentType(SAMPLES.xlsx)).toEqual([XLSX]);
    expect(sniffAttachmentType(SAMPLES.odt)).toEqual([ODT]);
    expect(sniffAttachmentType(SAMPLES.ods)).toEqual([ODS]);
    expect(sniffAttachmentType(SAMPLES.ole2)).toEqual(['application/msword', 'application/vnd.ms-excel']);
    expect(sniffAttachmentType(SAMPLES.text)).toEqual(['text/plain']);
  });

  it('finds a PDF header after leading bytes within the first 1024, not later', () => {
    expect(sniffAttachmentType(bytes('\r\n\r\n%PDF-1.4'))).toContain('application/pdf');
    expect(sniffAttachmentType(bytes('x'.repeat(1020), '%PDF-1.4'))).not.toContain('application/pdf');
  });

  it('refuses files of other kinds under any accepted type', () => {
    const exe = bytes('MZ', [0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const gif = bytes('GIF89a', [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]);
    const apk = zipSync({ 'AndroidManifest.xml': strToU8('<manifest/>'), 'classes.dex': strToU8('dex') });
    const utf16 = bytes([0xff, 0xfe], 'h', [0], 'i', [0]);
    for (const [name, content] of Object.entries({ exe, gif, apk, utf16 })) {
      expect(sniffAttachmentType(content), name).toEqual([]);
      for (const type of ALLOWED_ATTACHMENT_TYPES)
        expect(contentMatchesType(type, content), name).toBe(false);
    }
  });

  it('tells the declared type and the content apart', () => {
    expect(contentMatchesType('image/jpeg', SAMPLES.jpeg)).toBe(true);
    expect(contentMatchesType('image/jpeg', SAMPLES.png)).toBe(false);
    expect(contentMatchesType('application/pdf', SAMPLES.docx)).toBe(false);
    expect(contentMatchesType(DOCX, SAMPLES.xlsx)).toBe(false);
    expect(contentMatchesType(ODT, SAMPLES.ods)).toBe(false);
    expect(contentMatchesType('application/vnd.ms-excel', SAMPLES.ole2)).toBe(true);
    expect(contentMatchesType('text/plain', SAMPLES.jpeg)).toBe(false);
    // An ASCII-only PDF is also readable text: either type fits it.
    expect(contentMatchesType('text/plain', SAMPLES.pdf)).toBe(false); // it holds non-ASCII bytes
    expect(contentMatchesType('text/plain', bytes('%PDF-1.4 ascii'))).toBe(true);
  });

  it('counts a ZIP whose directory cannot be read as any ZIP-based document', () => {
    const truncated = SAMPLES.docx.slice(0, 40);
    expect(sniffAttachmentType(truncated)).toEqual([DOCX, XLSX, ODT, ODS]);
  });

  it('never throws, whatever the bytes', () => {
    const prefixes = Object.values(SAMPLES).map((sample) => sample.slice(0, 8));
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 300 }), (prefix, rest) => {
        const content = new Uint8Array([...prefix, ...rest]);
        expect(Array.isArray(sniffAttachmentType(content))).toBe(true);
        expect(Array.isArray(sniffAttachmentType(content.slice(0, rest.length % 9)))).toBe(true);
      }),
    );
  });
});

describe('isUtf8Text', () => {
  it('agrees with a fatal TextDecoder, minus NUL bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const strictUtf8 = (content: Uint8Array): boolean => {
      try {
        decoder.decode(content);
        return !content.includes(0);
      } catch {
        return false;
      }
    };
    const interesting = fc.constantFrom(
      0x00,
      0x41,
      0x7f,
      0x80,
      0xbf,
      0xc0,
      0xc1,
      0xc2,
      0xdf,
      0xe0,
      0xed,
      0xef,
    );
    const more = fc.constantFrom(0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(interesting, more, fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        (list) => {
          const content = new Uint8Array(list);
          expect(isUtf8Text(content)).toBe(strictUtf8(content));
        },
      ),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(isUtf8Text(strToU8(text))).toBe(!text.includes('\u0000'));
      }),
    );
  });
});
