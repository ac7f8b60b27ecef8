/**
 * The records of the whole-app benchmark (./app.ts): sample complaints (./sample-records: intakes
 * by `buildIntakeDocuments`, later actions by `decideAction`, about six events each, one in five
 * anonymous, one in five confidential) with every complaint's own Indonesian texts and identity
 * from the seeded corpus (./search-corpus: title, chronology, place, office, name, phone, NIK).
 * Deterministic and pure (no Node, no DOM): the Chromium page bundles it.
 */
import type { IntakeInput } from '../shared/complaint/intake';
import { withFirstRevision } from '../shared/couch/revision-writes';
import type { IntakeDocumentsContext } from '../shared/complaint/intake-documents';
import { localDateOf } from '../shared/time/local-date';
import {
  sampleComplaint,
  sampleIntakeContext,
  sampleIntakeInput,
  TIME_ZONE,
  type SampleComplaint,
} from './sample-records';
import { corpusText } from './search-corpus';

/** The bench device's manager's passphrase, where setup and sign-in ask for one. */
export const BENCH_PASSPHRASE = 'meja aduan bench passphrase';

/** The first complaint's receipt; complaint `index` arrives `index` × SPACING_MS later. */
const FIRST_RECEIVED_AT = Date.parse('2026-01-05T01:30:00.000Z');
/** Three minutes: 100,000 complaints arrive by August 2026 (the machine's today is later). */
const SPACING_MS = 3 * 60_000;

/** The intake context of complaint `index`: ./sample-records' (device, sequences), received sooner. */
export function appIntakeContext(index: number): IntakeDocumentsContext {
  const receivedAt = new Date(FIRST_RECEIVED_AT + index * SPACING_MS);
  return { ...sampleIntakeContext(index), receivedAt, localDate: localDateOf(receivedAt, TIME_ZONE) };
}

/** The intake form's input of complaint `index`, with its own texts and identity. */
export function appIntakeInput(index: number): IntakeInput {
  const base = sampleIntakeInput(index);
  const text = corpusText(index);
  return {
    ...base,
    title: text.title,
    chronology: text.chronology,
    location: text.location,
    targetOffice: text.office,
    reporter:
      base.privacyMode === 'anonymous'
        ? base.reporter
        : {
            ...base.reporter,
            name: text.name,
            phone: text.phone,
            nik: text.nik,
            email: '',
            address: text.location,
          },
  };
}

/** Complaint `index` with its reporter (unless anonymous) and events. */
export function appComplaint(index: number): SampleComplaint {
  return sampleComplaint(index, appIntakeInput(index), appIntakeContext(index));
}

/**
 * The documents of a complaint as the unit database holds them, for one `bulkDocs` with
 * `new_edits: false`: complaints and events carry their content-addressed revision, the reporter
 * (mutable) gets a first one.
 */
export function documentsOf(sample: SampleComplaint): PouchDB.Core.PutDocument<object>[] {
  const { complaint, reporter, events } = sample;
  return [
    complaint,
    ...(reporter ? [withFirstRevision(reporter)] : []),
    ...events,
  ] as PouchDB.Core.PutDocument<object>[];
}
