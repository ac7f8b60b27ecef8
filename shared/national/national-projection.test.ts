/**
 * The national projection: what each privacy mode carries, the national id, and properties over
 * generated histories in which every text anyone could type (title, chronology, location, target
 * office, officers' names, every event's text) is a distinctive planted string: none of them ever
 * appears in the projection of a complaint that is confidential now, and the projection is the
 * same whatever order the events come in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import type { IntakeInput } from '../complaint/intake';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import { CHANNELS, PRIVACY_MODES, REPORT_TYPES, type PrivacyMode } from '../complaint/vocabulary';
import { unitProfileDoc } from '../couch/documents.fixtures';
import { reduceComplaint } from '../workflow/complaint-state';
import { decideAction, type Actor } from '../workflow/decide-action';
import type { EventDoc } from '../workflow/events';
import { decideReporterCorrection } from '../workflow/reporter-correction';
import { decideLink } from '../workflow/related-complaints';
import { HOLD_UNTIL, OTHER_TRACKING_NUMBER, RECEIVED_DATE } from '../workflow/workflow.fixtures';
import type { WorkflowAction } from '../workflow/workflow-actions';
import {
  CONFIDENTIAL_OTHER_CATEGORY,
  confidentialCategory,
  nationalComplaintId,
  projectComplaint,
  projectUnitProfile,
} from './national-projection';
import {
  nationalComplaintSchema,
  nationalConfidentialComplaintSchema,
  nationalOpenComplaintSchema,
  nationalUnitProfileSchema,
} from './national-schema';

const RECEIVED_AT = '2026-11-23T03:04:05.678Z';

type Texts = Readonly<{
  title: string;
  chronology: string;
  location: string;
  targetOffice: string;
  intakeOfficer: string;
}>;

const PLAIN_TEXTS: Texts = {
  title: 'Antrean puskesmas',
  chronology: 'Antrean di puskesmas lebih dari empat jam.',
  location: 'Puskesmas Kota',
  targetOffice: 'Dinas Kesehatan',
  intakeOfficer: 'Rina',
};

function intakeOf(privacyMode: PrivacyMode, texts: Texts = PLAIN_TEXTS, sequence = 42) {
  const input: IntakeInput = {
    channel: 'phone',
    reportType: 'complaint',
    privacyMode,
    reporter:
      privacyMode === 'anonymous'
        ? { name: '', nik: '', phone: '', email: '', address: '' }
        : {
            name: 'Sulastri Wigunaningrat',
            nik: '',
            phone: '08123456789',
            email: '',
            address: 'Jl. Melati 7',
          },
    title: texts.title,
    chronology: texts.chronology,
    incidentDate: '2026-11-22',
    location: texts.location,
    category: 'health',
    targetOffice: texts.targetOffice,
    attachments: [],
  };
  return buildIntakeDocuments(input, {
    unitCode: 'KBM',
    deviceCode: 'X7Q',
    sequence,
    eventSequence: sequence,
    officer: { officerId: 'o1', name: texts.intakeOfficer },
    receivedAt: new Date(RECEIVED_AT),
    localDate: RECEIVED_DATE,
  });
}

function actor(name = 'Maya'): Actor {
  return { officer: { officerId: 'manager-1', name }, role: 'manager', deviceCode: 'A23', unitCode: 'KBM' };
}

/** Runs `steps` (each must be accepted) and returns every event, the received one first. */
function history(
  complaint: ComplaintDoc,
  received: EventDoc,
  steps: readonly (readonly [WorkflowAction, unknown])[],
  officer = 'Maya',
): EventDoc[] {
  const events: EventDoc[] = [received];
  steps.forEach(([action, input], index) => {
    const decision = decideAction(reduceComplaint(complaint, events), action, input, actor(officer), {
      at: new Date(Date.parse(RECEIVED_AT) + (index + 1) * 60_000),
      eventSequence: 100 + index,
      localDate: RECEIVED_DATE,
    });
    if (!decision.ok) expect.fail(`${action}: ${JSON.stringify(decision.issues)}`);
    events.push(decision.event);
  });
  return events;
}

