/**
 * Documents for the tests of the central server's rules (imported by tests only): real intake
 * documents (`buildIntakeDocuments`), real workflow events (`decideAction`, every kind; a
 * reporter correction from `decideReporterCorrection`), and the
 * unit's mutable documents, for any unit code. The reporter's name is distinctive so that a test
 * can search a whole database's JSON for it.
 */
import type { ComplaintDoc, ReporterDoc } from '../complaint/complaint-schema';
import {
  SEALED_REPORTER_SCHEMA_VERSION,
  storedReporterDocSchema,
  type StoredReporterDoc,
} from '../complaint/sealed-reporter';
import { REPORTER_FIELD_NAMES } from '../complaint/reporter-fields';
import { toBase64url } from '../crypto/base64url';
import { SEAL_ALGORITHM, type SealedIdentity } from '../crypto/reporter-seal';
import type { IntakeInput } from '../complaint/intake';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import type { PrivacyMode } from '../complaint/vocabulary';
import { UNIT_PROFILE_ID } from '../ids/document-ids';
import { emptyPacketDraft } from '../packet/packet-types';
import { retentionDeletionEvent } from '../retention/retention-event';
import { attributed } from '../unit/changed-by';
import type { UnitProfile } from '../unit/unit-profile';
import { defaultUnitOffices, defaultUnitSettings } from '../unit/unit-settings';
import type { UnitOfficesDoc, UnitSettingsDoc } from '../unit/unit-settings';
import { reduceComplaint } from '../workflow/complaint-state';
import { decideAction, type Actor } from '../workflow/decide-action';
import type { EventDoc, ReceivedEvent } from '../workflow/events';
import { decideReporterCorrection } from '../workflow/reporter-correction';
import { decideLink } from '../workflow/related-complaints';
import type { WorkflowAction } from '../workflow/workflow-actions';
import { packetDraftId, type PacketDraftDoc } from './packet-draft-document';

/** A name that appears nowhere else: searching a database's JSON for it finds leaked identity. */
export const REPORTER_NAME = 'Sulastri Wigunaningrat';
export const REPORTER_PHONE = '0812-7000-4321';
export const FILE_NAME = 'ktp-sulastri-wigunaningrat.jpg';
const OFFICER = { officerId: 'officer-1', name: 'Rina' } as const;
/** Who wrote the fixtures' mutable documents: the intake device X7Q and its officer (../unit/changed-by). */
export const CHANGED_BY = { device: 'X7Q', officer: OFFICER.officerId } as const;
const RECEIVED_AT = Date.parse('2026-11-23T03:04:05.678Z');

export type IntakeSet = Readonly<{
  complaint: ComplaintDoc;
  /** As stored: the identity sealed (a seal of the right form: the server cannot open it anyway). */
  reporter: StoredReporterDoc | null;
  /** The same document in clear, as a device holding the unit key sees it. */
  clearReporter: ReporterDoc | null;
  received: ReceivedEvent;
}>;

/**
 * A sealed identity of the stored form for `documentId` (shared/crypto/reporter-seal), without
 * cryptography: the central checks only the form, never opens it, so the server's tests need no
 * unit key. Deterministic (the same document gives the same bytes); it holds nothing of the identity.
 */
export function fixtureSeal(documentId: string, keyVersion = 1): SealedIdentity {
  let state = 0x811c9dc5;
  for (const char of documentId) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const bytes = (count: number): string => {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
      out[i] = state & 0xff;
    }
    return toBase64url(out);
  };
  return {
    algorithm: SEAL_ALGORITHM,
    keyVersion,
    wrappedKey: bytes(40),
    iv: bytes(12),
    ciphertext: bytes(80),
  };
}

/** `reporter` as stored: its five identity fields replaced by a fixture seal. */
export function storedReporter(reporter: ReporterDoc): StoredReporterDoc {
  const identityFields = new Set<string>(REPORTER_FIELD_NAMES);
  const rest = Object.fromEntries(Object.entries(reporter).filter(([name]) => !identityFields.has(name)));
  return storedReporterDocSchema.parse({
    ...rest,
    schemaVersion: SEALED_REPORTER_SCHEMA_VERSION,
    identity: fixtureSeal(reporter._id),
  });
}

/**
 * The documents of one intake on device `deviceCode`; `sequence` also shifts the time by minutes.
 * `receivedAt` and `localDate` (its unit-local date) put the intake on another day than the
 * fixtures' 23 November 2026.
 */
