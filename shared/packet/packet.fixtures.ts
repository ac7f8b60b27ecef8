/**
 * Fixtures for the packet tests (imported by tests only): a unit's records made by the app's own
 * code (`buildIntakeDocuments` for intake, `decideAction` + `reduceComplaint` for the workflow),
 * with named, anonymous and confidential complaints whose identities and confidential content are
 * distinctive strings (`SECRETS`) that must never appear in a packet, a filled draft with
 * evidence, and the indicators computed by `computeIndicators`.
 */
import { DEFAULT_HOLIDAYS } from '../calendar/indonesian-holidays';
import type { ComplaintDoc, ReporterDoc } from '../complaint/complaint-schema';
import type { IntakeInput } from '../complaint/intake';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import type { Channel, PrivacyMode } from '../complaint/vocabulary';
import { UNIT_PROFILE_ID } from '../ids/document-ids';
import { computeIndicators, type IndicatorSettings } from '../indicators/compute-indicators';
import type { Indicators } from '../indicators/indicators-types';
import { DEFAULT_DEADLINES, DEFAULT_SLA_RULES } from '../sla/deadline-settings';
import { localDateOf } from '../time/local-date';
import type { UnitProfile } from '../unit/unit-profile';
import { defaultUnitSettings, type UnitSettingsDoc } from '../unit/unit-settings';
import { reduceComplaint } from '../workflow/complaint-state';
import type { ComplaintState } from '../workflow/complaint-state-types';
import { decideAction, type Actor } from '../workflow/decide-action';
import type { EventDoc } from '../workflow/events';
import type { WorkflowAction } from '../workflow/workflow-actions';
import type { PacketInput } from './build-packet';
import { emptyPacketDraft, type EvidenceRef, type PacketDraft } from './packet-types';

export const UNIT_CODE = 'KBM';
export const UNIT_NAME = 'Unit Layanan Pengaduan Kota Kembang';
export const TIME_ZONE = 'Asia/Jakarta';
export const PERIOD = { from: '2026-01-01', to: '2026-06-30' } as const;
export const CREATED_AT = new Date('2026-07-02T03:00:00.000Z');
export const GENERATOR = { name: 'Meja Aduan', version: '0.1.0-test' } as const;

/** Identity of the named complainant. */
export const NAMED_REPORTER = {
  name: 'Zulkarnaen Pratikno',
  nik: '3275011234567890',
  phone: '081299887766',
  email: 'zulkarnaen.pratikno@contoh.id',
  address: 'Jalan Melati Tersembunyi 17',
} as const;
/** Identity of the confidential complainant. */
const CONFIDENTIAL_REPORTER = {
  name: 'Sriwahyuni Kartikasari',
  nik: '3175029876543210',
  phone: '085711223344',
  email: 'sriwahyuni.rahasia@contoh.id',
  address: 'Gang Kenari Rahasia 9',
} as const;
/** Identity of a named complainant whose complaint was later made confidential. */
const LATER_CONFIDENTIAL_REPORTER = {
  name: 'Bambang Sukmawijaya',
  nik: '3374040102030405',
  phone: '082233445566',
  email: 'bambang.sukma@contoh.id',
  address: 'Perumahan Anggrek Blok Z-99',
} as const;

/** Content of the confidential complaints (title, chronology, location, office, event texts). */
export const CONFIDENTIAL_CONTENT = [
  'RAHASIA-KONTEN-XYZ',
  'RAHASIA-KRONOLOGI-QRS',
  'RAHASIA-LOKASI-JKL',
  'RAHASIA-KANTOR-MNO',
  'RAHASIA-TINDAKLANJUT-DEF',
  'BERUBAH-RAHASIA-UVW',
  'BERUBAH-KRONOLOGI-GHI',
  'RAHASIA-LAMPIRAN-TUV',
] as const;

/** Every string that must never appear in any file of a packet (NIKs, names, contacts, content). */
export const SECRETS: readonly string[] = [
  ...Object.values(NAMED_REPORTER),
  ...Object.values(CONFIDENTIAL_REPORTER),
  ...Object.values(LATER_CONFIDENTIAL_REPORTER),
  ...CONFIDENTIAL_CONTENT,
];

/** A named complaint's title: it DOES appear in the complaint rows (the positive control). */
export const PUBLIC_TITLE = 'Lampu jalan padam di Jalan Kenanga';
/** Text of an example case in the draft: it DOES appear in the PDF (the positive control). */
export const EXAMPLE_CASE_MARKER = 'Kasus penerangan jalan diselesaikan dalam sembilan hari';

