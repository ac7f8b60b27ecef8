/**
 * The validator's ES5 content hash (./content-hash-source) and the devices' (../ids/content-id,
 * @noble/hashes) must give the same hash for every document, or the server would refuse what
 * devices write. Checked on FIPS 180-4 examples and on random JSON with any Unicode, lone
 * surrogates included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText, contentHash } from '../ids/content-id';
import { CONTENT_HASH_SOURCE } from './content-hash-source';

type Es5 = Readonly<{
  contentHash: (doc: unknown) => string;
  sha256Hex: (bytes: number[]) => string;
  canonicalText: (value: unknown) => string;
}>;
const ES5_MODULE = `"use strict"; ${CONTENT_HASH_SOURCE}; return { contentHash: contentHash, sha256Hex: sha256Hex, canonicalText: canonicalText };`;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the ES5 source, compiled as CouchDB compiles it
const es5 = (new Function(ES5_MODULE) as () => Es5)();

const bytes = (text: string): number[] => Array.from(new TextEncoder().encode(text));

describe('the validator content hash', () => {
  it('is SHA-256 (FIPS 180-4 examples, and lengths around the 64-byte block)', () => {
    expect(es5.sha256Hex(bytes(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(es5.sha256Hex(bytes('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(es5.sha256Hex(bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    for (const length of [55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const doc = { text: 'x'.repeat(length) };
      expect(es5.contentHash(doc), String(length)).toBe(contentHash(doc));
    }
  });

  it('agrees with the devices on random documents, any Unicode and lone surrogates included', () => {
    const key = fc.string({ unit: 'binary', maxLength: 8 });
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'grapheme' }),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('json'), { maxLength: 4 }),
        fc.dictionary(key, tie('json'), { maxKeys: 4 }),
      ),
    })).json;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (doc) => {
        expect(es5.canonicalText(doc)).toBe(canonicalText(doc));
        expect(es5.contentHash(doc)).toBe(contentHash(doc));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('leaves out every field whose name starts with _ and sorts keys', () => {
    const doc = { b: 1, a: [1, { d: 'x', c: null }], _id: 'x', _rev: '1-a', _attachments: {} };
    expect(canonicalText({ b: 1, a: [1, { d: 'x', c: null }] })).toBe('{"a":[1,{"c":null,"d":"x"}],"b":1}');
    expect(contentHash(doc)).toBe(contentHash({ a: [1, { c: null, d: 'x' }], b: 1 }));
    expect(es5.contentHash(doc)).toBe(contentHash(doc));
  });
});
