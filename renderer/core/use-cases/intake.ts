/**
 * Pengaduan Baru: saving a complaint validated by the intake screen. The core takes this device's
 * next complaint and event sequence numbers (never reused) and marks the officer's draft as being
 * saved under that tracking number, in one device transaction; names the officer at the desk as
 * the receiver; writes the complaint, its reporter and its "received" event at once, and resolves:
 * the complaint is durable. Then, not waited for, the channel is remembered as this officer's
 * default and the draft is deleted. A draft left behind by a crash in between still carries the
 * mark: when read it is deleted (its complaint exists) and its channel remembered, never offered
 * again.
 * While the save runs, the indexes' followers and the duplicate look-up give way to it
 * (../data/foreground-saves).
 *
 * A draft is stored sealed (docs/decisions/023-identity-search-at-rest.md): the whole form and the
 * picked files' names, AES-GCM under the unit key's `drafts` key, bound to its officer and the key
 * version (shared/crypto/draft-seal). One that does not open (a key version this device does not
 * hold, or changed) is set aside, kept as it is and said so, never offered garbled. Without any
 * unlocked unit key (a device waiting for the key's transfer) nothing typed is written to disk: the
 * draft is kept in memory for the app's run.
 */
import { intakeInputSchema, type IntakeInput } from '../../../shared/complaint/complaint-schema';
import { CHANNELS, type Channel } from '../../../shared/complaint/vocabulary';
import { formatTrackingNumber } from '../../../shared/ids/tracking-number';
import type { ComplaintRepository } from '../data/complaint-repository';
import { foregroundSaves } from '../data/foreground-saves';
import { officerRef, type CoreDeps } from './core-deps';
import { stepTimer } from './step-timing';
import { isUnitKeyLocked, UnitKeyLockedError, type PurposeKey } from '../keys/unit-keyring';
import { openDraft, sealDraft } from '../../../shared/crypto/draft-seal';
import type { IntakeDraftRow } from '../data/device-database';

export type IntakeSave = Readonly<{
  /** A value `validateIntake` accepted. */
  input: IntakeInput;
  /** The attachments' checked bytes, in the order of `input.attachments`. */
  files: readonly Blob[];
  receivedAt: Date;
  /** The local date of `receivedAt` the tracking number carries. */
  localDate: string;
}>;

/** The intake form's fields as typed (the date as text), without the files. */
export type IntakeDraftFields = Readonly<Omit<IntakeInput, 'attachments'>>;

/** An officer's unsaved intake form, kept on this device only (IntakeDraftRow in ../data/device-database). */
export type KeptIntakeDraft = Readonly<{
  fields: IntakeDraftFields;
  /** The files that were picked: their bytes are not kept, they must be picked again. */
  fileNames: readonly string[];
  keptAt: string;
}>;

/**
 * A kept draft that did not open, now set aside (kept on the device as it was, not offered again):
 * `no-key`, sealed under a unit key version this device does not hold; `unreadable`, changed or
 * not this officer's.
 */
export type SetAsideIntakeDraft = Readonly<{ setAside: 'no-key' | 'unreadable'; keptAt: string }>;

/** What `intake.draft()` finds: the officer's draft, or the notice that theirs was set aside. */
export type StoredIntakeDraft = KeptIntakeDraft | SetAsideIntakeDraft;

/** A draft row's fields and file names, opened. */
type OpenedRow =
  | Readonly<{ ok: true; fields: unknown; fileNames: readonly string[] }>
  | Readonly<{ ok: false; reason: SetAsideIntakeDraft['setAside'] }>;

const draftFieldsSchema = intakeInputSchema.omit({ attachments: true });