const HANDLED: readonly (readonly [WorkflowAction, unknown])[] = [
  ['verify', { dispositionOffice: 'Dinas Kesehatan Kota', note: 'Lengkap' }],
  ['follow-up', { summary: 'Petugas sudah meninjau antrean.' }],
  ['respond', { channel: 'phone', summary: 'Antrean kini dibagi per layanan.' }],
  ['record-satisfaction', { score: 4, comment: 'Puas sekali', collectedVia: 'phone' }],
  ['close', { outcome: 'Antrean sudah dibenahi.' }],
];

async function webSha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('projectComplaint', () => {
  it('projects a named complaint with its tracking number, state, office, score, title and chronology', () => {
    const { complaint, received } = intakeOf('named');
    const events = history(complaint, received, HANDLED);
    const at = (step: number): string => new Date(Date.parse(RECEIVED_AT) + step * 60_000).toISOString();
    const projection = projectComplaint(complaint, events);
    expect(projection).toEqual({
      _id: nationalComplaintId('KBM', complaint._id),
      type: 'national-complaint',
      schemaVersion: 1,
      unitCode: 'KBM',
      privacyMode: 'named',
      trackingNumber: complaint.trackingNumber,
      receivedMonth: '2026-11',
      channel: 'phone',
      category: 'health',
      reportType: 'complaint',
      status: 'closed',
      stages: {
        receivedAt: RECEIVED_AT,
        verifiedAt: at(1),
        disposedAt: at(1),
        followedUpAt: at(2),
        answeredAt: at(3),
        closedAt: at(5),
      },
      office: 'Dinas Kesehatan Kota',
      satisfactionScore: 4,
      title: 'Antrean puskesmas',
      chronology: 'Antrean di puskesmas lebih dari empat jam.',
    });
    expect(nationalOpenComplaintSchema.safeParse(projection).success).toBe(true);
  });

  it('projects an anonymous complaint like a named one (tracking number, title, chronology)', () => {
    const { complaint, received } = intakeOf('anonymous');
    const projection = projectComplaint(complaint, [received]);
    expect(projection).toMatchObject({
      privacyMode: 'anonymous',
      trackingNumber: complaint.trackingNumber,
      status: 'new',
      title: 'Antrean puskesmas',
      office: null,
      satisfactionScore: null,
      stages: { receivedAt: RECEIVED_AT },
    });
  });

  it('projects a confidential complaint as counts only: unit, month, channel, category, status, stages', () => {
    const { complaint, received } = intakeOf('confidential');
    const events = history(complaint, received, HANDLED);
    const projection = projectComplaint(complaint, events);
    expect(Object.keys(projection).sort()).toEqual(
      [
        '_id',
        'category',
        'channel',
        'privacyMode',
        'receivedMonth',
        'schemaVersion',
        'stages',
        'status',
        'type',
        'unitCode',
      ].sort(),
    );
    expect(projection).toMatchObject({
      privacyMode: 'confidential',
      receivedMonth: '2026-11',
      channel: 'phone',
      category: 'health',
      status: 'closed',
    });
    expect(Object.keys(projection.stages).sort()).toEqual([
      'answeredAt',
      'closedAt',
      'disposedAt',
      'followedUpAt',
      'verifiedAt',
    ]);
    expect(nationalConfidentialComplaintSchema.safeParse(projection).success).toBe(true);
    expect(JSON.stringify(projection)).not.toContain(complaint.trackingNumber);
    expect(JSON.stringify(projection)).not.toContain(RECEIVED_AT);
  });

  it('follows privacy changes: confidential after one, named again after another, same id throughout', () => {
    const { complaint, received } = intakeOf('named');
    const toConfidential = history(complaint, received, [
      ...HANDLED.slice(0, 2),
      ['change-privacy', { to: 'confidential', reason: 'Pelapor takut' }],
    ]);
    const before = projectComplaint(complaint, toConfidential.slice(0, 3));
    const after = projectComplaint(complaint, toConfidential);
    expect(before.privacyMode).toBe('named');
    expect(after.privacyMode).toBe('confidential');
    expect(after._id).toBe(before._id);
    expect(JSON.stringify(after)).not.toMatch(/Antrean|Dinas|Petugas|takut|KBM-/);
    const back = history(complaint, received, [
      ['change-privacy', { to: 'confidential', reason: 'Pelapor takut' }],
      ['change-privacy', { to: 'named', reason: 'Pelapor setuju' }],
    ]);
    expect(projectComplaint(complaint, back)).toMatchObject({
      privacyMode: 'named',
      title: 'Antrean puskesmas',
    });
  });

  it('uses corrected fields, and names no category outside the vocabulary for a confidential complaint', () => {
    const { complaint, received } = intakeOf('confidential');
    const events = history(complaint, received, [
      ['correct', { field: 'category', newValue: 'Pungli loket Pak Harjo', reason: 'Lebih tepat' }],
      ['correct', { field: 'channel', newValue: 'whatsapp-sms', reason: 'Salah pilih' }],
    ]);
    expect(projectComplaint(complaint, events)).toMatchObject({
      category: CONFIDENTIAL_OTHER_CATEGORY,
      channel: 'whatsapp-sms',
    });
    const named = intakeOf('named');
    const namedEvents = history(named.complaint, named.received, [
      ['correct', { field: 'title', newValue: 'Antrean sangat panjang', reason: 'Ringkas' }],
      ['correct', { field: 'category', newValue: 'illegal-levies', reason: 'Lebih tepat' }],
    ]);
    expect(projectComplaint(named.complaint, namedEvents)).toMatchObject({
      title: 'Antrean sangat panjang',
      category: 'illegal-levies',
    });
    expect(confidentialCategory('illegal-levies')).toBe('illegal-levies');
    expect(confidentialCategory('Health')).toBe(CONFIDENTIAL_OTHER_CATEGORY);
  });

  it('never carries reporter data, files or file names, location, target office or officers', () => {
    for (const mode of PRIVACY_MODES) {
      const { complaint, received } = intakeOf(mode);
      // A complaint with a file (as stored: metadata and the file itself), whatever its name.
      const withFile: ComplaintDoc = {
        ...complaint,
        attachments: [{ key: 'att-1', name: 'ktp-sulastri.jpg', mimeType: 'image/jpeg', size: 4 }],
        _attachments: { 'att-1': { content_type: 'image/jpeg', data: 'U3VsYXN0cmk=' } },
      };
      const text = JSON.stringify(projectComplaint(withFile, history(complaint, received, HANDLED)));
      for (const absent of [
        'Sulastri',
        '0812',
        'ktp-',
        'lampiran',
        'att-1',
        'Puskesmas Kota',
        'Rina',
        'Maya',
      ]) {
        expect(text, `${mode}: ${absent}`).not.toContain(absent);
      }
      expect(text).not.toMatch(/reporter|attachments|image|location|targetOffice|receivedBy|incidentDate/);
    }
  });

  it('is unchanged by a correction of the reporter document (it names fields, the projection none)', () => {
    for (const mode of ['named', 'confidential'] as const) {
      const documents = intakeOf(mode);
      const events = history(documents.complaint, documents.received, HANDLED);
      const correction = decideReporterCorrection(
        reduceComplaint(documents.complaint, events),
        documents.reporter,
        { phone: '0813-9000-1234', address: 'Jl. Kenanga 12' },
        actor(),
        { at: new Date(Date.parse(RECEIVED_AT) + 3_600_000), eventSequence: 900 },
      );
      if (correction.outcome !== 'corrected') expect.fail(JSON.stringify(correction));
      const projected = projectComplaint(documents.complaint, [...events, correction.event]);
      expect(projected, mode).toEqual(projectComplaint(documents.complaint, events));
      expect(JSON.stringify(projected)).not.toMatch(/0813|Kenanga|Sulastri|address|reporter|fields/);
    }
  });

  it('ignores a link to another complaint (related): no tracking number of the other one', () => {
    for (const mode of ['named', 'anonymous', 'confidential'] as const) {
      const documents = intakeOf(mode);
      const other = intakeOf('named', PLAIN_TEXTS, 7);
      const events = history(documents.complaint, documents.received, HANDLED);
      const link = decideLink(
        reduceComplaint(documents.complaint, events),
        reduceComplaint(other.complaint, [other.received]),
        actor(),
        { at: new Date(Date.parse(RECEIVED_AT) + 3_600_000), eventSequences: [901, 902] },
      );
      if (link.outcome !== 'linked') expect.fail(JSON.stringify(link));
      const projected = projectComplaint(documents.complaint, [...events, ...link.events]);
      expect(projected, mode).toEqual(projectComplaint(documents.complaint, events));
      expect(JSON.stringify(projected)).not.toContain(other.complaint.trackingNumber);
    }
  });
});

