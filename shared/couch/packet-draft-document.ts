/**
 * The stored form of a competition packet draft (one of the few mutable, synced documents:
 * docs/decisions/001-append-only-events.md): `packet-draft:<year>-<category>` in the unit's
 * database, holding the draft (../packet/packet-types) and its evidence files as attachments
 * keyed by evidence id.
 *
 *   { _id, _rev, type: 'packet-draft', schemaVersion: 1, unitCode, updatedAt, updatedBy,
 *     lastChangedBy: { device, officer }, draft: PacketDraft, _attachments: { <evidence id>: { content_type, … } } }
 *
 * It lives here because the central validator checks it (./document-json-schemas derives the
 * server's JSON Schema from `packetDraftDocSchema`), and the renderer's store of drafts parses it
 * with the same schema. Packet drafts are the only documents besides complaints that may carry
 * files: each file's type must be an evidence type, its size at most the evidence limit where the
 * server can see it (CouchDB hands the validator stubs with `length`; an inline upload has base64
 * `data`, limited to the base64 length of the largest file). The national filter never passes a
 * packet draft, nor any document with files (./national-sources).
 *
 * Left to the app (cross-field): the id names the draft's year and category; `unitCode` equals the
 * draft profile's; every evidence reference has its attachment and every attachment a reference.
 */
import { z } from 'zod';
import { officerRefSchema } from '../complaint/complaint-schema';
import { isValidUnitCode } from '../ids/tracking-number';
import {
  EVIDENCE_FILE_MAX_BYTES,
  EVIDENCE_TYPES,
  packetDraftSchema,
  type CompetitionCategory,
} from '../packet/packet-types';
import { isIsoInstant } from '../time/iso-instant';
import { changedBySchema } from '../unit/changed-by';
import { PACKET_DRAFT_ID_PREFIX, PACKET_DRAFT_TYPE } from './id-templates';

export const PACKET_DRAFT_SCHEMA_VERSION = 1;
/** Evidence ids (the attachment names) are at most this long, as in evidenceRefSchema. */
export const EVIDENCE_ID_MAX = 100;
/** The base64 length of the largest evidence file. */
const EVIDENCE_BASE64_MAX = Math.ceil(EVIDENCE_FILE_MAX_BYTES / 3) * 4;

/** One file of a draft as PouchDB and CouchDB describe it (stub, or inline upload). */
export const packetDraftAttachmentSchema = z
  .object({
    content_type: z.enum(EVIDENCE_TYPES),
    length: z.number().int().min(0).max(EVIDENCE_FILE_MAX_BYTES).optional(),
    data: z.string().max(EVIDENCE_BASE64_MAX).optional(),
  })
  .loose();

export const packetDraftDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    _attachments: z.record(z.string().min(1).max(EVIDENCE_ID_MAX), packetDraftAttachmentSchema).optional(),
    type: z.literal(PACKET_DRAFT_TYPE),
    schemaVersion: z.literal(PACKET_DRAFT_SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
    updatedAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    updatedBy: officerRefSchema,
    /** Who wrote this revision (../unit/changed-by): absent only on revisions written before it existed. */
    lastChangedBy: changedBySchema.optional(),
    draft: packetDraftSchema,
  })
  .strict();
export type PacketDraftDoc = z.infer<typeof packetDraftDocSchema>;

/** `packet-draft:<year>-<category>`: one draft per competition year and category. */
export function packetDraftId(year: number, category: CompetitionCategory): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`packetDraftId: not a four-digit year: ${year}`);
  }
  return `${PACKET_DRAFT_ID_PREFIX}${year}-${category}`;
}
