/**
 * The design document of a unit database, `_design/meja-aduan`:
 *   validate_doc_update   ./validate-doc-update-source (constant text)
 *   meja_aduan            what the validator reads as `this.meja_aduan`: the unit, its role, the
 *                         prefix of the roles naming a device (`meja-aduan-device:`), and
 *                         per document type whether it is mutable (write-once, permanent,
 *                         written by the central's server admins only: `central`), its id templates
 *                         (./id-templates), its JSON Schema (./document-json-schemas; events:
 *                         one per kind) and, for complaints, the rules for its files (FILE_RULES)
 * Built with sorted keys and nothing time- or machine-dependent, so the same code always gives the
 * same bytes: `central setup` compares it with the stored one and writes only on a difference.
 */
import { ALLOWED_ATTACHMENT_TYPES } from '../complaint/attachment-types';
import {
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  MAX_TOTAL_ATTACHMENT_BYTES,
} from '../complaint/complaint-limits';
import { canonicalJson, sortKeys, type Json } from './canonical-json';
import { DEVICE_ROLE_PREFIX, UNIT_DESIGN_DOC_ID, unitRole } from './couch-names';
import {
  CENTRAL_TYPES,
  IMMUTABLE_TYPES,
  MUTABLE_TYPES,
  PERMANENT_TYPES,
  WRITE_ONCE_TYPES,
  buildDocumentJsonSchemas,
  type DocumentType,
} from './document-json-schemas';
import { ID_TEMPLATES } from './id-templates';
import { VALIDATE_DOC_UPDATE_SOURCE } from './validate-doc-update-source';

export type DesignDoc = { readonly _id: string; readonly [field: string]: Json };

/**
 * The rules for the files of each document type that declares its files (the validator's
 * `attachmentProblem`): the list field, the count, size and total limits and the allowed types,
 * from the app's own constants. Packet drafts check their files through their JSON Schema.
 */
export const FILE_RULES: Readonly<Partial<Record<DocumentType, Json>>> = {
  complaint: {
    declaredIn: 'attachments',
    maxFiles: MAX_ATTACHMENTS,
    maxFileBytes: MAX_ATTACHMENT_BYTES,
    maxTotalBytes: MAX_TOTAL_ATTACHMENT_BYTES,
    types: [...ALLOWED_ATTACHMENT_TYPES],
  },
};

/** The settings the validator reads as `this.meja_aduan`, for the unit `unitCode`. */
export function validatorSettings(unitCode: string): Json {
  const role = unitRole(unitCode); // throws on an invalid unit code
  const { types: schemas, eventKinds } = buildDocumentJsonSchemas();
  const types: Record<string, Json> = {};
  const all: readonly DocumentType[] = [...IMMUTABLE_TYPES, ...MUTABLE_TYPES];
  for (const type of all) {
    const ids = ID_TEMPLATES[type];
    if (!ids) throw new Error(`No id template for document type ${type}`);
    types[type] = {
      mutable: (MUTABLE_TYPES as readonly string[]).includes(type),
      ...(WRITE_ONCE_TYPES.includes(type) ? { writeOnce: true } : {}),
      ...(PERMANENT_TYPES.includes(type) ? { permanent: true } : {}),
      ...(CENTRAL_TYPES.includes(type) ? { central: true } : {}),
      ids: sortKeys(ids),
      ...(type === 'event' ? { kinds: eventKinds } : {}),
      ...(schemas[type] ? { schema: schemas[type] } : {}),
      ...(FILE_RULES[type] ? { files: FILE_RULES[type] } : {}),
    };
  }
  return sortKeys({ unitCode, role, deviceRolePrefix: DEVICE_ROLE_PREFIX, types });
}

export function unitDesignDoc(unitCode: string): DesignDoc {
  return sortKeys({
    _id: UNIT_DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: VALIDATE_DOC_UPDATE_SOURCE,
    meja_aduan: validatorSettings(unitCode),
  }) as DesignDoc;
}

/** The design document as canonical JSON text (the bytes that must not change between builds). */
export function unitDesignDocJson(unitCode: string): string {
  return canonicalJson(unitDesignDoc(unitCode));
}
