/** The intake form's state, and what it turns into when submitted. */
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import type { Channel, PrivacyMode } from '../../../shared/complaint/vocabulary';
import { parseDateInput } from '../../../shared/time/date-input';

export type ReporterFields = IntakeInput['reporter'];

export const EMPTY_REPORTER: ReporterFields = { name: '', nik: '', phone: '', email: '', address: '' };

/** `incidentDate` holds the text as typed (see shared/time/date-input). */
export type IntakeDraft = Readonly<Omit<IntakeInput, 'attachments'> & { files: readonly File[] }>;

export function emptyDraft(channel: Channel): IntakeDraft {
  return {
    channel,
    reportType: 'complaint',
    privacyMode: 'named',
    reporter: EMPTY_REPORTER,
    title: '',
    chronology: '',
    incidentDate: '',
    location: '',
    category: '',
    targetOffice: '',
    files: [],
  };
}

/** Switching to anonymous forgets every identity field at once: nothing of it can be saved. */
export function withPrivacyMode(draft: IntakeDraft, privacyMode: PrivacyMode): IntakeDraft {
  return privacyMode === 'anonymous'
    ? { ...draft, privacyMode, reporter: EMPTY_REPORTER }
    : { ...draft, privacyMode };
}

/** What the form submits to `validateIntake`: like `IntakeInput`, but the files' types are not yet checked. */
export type IntakeSubmission = Omit<IntakeInput, 'attachments'> & {
  attachments: { name: string; mimeType: string; size: number }[];
};

export function toIntakeInput(draft: IntakeDraft): IntakeSubmission {
  const { files, ...rest } = draft;
  return {
    ...rest,
    // The field holds what the officer typed (20/11/2026); unreadable text stays as it is, so
    // validation names it invalid instead of it vanishing.
    incidentDate: parseDateInput(draft.incidentDate) ?? draft.incidentDate.trim(),
    attachments: files.map((file) => ({
      name: file.name,
      mimeType: file.type || 'application/octet-stream',
      size: file.size,
    })),
  };
}