describe('nationalComplaintId', () => {
  it('is complaint:<unit>:<first 32 hex digits of SHA-256(_id)>, naming no tracking number', async () => {
    const { complaint } = intakeOf('confidential');
    const id = nationalComplaintId('KBM', complaint._id);
    expect(id).toBe(`complaint:KBM:${(await webSha256(complaint._id)).slice(0, 32)}`);
    expect(id).toMatch(/^complaint:KBM:[0-9a-f]{32}$/);
    expect(id).not.toContain(complaint.trackingNumber.slice(4));
  });

  it('differs between complaints', () => {
    const ids = new Set(
      [1, 2, 3, 4].map((sequence) => intakeOf('named', PLAIN_TEXTS, sequence).complaint._id),
    );
    expect(new Set([...ids].map((id) => nationalComplaintId('KBM', id))).size).toBe(4);
  });
});

describe('projectUnitProfile', () => {
  it('keeps the public fields under unit-profile:<unit>', () => {
    const projection = projectUnitProfile(unitProfileDoc('KTB'));
    expect(projection).toEqual({
      _id: 'unit-profile:KTB',
      type: 'national-unit-profile',
      schemaVersion: 1,
      unitCode: 'KTB',
      unitName: 'Unit Pengaduan Kota Contoh',
      agency: 'Pemerintah Kota Contoh',
      entityType: 'city',
      contact: '021-555-0100',
      address: 'Jl. Balai Kota 1',
    });
    expect(nationalUnitProfileSchema.safeParse(projection).success).toBe(true);
  });
});

