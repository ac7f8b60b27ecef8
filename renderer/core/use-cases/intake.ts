/**
 * Pengaduan Baru: saving a complaint validated by the intake screen. The core takes this device's
 * next complaint and event sequence numbers (never reused), names the officer at the desk as the
 * receiver, writes the complaint, its reporter and its "received" event at once, and remembers
 * the channel as this officer's default.
 */
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
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

export function createIntake(deps: CoreDeps) {
  const { store, deviceStore, records } = deps;
  return {
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
      return complaint._id;
    },
  };
}
