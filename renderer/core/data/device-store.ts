/**
 * Reads and writes of device-local data. Sequences are allocated inside a read-write Dexie
 * transaction, so a number, once handed out, is never handed out again on this device.
 */
import type { Role } from '../../../shared/workflow/roles';
import type { DeviceConfig, DeviceDatabase, Officer } from './device-database';

export type Language = 'id' | 'en';

const DEVICE_KEY = 'device';
const LANGUAGE_KEY = 'language';
const CURRENT_OFFICER_KEY = 'currentOfficerId';
const SYNC_KEY = 'sync';

/** Where this device syncs (the password is kept apart, through the platform's secret store). */
export type SyncSettings = Readonly<{ serverUrl: string; enabled: boolean }>;
const lastChannelKey = (officerId: string): string => `lastChannel:${officerId}`;

export const COMPLAINT_SEQUENCE = 'complaint';
export const EVENT_SEQUENCE = 'event';

export class DeviceStore {
  constructor(private readonly db: DeviceDatabase) {}

  async deviceConfig(): Promise<DeviceConfig | undefined> {
    const row = await this.db.settings.get(DEVICE_KEY);
    return row?.value as DeviceConfig | undefined;
  }

  /** First-run setup of this device: its unit, its code and its first officer, in one transaction. */
  async completeSetup(
    config: Omit<DeviceConfig, 'createdAt'>,
    first: Readonly<{ name: string; role: Role }>,
    now: Date,
  ): Promise<Officer> {
    const officer: Officer = {
      id: newOfficerId(),
      name: first.name,
      role: first.role,
      createdAt: now.toISOString(),
    };
    await this.db.transaction('rw', this.db.settings, this.db.officers, async () => {
      await this.db.settings.put({ key: DEVICE_KEY, value: { ...config, createdAt: now.toISOString() } });
      await this.db.officers.put(officer);
      await this.db.settings.put({ key: CURRENT_OFFICER_KEY, value: officer.id });
    });
    return officer;
  }

  officers(): Promise<Officer[]> {
    return this.db.officers.orderBy('name').toArray();
  }

  async addOfficer(name: string, role: Role, now: Date): Promise<Officer> {
    const officer: Officer = { id: newOfficerId(), name, role, createdAt: now.toISOString() };
    await this.db.officers.put(officer);
    return officer;
  }

  async setOfficerRole(officerId: string, role: Role): Promise<void> {
    await this.db.officers.update(officerId, { role });
  }

  async currentOfficer(): Promise<Officer | undefined> {
    const row = await this.db.settings.get(CURRENT_OFFICER_KEY);
    return typeof row?.value === 'string' ? this.db.officers.get(row.value) : undefined;
  }

  async setCurrentOfficer(officerId: string): Promise<void> {
    await this.db.settings.put({ key: CURRENT_OFFICER_KEY, value: officerId });
  }

  async syncSettings(): Promise<SyncSettings | undefined> {
    const value = (await this.db.settings.get(SYNC_KEY))?.value as Partial<SyncSettings> | undefined;
    return typeof value?.serverUrl === 'string' && typeof value.enabled === 'boolean'
      ? { serverUrl: value.serverUrl, enabled: value.enabled }
      : undefined;
  }

  async setSyncSettings(settings: SyncSettings): Promise<void> {
    await this.db.settings.put({ key: SYNC_KEY, value: { ...settings } });
  }

  async language(): Promise<Language | undefined> {
    const row = await this.db.settings.get(LANGUAGE_KEY);
    return row?.value === 'id' || row?.value === 'en' ? row.value : undefined;
  }

  async setLanguage(language: Language): Promise<void> {
    await this.db.settings.put({ key: LANGUAGE_KEY, value: language });
  }

  async lastChannel(officerId: string): Promise<string | undefined> {
    const row = await this.db.settings.get(lastChannelKey(officerId));
    return typeof row?.value === 'string' ? row.value : undefined;
  }

  async setLastChannel(officerId: string, channel: string): Promise<void> {
    await this.db.settings.put({ key: lastChannelKey(officerId), value: channel });
  }

  /** Hands out the next number of a per-device sequence (1, 2, 3, …); never reuses one. */
  nextSequence(name: string): Promise<number> {
    return this.reserveSequences(name, 1);
  }

  /**
   * Reserves `count` consecutive numbers of the counter `name` in one transaction and returns the
   * first; none of them is handed out again (for many events written at once).
   */
  reserveSequences(name: string, count: number): Promise<number> {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`reserveSequences: count ${count}`);
    return this.db.transaction('rw', this.db.counters, async () => {
      const current = (await this.db.counters.get(name))?.value ?? 0;
      await this.db.counters.put({ name, value: current + count });
      return current + 1;
    });
  }
}

function newOfficerId(): string {
  return `officer-${crypto.randomUUID()}`;
}
