import { describe, expect, it } from 'vitest';
import { openKeyWrap, sealKeyWrap } from './key-wrap-seal';
import type { Encryptor } from './secret-store';

/** A stand-in for safeStorage: XOR with a per-"user" byte, enough to tell keychains apart. */
function keychain(user: number, available = true, backend = 'gnome_libsecret'): Encryptor {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ user));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => xor(Buffer.from(`ok:${text}`, 'utf8')),
    decryptString: (encrypted) => {
      const text = xor(encrypted).toString('utf8');
      if (!text.startsWith('ok:')) throw new Error('not this keychain');
      return text.slice(3);
    },
    getSelectedStorageBackend: () => backend,
  };
}

const WRAP = '{"algorithm":"PBKDF2-SHA256+A256GCM","ciphertext":"abc"}';

describe('the unit key wraps sealed with the OS keychain', () => {
  it('stores nothing of the wrap in clear, and opens it again with the same keychain', () => {
    const sealed = sealKeyWrap(keychain(0x5a), WRAP);
    expect(sealed.protection).toBe('os-keychain');
    expect(sealed.sealed).not.toContain('PBKDF2');
    expect(sealed.sealed).not.toContain('ciphertext');
    expect(openKeyWrap(keychain(0x5a), sealed.sealed)).toEqual({ text: WRAP, protection: 'os-keychain' });
  });

  it('gives null, not an exception, under another keychain or for a text it never sealed', () => {
    const sealed = sealKeyWrap(keychain(0x5a), WRAP);
    expect(openKeyWrap(keychain(0x33), sealed.sealed).text).toBeNull();
    expect(openKeyWrap(keychain(0x5a), 'something else').text).toBeNull();
  });

  it('says plain-file where the OS has no keychain (and then keeps the wrap as it is)', () => {
    const none = keychain(0, false);
    const sealed = sealKeyWrap(none, WRAP);
    expect(sealed.protection).toBe('plain-file');
    expect(openKeyWrap(none, sealed.sealed)).toEqual({ text: WRAP, protection: 'plain-file' });
    expect(sealKeyWrap(keychain(0x5a, true, 'basic_text'), WRAP).protection).toBe('plain-file');
  });
});
