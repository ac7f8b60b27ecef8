/**
 * The Indonesian words the packet's files use (PDF, spreadsheet headers and values). The packet
 * is read by judges outside the app, so its text is fixed Indonesian, not the UI's language; the
 * UI's own strings live in renderer/i18n, which shared/ may not import. Keep the two in step.
 */
import type {
  ComplaintStatus,
  EntityType,
  PrivacyMode,
  ReportType,
  StatusWord,
} from '../complaint/vocabulary';
import { DEFAULT_CATEGORIES, type Channel } from '../complaint/vocabulary';
import type { AssessmentAspect, CompetitionCategory, EvidenceOwner } from './packet-types';

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  'walk-in': 'Datang langsung',
  phone: 'Telepon/call center',
  letter: 'Surat',
  email: 'Email',
  'whatsapp-sms': 'WhatsApp/SMS',
  'social-media': 'Media sosial',
  'sp4n-lapor': 'SP4N-LAPOR!',
  'complaint-box': 'Kotak pengaduan',
};

export const REPORT_TYPE_LABELS: Readonly<Record<ReportType, string>> = {
  complaint: 'Pengaduan',
  aspiration: 'Aspirasi',
  'information-request': 'Permintaan informasi',
  'whistle-blowing': 'Pengaduan pelanggaran (whistle-blowing)',
};

export const PRIVACY_LABELS: Readonly<Record<PrivacyMode, string>> = {
  named: 'Biasa',
  anonymous: 'Anonim',
  confidential: 'Rahasia',
};

export const STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = {
  new: 'Baru',
  'on-hold': 'Ditunda',
  verified: 'Diverifikasi/didisposisi',
  'followed-up': 'Ditindaklanjuti',
  answered: 'Ditanggapi',
  closed: 'Selesai',
  archived: 'Diarsipkan',
  forwarded: 'Diteruskan',
};

/** A complaint's status word (shared/complaint/vocabulary `statusWord`): verified without a disposition apart. */
export const STATUS_WORD_LABELS: Readonly<Record<StatusWord, string>> = {
  ...STATUS_LABELS,
  'verified-undisposed': 'Diverifikasi, belum didisposisi',
};

export const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  'ministry-agency': 'Kementerian/Lembaga',
  province: 'Pemerintah Provinsi',
  city: 'Pemerintah Kota',
  regency: 'Pemerintah Kabupaten',
  'bumn-bumd': 'BUMN/BUMD',
  'service-unit': 'Unit Penyelenggara Pelayanan (UPP)',
};

export const COMPETITION_CATEGORY_LABELS: Readonly<Record<CompetitionCategory, string>> = {
  'outstanding-achievement': 'Outstanding Achievement',
  'ip-umum': 'Instansi Pemerintah Umum (IP Umum)',
  upp: 'Unit Penyelenggara Pelayanan (UPP)',
};

export const ASPECT_LABELS: Readonly<Record<AssessmentAspect, string>> = {
  'leadership-commitment': 'Komitmen Pimpinan',
  'follow-up-of-reports': 'Tindak Lanjut Pengaduan',
  'infrastructure-and-channels': 'Sarana Prasarana dan Kanal Pengaduan',
  'staff-competence': 'Kompetensi Pengelola Pengaduan',
  'management-and-change': 'Manajemen dan Perubahan',
  'sustainability-connectivity-impact': 'Keberlanjutan, Konektivitas dan Dampak',
  innovation: 'Inovasi',
};

export const EVIDENCE_OWNER_LABELS: Readonly<Record<EvidenceOwner, string>> = {
  ...ASPECT_LABELS,
  'parent-recommendation': 'Rekomendasi Instansi Induk',
};

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** The Indonesian label of a category code: a default category's name, else the code itself. */
export function categoryLabel(code: string, custom: Readonly<Record<string, string>> = {}): string {
  return custom[code] ?? DEFAULT_CATEGORIES.find((category) => category.code === code)?.label.id ?? code;
}

/** `2026-03-05` → `5 Maret 2026`; '' stays ''. */
export function formatLongDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** `2026-03` → `Mar 2026`. */
export function formatShortMonth(isoMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  if (!match) return isoMonth;
  const [, year, month] = match;
  return `${SHORT_MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** A share 0..1 as an Indonesian percentage with one decimal: `0.8534` → `85,3%`. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1).replace('.', ',')}%`;
}

/** A number with Indonesian decimal comma, at most `digits` decimals; null → `—`. */
export function formatNumber(value: number | null, digits = 1): string {
  if (value === null) return '—';
  const fixed = Number.isInteger(value) ? String(value) : value.toFixed(digits);
  return fixed.replace('.', ',');
}

/** A byte count for people: `1.536` → `1,5 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024)} KB`;
  return `${formatNumber(bytes / (1024 * 1024))} MB`;
}
