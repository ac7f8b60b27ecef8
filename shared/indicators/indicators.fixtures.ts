/**
 * Fixtures for the indicator tests (imported by *.test.ts only): complaints taken in through the
 * app's own intake (`buildIntakeDocuments`) and moved through the workflow by `decideAction`,
 * each step at a Jakarta (WIB) wall-clock time, plus the unit settings with the default
 * deadlines and holidays (2026: cuti bersama Thu 24 Dec, Christmas Fri 25 Dec; 2027 estimated:
 * Fri 1 Jan, Tue 5 Jan).
 */
import { expect } from 'vitest';
import { DEFAULT_HOLIDAYS } from '../calendar/indonesian-holidays';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import type { Channel, PrivacyMode, ReportType } from '../complaint/vocabulary';
import { DEFAULT_DEADLINES, DEFAULT_SLA_RULES } from '../sla/deadline-settings';
import { localDateOf } from '../time/local-date';
import { reduceComplaint } from '../workflow/complaint-state';
import type { ComplaintState } from '../workflow/complaint-state-types';
import { decideAction, type Actor } from '../workflow/decide-action';
import type { EventDoc } from '../workflow/events';
import type { WorkflowAction } from '../workflow/workflow-actions';
import type { IndicatorSettings } from './compute-indicators';

export const UNIT = { code: 'KBM', name: 'Unit Pengaduan Kota Kebumen' } as const;
const TIME_ZONE = 'Asia/Jakarta';

export const SETTINGS: IndicatorSettings = {
  timeZone: TIME_ZONE,
  deadlines: DEFAULT_DEADLINES,
  rules: DEFAULT_SLA_RULES,
  holidays: Object.fromEntries(Object.entries(DEFAULT_HOLIDAYS)),
};

/** An instant (ISO string) given as a Jakarta (WIB, UTC+7) wall-clock time. */
export const wib = (date: string, time = '10:00'): string =>
  new Date(`${date}T${time}:00+07:00`).toISOString();

/** A supervisor may take every workflow action. */
const SUPERVISOR: Actor = {
  officer: { officerId: 'supervisor-1', name: 'Budi' },
  role: 'supervisor',
  deviceCode: 'A23',
  unitCode: UNIT.code,
};

export type CaseSpec = Readonly<{
  /** The intake device's tracking sequence (unique per fixture). */
  sequence: number;
  /** The receipt instant, ISO (use `wib` for a local time). */
  receivedAt: string;
  channel: Channel;
  category: string;
  reportType: ReportType;
  privacyMode: PrivacyMode;
}>;

/** Event sequence numbers of device A23, shared by every case so that event ids never repeat. */
let nextEventSequence = 1;

/** One complaint on the desk: each step is decided against its current state and stored. */
export class CaseFile {
  readonly complaint: ComplaintDoc;
  readonly events: EventDoc[];
  state: ComplaintState;

  constructor(spec: CaseSpec) {
    const anonymous = spec.privacyMode === 'anonymous';
    const receivedAt = new Date(spec.receivedAt);
    const { complaint, received } = buildIntakeDocuments(
      {
        channel: spec.channel,
        reportType: spec.reportType,
        privacyMode: spec.privacyMode,
        reporter: anonymous
          ? { name: '', nik: '', phone: '', email: '', address: '' }
          : { name: 'Siti Aminah', nik: '', phone: '08123456789', email: '', address: '' },
        title: `Aduan ${spec.sequence}`,
        chronology: 'Layanan tidak sesuai prosedur.',
        incidentDate: '2026-09-01',
        location: '',
        category: spec.category,
        targetOffice: '',
        attachments: [],
      },
      {
        unitCode: UNIT.code,
        deviceCode: 'X7Q',
        sequence: spec.sequence,
        eventSequence: spec.sequence,
        officer: { officerId: 'o1', name: 'Rina' },
        receivedAt,
        localDate: localDateOf(receivedAt, TIME_ZONE),
      },
    );
    this.complaint = complaint;
    this.events = [received];
    this.state = reduceComplaint(complaint, this.events);
  }

  /** Takes `action` at `at` (an ISO instant); the desk must accept it. */
  act(action: WorkflowAction, at: string, input: unknown): this {
    return this.actSeeing(this.state, action, at, input);
  }

  /**
   * Takes `action` at `at` as decided by a device that saw the complaint as `seen` (an offline
   * device that has not synced the later events yet); the event is stored either way, and the
   * reducer decides whether it applies.
   */
  actSeeing(seen: ComplaintState, action: WorkflowAction, at: string, input: unknown): this {
    const clock = {
      at: new Date(at),
      eventSequence: nextEventSequence++,
      localDate: localDateOf(new Date(at), TIME_ZONE),
    };
    const decision = decideAction(seen, action, input, SUPERVISOR, clock);
    if (!decision.ok) {
      expect.fail(`${action} refused in ${seen.status}: ${JSON.stringify(decision.issues)}`);
    }
    this.events.push(decision.event);
    this.state = reduceComplaint(this.complaint, this.events);
    return this;
  }

  verify(at: string, office: string | null = 'Dinas Kesehatan'): this {
    return this.act('verify', at, { dispositionOffice: office, note: '' });
  }
  hold(at: string, until: string): this {
    return this.act('hold', at, { reason: 'Menunggu dokumen pelapor', until });
  }
  archive(at: string): this {
    return this.act('archive', at, { reason: 'too-general' });
  }
  forward(at: string): this {
    return this.act('not-our-authority', at, { forwardedTo: 'Kantor Pertanahan', note: '' });
  }
  dispose(at: string, office = 'Dinas Pendidikan'): this {
    return this.act('dispose', at, { office, note: '' });
  }
  followUp(at: string): this {
    return this.act('follow-up', at, { summary: 'Petugas sudah meninjau.' });
  }
  respond(at: string): this {
    return this.act('respond', at, { channel: 'phone', summary: 'Sudah ditangani.' });
  }
  reply(at: string, needsFurtherAction = false): this {
    return this.act('record-reply', at, { summary: 'Tanggapan pelapor.', needsFurtherAction });
  }
  rate(at: string, score: number): this {
    return this.act('record-satisfaction', at, { score, comment: '', collectedVia: 'phone' });
  }
  close(at: string): this {
    return this.act('close', at, { outcome: 'Selesai ditangani.' });
  }
  reopen(at: string): this {
    return this.act('reopen', at, { reason: 'Pelapor mengadu lagi.' });
  }
  correct(at: string, field: string, newValue: string): this {
    return this.act('correct', at, { field, newValue, reason: 'Salah catat' });
  }
}

/** The complaints and every event of a set of case files, as the store would hold them. */
export function documentsOf(cases: readonly CaseFile[]): {
  complaints: ComplaintDoc[];
  events: EventDoc[];
} {
  return {
    complaints: cases.map((file) => file.complaint),
    events: cases.flatMap((file) => file.events),
  };
}
