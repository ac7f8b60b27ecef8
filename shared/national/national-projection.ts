/**
 * The national projection (docs/decisions/008-national-projection.md): from one complaint
 * document and its event documents, the document the national database holds for it; from a
 * unit profile, the unit's public profile. Pure: the projector (central/national-projector) reads
 * the unit database, calls these, and writes what changed.
 *
 * The complaint's state comes from the same reducer the app uses (`reduceComplaint`), so the
 * national status, stages, office, satisfaction and privacy mode are what every device of the
 * unit shows, corrections and privacy changes included. What each privacy mode may carry is in
 * ./national-schema; the projection builds each form field by field from a fixed list, so a new
 * field in the unit's documents never reaches the national database unless it is added here.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import { DEFAULT_CATEGORIES } from '../complaint/vocabulary';
import type { UnitProfile } from '../unit/unit-profile';
import { reduceComplaint } from '../workflow/complaint-state';
import type { ComplaintStages } from '../workflow/complaint-state-types';
import type { EventDoc } from '../workflow/events';
import {
  CONFIDENTIAL_STAGE_KEYS,
  NATIONAL_COMPLAINT_PREFIX,
  NATIONAL_HASH_DIGITS,
  NATIONAL_SCHEMA_VERSION,
  nationalUnitProfileId,
  type NationalComplaint,
  type NationalConfidentialComplaint,
  type NationalUnitProfile,
} from './national-schema';

/** The category a confidential projection may name when the complaint's is not a known code. */
export const CONFIDENTIAL_OTHER_CATEGORY = 'other';
const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(DEFAULT_CATEGORIES.map((category) => category.code));

/**
 * The national id of a complaint: `complaint:<unit>:<first 32 hex digits of SHA-256(_id)>`. The
 * same for every privacy mode, so a complaint that turns confidential keeps its national document;
 * the complaint's `_id` ends in a content hash nobody outside the unit knows, so the national id
 * cannot be traced back to a tracking number by trying candidates.
 */
export function nationalComplaintId(unitCode: string, complaintDocId: string): string {
  const digest = bytesToHex(sha256(new TextEncoder().encode(complaintDocId)));
  return `${NATIONAL_COMPLAINT_PREFIX}${unitCode}:${digest.slice(0, NATIONAL_HASH_DIGITS)}`;
}

/**
 * The category of a confidential projection: a code of the vocabulary, else `other`. A category
 * can be corrected to any text by a correction event, and no free text may leave a confidential
 * complaint; units cannot define their own category codes yet (when they can, their codes join
 * this list from the unit's settings).
 */
export function confidentialCategory(category: string): string {
  return KNOWN_CATEGORIES.has(category) ? category : CONFIDENTIAL_OTHER_CATEGORY;
}

function confidentialStages(stages: ComplaintStages): NationalConfidentialComplaint['stages'] {
  const kept: Partial<Record<(typeof CONFIDENTIAL_STAGE_KEYS)[number], string>> = {};
  for (const key of CONFIDENTIAL_STAGE_KEYS) {
    const value = stages[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept;
}

/**
 * The national document of `complaint` given its events (events of other complaints are ignored,
 * duplicates counted once, in any order: `reduceComplaint`'s rules).
 */
export function projectComplaint(complaint: ComplaintDoc, events: readonly EventDoc[]): NationalComplaint {
  const state = reduceComplaint(complaint, events);
  const common = {
    _id: nationalComplaintId(complaint.unitCode, complaint._id),
    type: 'national-complaint',
    schemaVersion: NATIONAL_SCHEMA_VERSION,
    unitCode: complaint.unitCode,
    receivedMonth: complaint.receivedLocalDate.slice(0, 7),
    channel: state.current.channel,
    status: state.status,
  } as const;
  if (state.privacyMode === 'confidential') {
    return {
      ...common,
      privacyMode: 'confidential',
      category: confidentialCategory(state.current.category),
      stages: confidentialStages(state.stages),
    };
  }
  return {
    ...common,
    privacyMode: state.privacyMode,
    trackingNumber: complaint.trackingNumber,
    category: state.current.category,
    reportType: state.current.reportType,
    stages: { receivedAt: state.stages.receivedAt, ...confidentialStages(state.stages) },
    office: state.currentOffice,
    satisfactionScore: state.satisfaction?.score ?? null,
    title: state.current.title,
    chronology: state.current.chronology,
  };
}

/** The unit's public profile, as the national database holds it. */
export function projectUnitProfile(profile: UnitProfile): NationalUnitProfile {
  return {
    _id: nationalUnitProfileId(profile.unitCode),
    type: 'national-unit-profile',
    schemaVersion: NATIONAL_SCHEMA_VERSION,
    unitCode: profile.unitCode,
    unitName: profile.unitName,
    agency: profile.agency,
    entityType: profile.entityType,
    contact: profile.contact,
    address: profile.address,
  };
}

/** True when a stored national complaint document carries text (any form but confidential). */
export function carriesText(doc: Readonly<Record<string, unknown>>): boolean {
  return doc.privacyMode !== 'confidential';
}