const SUPERVISOR: Actor = {
  officer: { officerId: 'supervisor-1', name: 'Budi Santoso' },
  role: 'supervisor',
  deviceCode: 'A23',
  unitCode: UNIT_CODE,
};

/** An instant (ISO) from a Jakarta wall-clock time. */
export const wib = (date: string, time = '10:00'): string =>
  new Date(`${date}T${time}:00+07:00`).toISOString();

type CaseSpec = Readonly<{
  sequence: number;
  receivedAt: string;
  privacyMode: PrivacyMode;
  channel: Channel;
  category: string;
  title: string;
  chronology: string;
  location?: string;
  targetOffice?: string;
  reporter?: IntakeInput['reporter'];
  /** Files as intake records them (name, type, size): names people give files can hold identity. */
  attachments?: IntakeInput['attachments'];
}>;

/** Event sequence numbers of device A23; `packetCases` restarts them so every fixture is the same. */
let nextEventSequence = 1;

/** One complaint moved through the workflow by `decideAction`, its documents kept. */
export class PacketCase {
  readonly complaint: ComplaintDoc;
  readonly reporter: ReporterDoc | null;
  readonly events: EventDoc[];
  state: ComplaintState;

  constructor(spec: CaseSpec) {
    const receivedAt = new Date(spec.receivedAt);
    const documents = buildIntakeDocuments(
      {
        channel: spec.channel,
        reportType: 'complaint',
        privacyMode: spec.privacyMode,
        reporter: spec.reporter ?? { name: '', nik: '', phone: '', email: '', address: '' },
        title: spec.title,
        chronology: spec.chronology,
        incidentDate: localDateOf(receivedAt, TIME_ZONE),
        location: spec.location ?? '',
        category: spec.category,
        targetOffice: spec.targetOffice ?? '',
        attachments: spec.attachments ?? [],
      },
      {
        unitCode: UNIT_CODE,
        deviceCode: 'X7Q',
        sequence: spec.sequence,
        eventSequence: spec.sequence,
        officer: { officerId: 'o1', name: 'Rina' },
        receivedAt,
        localDate: localDateOf(receivedAt, TIME_ZONE),
      },
    );
    this.complaint = documents.complaint;
    this.reporter = documents.reporter;
    this.events = [documents.received];
    this.state = reduceComplaint(this.complaint, this.events);
  }

  act(action: WorkflowAction, at: string, input: unknown): this {
    const clock = {
      at: new Date(at),
      eventSequence: nextEventSequence++,
      localDate: localDateOf(new Date(at), TIME_ZONE),
    };
    const decision = decideAction(this.state, action, input, SUPERVISOR, clock);
    if (!decision.ok)
      throw new Error(`${action} refused in ${this.state.status}: ${JSON.stringify(decision.issues)}`);
    this.events.push(decision.event);
    this.state = reduceComplaint(this.complaint, this.events);
    return this;
  }

  /** Verified with an office, followed up, answered and closed, each a few days apart. */
  handled(start: string, office: string, followUp = 'Petugas sudah meninjau lokasi.'): this {
    return this.act('verify', wib(start, '11:00'), { dispositionOffice: office, note: '' })
      .act('follow-up', wib(start, '15:00'), { summary: followUp })
      .act('respond', wib(start, '16:00'), { channel: 'phone', summary: 'Sudah ditangani.' })
      .act('close', wib(start, '17:00'), { outcome: 'Selesai ditangani.' });
  }
}

export type PacketFixture = Readonly<{
  cases: readonly PacketCase[];
  complaints: ComplaintDoc[];
  events: EventDoc[];
  reporters: ReporterDoc[];
  profile: UnitProfile;
  settings: UnitSettingsDoc;
  indicators: Indicators;
  draft: PacketDraft;
  evidence: Map<string, Uint8Array>;
  input: PacketInput;
  /** Every document as the app's "export all records" writes them (reporters included). */
  allDocs: unknown[];
}>;

