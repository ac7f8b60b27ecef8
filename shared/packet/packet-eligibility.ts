/**
 * The eligibility checklist of a packet (docs/domain.md, 'Kompetisi P4'): the unit's complaint system
 * has records going back at least 6 months before the period's end; a UPP entry has its parent
 * agency's recommendation letter; every aspect's narrative is filled; every evidence file is
 * present with the size the draft recorded. The editor shows it as a checklist; the PDF prints it.
 */
import { isIsoDate } from '../time/local-date';
import { ASPECT_LABELS, formatLongDate } from './packet-labels';
import {
  ASSESSMENT_ASPECTS,
  evidenceWithOwners,
  type AssessmentAspect,
  type EvidenceBytes,
  type PacketDraft,
} from './packet-types';

/** The competition asks for a complaint system that has run for at least 6 months. */
export const MIN_RECORD_MONTHS = 6;

export type EligibilityCheck =
  | Readonly<{ id: 'records-six-months'; ok: boolean; earliest: string | null; required: string }>
  | Readonly<{ id: 'upp-recommendation'; ok: boolean; applies: boolean }>
  | Readonly<{ id: 'sections-filled'; ok: boolean; empty: readonly AssessmentAspect[] }>
  | Readonly<{ id: 'evidence-present'; ok: boolean; missing: readonly string[] }>;

export type EligibilityInput = Readonly<{
  draft: PacketDraft;
  /** Local date of the unit's earliest complaint (any period), or null with none. */
  earliestReceivedDate: string | null;
  evidence: EvidenceBytes;
}>;

/** The ISO date `months` calendar months before `isoDate`, the day clamped to the month's end. */
export function monthsBefore(isoDate: string, months: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`monthsBefore: not a date: ${isoDate}`);
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/** Every check, in checklist order; `ok` is false where the packet is not yet eligible. */
export function checkEligibility(input: EligibilityInput): EligibilityCheck[] {
  const { draft, earliestReceivedDate, evidence } = input;
  const required = monthsBefore(draft.period.to, MIN_RECORD_MONTHS);
  const applies = draft.category === 'upp';
  const recommendation = draft.parentRecommendation;
  const empty = ASSESSMENT_ASPECTS.filter((aspect) => draft.sections[aspect].narrative.trim() === '');
  const missing = evidenceWithOwners(draft)
    .filter(({ ref }) => evidence.get(ref.id)?.length !== ref.size)
    .map(({ ref }) => ref.name);
  return [
    {
      id: 'records-six-months',
      ok: earliestReceivedDate !== null && earliestReceivedDate <= required,
      earliest: earliestReceivedDate,
      required,
    },
    {
      id: 'upp-recommendation',
      ok:
        !applies ||
        (recommendation !== null && evidence.get(recommendation.id)?.length === recommendation.size),
      applies,
    },
    { id: 'sections-filled', ok: empty.length === 0, empty },
    { id: 'evidence-present', ok: missing.length === 0, missing },
  ];
}

/** The check as one Indonesian sentence, for the PDF. */
export function eligibilityText(check: EligibilityCheck): string {
  switch (check.id) {
    case 'records-six-months':
      return check.earliest === null
        ? `Catatan pengaduan sejak paling lambat ${formatLongDate(check.required)}: belum ada catatan.`
        : `Catatan pengaduan sejak paling lambat ${formatLongDate(check.required)} (${MIN_RECORD_MONTHS} bulan sebelum akhir periode): catatan pertama ${formatLongDate(check.earliest)}.`;
    case 'upp-recommendation':
      return check.applies
        ? 'Surat rekomendasi instansi induk (wajib untuk kategori UPP): ' +
            (check.ok ? 'terlampir.' : 'belum terlampir.')
        : 'Surat rekomendasi instansi induk: tidak diwajibkan untuk kategori ini.';
    case 'sections-filled':
      return check.ok
        ? 'Semua aspek penilaian sudah diisi.'
        : `Aspek yang belum diisi: ${check.empty.map((aspect) => ASPECT_LABELS[aspect]).join(', ')}.`;
    case 'evidence-present':
      return check.ok
        ? 'Semua berkas bukti ada dan ukurannya sesuai.'
        : `Berkas bukti yang tidak ada atau tidak sesuai: ${check.missing.join(', ')}.`;
    default: {
      const unknown: never = check;
      throw new Error(`Unknown eligibility check: ${JSON.stringify(unknown)}`);
    }
  }
}
