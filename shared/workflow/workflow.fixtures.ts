/**
 * Fixtures for the workflow tests (imported by *.test.ts only): a complaint from a real intake,
 * actors of each role, a clock that moves forward, a valid input for every action, and a desk
 * that decides actions, stores their events and reduces the complaint again.
 */
import { expect } from 'vitest';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import type { IntakeInput } from '../complaint/intake';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import type { PrivacyMode } from '../complaint/vocabulary';
import { reduceComplaint } from './complaint-state';
import type { ComplaintState } from './complaint-state-types';
import {
  decideAction,
  type ActionClock,
  type ActionInputs,
  type Actor,
  type Decision,
} from './decide-action';
import type { EventDoc, ReceivedEvent } from './events';
import type { Role } from './roles';
import type { WorkflowAction } from './workflow-actions';

/** When the complaint was received, and the unit-local date of that day. */
export const RECEIVED_AT = '2026-11-23T03:04:05.678Z';
export const RECEIVED_DATE = '2026-11-23';
export const TRACKING_NUMBER = 'KBM-261123-X7Q-0042';
/** Another complaint of the unit (for archive as duplicate). */
export const OTHER_TRACKING_NUMBER = 'KBM-261120-X7Q-0007';
/** A hold-until date far enough ahead of every clock the tests use. */
export const HOLD_UNTIL = '2027-01-29';

export const INTAKE_INPUT: IntakeInput = {
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'confidential',
  reporter: { name: 'Siti', nik: '', phone: '08123456789', email: '', address: '' },
  title: 'Antrean puskesmas',
  chronology: 'Antrean di puskesmas lebih dari empat jam.',
  incidentDate: '2026-11-22',
  location: '',
  category: 'health',
  targetOffice: '',
  attachments: [],
};

export type Intake = Readonly<{ complaint: ComplaintDoc; received: ReceivedEvent }>;

/** A complaint and its received event, as the intake on device X7Q writes them. */
export function intake(sequence = 42, privacyMode: PrivacyMode = 'confidential'): Intake {
  const anonymous = privacyMode === 'anonymous';
  return buildIntakeDocuments(
    {
      ...INTAKE_INPUT,
      privacyMode,
      reporter: anonymous ? { name: '', nik: '', phone: '', email: '', address: '' } : INTAKE_INPUT.reporter,
    },
    {
      unitCode: 'KBM',
      deviceCode: 'X7Q',
      sequence,
      eventSequence: sequence,
      officer: { officerId: 'o1', name: 'Rina' },
      receivedAt: new Date(RECEIVED_AT),
      localDate: RECEIVED_DATE,
    },
  );
}

const NAMES: Readonly<Record<Role, string>> = { officer: 'Rina', supervisor: 'Budi', manager: 'Maya' };

export function actorOf(role: Role, deviceCode = 'A23'): Actor {
  return { officer: { officerId: `${role}-1`, name: NAMES[role] }, role, deviceCode, unitCode: 'KBM' };
}
export const MANAGER = actorOf('manager');
export const SUPERVISOR = actorOf('supervisor');
export const OFFICER = actorOf('officer');

/** The clock of step `step` (≥ 1): `step` minutes after intake, the same local day. */
export function clockAt(step: number): ActionClock {
  return {
    at: new Date(Date.parse(RECEIVED_AT) + step * 60_000),
    eventSequence: step,
    localDate: RECEIVED_DATE,
  };
}

export const OFFICE = 'Puskesmas Kota';

/** A valid input for each action, given the complaint as it is now. */
export function validInput<A extends WorkflowAction>(action: A, state: ComplaintState): ActionInputs[A];
export function validInput(action: WorkflowAction, state: ComplaintState): ActionInputs[WorkflowAction] {
  switch (action) {
    case 'verify':
      return { dispositionOffice: null, note: 'Lengkap' };
    case 'hold':
      return { reason: 'Menunggu dokumen', until: HOLD_UNTIL };
    case 'not-our-authority':
      return { forwardedTo: 'Kementerian Kesehatan', note: '' };
    case 'archive':
      return { reason: 'too-general' };
    case 'dispose':
      return { office: 'Dinas Kesehatan', note: '' };
    case 'follow-up':
      return { summary: 'Petugas sudah meninjau antrean.' };
    case 'respond':
      return { channel: 'phone', summary: 'Antrean kini dibagi per layanan.' };
    case 'record-reply':
      return { summary: 'Pelapor berterima kasih.', needsFurtherAction: false };
    case 'record-satisfaction':
      return { score: 4, comment: '', collectedVia: 'phone' };
    case 'close':
      return { outcome: 'Antrean sudah dibenahi.' };
    case 'reopen':
      return { reason: 'Pelapor mengadu lagi.' };
    case 'correct':
      return {
        field: 'title',
        newValue: state.current.title === 'Antrean panjang' ? 'Antrean sangat panjang' : 'Antrean panjang',
        reason: 'Judul diringkas',
      };
    case 'note':
      return { text: 'Pelapor menelepon lagi.' };
    case 'change-privacy':
      return { to: state.privacyMode === 'named' ? 'confidential' : 'named', reason: 'Permintaan pelapor' };
    case 'record-lapor':
      return { laporId: 'LAP-2611-00042', includesIdentity: false, exportFile: 'lapor-KBM.csv' };
  }
}

export type Step = Readonly<{ action: WorkflowAction; input?: unknown }>;

