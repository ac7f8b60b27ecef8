/**
 * The design document of the national database, `_design/meja-aduan-national`: its
 * `validate_doc_update` (./national-sources) lets only the national projector and server admins
 * write, accepts only the national document types (shared/national/national-schema), and refuses
 * identity, files and any text in a confidential complaint's projection even from them. Sorted
 * keys, constant text: byte-stable like ./unit-design-doc.
 */
import { canonicalJson, sortKeys } from './canonical-json';
import { NATIONAL_DESIGN_DOC_ID } from './couch-names';
import { NATIONAL_VALIDATE_SOURCE } from './national-sources';
import type { DesignDoc } from './unit-design-doc';

export function nationalDesignDoc(): DesignDoc {
  return sortKeys({
    _id: NATIONAL_DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: NATIONAL_VALIDATE_SOURCE,
  }) as DesignDoc;
}

export function nationalDesignDocJson(): string {
  return canonicalJson(nationalDesignDoc());
}
