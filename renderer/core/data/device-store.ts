/**
 * Reads and writes of device-local data. Sequences are allocated inside a read-write Dexie
 * transaction, so a number, once handed out, is never handed out again on this device.
 */
import {
  addOfficerProblem,
  isActiveOfficer,
  setActiveProblem,
  setRoleProblem,
  type AddOfficerProblem,
  type RosterChangeProblem,
} from '../../../shared/unit/officer-roster';
import type { Role } from '../../../shared/workflow/roles';
import type { SignInLock } from '../../../shared/auth/sign-in-lock';
import type { DeviceConfig, DeviceDatabase, IntakeDraftRow, Officer } from './device-database';

export type Language = 'id' | 'en';

const DEVICE_KEY = 'device';
const LANGUAGE_KEY = 'language';
const CURRENT_OFFICER_KEY = 'currentOfficerId';
const SYNC_KEY = 'sync';

const RECEIPT_PAPER_KEY = 'receiptPaper';

/**
 * The paper this device's receipts (tanda terima) print on: an A5 sheet, or the 80 mm roll of a
 * receipt printer. A device setting: the printer belongs to the desk, so it is never synced.
 */
export type ReceiptPaper = 'a5' | 'roll80';
const isReceiptPaper = (value: unknown): value is ReceiptPaper => value === 'a5' || value === 'roll80';
/** Until the desk chooses: A5. */
export const DEFAULT_RECEIPT_PAPER: ReceiptPaper = 'a5';

