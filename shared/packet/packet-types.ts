/**
 * A competition submission packet (Kompetisi P4, docs/domain.md and docs/packet.md): the draft a manager
 * fills in (unit profile, reporting period, one section per assessment aspect with narrative and
 * evidence files, up to five anonymised example cases) and the limits that go with it.
 *
 * The draft holds only references to evidence files (name, type, size, an id); their bytes are
 * supplied separately to the builder, keyed by that id, because a draft is a small mutable synced
 * document and the files are its attachments. `packetDraftSchema` checks a stored or submitted
 * draft; `PacketDraft` is its type.
 */
import { z } from 'zod';
import { ALLOWED_ATTACHMENT_TYPES } from '../complaint/attachment-types';
import { CHANNELS, ENTITY_TYPES } from '../complaint/vocabulary';
import { isIsoDate } from '../time/local-date';
import type { UnitProfile } from '../unit/unit-profile';

/**
 * Competition categories of the later editions (docs/domain.md, 'Kompetisi P4': 2020 added Outstanding
 * Achievement, general government institutions and service units; KepmenPANRB 1473/2021 keeps
 * Outstanding Achievement for past winners, IP Umum and UPP).
 */
export const COMPETITION_CATEGORIES = ['outstanding-achievement', 'ip-umum', 'upp'] as const;
export type CompetitionCategory = (typeof COMPETITION_CATEGORIES)[number];

/**
 * The assessment aspects named in public (docs/domain.md; weights were not published), in the
 * order the packet presents them.
 */
export const ASSESSMENT_ASPECTS = [
  'leadership-commitment',
  'follow-up-of-reports',
  'infrastructure-and-channels',
  'staff-competence',
  'management-and-change',
  'sustainability-connectivity-impact',
  'innovation',
] as const;
export type AssessmentAspect = (typeof ASSESSMENT_ASPECTS)[number];

/**
 * Length guide for an aspect's narrative, in words (Meja Aduan's own guide: the competition's
 * page limits were not published). Below `min` the editor warns; `NARRATIVE_MAX_CHARS` is a hard
 * limit so that one section cannot swell the PDF without bound.
 */
export const NARRATIVE_GUIDE_WORDS = { min: 150, max: 1000 } as const;
export const NARRATIVE_MAX_CHARS = 20_000;

/** At most this many example cases (docs/domain.md, 'Kompetisi P4'). */
export const MAX_EXAMPLE_CASES = 5;
export const EXAMPLE_CASE_TITLE_MAX = 200;
export const EXAMPLE_CASE_TEXT_MAX = 6_000;

/**
 * Evidence files: decrees, SOPs, photos, screenshots. The same types a complaint attachment may
 * have (../complaint/attachment-types). Size limits are Meja Aduan's own (no competition limit was
 * published): they keep a packet small enough to send over a poor connection.
 */
export const EVIDENCE_TYPES = ALLOWED_ATTACHMENT_TYPES;
export const EVIDENCE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TOTAL_MAX_BYTES = 100 * 1024 * 1024;
export const EVIDENCE_NAME_MAX = 200;
export const MAX_EVIDENCE_PER_SECTION = 20;

const isoDateSchema = z.string().refine(isIsoDate, { message: 'validation.invalid' });
const optionalIsoDate = z.string().refine((text) => text === '' || isIsoDate(text), {
  message: 'validation.invalid',
});
const line = (max: number) => z.string().max(max);

/** One evidence file as the draft refers to it; its bytes are passed to the builder by `id`. */
export const evidenceRefSchema = z
  .object({
    /** Stable within the draft (the attachment's key, e.g. `ev-1`). */
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(EVIDENCE_NAME_MAX),
    mimeType: z.enum(EVIDENCE_TYPES),
    size: z.number().int().min(0).max(EVIDENCE_FILE_MAX_BYTES),
  })
  .strict();
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const aspectSectionSchema = z
  .object({
    narrative: z.string().max(NARRATIVE_MAX_CHARS),
    evidence: z.array(evidenceRefSchema).max(MAX_EVIDENCE_PER_SECTION),
  })
  .strict();
export type AspectSection = z.infer<typeof aspectSectionSchema>;

/** An example case, already anonymised and reviewed by the manager: no identity, no record link. */
export const exampleCaseSchema = z
  .object({
    title: z.string().min(1).max(EXAMPLE_CASE_TITLE_MAX),
    text: z.string().max(EXAMPLE_CASE_TEXT_MAX),
  })
  .strict();
export type ExampleCase = z.infer<typeof exampleCaseSchema>;

const teamMemberSchema = z.object({ name: line(200), role: line(200) }).strict();

/**
 * The unit as the packet presents it. The first fields are the unit profile document's
 * (../unit/unit-profile); the rest exist only in the packet.
 */
