/**
 * The national replication filter and the national database's validator, run as CouchDB runs
 * them (source text compiled on its own, real documents as JSON). The filter's text is pinned:
 * editing it restarts every unit's national replication from zero, so it must be deliberate.
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_FILTER_SOURCE, NATIONAL_VALIDATE_SOURCE } from './national-sources';
import {
  intakeDocuments,
  packetDraftDoc,
  reporterOf,
  unitOfficesDoc,
  unitProfileDoc,
  unitSettingsDoc,
  workflowEvents,
} from './test-documents';

type Doc = Record<string, unknown>;
const compile = <F>(source: string): F => new Function(`"use strict"; return (${source});`)() as F;
const filter = compile<(doc: Doc, req: Doc) => boolean>(NATIONAL_FILTER_SOURCE);
const validate =
  compile<(newDoc: Doc, oldDoc: Doc | null, userCtx: Doc, secObj: Doc) => void>(NATIONAL_VALIDATE_SOURCE);
const json = (value: unknown): Doc => JSON.parse(JSON.stringify(value)) as Doc;
const passes = (doc: unknown): boolean => filter(json(doc), { query: {} });

/** SHA-256 of the filter's text. Change it only together with the filter, knowingly. */
const NATIONAL_FILTER_SHA256 = 'ae377866c39024b7d71099ad0a400d4c9989a2b36829e7b1b3d6339d2201f509';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('national filter', () => {
  it('passes complaints without files and all events, of every privacy mode', () => {
    for (const mode of ['named', 'confidential', 'anonymous'] as const) {
      const docs = intakeDocuments('KTB', 1, mode);
      expect(passes(docs.complaint), mode).toBe(true);
      expect(passes(docs.received), mode).toBe(true);
    }
    for (const event of workflowEvents(intakeDocuments('KTB', 2, 'confidential'), ['verify', 'note'])) {
      expect(passes(event)).toBe(true);
    }
    expect(passes(unitProfileDoc('KTB'))).toBe(true);
  });

  it('never passes reporter documents, files, or the unit-only documents', () => {
    const named = intakeDocuments('KTB', 1, 'named');
    expect(passes(reporterOf(named))).toBe(false);
    expect(passes(intakeDocuments('KTB', 2, 'confidential').reporter)).toBe(false);
    const withFile = intakeDocuments('KTB', 3, 'named', { withFile: true });
    expect(passes(withFile.complaint)).toBe(false);
    expect(passes(withFile.received)).toBe(true);
    expect(passes({ ...json(named.complaint), _attachments: { 'att-1': { stub: true } } })).toBe(false);
    expect(passes({ ...json(named.received), _attachments: { x: { stub: true } } })).toBe(false);
    expect(passes(unitSettingsDoc('KTB'))).toBe(false);
    expect(passes(unitOfficesDoc('KTB'))).toBe(false);
    expect(passes({ _id: 'packet-draft:1', type: 'packet-draft' })).toBe(false);
    const draft = packetDraftDoc('KTB');
    expect(passes(draft)).toBe(false);
    expect(passes({ ...json(draft), _attachments: undefined })).toBe(false);
    expect(passes({ _id: '_design/meja-aduan', filters: {} })).toBe(false);
    expect(passes({ _id: named.complaint._id, _rev: '2-x', _deleted: true })).toBe(false);
  });

  it('has the pinned text', async () => {
    expect(await sha256(NATIONAL_FILTER_SOURCE)).toBe(NATIONAL_FILTER_SHA256);
  });
});

describe('national validate_doc_update', () => {
  const admin = { name: 'admin', roles: ['_admin'] };
  const refusal = (doc: unknown, userCtx: Doc = admin): string | null => {
    try {
      validate(json(doc), null, userCtx, {});
      return null;
    } catch (error) {
      return String((error as { forbidden?: unknown }).forbidden);
    }
  };

  it('accepts what the filter passes, from server admins only', () => {
    const docs = intakeDocuments('KTB', 1, 'confidential');
    expect(refusal(docs.complaint)).toBeNull();
    expect(refusal(docs.received)).toBeNull();
    expect(refusal(docs.complaint, { name: 'unit-ktb', roles: ['unit-ktb'] })).toMatch(/^unit: /);
  });

  it('refuses identity and files even from server admins', () => {
    const docs = intakeDocuments('KTB', 1, 'named');
    expect(refusal(reporterOf(docs))).toMatch(/^privacy: reporter identity/);
    expect(refusal({ ...json(docs.complaint), _attachments: { a: { stub: true } } })).toMatch(
      /^privacy: files/,
    );
    expect(refusal(packetDraftDoc('KTB'))).toMatch(/^privacy: files/);
  });
});
