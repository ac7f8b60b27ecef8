import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretStore, type Encryptor } from './secret-store';

/** A reversible fake of safeStorage: reverses the bytes, so the file never holds the plain text. */
const keychain = (available = true, backend = 'gnome_libsecret'): Encryptor => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
  getSelectedStorageBackend: () => backend,
});

let folder: string;
const open = async (encryptor: Encryptor): Promise<{ store: SecretStore; file: string }> => {
  folder = await mkdtemp(join(tmpdir(), 'meja-aduan-secrets-'));
  const file = join(folder, 'secrets.json');
  return { store: new SecretStore(file, encryptor), file };
};
afterEach(async () => rm(folder, { recursive: true, force: true }));

describe('SecretStore', () => {
  it('keeps a secret encrypted on disk and reads it back', async () => {
    const { store, file } = await open(keychain());
    expect(await store.read('central-password')).toEqual({ value: null, protection: 'os-keychain' });
    expect(await store.store('central-password', 'rahasia-unit-123')).toEqual({
      status: 'stored',
      protection: 'os-keychain',
    });
    expect(await readFile(file, 'utf8')).not.toContain('rahasia-unit-123');
    expect(await store.read('central-password')).toEqual({
      value: 'rahasia-unit-123',
      protection: 'os-keychain',
    });
  });

  it('clears a secret', async () => {
    const { store } = await open(keychain());
    await store.store('central-password', 'x');
    expect((await store.store('central-password', null)).status).toBe('cleared');
    expect((await store.read('central-password')).value).toBeNull();
  });

  it('says when the OS has no keychain', async () => {
    expect((await (await open(keychain(true, 'basic_text'))).store.read('k')).protection).toBe('plain-file');
    await rm(folder, { recursive: true, force: true });
    const { store } = await open(keychain(false));
    expect((await store.store('central-password', 'x')).protection).toBe('plain-file');
    expect((await store.read('central-password')).value).toBe('x');
  });

  it('treats an unreadable file or a value it cannot decrypt as not stored', async () => {
    const { store, file } = await open({
      ...keychain(),
      decryptString: () => {
        throw new Error('wrong key');
      },
    });
    await store.store('central-password', 'x');
    expect((await store.read('central-password')).value).toBeNull();
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'not json'));
    expect((await store.read('central-password')).value).toBeNull();
  });
});
