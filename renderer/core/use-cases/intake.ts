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
 */
import { intakeInputSchema, type IntakeInput } from '../../../shared/complaint/complaint-schema';
import { CHANNELS, type Channel } from '../../../shared/complaint/vocabulary';
import { formatTrackingNumber } from '../../../shared/ids/tracking-number';
import type { ComplaintRepository } from '../data/complaint-repository';
import { foregroundSaves } from '../data/foreground-saves';
import { officerRef, type CoreDeps } from './core-deps';
import { stepTimer } from './step-timing';
import { UnitKeyLockedError } from '../keys/unit-keyring';

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
export type StoredIntakeDraft = Readonly<{
  fields: IntakeDraftFields;
  /** The files that were picked: their bytes are not kept, they must be picked again. */
  fileNames: readonly string[];
  keptAt: string;
}>;

const draftFieldsSchema = intakeInputSchema.omit({ attachments: true });

export function createIntake(deps: CoreDeps) {
  const { store, deviceStore, records } = deps;
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
        const row = await deviceStore.intakeDraft(officer.id);
        if (row?.savingAs !== undefined && (await isStored(row.savingAs))) {
          const channel = CHANNELS.find((candidate) => candidate === row.fields.channel);
          await deviceStore.finishIntake(officer.id, channel);
          return undefined;
        }
        const fields = draftFieldsSchema.safeParse(row?.fields);
        if (!row || !fields.success) return undefined;
        return { fields: fields.data, fileNames: [...row.fileNames], keptAt: row.keptAt };
      });
    },

    /**
     * Keeps what `officerId` has typed, replacing their earlier draft. The officer is named by the
     * caller: a form flushed while its officer leaves the desk belongs to the one who typed it.
     */
    keepDraft(officerId: string, fields: IntakeDraftFields, fileNames: readonly string[]): Promise<void> {
      return inOrder(() =>
        deviceStore.keepIntakeDraft({
          officerId,
          fields: { ...fields },
          fileNames: [...fileNames],
          keptAt: deps.now().toISOString(),
        }),
      );
    },

    /** Deletes the draft of `officerId` (identity included). */
    discardDraft(officerId: string): Promise<void> {
      return inOrder(() => deviceStore.discardIntakeDraft(officerId));
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