// ---- properties over generated histories ---------------------------------------------------

/** A distinctive text: no other value of a projection can contain it by chance. */
const planted = (label: string) =>
  fc.stringMatching(/^[A-Za-z]{6,12}$/).map((word) => `Rahasia${label}Q${word}Z`);

const textsArb = fc.record({
  title: planted('Judul'),
  chronology: planted('Kronologi'),
  location: planted('Lokasi'),
  targetOffice: planted('Tujuan'),
  intakeOfficer: planted('Petugas'),
});

/**
 * An action on the complaint: `pick` chooses among the actions its status allows then (so that
 * most attempts are accepted); the text fields hold planted strings.
 */
const attemptArb = fc.record({
  pick: fc.nat(),
  text: planted('Teks'),
  office: planted('Kantor'),
  officer: planted('Pejabat'),
  withOffice: fc.boolean(),
  field: fc.constantFrom(
    'title',
    'chronology',
    'location',
    'category',
    'targetOffice',
    'channel',
    'reportType',
  ),
  channel: fc.constantFrom(...CHANNELS),
  reportType: fc.constantFrom(...REPORT_TYPES),
  to: fc.constantFrom(...PRIVACY_MODES),
  archive: fc.constantFrom('other', 'duplicate', 'too-general'),
  score: fc.integer({ min: 1, max: 5 }),
  needsFurtherAction: fc.boolean(),
});
type Attempt = typeof attemptArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(action: WorkflowAction, attempt: Attempt): unknown {
  const { text, office } = attempt;
  switch (action) {
    case 'verify':
      return { dispositionOffice: attempt.withOffice ? office : null, note: text };
    case 'hold':
      return { reason: text, until: HOLD_UNTIL };
    case 'not-our-authority':
      return { forwardedTo: office, note: text };
    case 'archive':
      return { reason: attempt.archive, duplicateOf: OTHER_TRACKING_NUMBER, otherText: text };
    case 'dispose':
      return { office, note: text };
    case 'follow-up':
      return { office, summary: text };
    case 'respond':
      return { channel: 'phone', summary: text };
    case 'record-reply':
      return { summary: text, needsFurtherAction: attempt.needsFurtherAction };
    case 'record-satisfaction':
      return { score: attempt.score, comment: text, collectedVia: 'phone' };
    case 'close':
      return { outcome: text };
    case 'reopen':
      return { reason: text };
    case 'correct': {
      const value =
        attempt.field === 'channel'
          ? attempt.channel
          : attempt.field === 'reportType'
            ? attempt.reportType
            : text;
      return { field: attempt.field, newValue: value, reason: `${text}Alasan` };
    }
    case 'note':
      return { text };
    case 'change-privacy':
      return { to: attempt.to, reason: text };
    case 'record-lapor':
      return { laporId: `${text}Lapor`, includesIdentity: false, exportFile: `${text}.csv` };
  }
}

