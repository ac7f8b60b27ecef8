/**
 * The browser host's secret store: plain IndexedDB, readable by anyone with access to this
 * browser profile. It reports `browser-storage` so the sync settings can warn that the desktop
 * app (which uses the OS keychain) keeps the unit's password more safely.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ReadSecretResult, StoreSecretResult } from '../../shared/platform/platform-contract';

type SecretRow = { key: string; value: string };

class SecretDatabase extends Dexie {
  secrets!: EntityTable<SecretRow, 'key'>;
  constructor() {
    super('meja-aduan-secrets');
    this.version(1).stores({ secrets: 'key' });
  }
}

let db: SecretDatabase | undefined;
const database = (): SecretDatabase => (db ??= new SecretDatabase());

export async function readBrowserSecret(key: string): Promise<ReadSecretResult> {
  const row = await database().secrets.get(key);
  return { value: row?.value ?? null, protection: 'browser-storage' };
}

export async function storeBrowserSecret(key: string, value: string | null): Promise<StoreSecretResult> {
  if (value === null) await database().secrets.delete(key);
  else await database().secrets.put({ key, value });
  return { status: value === null ? 'cleared' : 'stored', protection: 'browser-storage' };
}