export const PROFILE: UnitProfile = {
  _id: UNIT_PROFILE_ID,
  type: 'unit-profile',
  schemaVersion: 1,
  unitCode: UNIT_CODE,
  unitName: UNIT_NAME,
  agency: 'Pemerintah Kota Kembang',
  entityType: 'city',
  contact: '0812-0000-1111',
  address: 'Jalan Balai Kota 1, Kembang',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

export const SETTINGS: IndicatorSettings = {
  timeZone: TIME_ZONE,
  deadlines: DEFAULT_DEADLINES,
  rules: DEFAULT_SLA_RULES,
  holidays: Object.fromEntries(Object.entries(DEFAULT_HOLIDAYS)),
};

/** The fixture's cases: an old one (for the 6-month check), named, anonymous, confidential, one made confidential later, one after the period. */
export function packetCases(): PacketCase[] {
  nextEventSequence = 1;
  const early = new PacketCase({
    sequence: 1,
    receivedAt: wib('2025-11-03'),
    privacyMode: 'anonymous',
    channel: 'complaint-box',
    category: 'education',
    title: 'Pungutan seragam sekolah',
    chronology: 'Orang tua diminta membayar seragam di luar ketentuan.',
  }).handled('2025-11-04', 'Dinas Pendidikan');

  const named = new PacketCase({
    sequence: 2,
    receivedAt: wib('2026-02-02'),
    privacyMode: 'named',
    channel: 'walk-in',
    category: 'infrastructure',
    title: PUBLIC_TITLE,
    chronology: 'Sejak seminggu lampu jalan padam dan rawan kecelakaan.',
    location: 'Jalan Kenanga',
    reporter: { ...NAMED_REPORTER },
    // A file named after the complainant: its name stays in the complaint document, never in a packet.
    attachments: [{ name: `KTP ${NAMED_REPORTER.name}.jpg`, mimeType: 'image/jpeg', size: 2048 }],
  })
    .act('verify', wib('2026-02-03'), { dispositionOffice: 'Dinas Pekerjaan Umum', note: '' })
    .act('follow-up', wib('2026-02-06'), { summary: 'Lampu sudah diganti.' })
    .act('respond', wib('2026-02-09'), { channel: 'phone', summary: 'Lampu sudah menyala lagi.' })
    .act('record-satisfaction', wib('2026-02-10'), { score: 5, comment: '', collectedVia: 'phone' })
    .act('close', wib('2026-02-11'), { outcome: 'Lampu jalan diganti.' });

  const anonymous = new PacketCase({
    sequence: 3,
    receivedAt: wib('2026-03-10'),
    privacyMode: 'anonymous',
    channel: 'whatsapp-sms',
    category: 'illegal-levies',
    title: 'Pungutan liar di loket KTP',
    chronology: 'Petugas meminta uang tambahan untuk mempercepat KTP.',
  }).act('verify', wib('2026-03-11'), { dispositionOffice: 'Dinas Dukcapil', note: '' });

  const confidential = new PacketCase({
    sequence: 4,
    receivedAt: wib('2026-04-06'),
    privacyMode: 'confidential',
    channel: 'phone',
    category: 'abuse-of-authority',
    title: 'RAHASIA-KONTEN-XYZ',
    chronology: 'RAHASIA-KRONOLOGI-QRS: uraian yang tidak boleh keluar dari unit.',
    location: 'RAHASIA-LOKASI-JKL',
    targetOffice: 'RAHASIA-KANTOR-MNO',
    reporter: { ...CONFIDENTIAL_REPORTER },
    attachments: [{ name: 'RAHASIA-LAMPIRAN-TUV.pdf', mimeType: 'application/pdf', size: 4096 }],
  }).handled('2026-04-07', 'RAHASIA-KANTOR-MNO', 'RAHASIA-TINDAKLANJUT-DEF dicatat petugas.');

  const laterConfidential = new PacketCase({
    sequence: 5,
    receivedAt: wib('2026-05-12'),
    privacyMode: 'named',
    channel: 'email',
    category: 'health',
    title: 'BERUBAH-RAHASIA-UVW',
    chronology: 'BERUBAH-KRONOLOGI-GHI: antrean puskesmas.',
    reporter: { ...LATER_CONFIDENTIAL_REPORTER },
  }).act('change-privacy', wib('2026-05-13'), { to: 'confidential', reason: 'Permintaan pelapor' });

  const after = new PacketCase({
    sequence: 6,
    receivedAt: wib('2026-07-01'),
    privacyMode: 'named',
    channel: 'walk-in',
    category: 'health',
    title: 'Diterima setelah periode',
    chronology: 'Tidak termasuk periode.',
    reporter: { name: 'Warga Biasa', nik: '', phone: '081234567890', email: '', address: '' },
  });
  return [early, named, anonymous, confidential, laterConfidential, after];
}

/** A small file of the given type, `size` bytes of deterministic content. */
export function fakeFile(header: string, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const head = new TextEncoder().encode(header);
  bytes.set(head.slice(0, size));
  for (let index = head.length; index < size; index += 1) bytes[index] = (index * 31 + 7) % 251;
  return bytes;
}

/** The draft: every section filled, two evidence files, two example cases. */
export function filledDraft(evidence: readonly EvidenceRef[]): PacketDraft {
  const draft = emptyPacketDraft(PROFILE, 2026, PERIOD);
  const narrative = (topic: string): string =>
    `${topic}. Unit menetapkan standar layanan pengaduan dan memantaunya setiap bulan.\n\n` +
    'Paragraf kedua: hasil pemantauan dibahas dalam rapat pimpinan dan ditindaklanjuti — termasuk “kanal baru”.';
  const [decree, photo] = evidence;
  return {
    ...draft,
    profile: {
      ...draft.profile,
      headOfUnit: { name: 'Dr. Hendra Wijaya', position: 'Kepala Bagian Organisasi' },
      team: {
        decreeNumber: '800/123/KPTS/2025',
        decreeDate: '2025-01-15',
        members: [
          { name: 'Budi Santoso', role: 'Verifikator' },
          { name: 'Rina Marlina', role: 'Petugas meja pengaduan' },
        ],
      },
      channels: ['walk-in', 'phone', 'whatsapp-sms', 'sp4n-lapor'],
      otherChannels: 'Aplikasi Kembang Melayani',
      staff: { count: 6, trained: 4, training: 'Bimtek SP4N-LAPOR! 2025 (KemenPANRB).' },
    },
    sections: {
      ...draft.sections,
      'leadership-commitment': {
        narrative: narrative('Komitmen pimpinan'),
        evidence: decree ? [decree] : [],
      },
      'follow-up-of-reports': { narrative: narrative('Tindak lanjut'), evidence: [] },
      'infrastructure-and-channels': { narrative: narrative('Sarana'), evidence: photo ? [photo] : [] },
      'staff-competence': { narrative: narrative('Kompetensi'), evidence: [] },
      'management-and-change': { narrative: narrative('Manajemen perubahan'), evidence: [] },
      'sustainability-connectivity-impact': { narrative: narrative('Keberlanjutan'), evidence: [] },
      innovation: { narrative: narrative('Inovasi ≤ 3 hari → lebih cepat 🚀 ā'), evidence: [] },
    },
    exampleCases: [
      {
        title: 'Lampu jalan padam',
        text: `${EXAMPLE_CASE_MARKER}, sejak laporan diterima di meja pengaduan.`,
      },
      { title: 'Antrean layanan', text: 'Antrean dibagi per layanan setelah aduan warga.' },
    ],
  };
}

/** The whole fixture: records, settings, indicators, draft, evidence and the builder's input. */
export function packetFixture(): PacketFixture {
  const cases = packetCases();
  const complaints = cases.map((file) => file.complaint);
  const events = cases.flatMap((file) => file.events);
  const reporters = cases.flatMap((file) => (file.reporter ? [file.reporter] : []));
  const settings = defaultUnitSettings(UNIT_CODE, TIME_ZONE, new Date('2025-01-01T00:00:00.000Z'), {
    officerId: 'manager-1',
    name: 'Maya',
  });
  const indicators = computeIndicators({
    complaints,
    events,
    unit: { code: UNIT_CODE, name: UNIT_NAME },
    settings: SETTINGS,
    period: PERIOD,
    computedAt: CREATED_AT,
  });
  const decree = fakeFile('%PDF-1.4 SK tim', 2048);
  const photo = fakeFile('\x89PNG foto', 4096);
  const refs: EvidenceRef[] = [
    { id: 'ev-1', name: 'SK Tim Pengaduan 2025.pdf', mimeType: 'application/pdf', size: decree.length },
    { id: 'ev-2', name: '../foto loket: ruang tunggu.png', mimeType: 'image/png', size: photo.length },
  ];
  const evidence = new Map<string, Uint8Array>([
    ['ev-1', decree],
    ['ev-2', photo],
  ]);
  const draft = filledDraft(refs);
  const input: PacketInput = {
    draft,
    complaints,
    events,
    indicators,
    evidence,
    generator: GENERATOR,
    createdAt: CREATED_AT,
  };
  const allDocs: unknown[] = [PROFILE, settings, ...complaints, ...reporters, ...events];
  return {
    cases,
    complaints,
    events,
    reporters,
    profile: PROFILE,
    settings,
    indicators,
    draft,
    evidence,
    input,
    allDocs,
  };
}