export const packetUnitProfileSchema = z
  .object({
    unitCode: z.string().min(1),
    unitName: z.string().min(1).max(200),
    agency: line(200),
    entityType: z.enum(ENTITY_TYPES),
    contact: line(200),
    address: line(300),
    headOfUnit: z.object({ name: line(200), position: line(200) }).strict(),
    team: z
      .object({
        /** The decree (SK) that forms the complaint team. */
        decreeNumber: line(200),
        decreeDate: optionalIsoDate,
        members: z.array(teamMemberSchema).max(100),
      })
      .strict(),
    /** The channels the unit operates (docs/domain.md, 'Complaints and intake'). */
    channels: z.array(z.enum(CHANNELS)),
    /** Channels outside the fixed list, as free text ('' when none). */
    otherChannels: line(500),
    staff: z
      .object({
        /** Staff handling complaints; null when not stated. */
        count: z.number().int().min(0).nullable(),
        /** Of them, staff trained in complaint handling; null when not stated. */
        trained: z.number().int().min(0).nullable(),
        /** Trainings attended (names, years, organisers), free text. */
        training: line(4000),
      })
      .strict(),
  })
  .strict();
export type PacketUnitProfile = z.infer<typeof packetUnitProfileSchema>;

export const packetDraftSchema = z
  .object({
    year: z.number().int().min(2018).max(2100),
    category: z.enum(COMPETITION_CATEGORIES),
    profile: packetUnitProfileSchema,
    /** Local dates in the unit's time zone, both inclusive. */
    period: z.object({ from: isoDateSchema, to: isoDateSchema }).strict(),
    /** One section per assessment aspect, every aspect present. */
    sections: z
      .object(
        Object.fromEntries(ASSESSMENT_ASPECTS.map((aspect) => [aspect, aspectSectionSchema])) as Record<
          AssessmentAspect,
          typeof aspectSectionSchema
        >,
      )
      .strict(),
    /** A UPP entry needs its parent agency's recommendation letter (docs/domain.md, 'Kompetisi P4'). */
    parentRecommendation: evidenceRefSchema.nullable(),
    exampleCases: z.array(exampleCaseSchema).max(MAX_EXAMPLE_CASES),
  })
  .strict()
  .superRefine((draft, ctx) => {
    if (draft.period.from > draft.period.to) {
      ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'validation.invalid' });
    }
    const refs = allEvidence(draft);
    if (new Set(refs.map((ref) => ref.id)).size !== refs.length) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'evidence ids repeat' });
    }
    if (refs.reduce((sum, ref) => sum + ref.size, 0) > EVIDENCE_TOTAL_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: 'evidence files exceed the total size limit',
      });
    }
  });
export type PacketDraft = z.infer<typeof packetDraftSchema>;

/** The profile fields a packet takes from the unit profile document. */
export type ProfileFromUnit = Pick<
  UnitProfile,
  'unitCode' | 'unitName' | 'agency' | 'entityType' | 'contact' | 'address'
>;

/** The default category for a unit: a service unit enters UPP, every other entity IP Umum. */
export function defaultCategory(entityType: UnitProfile['entityType']): CompetitionCategory {
  return entityType === 'service-unit' ? 'upp' : 'ip-umum';
}

/** An empty draft for a unit: every section blank, no evidence, no cases. */
export function emptyPacketDraft(
  unit: ProfileFromUnit,
  year: number,
  period: Readonly<{ from: string; to: string }>,
  category: CompetitionCategory = defaultCategory(unit.entityType),
): PacketDraft {
  const sections = {} as Record<AssessmentAspect, AspectSection>;
  for (const aspect of ASSESSMENT_ASPECTS) sections[aspect] = { narrative: '', evidence: [] };
  return {
    year,
    category,
    profile: {
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      agency: unit.agency,
      entityType: unit.entityType,
      contact: unit.contact,
      address: unit.address,
      headOfUnit: { name: '', position: '' },
      team: { decreeNumber: '', decreeDate: '', members: [] },
      channels: [],
      otherChannels: '',
      staff: { count: null, trained: null, training: '' },
    },
    period: { from: period.from, to: period.to },
    sections,
    parentRecommendation: null,
    exampleCases: [],
  };
}

/** Where an evidence file belongs: one aspect's section, or the UPP recommendation letter. */
export type EvidenceOwner = AssessmentAspect | 'parent-recommendation';

/** Every evidence file of the draft with its owner, in packet order. */
export function evidenceWithOwners(
  draft: Pick<PacketDraft, 'sections' | 'parentRecommendation'>,
): ReadonlyArray<Readonly<{ owner: EvidenceOwner; ref: EvidenceRef }>> {
  const list: { owner: EvidenceOwner; ref: EvidenceRef }[] = [];
  for (const aspect of ASSESSMENT_ASPECTS) {
    for (const ref of draft.sections[aspect].evidence) list.push({ owner: aspect, ref });
  }
  if (draft.parentRecommendation) {
    list.push({ owner: 'parent-recommendation', ref: draft.parentRecommendation });
  }
  return list;
}

function allEvidence(draft: Pick<PacketDraft, 'sections' | 'parentRecommendation'>): EvidenceRef[] {
  return evidenceWithOwners(draft).map((entry) => entry.ref);
}

/** The generator written into the manifest: the app's name and version. */
export type PacketGenerator = Readonly<{ name: string; version: string }>;

/** Evidence bytes by evidence id. */
export type EvidenceBytes = ReadonlyMap<string, Uint8Array>;
