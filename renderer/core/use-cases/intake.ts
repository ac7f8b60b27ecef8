/**
 * Pengaduan Baru: saving a complaint validated by the intake screen. The core takes this device's
 * next complaint and event sequence numbers (never reused), names the officer at the desk as the
 * receiver, writes the complaint, its reporter and its "received" event at once, and remembers
 * the channel as this officer's default.
 */
import { intakeInputSchema, type IntakeInput } from '../../../shared/complaint/complaint-schema';
import { CHANNELS, type Channel } from '../../../shared/complaint/vocabulary';
import { COMPLAINT_SEQUENCE, EVENT_SEQUENCE } from '../data/device-store';
import { officerRef, type CoreDeps } from './core-deps';

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
  // Draft writes and deletions run one after another, so a late keep never outlives a save or a discard.
  let draftQueue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = draftQueue.then(operation, operation);
    draftQueue = next.catch(() => undefined);
    return next;
  };
  return {
    /** The unsaved form of the officer at the desk, if one is kept on this device. */
    draft(): Promise<StoredIntakeDraft | undefined> {
      return inOrder(async () => {
        const { officer } = store.getState();
        if (!officer) return undefined;
        const row = await deviceStore.intakeDraft(officer.id);
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

    /** The channel this officer used last (the form's default), if any. */
    async lastChannel(): Promise<Channel | undefined> {
      const { officer } = store.getState();
      if (!officer) return undefined;
      const channel = await deviceStore.lastChannel(officer.id);
      return CHANNELS.find((candidate) => candidate === channel);
    },

    /** Stores the complaint; resolves with its id once every document is written. */
    async save(save: IntakeSave): Promise<string> {
      const { device } = store.getState();
      const officer = officerRef(deps);
      if (!device || !officer) throw new Error('The device is not set up.');
      const sequence = await deviceStore.nextSequence(COMPLAINT_SEQUENCE);
      const eventSequence = await deviceStore.nextSequence(EVENT_SEQUENCE);
      const complaint = await records.current().saveIntake(save.input, save.files, {
        unitCode: device.unitCode,
        deviceCode: device.deviceCode,
        sequence,
        eventSequence,
        officer,
        receivedAt: save.receivedAt,
        localDate: save.localDate,
      });
      await deviceStore.setLastChannel(officer.officerId, save.input.channel);
      // Saved: the draft, with any identity it held, is gone from the device.
      await inOrder(() => deviceStore.discardIntakeDraft(officer.officerId));
      return complaint._id;
    },
  };
}