/** Where this device syncs (the password is kept apart, through the platform's secret store). */
export type SyncSettings = Readonly<{ serverUrl: string; enabled: boolean }>;
const lastChannelKey = (officerId: string): string => `lastChannel:${officerId}`;
/** Failed sign-ins of an officer on this device (shared/auth/sign-in-lock): never synced. */
const signInLockKey = (officerId: string): string => `signInLock:${officerId}`;
/** Wrong codes typed to receive the unit key on this device (../use-cases/key-transfer). */
const KEY_TRANSFER_LOCK_KEY = 'keyTransferLock';

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
      active: true,
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

  /** The officers offered at the desk (the chooser, switching): the active ones, by name. */
  async activeOfficers(): Promise<Officer[]> {
    return (await this.officers()).filter(isActiveOfficer);
  }

  /** Adds an officer unless the name is empty or already an officer's (shared/unit/officer-roster). */
  addOfficer(
    name: string,
    role: Role,
    now: Date,
  ): Promise<Readonly<{ ok: true; officer: Officer }> | Readonly<{ ok: false; problem: AddOfficerProblem }>> {
    return this.db.transaction('rw', this.db.officers, async () => {
      const problem = addOfficerProblem(await this.db.officers.toArray(), name);
      if (problem) return { ok: false as const, problem };
      const officer: Officer = {
        id: newOfficerId(),
        name: name.trim().replace(/\s+/g, ' '),
        role,
        createdAt: now.toISOString(),
        active: true,
      };
      await this.db.officers.put(officer);
      return { ok: true as const, officer };
    });
  }

  /** Sets `officerId`'s role as `actorId` (the officer at the desk); null when done, else why not. */
  setOfficerRole(actorId: string, officerId: string, role: Role): Promise<RosterChangeProblem | null> {
    return this.db.transaction('rw', this.db.officers, async () => {
      const all = await this.db.officers.toArray();
      const problem = setRoleProblem(
        all,
        all.find((officer) => officer.id === actorId),
        officerId,
        role,
      );
      if (problem === null) await this.db.officers.update(officerId, { role });
      return problem;
    });
  }

  /** Deactivates or reactivates `officerId` as `actorId`; null when done, else why not. */
  setOfficerActive(actorId: string, officerId: string, active: boolean): Promise<RosterChangeProblem | null> {
    return this.db.transaction('rw', this.db.officers, async () => {
      const all = await this.db.officers.toArray();
      const problem = setActiveProblem(
        all,
        all.find((officer) => officer.id === actorId),
        officerId,
        active,
      );
      if (problem === null) await this.db.officers.update(officerId, { active });
      return problem;
    });
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

  /** The receipt paper chosen on this device; A5 until one is (or when what is stored is not a paper). */
  async receiptPaper(): Promise<ReceiptPaper> {
    const row = await this.db.settings.get(RECEIPT_PAPER_KEY);
    return isReceiptPaper(row?.value) ? row.value : DEFAULT_RECEIPT_PAPER;
  }

  async setReceiptPaper(paper: ReceiptPaper): Promise<void> {
    if (!isReceiptPaper(paper))
      throw new RangeError(`setReceiptPaper: not a receipt paper: ${String(paper)}`);
    await this.db.settings.put({ key: RECEIPT_PAPER_KEY, value: paper });
  }

  async signInLock(officerId: string): Promise<SignInLock | undefined> {
    const row = await this.db.settings.get(signInLockKey(officerId));
    return row?.value as SignInLock | undefined;
  }

  async setSignInLock(officerId: string, lock: SignInLock): Promise<void> {
    await this.db.settings.put({ key: signInLockKey(officerId), value: lock });
  }

  /** Wrong unit key transfer codes on this device (the same rule as sign-ins): never synced. */
  async keyTransferLock(): Promise<SignInLock | undefined> {
    const row = await this.db.settings.get(KEY_TRANSFER_LOCK_KEY);
    return row?.value as SignInLock | undefined;
  }

  async setKeyTransferLock(lock: SignInLock): Promise<void> {
    await this.db.settings.put({ key: KEY_TRANSFER_LOCK_KEY, value: lock });
  }

  async lastChannel(officerId: string): Promise<string | undefined> {
    const row = await this.db.settings.get(lastChannelKey(officerId));
    return typeof row?.value === 'string' ? row.value : undefined;
  }

  async setLastChannel(officerId: string, channel: string): Promise<void> {
    await this.db.settings.put({ key: lastChannelKey(officerId), value: channel });
  }

  intakeDraft(officerId: string): Promise<IntakeDraftRow | undefined> {
    return this.db.intakeDrafts.get(officerId);
  }

  async keepIntakeDraft(row: IntakeDraftRow): Promise<void> {
    await this.db.intakeDrafts.put(row);
  }

  discardIntakeDraft(officerId: string): Promise<void> {
    return this.db.intakeDrafts.delete(officerId);
  }

  /**
   * Moves a draft that does not open (another key, changed) out of its officer's place, in one
   * transaction: kept as it is under `aside:<officer id>:<keptAt>:<uuid>`, never offered or overwritten.
   */
  async setIntakeDraftAside(row: IntakeDraftRow): Promise<void> {
    await this.db.transaction('rw', this.db.intakeDrafts, async () => {
      await this.db.intakeDrafts.put({
        ...row,
        officerId: `aside:${row.officerId}:${row.keptAt}:${globalThis.crypto.randomUUID()}`,
        setAsideFrom: row.officerId,
      });
      await this.db.intakeDrafts.delete(row.officerId);
    });
  }

  /**
   * The numbers of an intake of `officerId`, in one transaction: the next complaint sequence and
   * the next event sequence (never handed out again), and the mark on the officer's draft, if one
   * is kept, that it is being saved as `trackingNumber(sequence)` (IntakeDraftRow `savingAs`).
   */
  beginIntake(
    officerId: string,
    trackingNumber: (sequence: number) => string,
  ): Promise<Readonly<{ sequence: number; eventSequence: number }>> {
    const { counters, intakeDrafts } = this.db;
    // Two rounds of requests, each sent together: the reads, then the writes.
    return this.db.transaction('rw', counters, intakeDrafts, async () => {
      const [[complaint, event], draft] = await Promise.all([
        counters.bulkGet([COMPLAINT_SEQUENCE, EVENT_SEQUENCE]),
        intakeDrafts.get(officerId),
      ]);
      const sequence = (complaint?.value ?? 0) + 1;
      const eventSequence = (event?.value ?? 0) + 1;
      await Promise.all([
        counters.bulkPut([
          { name: COMPLAINT_SEQUENCE, value: sequence },
          { name: EVENT_SEQUENCE, value: eventSequence },
        ]),
        draft ? intakeDrafts.put({ ...draft, savingAs: trackingNumber(sequence) }) : undefined,
      ]);
      return { sequence, eventSequence };
    });
  }

  /**
   * Deletes the draft of `officerId` if it is still the one saved as `trackingNumber` (a form
   * kept since, without the mark, stays).
   */
  async discardSavedDraft(officerId: string, trackingNumber: string): Promise<void> {
    await this.db.intakeDrafts
      .where('officerId')
      .equals(officerId)
      .and((row) => row.savingAs === trackingNumber)
      .delete();
  }

  /**
   * What follows a stored intake of `officerId` that a crash cut short, in one transaction: their
   * draft (with any identity it held) deleted, and `channel` (if known) remembered as their default.
   */
  async finishIntake(officerId: string, channel: string | undefined): Promise<void> {
    await this.db.transaction('rw', this.db.settings, this.db.intakeDrafts, async () => {
      await this.db.intakeDrafts.delete(officerId);
      if (channel !== undefined)
        await this.db.settings.put({ key: lastChannelKey(officerId), value: channel });
    });
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