export function intakeDocuments(
  unitCode: string,
  sequence: number,
  privacyMode: PrivacyMode = 'named',
  options: Readonly<{ deviceCode?: string; withFile?: boolean; receivedAt?: Date; localDate?: string }> = {},
): IntakeSet {
  const anonymous = privacyMode === 'anonymous';
  const input: IntakeInput = {
    channel: 'walk-in',
    reportType: 'complaint',
    privacyMode,
    reporter: anonymous
      ? { name: '', nik: '', phone: '', email: '', address: '' }
      : { name: REPORTER_NAME, nik: '', phone: REPORTER_PHONE, email: '', address: 'Jl. Melati 7' },
    title: `Antrean puskesmas ${sequence}`,
    chronology: 'Antrean di puskesmas lebih dari empat jam.',
    incidentDate: '2026-11-22',
    location: 'Puskesmas Kota',
    category: 'health',
    targetOffice: '',
    attachments: options.withFile ? [{ name: FILE_NAME, mimeType: 'image/jpeg', size: 4 }] : [],
  };
  const built = buildIntakeDocuments(input, {
    unitCode,
    deviceCode: options.deviceCode ?? 'X7Q',
    sequence,
    eventSequence: sequence * 100,
    officer: OFFICER,
    receivedAt: options.receivedAt ?? new Date(RECEIVED_AT + sequence * 60_000),
    localDate: options.localDate ?? '2026-11-23',
  });
  return {
    complaint: built.complaint,
    reporter: built.reporter ? storedReporter(built.reporter) : null,
    clearReporter: built.reporter,
    received: built.received,
  };
}

/** The reporter document of a named or confidential intake, as stored (sealed). */
export function reporterOf(intake: IntakeSet): StoredReporterDoc {
  if (!intake.reporter) throw new Error(`${intake.complaint.trackingNumber} is anonymous: no reporter`);
  return intake.reporter;
}

const INPUTS: Readonly<Record<WorkflowAction, unknown>> = {
  verify: { dispositionOffice: 'Dinas Kesehatan', note: 'Lengkap' },
  hold: { reason: 'Menunggu dokumen', until: '2027-01-29' },
  'not-our-authority': { forwardedTo: 'Kementerian Kesehatan', note: '' },
  archive: { reason: 'too-general' },
  dispose: { office: 'Dinas Kesehatan Kota', note: '' },
  'follow-up': { summary: 'Petugas sudah meninjau antrean.' },
  respond: { channel: 'phone', summary: 'Antrean kini dibagi per layanan.' },
  'record-reply': { summary: 'Pelapor berterima kasih.', needsFurtherAction: false },
  'record-satisfaction': { score: 4, comment: '', collectedVia: 'phone' },
  close: { outcome: 'Antrean sudah dibenahi.' },
  reopen: { reason: 'Pelapor mengadu lagi.' },
  correct: { field: 'title', newValue: 'Antrean sangat panjang', reason: 'Judul diringkas' },
  note: { text: 'Pelapor menelepon lagi.' },
  'change-privacy': null, // depends on the complaint's privacy mode, see workflowEvents
  'record-lapor': { laporId: '4512877', includesIdentity: false, exportFile: 'lapor-KBM.csv' },
};

/**
 * Runs `actions` in order on the complaint of `intake` (each must be allowed), as the manager on
 * device A23, and returns the events they write.
 */
export function workflowEvents(intake: IntakeSet, actions: readonly WorkflowAction[]): EventDoc[] {
  const actor: Actor = {
    officer: { officerId: 'manager-1', name: 'Maya' },
    role: 'manager',
    deviceCode: 'A23',
    unitCode: intake.complaint.unitCode,
  };
  const events: EventDoc[] = [intake.received];
  actions.forEach((action, index) => {
    const state = reduceComplaint(intake.complaint, events);
    const input =
      action === 'change-privacy'
        ? { to: state.privacyMode === 'named' ? 'confidential' : 'named', reason: 'Permintaan pelapor' }
        : INPUTS[action];
    const decision = decideAction(state, action, input, actor, {
      at: new Date(Date.parse(intake.complaint.receivedAt) + (index + 1) * 60_000),
      eventSequence: 1000 + index,
      localDate: '2026-11-23',
    });
    if (!decision.ok) throw new Error(`${action} refused: ${JSON.stringify(decision.issues)}`);
    events.push(decision.event);
  });
  return events.slice(1);
}

/** The new phone number a fixture correction gives the reporter (see `reporterCorrection`). */
export const CORRECTED_PHONE = '0813-9000-1234';

/**
 * A correction of `intake`'s reporter (a new phone number and address) by the manager on device
 * A23, a minute after intake: the corrected reporter document (over revision `baseRev`) and its
 * reporter-corrected event.
 */