export function createIntake(deps: CoreDeps) {
  const { store, deviceStore, records } = deps;
  const { keyring } = deps.unitKeys;
  /** Drafts kept while no unit key is unlocked: in memory only, for this run (never on disk in clear). */
  const unsealedDrafts = new Map<string, KeptIntakeDraft>();
  /** The `drafts` key of `version` (the current one by default), undefined while not unlocked. */
  const draftKey = async (version?: number): Promise<PurposeKey | undefined> => {
    try {
      return await keyring.purposeKey('drafts', version);
    } catch (error) {
      if (isUnitKeyLocked(error)) return undefined;
      throw error;
    }
  };
  const openRow = async (row: IntakeDraftRow): Promise<OpenedRow> => {
    // Written before drafts were sealed: clear (sealed at the next unlock: `sealClearDrafts`).
    if (!row.sealed) return { ok: true, fields: row.fields, fileNames: row.fileNames };
    const key = await draftKey(row.sealed.keyVersion);
    if (!key) return { ok: false, reason: 'no-key' };
    const opened = await openDraft(key, row.officerId, row.sealed);
    if (!opened.ok) return { ok: false, reason: 'unreadable' };
    const value = (opened.value ?? {}) as { fields?: unknown; fileNames?: unknown };
    const fileNames = Array.isArray(value.fileNames)
      ? value.fileNames.filter((name): name is string => typeof name === 'string')
      : [];
    return { ok: true, fields: value.fields, fileNames };
  };
  /** Whether the complaint numbered `trackingNumber` is stored (false while the records are not open). */
  const isStored = async (trackingNumber: string): Promise<boolean> => {
    let repository: ComplaintRepository;
    try {
      repository = records.current();
    } catch {
      return false;
    }
    return (await repository.findByTrackingNumber(trackingNumber)) !== undefined;
  };
  /** The last save's remembering of its channel (settled: its failure is logged). */
  let channelWrites: Promise<unknown> = Promise.resolve();
  // Draft writes and deletions run one after another, so a late keep never outlives a save or a discard.
  let draftQueue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = draftQueue.then(operation, operation);
    draftQueue = next.catch(() => undefined);
    return next;
  };
  /**
   * Seals, once a unit key is unlocked, every draft still in clear on this device (kept before
   * drafts were sealed), whoever's it is: not only at its officer's next keep, which may never come.
   */
  const sealClearDrafts = (): Promise<number> =>
    inOrder(async () => {
      const key = await draftKey();
      if (!key) return 0;
      const clear = (await deps.deviceDatabase.intakeDrafts.toArray()).filter((row) => !row.sealed);
      for (const row of clear) {
        const sealed = await sealDraft(key, row.officerId, { fields: row.fields, fileNames: row.fileNames });
        await deviceStore.keepIntakeDraft({ ...row, fields: {}, fileNames: [], sealed });
      }
      return clear.length;
    });
  keyring.onUnlock(() => {
    sealClearDrafts().catch((error: unknown) =>
      console.warn('Intake drafts could not be sealed yet:', error),
    );
  });
  return {
    /**
     * The unsaved form of the officer at the desk, if one is kept on this device. A draft whose
     * save stored its complaint before the app stopped is not unsaved: what the save left undone
     * (deleting it, remembering its channel) is done now, and there is none.
     */
    draft(): Promise<StoredIntakeDraft | undefined> {
      return inOrder(async () => {
        const { officer } = store.getState();
        if (!officer) return undefined;
        const unsealed = unsealedDrafts.get(officer.id);
        if (unsealed) return unsealed;
        const row = await deviceStore.intakeDraft(officer.id);
        if (!row) return undefined;
        const opened = await openRow(row);
        if (row.savingAs !== undefined && (await isStored(row.savingAs))) {
          const typed = opened.ok ? (opened.fields as { channel?: unknown } | undefined)?.channel : undefined;
          const channel = CHANNELS.find((candidate) => candidate === typed);
          await deviceStore.finishIntake(officer.id, channel);
          return undefined;
        }
        if (!opened.ok) {
          // Not offered garbled, not overwritten by the next keep: kept aside, and said so.
          await deviceStore.setIntakeDraftAside(row);
          return { setAside: opened.reason, keptAt: row.keptAt };
        }
        const fields = draftFieldsSchema.safeParse(opened.fields);
        if (!fields.success) return undefined;
        return { fields: fields.data, fileNames: [...opened.fileNames], keptAt: row.keptAt };
      });
    },

    /**
     * Keeps what `officerId` has typed, replacing their earlier draft. The officer is named by the
     * caller: a form flushed while its officer leaves the desk belongs to the one who typed it.
     */
    keepDraft(officerId: string, fields: IntakeDraftFields, fileNames: readonly string[]): Promise<void> {
      return inOrder(async () => {
        const keptAt = deps.now().toISOString();
        const key = await draftKey();
        if (!key) {
          unsealedDrafts.set(officerId, { fields: { ...fields }, fileNames: [...fileNames], keptAt });
          return;
        }
        unsealedDrafts.delete(officerId);
        const sealed = await sealDraft(key, officerId, { fields, fileNames });
        await deviceStore.keepIntakeDraft({ officerId, fields: {}, fileNames: [], sealed, keptAt });
      });
    },

    /** Deletes the draft of `officerId` (identity included). */
    discardDraft(officerId: string): Promise<void> {
      return inOrder(async () => {
        unsealedDrafts.delete(officerId);
        await deviceStore.discardIntakeDraft(officerId);
      });
    },

    /** The channel this officer used last (the form's default), if any; the last save's included. */
    lastChannel(): Promise<Channel | undefined> {
      return inOrder(async () => {
        await channelWrites;
        const { officer } = store.getState();
        if (!officer) return undefined;
        const channel = await deviceStore.lastChannel(officer.id);
        return CHANNELS.find((candidate) => candidate === channel);
      });
    },

    /**
     * Stores the complaint; resolves with its id once its numbers and every document are written.
     * The draft's deletion and the channel's remembering follow (in order before any later draft
     * command), not waited for.
     */
    async save(save: IntakeSave): Promise<string> {
      const { device } = store.getState();
      const officer = officerRef(deps);
      if (!device || !officer) throw new Error('The device is not set up.');
      const repository = records.current();
      // Identity is stored only sealed (docs/decisions/017-unit-key.md): without the unit key nothing
      // is taken or written, and the draft stays as typed.
      if (save.input.privacyMode !== 'anonymous' && !repository.vault.isUnlocked()) {
        throw new UnitKeyLockedError();
      }
      const timer = stepTimer('intake.save');
      const trackingNumber = (sequence: number): string =>
        formatTrackingNumber({
          unitCode: device.unitCode,
          localDate: save.localDate,
          deviceCode: device.deviceCode,
          sequence,
        });
      const complaint = await foregroundSaves(repository.db).run(async () => {
        const { sequence, eventSequence } = await inOrder(() =>
          deviceStore.beginIntake(officer.officerId, trackingNumber),
        );
        timer.step('numbers');
        return repository.saveIntake(save.input, save.files, {
          unitCode: device.unitCode,
          deviceCode: device.deviceCode,
          sequence,
          eventSequence,
          officer,
          receivedAt: save.receivedAt,
          localDate: save.localDate,
        });
      });
      timer.done('documents');
      // Saved. The channel becomes the officer's default, then the draft, with any identity it
      // held, is deleted (unless a new form replaced it meanwhile). Apart, and the channel outside
      // the draft queue: its table is the one the indexes' checkpoints are written to, and the
      // next save's numbers must not wait for those. A crash before either leaves the draft marked
      // for `draft()`, which does both.
      const after = stepTimer('intake.saved');
      unsealedDrafts.delete(officer.officerId);
      const channelKept = deviceStore.setLastChannel(officer.officerId, save.input.channel).then(
        () => after.step('channel'),
        (error: unknown) => console.error('intake: the channel was not remembered:', error),
      );
      channelWrites = channelKept;
      void channelKept
        .then(() => inOrder(() => deviceStore.discardSavedDraft(officer.officerId, complaint.trackingNumber)))
        .then(
          () => after.done('draft'),
          (error: unknown) => console.error('intake: the draft was not deleted after the save:', error),
        );
      return complaint._id;
    },
  };
}