type Generated = Readonly<{
  complaint: ComplaintDoc;
  events: EventDoc[];
  /** Every planted string that reached a document (intake texts, officers, event texts). */
  secrets: string[];
  /** The planted strings a named or anonymous projection may show: title, chronology, category, office. */
  shown: Set<string>;
}>;

function generate(mode: PrivacyMode, texts: Texts, attempts: readonly Attempt[]): Generated {
  const { complaint, received } = intakeOf(mode, texts);
  const events: EventDoc[] = [received];
  const secrets = Object.values(texts);
  const shown = new Set([texts.title, texts.chronology]);
  attempts.forEach((attempt, index) => {
    const state = reduceComplaint(complaint, events);
    const action = state.allowedActions[attempt.pick % state.allowedActions.length] ?? 'note';
    const decision = decideAction(state, action, inputOf(action, attempt), actor(attempt.officer), {
      at: new Date(Date.parse(RECEIVED_AT) + (index + 1) * 60_000),
      eventSequence: 100 + index,
      localDate: RECEIVED_DATE,
    });
    if (!decision.ok) return;
    events.push(decision.event);
    secrets.push(
      attempt.text,
      `${attempt.text}Alasan`,
      attempt.office,
      attempt.officer,
      OTHER_TRACKING_NUMBER,
    );
    if (action === 'correct' && ['title', 'chronology', 'category'].includes(attempt.field)) {
      shown.add(attempt.text);
    }
    if (['verify', 'dispose', 'follow-up'].includes(action)) shown.add(attempt.office);
  });
  return { complaint, events, secrets, shown };
}

const historyArb = fc.record({
  mode: fc.constantFrom(...PRIVACY_MODES),
  texts: textsArb,
  attempts: fc.array(attemptArb, { maxLength: 25 }),
});

describe('properties', () => {
  it('no text of a complaint that is confidential now appears in its projection, nor its tracking number', () => {
    fc.assert(
      fc.property(historyArb, ({ mode, texts, attempts }) => {
        const { complaint, events, secrets } = generate(mode, texts, attempts);
        const projection = projectComplaint(complaint, events);
        if (reduceComplaint(complaint, events).privacyMode !== 'confidential') return;
        const text = JSON.stringify(projection);
        for (const secret of secrets) expect(text).not.toContain(secret);
        expect(text).not.toContain(complaint.trackingNumber);
        expect(text).not.toContain(complaint.receivedAt);
        expect(nationalConfidentialComplaintSchema.safeParse(projection).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('any projection is valid and shows no text but title, chronology, category and office', () => {
    fc.assert(
      fc.property(historyArb, ({ mode, texts, attempts }) => {
        const { complaint, events, secrets, shown } = generate(mode, texts, attempts);
        const projection = projectComplaint(complaint, events);
        const parsed = nationalComplaintSchema.safeParse(projection);
        if (!parsed.success) expect.fail(JSON.stringify(parsed.error.issues));
        const text = JSON.stringify(projection);
        for (const secret of secrets) {
          if (!shown.has(secret)) expect(text).not.toContain(secret);
        }
        expect(projection._id).toBe(nationalComplaintId('KBM', complaint._id));
        expect(projection.privacyMode).toBe(reduceComplaint(complaint, events).privacyMode);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same whatever order the events come in, with duplicates and other complaints’ events', () => {
    const otherIntake = intakeOf('named', PLAIN_TEXTS, 43);
    const other = history(otherIntake.complaint, otherIntake.received, [['note', { text: 'Lain' }]]);
    fc.assert(
      fc.property(
        historyArb,
        fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
        ({ mode, texts, attempts }, keys) => {
          const { complaint, events } = generate(mode, texts, attempts);
          const mixed = [...events, ...events.slice(0, 2), ...other];
          const shuffled = mixed
            .map((event, index) => ({ event, key: (keys[index % keys.length] ?? 0) * 1000 + index }))
            .sort((a, b) => a.key - b.key)
            .map((entry) => entry.event);
          expect(projectComplaint(complaint, shuffled)).toEqual(projectComplaint(complaint, events));
        },
      ),
      { numRuns: 100 },
    );
  });
});
