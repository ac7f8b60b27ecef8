/**
 * Secrets kept by the Electron host in one JSON file in the profile folder, each value encrypted
 * with the OS keychain through Electron's safeStorage (DPAPI on Windows, Keychain on macOS,
 * libsecret/kwallet on Linux). Where the OS offers no keychain (a bare Linux desktop), Electron
 * falls back to a fixed key: the value is then as good as plain text, and the result says so.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { SecretProtection } from '../shared/platform/platform-contract';

/** The part of Electron's safeStorage this store uses (a fake in tests). */
export type Encryptor = Readonly<{
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?: () => string;
}>;

type SecretFile = Record<string, string>;

export class SecretStore {
  constructor(
    private readonly file: string,
    private readonly encryptor: Encryptor,
  ) {}

  protection(): SecretProtection {
    if (!this.encryptor.isEncryptionAvailable()) return 'plain-file';
    // Linux without a keyring: Chromium's "basic_text" backend uses a hard-coded key.
    const backend = this.encryptor.getSelectedStorageBackend?.();
    return backend === 'basic_text' ? 'plain-file' : 'os-keychain';
  }

  async read(key: string): Promise<{ value: string | null; protection: SecretProtection }> {
    const stored = (await this.load())[key];
    const protection = this.protection();
    if (stored === undefined) return { value: null, protection };
    if (stored.startsWith('plain:')) return { value: stored.slice('plain:'.length), protection };
    try {
      return {
        value: this.encryptor.decryptString(Buffer.from(stored.slice('enc:'.length), 'base64')),
        protection,
      };
    } catch {
      // Encrypted under another user or a changed keychain: treat as not stored, never crash.
      return { value: null, protection };
    }
  }

  async store(
    key: string,
    value: string | null,
  ): Promise<{ status: 'stored' | 'cleared'; protection: SecretProtection }> {
    const others = Object.entries(await this.load()).filter(([name]) => name !== key);
    const secrets = Object.fromEntries(value === null ? others : [...others, [key, this.encode(value)]]);
    // Write a new file and rename it over the old: a crash mid-write leaves the old file whole.
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, JSON.stringify(secrets), { mode: 0o600 });
    await rename(temporary, this.file);
    return { status: value === null ? 'cleared' : 'stored', protection: this.protection() };
  }

  private encode(value: string): string {
    return this.encryptor.isEncryptionAvailable()
      ? `enc:${this.encryptor.encryptString(value).toString('base64')}`
      : `plain:${value}`;
  }

  private async load(): Promise<SecretFile> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    } catch {
      return {};
    }
  }
}
