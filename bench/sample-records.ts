/**
 * Records for the benchmark, made by the app's own code as in the integration tests: intakes by
 * `buildIntakeDocuments`, later actions by `decideAction` against the reduced state, so every
 * document is one the app (and the central's validator) accepts. Deterministic: complaint `i`
 * is always the same documents. Pure (no Node, no DOM): the Chromium page bundles it too.
 *
 * Complaints follow a few lifecycles (see LIFECYCLES), about six events each on average; one in
 * five is anonymous (no reporter document), one in five confidential.
 */
import type { ComplaintDoc, ReporterDoc } from '../shared/complaint/complaint-schema';
import type { IntakeInput } from '../shared/complaint/intake';
import { buildIntakeDocuments, type IntakeDocumentsContext } from '../shared/complaint/intake-documents';
import { CHANNELS, type PrivacyMode } from '../shared/complaint/vocabulary';
import { localDateOf } from '../shared/time/local-date';
import { reduceComplaint } from '../shared/workflow/complaint-state';
import { decideAction, type Actor } from '../shared/workflow/decide-action';
import type { EventDoc } from '../shared/workflow/events';
import type { WorkflowAction } from '../shared/workflow/workflow-actions';

export const BENCH_UNIT = 'KBM';
export const BENCH_UNIT_PASSWORD = 'kbm-bench-password-1';
export const TIME_ZONE = 'Asia/Jakarta';
/** The intake device of the sample records, and the device of their later actions. */
const INTAKE_DEVICE = 'X7Q';
const DESK_DEVICE = 'A23';
/** The first complaint's receipt; complaint `i` arrives `i` × INTAKE_SPACING_MS later. */
const FIRST_RECEIVED_AT = Date.parse('2026-01-05T01:30:00.000Z');
const INTAKE_SPACING_MS = 7 * 60_000;
const HOUR_MS = 3_600_000;

const SUPERVISOR: Actor = {
  officer: { officerId: 'supervisor-1', name: 'Budi' },
  role: 'supervisor',
  deviceCode: DESK_DEVICE,
  unitCode: BENCH_UNIT,
};

type Step = Readonly<{ action: WorkflowAction; input: unknown; afterHours: number }>;

const VERIFY: Step = {
  action: 'verify',
  input: { dispositionOffice: 'Dinas Kesehatan', note: 'Lengkap' },
  afterHours: 20,
};
const FOLLOW_UP: Step = {
  action: 'follow-up',
  input: { summary: 'Petugas sudah meninjau.' },
  afterHours: 70,
};
const RESPOND: Step = {
  action: 'respond',
  input: { channel: 'phone', summary: 'Antrean kini dibagi per layanan.' },
  afterHours: 30,
};
const CLOSE: Step = { action: 'close', input: { outcome: 'Selesai ditangani.' }, afterHours: 200 };
const RATE: Step = {
  action: 'record-satisfaction',
  input: { score: 4, comment: '', collectedVia: 'phone' },
  afterHours: 24,
};

/** Lifecycles by weight (out of 10): events per complaint including "received" in brackets. */
const LIFECYCLES: readonly (readonly Step[])[] = [
  // 5 × resolved with a correction and a rating [7]
  ...Array.from({ length: 5 }, () => [
    VERIFY,
    {
      action: 'correct',
      input: { field: 'title', newValue: 'Antrean panjang', reason: 'Diringkas' },
      afterHours: 2,
    },
    FOLLOW_UP,
    RESPOND,
    RATE,
    CLOSE,
  ]),
  // 2 × resolved after a note and the reporter's reply [8]
  ...Array.from({ length: 2 }, () => [
    VERIFY,
    { action: 'note', input: { text: 'Pelapor menelepon lagi.' }, afterHours: 5 },
    FOLLOW_UP,
    RESPOND,
    {
      action: 'record-reply',
      input: { summary: 'Pelapor berterima kasih.', needsFurtherAction: false },
      afterHours: 48,
    },
    RATE,
    CLOSE,
  ]),
  // 1 × still new [1]
  [],
  // 1 × held, then verified and followed up [4]
  [
    { action: 'hold', input: { reason: 'Menunggu dokumen', until: '2099-12-31' }, afterHours: 3 },
    VERIFY,
    FOLLOW_UP,
  ],
  // 1 × archived [2]
  [{ action: 'archive', input: { reason: 'too-general' }, afterHours: 26 }],
] as readonly (readonly Step[])[];