/**
 * One complaint on the desk: actions are decided against its current state with a clock that
 * moves one minute per attempt, and the events of accepted actions are kept and reduced.
 */
export class Desk {
  readonly complaint: ComplaintDoc;
  readonly events: EventDoc[];
  state: ComplaintState;
  step = 0;

  constructor(target: Intake = intake()) {
    this.complaint = target.complaint;
    this.events = [target.received];
    this.state = reduceComplaint(this.complaint, this.events);
  }

  /** Decides `action` (with a valid input unless one is given); stores the event when accepted. */
  attempt(
    action: WorkflowAction,
    input: unknown = validInput(action, this.state),
    actor = MANAGER,
  ): Decision {
    this.step += 1;
    const decision = decideAction(this.state, action, input, actor, clockAt(this.step));
    if (decision.ok) {
      this.events.push(decision.event);
      this.state = reduceComplaint(this.complaint, this.events);
    }
    return decision;
  }

  /** Like `attempt`, but the action must be accepted: returns its event. */
  act(action: WorkflowAction, input?: unknown, actor = MANAGER): EventDoc {
    const decision = this.attempt(action, input ?? validInput(action, this.state), actor);
    if (!decision.ok)
      expect.fail(`${action} refused in ${this.state.status}: ${JSON.stringify(decision.issues)}`);
    return decision.event;
  }

  /** The state with `extra` events added to the stored ones (as if they had synced from elsewhere). */
  reduceWith(...extra: readonly EventDoc[]): ComplaintState {
    return reduceComplaint(this.complaint, [...this.events, ...extra]);
  }

  run(steps: readonly Step[]): this {
    for (const { action, input } of steps) this.act(action, input);
    return this;
  }
}

/** The named starting states of the transition table, each reached through real events. */
export const STATES = {
  new: [],
  'on-hold': [{ action: 'hold' }],
  'verified without office': [{ action: 'verify' }],
  'verified with office': [{ action: 'verify', input: { dispositionOffice: OFFICE } }],
  'followed-up': [{ action: 'verify', input: { dispositionOffice: OFFICE } }, { action: 'follow-up' }],
  answered: [
    { action: 'verify', input: { dispositionOffice: OFFICE } },
    { action: 'follow-up' },
    { action: 'respond' },
  ],
  closed: [
    { action: 'verify', input: { dispositionOffice: OFFICE } },
    { action: 'follow-up' },
    { action: 'respond' },
    { action: 'close' },
  ],
  archived: [{ action: 'archive' }],
  forwarded: [{ action: 'not-our-authority' }],
} as const satisfies Readonly<Record<string, readonly Step[]>>;
export type StateName = keyof typeof STATES;

/** A desk with the complaint brought to the named state. */
export function deskIn(name: StateName, target?: Intake): Desk {
  return new Desk(target).run(STATES[name]);
}

/** What each status offers (the verified status depends on whether an office is responsible). */
/** (Written out by hand: the tests compare the reducer's allowed actions with it.) */
export const OFFERED = {
  new: [
    'verify',
    'hold',
    'not-our-authority',
    'archive',
    'correct',
    'note',
    'change-privacy',
    'record-lapor',
  ],
  'on-hold': ['verify', 'not-our-authority', 'archive', 'correct', 'note', 'change-privacy', 'record-lapor'],
  'verified without office': ['dispose', 'correct', 'note', 'change-privacy', 'record-lapor'],
  'verified with office': ['dispose', 'follow-up', 'correct', 'note', 'change-privacy', 'record-lapor'],
  'followed-up': ['respond', 'follow-up', 'dispose', 'correct', 'note', 'change-privacy', 'record-lapor'],
  answered: [
    'record-reply',
    'record-satisfaction',
    'respond',
    'follow-up',
    'close',
    'correct',
    'note',
    'change-privacy',
    'record-lapor',
  ],
  closed: ['record-satisfaction', 'reopen', 'note', 'change-privacy', 'record-lapor'],
  archived: ['reopen', 'note', 'change-privacy', 'record-lapor'],
  forwarded: ['reopen', 'note', 'change-privacy', 'record-lapor'],
} as const satisfies Readonly<Record<StateName, readonly WorkflowAction[]>>;

/** A state in which each action is allowed. */
export const STATE_ALLOWING: Readonly<Record<WorkflowAction, StateName>> = {
  verify: 'new',
  hold: 'new',
  'not-our-authority': 'new',
  archive: 'new',
  dispose: 'verified with office',
  'follow-up': 'verified with office',
  respond: 'followed-up',
  'record-reply': 'answered',
  'record-satisfaction': 'answered',
  close: 'answered',
  reopen: 'closed',
  correct: 'new',
  note: 'new',
  'change-privacy': 'new',
  'record-lapor': 'new',
};

/**
 * A valid event of `action` for the complaint of `target`, decided in a state that allows it,
 * at clock step `step` (later than every event the named states write).
 */
export function sampleEvent(action: WorkflowAction, input?: unknown, step = 100, target?: Intake): EventDoc {
  const desk = deskIn(STATE_ALLOWING[action], target);
  const decision = decideAction(
    desk.state,
    action,
    input ?? validInput(action, desk.state),
    MANAGER,
    clockAt(step),
  );
  if (!decision.ok) expect.fail(`${action}: ${JSON.stringify(decision.issues)}`);
  return decision.event;
}
