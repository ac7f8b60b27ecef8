/**
 * The complaint desk's fixed vocabularies, as codes. The UI holds the Indonesian words
 * (docs/domain.md, 'Glossary'); stored documents hold these codes.
 */

/**
 * Channels a complaint arrives by (docs/domain.md, 'Complaints and intake': LAPOR! web/apps,
 * SMS 1708, social media; at unit level face to face, complaint box, letter, telephone/call
 * centre, WhatsApp, email).
 * Ordered for the intake form: walk-in and phone, the desk's daily channels, first.
 */
export const CHANNELS = [
  'walk-in',
  'phone',
  'letter',
  'email',
  'whatsapp-sms',
  'social-media',
  'sp4n-lapor',
  'complaint-box',
] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels the intake form offers: all of them, in CHANNELS order. */
export const INTAKE_CHANNELS: readonly Channel[] = CHANNELS;

/** Report types of SP4N-LAPOR!: complaint, aspiration, request for information, whistle-blowing. */
export const REPORT_TYPES = ['complaint', 'aspiration', 'information-request', 'whistle-blowing'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/**
 * Reporter privacy (docs/domain.md, 'Privacy modes'): named; anonymous = no identity stored at
 * all; confidential = identity stored, visible only to permitted roles, never exported.
 */
export const PRIVACY_MODES = ['named', 'anonymous', 'confidential'] as const;
export type PrivacyMode = (typeof PRIVACY_MODES)[number];

/** Entity types of Kompetisi P4 categories (PermenPANRB 39/2018; later editions add service units). */
export const ENTITY_TYPES = [
  'ministry-agency',
  'province',
  'city',
  'regency',
  'bumn-bumd',
  'service-unit',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Complaint statuses, shown as baru, ditunda, diverifikasi/didisposisi, ditindaklanjuti,
 * ditanggapi, selesai, diarsipkan, diteruskan. Derived from the SP4N-LAPOR! verifier actions and
 * stages (docs/domain.md, 'Workflow'); the exact LAPOR! status list was not confirmed.
 */
export const COMPLAINT_STATUSES = [
  'new',
  'on-hold',
  'verified',
  'followed-up',
  'answered',
  'closed',
  'archived',
  'forwarded',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * The word one complaint's status reads as. `verified` covers "verified and disposed to an office"
 * and "verified, no disposition yet" (verify without an office); the second has its own word, so
 * nobody reads a disposition that did not happen. `office` is the complaint's current office (set
 * only by a disposition; '' or null until then).
 */
export type StatusWord = ComplaintStatus | 'verified-undisposed';
export function statusWord(status: ComplaintStatus, office: string | null): StatusWord {
  return status === 'verified' && !office ? 'verified-undisposed' : status;
}

/** Version of the stored document shapes (complaint, reporter, event). */
export const SCHEMA_VERSION = 1;

export type CategoryLabel = Readonly<{ id: string; en: string }>;
export type Category = Readonly<{ code: string; label: CategoryLabel }>;

/**
 * Default categories, editable per unit (docs/domain.md, 'Categories'): no official list was found, so
 * these are the topics LAPOR! accepts and the issue types seen in regional guides.
 */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  // Topics LAPOR! accepts.
  { code: 'health', label: { id: 'Kesehatan', en: 'Health' } },
  { code: 'transport', label: { id: 'Transportasi dan Perhubungan', en: 'Transport' } },
  { code: 'education', label: { id: 'Pendidikan', en: 'Education' } },
  {
    code: 'civil-registration',
    label: { id: 'Kependudukan dan Pencatatan Sipil', en: 'Civil registration' },
  },
  { code: 'licensing', label: { id: 'Perizinan', en: 'Licensing' } },
  { code: 'environment', label: { id: 'Lingkungan Hidup', en: 'Environment' } },
  { code: 'tourism', label: { id: 'Pariwisata', en: 'Tourism' } },
  { code: 'regional-development', label: { id: 'Pembangunan Daerah', en: 'Regional development' } },
  { code: 'village-funds', label: { id: 'Dana Desa', en: 'Village funds' } },
  { code: 'infrastructure', label: { id: 'Infrastruktur', en: 'Infrastructure' } },
  { code: 'labour', label: { id: 'Ketenagakerjaan', en: 'Labour' } },
  {
    code: 'communications-information',
    label: { id: 'Komunikasi dan Informatika', en: 'Communications and information' },
  },
  { code: 'banking', label: { id: 'Perbankan', en: 'Banking' } },
  // Issue types seen in regional guides.
  { code: 'illegal-levies', label: { id: 'Pungutan Liar (Pungli)', en: 'Illegal levies' } },
  { code: 'abuse-of-authority', label: { id: 'Penyalahgunaan Wewenang', en: 'Abuse of authority' } },
  { code: 'discrimination', label: { id: 'Diskriminasi', en: 'Discrimination' } },
  {
    code: 'procedure-not-followed',
    label: { id: 'Prosedur Tidak Dijalankan', en: 'Procedure not followed' },
  },
  { code: 'poor-service-quality', label: { id: 'Kualitas Pelayanan Buruk', en: 'Poor service quality' } },
  { code: 'officer-ethics', label: { id: 'Etika Petugas', en: 'Officer ethics' } },
  { code: 'other', label: { id: 'Lainnya', en: 'Other' } },
];

/** Category codes are kebab-case ASCII, like the defaults; a unit's own categories follow the same rule. */
export const CATEGORY_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isReportType(value: unknown): value is ReportType {
  return typeof value === 'string' && (REPORT_TYPES as readonly string[]).includes(value);
}

export function isPrivacyMode(value: unknown): value is PrivacyMode {
  return typeof value === 'string' && (PRIVACY_MODES as readonly string[]).includes(value);
}

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}