export type SampleComplaint = Readonly<{
  complaint: ComplaintDoc;
  reporter: ReporterDoc | null;
  events: readonly EventDoc[];
}>;

export function privacyModeOf(index: number): PrivacyMode {
  const slot = index % 5;
  return slot === 0 ? 'anonymous' : slot === 1 ? 'confidential' : 'named';
}

/** The intake form's input for complaint `index`. */
export function sampleIntakeInput(index: number): IntakeInput {
  const privacyMode = privacyModeOf(index);
  return {
    channel: CHANNELS[index % CHANNELS.length] ?? 'walk-in',
    reportType: index % 7 === 0 ? 'aspiration' : 'complaint',
    privacyMode,
    reporter:
      privacyMode === 'anonymous'
        ? { name: '', nik: '', phone: '', email: '', address: '' }
        : {
            name: 'Siti Aminah',
            nik: '',
            phone: '081234567890',
            email: 'siti@example.org',
            address: 'Jl. Pemuda 12, Kebumen',
          },
    title: `Antrean puskesmas ${index}`,
    chronology:
      'Antrean di puskesmas lebih dari empat jam; loket pendaftaran hanya satu dan nomor antrean tidak dibagikan ' +
      'sejak pagi. Pelapor datang pukul 07.00 dan baru dilayani pukul 11.30.',
    incidentDate: '2026-01-02',
    location: 'Puskesmas Kebumen I',
    category: index % 3 === 0 ? 'education' : 'health',
    targetOffice: 'Dinas Kesehatan',
    attachments: [],
  };
}

/**
 * The intake context for complaint `index` of device `deviceCode`: sequence `index + 1`, received
 * `index` × 7 minutes after 5 January 2026 (so ids sort like a unit's real history).
 */
export function sampleIntakeContext(index: number, deviceCode = INTAKE_DEVICE): IntakeDocumentsContext {
  const receivedAt = new Date(FIRST_RECEIVED_AT + index * INTAKE_SPACING_MS);
  return {
    unitCode: BENCH_UNIT,
    deviceCode,
    sequence: index + 1,
    eventSequence: index + 1,
    officer: { officerId: 'officer-1', name: 'Rina' },
    receivedAt,
    localDate: localDateOf(receivedAt, TIME_ZONE),
  };
}

/**
 * Complaint `index` with its reporter and events (the lifecycle `index` mod 10 says); `input` and
 * `context` replace the intake's form input and context (./app-records: every complaint its own
 * texts, received closer together).
 */
export function sampleComplaint(
  index: number,
  input: IntakeInput = sampleIntakeInput(index),
  context: IntakeDocumentsContext = sampleIntakeContext(index),
): SampleComplaint {
  const { complaint, reporter, received } = buildIntakeDocuments(input, context);
  const events: EventDoc[] = [received];
  let state = reduceComplaint(complaint, events);
  let at = Date.parse(complaint.receivedAt);
  const steps = LIFECYCLES[index % LIFECYCLES.length] ?? [];
  steps.forEach((step, stepIndex) => {
    at += step.afterHours * HOUR_MS;
    const when = new Date(at);
    const decision = decideAction(state, step.action, step.input, SUPERVISOR, {
      at: when,
      // Unique per event of device A23: ten slots per complaint.
      eventSequence: index * 10 + stepIndex + 1,
      localDate: localDateOf(when, TIME_ZONE),
    });
    if (!decision.ok) {
      throw new Error(
        `sample complaint ${index}: ${step.action} refused in ${state.status}: ${JSON.stringify(decision.issues)}`,
      );
    }
    events.push(decision.event);
    state = reduceComplaint(complaint, events);
  });
  return { complaint, reporter, events };
}

/** The documents of a sample complaint, as the unit database holds them. */
export function documentsOfComplaint(sample: SampleComplaint): object[] {
  return [sample.complaint, ...(sample.reporter ? [sample.reporter] : []), ...sample.events];
}

/** Whole sample complaints, from the first, until they hold at least `count` documents. */
export function sampleDocuments(count: number): object[] {
  const docs: object[] = [];
  for (let index = 0; docs.length < count; index += 1)
    docs.push(...documentsOfComplaint(sampleComplaint(index)));
  return docs;
}