export function reporterCorrection(
  intake: IntakeSet,
  baseRev = '1-abc',
): Readonly<{ reporter: StoredReporterDoc; event: EventDoc }> {
  if (!intake.clearReporter) throw new Error(`${intake.complaint.trackingNumber} is anonymous: no reporter`);
  const decision = decideReporterCorrection(
    reduceComplaint(intake.complaint, [intake.received]),
    { ...intake.clearReporter, _rev: baseRev },
    { phone: CORRECTED_PHONE, address: 'Jl. Kenanga 12' },
    {
      officer: { officerId: 'manager-1', name: 'Maya' },
      role: 'manager',
      deviceCode: 'A23',
      unitCode: intake.complaint.unitCode,
    },
    { at: new Date(Date.parse(intake.complaint.receivedAt) + 60_000), eventSequence: 999 },
  );
  if (decision.outcome !== 'corrected') throw new Error(`correction: ${JSON.stringify(decision)}`);
  return { reporter: storedReporter(decision.reporter), event: decision.event };
}

/**
 * A link between `from` and `to` (related events on both, each naming the other) by the manager
 * on device A23, a minute after `from`'s intake.
 */
export function relatedEvents(from: IntakeSet, to: IntakeSet): readonly [EventDoc, EventDoc] {
  const decision = decideLink(
    reduceComplaint(from.complaint, [from.received]),
    reduceComplaint(to.complaint, [to.received]),
    {
      officer: { officerId: 'manager-1', name: 'Maya' },
      role: 'manager',
      deviceCode: 'A23',
      unitCode: from.complaint.unitCode,
    },
    { at: new Date(Date.parse(from.complaint.receivedAt) + 60_000), eventSequences: [997, 998] },
  );
  const [onFrom, onTo] = decision.outcome === 'linked' ? decision.events : [];
  if (!onFrom || !onTo) throw new Error(`link: ${JSON.stringify(decision)}`);
  return [onFrom, onTo];
}

/**
 * The deletion of `intake`'s identity at the end of its retention (an identity-deleted event) by
 * the manager's device A23, two minutes after intake.
 */
export function retentionEvent(intake: IntakeSet, retentionMonths = 24): EventDoc {
  return retentionDeletionEvent(
    reduceComplaint(intake.complaint, [intake.received]),
    {
      officer: { officerId: 'manager-1', name: 'Maya' },
      deviceCode: 'A23',
      unitCode: intake.complaint.unitCode,
    },
    { at: new Date(Date.parse(intake.complaint.receivedAt) + 120_000), eventSequence: 996 },
    retentionMonths,
  );
}

/** Action sequences that together write an event of every workflow kind. */
export const ACTION_SEQUENCES: readonly (readonly WorkflowAction[])[] = [
  [
    'verify',
    'follow-up',
    'respond',
    'record-reply',
    'record-satisfaction',
    'close',
    'reopen',
    'note',
    'correct',
    'change-privacy',
    'record-lapor',
  ],
  ['hold', 'verify', 'dispose'],
  ['archive'],
  ['not-our-authority'],
];

export function unitProfileDoc(unitCode: string): UnitProfile {
  return {
    _id: UNIT_PROFILE_ID,
    type: 'unit-profile',
    schemaVersion: 1,
    unitCode,
    unitName: 'Unit Pengaduan Kota Contoh',
    agency: 'Pemerintah Kota Contoh',
    entityType: 'city',
    contact: '021-555-0100',
    address: 'Jl. Balai Kota 1',
    updatedAt: '2026-11-23T03:04:05.678Z',
    lastChangedBy: { ...CHANGED_BY },
  };
}

export function unitSettingsDoc(unitCode: string): UnitSettingsDoc {
  return attributed(
    defaultUnitSettings(unitCode, 'Asia/Jakarta', new Date(RECEIVED_AT), OFFICER),
    CHANGED_BY,
  );
}

export function unitOfficesDoc(unitCode: string): UnitOfficesDoc {
  return attributed(defaultUnitOffices(unitCode, new Date(RECEIVED_AT), OFFICER), CHANGED_BY);
}

/**
 * A packet draft of the unit with one evidence file (a PDF) in the first aspect, the file given
 * inline as base64 (as a PUT with the file carries it).
 */
export function packetDraftDoc(unitCode: string): PacketDraftDoc {
  const draft = emptyPacketDraft(unitProfileDoc(unitCode), 2026, { from: '2026-01-01', to: '2026-06-30' });
  const pdf = '%PDF-1.4 bukti';
  draft.sections['leadership-commitment'] = {
    narrative: 'Kepala unit menetapkan SK tim pengaduan.',
    evidence: [{ id: 'ev-1', name: 'sk-tim.pdf', mimeType: 'application/pdf', size: pdf.length }],
  };
  return {
    _id: packetDraftId(2026, draft.category),
    type: 'packet-draft',
    schemaVersion: 1,
    unitCode,
    updatedAt: '2026-11-23T03:04:05.678Z',
    updatedBy: OFFICER,
    lastChangedBy: { ...CHANGED_BY },
    draft,
    _attachments: {
      'ev-1': { content_type: 'application/pdf', data: btoa(pdf) },
    },
  };
}
