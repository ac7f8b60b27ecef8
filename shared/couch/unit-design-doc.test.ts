/**
 * The unit design document: derived from the app's zod schemas, deterministic, and honest about
 * what the server leaves to the app. (Byte stability across processes and toolchains, and the
 * ES5 syntax of the embedded functions, are checked in test/integration/central-design-doc.)
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { UNIT_DESIGN_DOC_ID } from './couch-names';
import { buildDocumentJsonSchemas, IMMUTABLE_TYPES, MUTABLE_TYPES } from './document-json-schemas';
import { unitDesignDoc, unitDesignDocJson } from './unit-design-doc';

/**
 * Refinements the server does not check (besides each event kind's cross-field rules, which the
 * server covers in part through the id templates and the unit checks). docs/central.md lists them
 * too: a change here belongs there.
 */
const UNENFORCED_ON_SERVER = [
  'complaint (document): cross-field rules',
  'packet-draft draft.profile.team.decreeDate: validation.invalid',
  'packet-draft draft: cross-field rules',
  'reporter (document): cross-field rules',
  'unit-offices offices: cross-field rules',
  'unit-settings holidays: cross-field rules',
];

describe('unitDesignDoc', () => {
  it('is the same bytes every time, with sorted keys', () => {
    const first = unitDesignDocJson('KTB');
    expect(unitDesignDocJson('KTB')).toBe(first);
    expect(canonicalJson(JSON.parse(first))).toBe(first);
    expect(first).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/); // no build time inside
  });

  it('differs between units only in the unit code and role', () => {
    const ktb = unitDesignDocJson('KTB');
    const kbm = unitDesignDocJson('KBM');
    expect(kbm.replaceAll('"unit-kbm"', '"unit-ktb"').replaceAll('"KBM"', '"KTB"')).toBe(ktb);
  });

  it('has the validator and settings for every document type', () => {
    const doc = unitDesignDoc('KTB');
    expect(doc._id).toBe(UNIT_DESIGN_DOC_ID);
    expect(typeof doc.validate_doc_update).toBe('string');
    expect(doc.filters).toBeUndefined();
    const settings = doc.meja_aduan as { unitCode: string; role: string; types: Record<string, unknown> };
    expect(settings.unitCode).toBe('KTB');
    expect(settings.role).toBe('unit-ktb');
    expect(Object.keys(settings.types).sort()).toEqual([...IMMUTABLE_TYPES, ...MUTABLE_TYPES].sort());
  });

  it('refuses an invalid unit code', () => {
    expect(() => unitDesignDoc('K0')).toThrow(RangeError);
  });

  it('leaves exactly the listed refinements to the app', () => {
    const eventRules = /^event [a-z-]+ \(document\): cross-field rules$/;
    const { unenforced } = buildDocumentJsonSchemas();
    expect(unenforced.filter((line) => !eventRules.test(line))).toEqual(UNENFORCED_ON_SERVER);
  });
});
