/**
 * The evidence files of a Kompetisi P4 packet draft, as pure rules: whether a file may be added
 * to an aspect's evidence (type and size limits of ./packet-types), the reference to add, and the
 * draft with a file added or removed. The draft store (renderer/core/data/packet-drafts) keeps
 * the bytes; the packet editor applies these rules as the manager adds files.
 */
import { attachmentTypeOf } from '../complaint/attachment-types';
import {
  EVIDENCE_FILE_MAX_BYTES,
  EVIDENCE_NAME_MAX,
  EVIDENCE_TOTAL_MAX_BYTES,
  MAX_EVIDENCE_PER_SECTION,
  evidenceWithOwners,
  type EvidenceOwner,
  type EvidenceRef,
  type PacketDraft,
} from './packet-types';

/** Why a file cannot be evidence, with what the message needs. */
export type EvidenceProblem =
  | Readonly<{ problem: 'type' }>
  | Readonly<{ problem: 'empty' }>
  | Readonly<{ problem: 'size'; max: number }>
  | Readonly<{ problem: 'total'; max: number }>
  | Readonly<{ problem: 'count'; max: number }>
  | Readonly<{ problem: 'name'; max: number }>;

export type EvidenceCheck =
  Readonly<{ ok: true; ref: EvidenceRef }> | Readonly<{ ok: false; name: string } & EvidenceProblem>;

/** A new evidence id: `ev-` and a random part, unique within the draft. */
export function newEvidenceId(draft: Pick<PacketDraft, 'sections' | 'parentRecommendation'>): string {
  const taken = new Set(evidenceWithOwners(draft).map(({ ref }) => ref.id));
  for (;;) {
    const id = `ev-${crypto.randomUUID().slice(0, 8)}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Whether `file` may be added to `owner`'s evidence (type and size limits, set in ./packet-types). Gives the reference to add when it may.
 */
export function checkEvidenceFile(
  draft: PacketDraft,
  owner: EvidenceOwner,
  file: Readonly<{ name: string; type: string; size: number }>,
): EvidenceCheck {
  const fail = (problem: EvidenceProblem): EvidenceCheck => ({ ok: false, name: file.name, ...problem });
  const mimeType = attachmentTypeOf(file.name, file.type);
  if (!mimeType) return fail({ problem: 'type' });
  if (file.size === 0) return fail({ problem: 'empty' });
  if (file.size > EVIDENCE_FILE_MAX_BYTES) return fail({ problem: 'size', max: EVIDENCE_FILE_MAX_BYTES });
  if (file.name.length > EVIDENCE_NAME_MAX) return fail({ problem: 'name', max: EVIDENCE_NAME_MAX });
  const all = evidenceWithOwners(draft);
  const total = all.reduce((sum, { ref }) => sum + ref.size, 0);
  if (total + file.size > EVIDENCE_TOTAL_MAX_BYTES) {
    return fail({ problem: 'total', max: EVIDENCE_TOTAL_MAX_BYTES });
  }
  if (owner !== 'parent-recommendation') {
    const count = draft.sections[owner].evidence.length;
    if (count >= MAX_EVIDENCE_PER_SECTION) return fail({ problem: 'count', max: MAX_EVIDENCE_PER_SECTION });
  }
  return { ok: true, ref: { id: newEvidenceId(draft), name: file.name, mimeType, size: file.size } };
}

/** `draft` with `ref` added to `owner`'s evidence (the recommendation letter replaces any earlier one). */
export function withEvidence(draft: PacketDraft, owner: EvidenceOwner, ref: EvidenceRef): PacketDraft {
  if (owner === 'parent-recommendation') return { ...draft, parentRecommendation: ref };
  const section = draft.sections[owner];
  return {
    ...draft,
    sections: { ...draft.sections, [owner]: { ...section, evidence: [...section.evidence, ref] } },
  };
}

/** `draft` without the evidence file `id`, wherever it was. */
export function withoutEvidence(draft: PacketDraft, id: string): PacketDraft {
  const sections = Object.fromEntries(
    Object.entries(draft.sections).map(([aspect, section]) => [
      aspect,
      { ...section, evidence: section.evidence.filter((ref) => ref.id !== id) },
    ]),
  ) as PacketDraft['sections'];
  const recommendation = draft.parentRecommendation?.id === id ? null : draft.parentRecommendation;
  return { ...draft, sections, parentRecommendation: recommendation };
}
