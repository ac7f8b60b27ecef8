/**
 * This device's copies of the unit key (docs/decisions/017-unit-key.md): per officer and key
 * version, the key wrapped under the officer's PIN or passphrase (shared/crypto/secret-wrap, its own
 * random salt, not the sign-in verifier's), sealed once more by the host (platform `sealKeyWrap`:
 * the OS keychain in Electron; as it is in the browser host) and kept in the device's Dexie table
 * `unitKeyWraps`. Never synced.
 */
import { secretWrapSchema, type SecretWrap } from '../../../shared/crypto/secret-wrap';
import type { PlatformApi } from '../../../shared/platform/platform-contract';
import type { DeviceDatabase, UnitKeyWrapRow } from '../data/device-database';

export type StoredWrap = Readonly<{ wrap: SecretWrap; protection: UnitKeyWrapRow['protection'] }>;

const rowId = (officerId: string, version: number): string => `${officerId}/${String(version)}`;

export class DeviceKeyWraps {
  constructor(
    private readonly db: DeviceDatabase,
    private readonly platform: Pick<PlatformApi, 'sealKeyWrap' | 'openKeyWrap'>,
  ) {}

  /** Stores (or replaces) `officerId`'s copy of the key version `wrap` holds. */
  async store(officerId: string, wrap: SecretWrap, now: Date): Promise<UnitKeyWrapRow['protection']> {
    const { sealed, protection } = await this.platform.sealKeyWrap({ text: JSON.stringify(wrap) });
    await this.db.unitKeyWraps.put({
      id: rowId(officerId, wrap.keyVersion),
      officerId,
      keyVersion: wrap.keyVersion,
      sealed,
      protection,
      storedAt: now.toISOString(),
    });
    return protection;
  }

  /** Replaces every copy of `officerId` with `wraps` (a new PIN: the old copies must not open any more). */
  async replace(officerId: string, wraps: readonly SecretWrap[], now: Date): Promise<void> {
    const sealed = await Promise.all(
      wraps.map(async (wrap) => ({
        wrap,
        ...(await this.platform.sealKeyWrap({ text: JSON.stringify(wrap) })),
      })),
    );
    await this.db.transaction('rw', this.db.unitKeyWraps, async () => {
      await this.db.unitKeyWraps.where('officerId').equals(officerId).delete();
      await this.db.unitKeyWraps.bulkPut(
        sealed.map(({ wrap, sealed: text, protection }) => ({
          id: rowId(officerId, wrap.keyVersion),
          officerId,
          keyVersion: wrap.keyVersion,
          sealed: text,
          protection,
          storedAt: now.toISOString(),
        })),
      );
    });
  }

  /**
   * `officerId`'s copies on this device, oldest version first. A copy the host cannot open (sealed
   * under another OS user or keychain) or that is not a wrap is left out, never an error.
   */
  async of(officerId: string): Promise<StoredWrap[]> {
    const rows = await this.db.unitKeyWraps.where('officerId').equals(officerId).toArray();
    const wraps: StoredWrap[] = [];
    for (const row of rows.sort((a, b) => a.keyVersion - b.keyVersion)) {
      const { text } = await this.platform.openKeyWrap({ sealed: row.sealed });
      if (text === null) continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        continue;
      }
      const parsed = secretWrapSchema.safeParse(json);
      if (parsed.success && parsed.data.keyVersion === row.keyVersion) {
        wraps.push({ wrap: parsed.data, protection: row.protection });
      }
    }
    return wraps;
  }

  /** The key versions `officerId` has a copy of on this device. */
  async versionsOf(officerId: string): Promise<number[]> {
    const rows = await this.db.unitKeyWraps.where('officerId').equals(officerId).toArray();
    return rows.map((row) => row.keyVersion).sort((a, b) => a - b);
  }

  /** Whether any officer has a copy on this device. */
  async any(): Promise<boolean> {
    return (await this.db.unitKeyWraps.count()) > 0;
  }
}
