import { describe, expect, it } from 'vitest';
import {
  HASH_BYTES,
  MIN_SECRET_ITERATIONS,
  SALT_BYTES,
  calibrateIterations,
  constantTimeEqual,
  createVerifier,
  fromHex,
  pbkdf2Sha256,
  secretVerifierSchema,
  toHex,
  verifySecret,
} from './secret-verifier';

const text = (value: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(value);

describe('PBKDF2-HMAC-SHA256 known answers', () => {
  // RFC 7914 §11 (the PBKDF2-HMAC-SHA256 vectors of scrypt's specification).
  it('matches RFC 7914 §11: "passwd"/"salt", c=1, 64 bytes', async () => {
    const derived = await pbkdf2Sha256(text('passwd'), text('salt'), 1, 64);
    expect(toHex(derived)).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc' +
        '49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    );
  });

  it('matches RFC 7914 §11: "Password"/"NaCl", c=80000, 64 bytes', async () => {
    const derived = await pbkdf2Sha256(text('Password'), text('NaCl'), 80_000, 64);
    expect(toHex(derived)).toBe(
      '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56' +
        'a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    );
  });

  // The RFC 6070 inputs with SHA-256 (as published for PBKDF2-HMAC-SHA256 test suites).
  it('matches the RFC 6070-style SHA-256 vectors', async () => {
    expect(toHex(await pbkdf2Sha256('password', text('salt'), 1, 32))).toBe(
      '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b',
    );
    expect(toHex(await pbkdf2Sha256('password', text('salt'), 4096, 32))).toBe(
      'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a',
    );
    expect(
      toHex(
        await pbkdf2Sha256(
          'passwordPASSWORDpassword',
          text('saltSALTsaltSALTsaltSALTsaltSALTsalt'),
          4096,
          40,
        ),
      ),
    ).toBe('348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9');
  });
});

describe('secret verifier', () => {
  it('keeps a salt, the iteration count and the hash, never the secret; accepts it, refuses a wrong one', async () => {
    const verifier = await createVerifier('482913', MIN_SECRET_ITERATIONS);
    expect(secretVerifierSchema.parse(verifier)).toEqual(verifier);
    expect(verifier.iterations).toBe(MIN_SECRET_ITERATIONS);
    expect(fromHex(verifier.salt)).toHaveLength(SALT_BYTES);
    expect(fromHex(verifier.hash)).toHaveLength(HASH_BYTES);
    expect(JSON.stringify(verifier)).not.toContain('482913');
    expect(await verifySecret('482913', verifier)).toBe(true);
    expect(await verifySecret('482914', verifier)).toBe(false);
    expect(await verifySecret('', verifier)).toBe(false);
  });

  it('salts each verifier apart: the same PIN twice gives two different hashes', async () => {
    const a = await createVerifier('482913', MIN_SECRET_ITERATIONS);
    const b = await createVerifier('482913', MIN_SECRET_ITERATIONS);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuses a verifier whose iteration count was lowered below the minimum (a tampered document)', async () => {
    const weak = { ...(await createVerifier('482913', MIN_SECRET_ITERATIONS)), iterations: 1 };
    expect(await verifySecret('482913', weak)).toBe(false);
  });

  it('reads the stored iteration count, so a later, higher count still verifies older verifiers', async () => {
    const salt = new Uint8Array(SALT_BYTES);
    const hash = await pbkdf2Sha256('482913', salt, MIN_SECRET_ITERATIONS + 1, HASH_BYTES);
    const stored = {
      algorithm: 'PBKDF2-SHA256' as const,
      iterations: MIN_SECRET_ITERATIONS + 1,
      salt: toHex(salt),
      hash: toHex(hash),
    };
    expect(await verifySecret('482913', stored)).toBe(true);
  });

  it('calibrates the iteration count from a measured probe', async () => {
    // A clock that says every probe took 25 ms: 100,000 iterations per 25 ms → 1,000,000 for 250 ms.
    let tick = 0;
    const clock = (): number => (tick++ % 2 === 0 ? 0 : 25);
    expect(await calibrateIterations(clock, 250, 100_000)).toBe(1_000_000);
  });
});

describe('constant-time comparison', () => {
  /** A byte array that counts how many of its bytes were read. */
  function counted(bytes: Uint8Array): { view: ArrayLike<number>; reads: () => number } {
    let reads = 0;
    const view = new Proxy(bytes, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key) as unknown;
      },
    });
    return { view, reads: () => reads };
  }

  it('answers equal and different', () => {
    expect(constantTimeEqual(fromHex('00ff10'), fromHex('00ff10'))).toBe(true);
    expect(constantTimeEqual(fromHex('00ff10'), fromHex('00ff11'))).toBe(false);
    expect(constantTimeEqual(fromHex('00ff'), fromHex('00ff10'))).toBe(false);
  });

  it('reads every byte whether the first or the last byte differs (no early exit)', () => {
    const stored = new Uint8Array(HASH_BYTES).fill(7);
    const firstWrong = new Uint8Array(HASH_BYTES).fill(7);
    firstWrong[0] = 8;
    const lastWrong = new Uint8Array(HASH_BYTES).fill(7);
    lastWrong[HASH_BYTES - 1] = 8;
    const readsFor = (guess: Uint8Array): number => {
      const probe = counted(guess);
      expect(constantTimeEqual(probe.view, stored)).toBe(false);
      return probe.reads();
    };
    expect(readsFor(firstWrong)).toBe(HASH_BYTES);
    expect(readsFor(lastWrong)).toBe(HASH_BYTES);
    const right = counted(new Uint8Array(HASH_BYTES).fill(7));
    expect(constantTimeEqual(right.view, stored)).toBe(true);
    expect(right.reads()).toBe(HASH_BYTES);
  });
});
