/**
 * The national database's validator, run as CouchDB runs it (source text compiled on its own,
 * documents as JSON): it accepts every projection the shared code computes, from the projector
 * and server admins only, and refuses identity, files and any text in a confidential complaint's
 * projection even from them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectComplaint, projectUnitProfile } from '../national/national-projection';
import {
  nationalComplaintSchema,
  type NationalConfidentialComplaint,
  type NationalOpenComplaint,
} from '../national/national-schema';
import { NATIONAL_VALIDATE_SOURCE } from './national-sources';
import {
  ACTION_SEQUENCES,
  intakeDocuments,
  packetDraftDoc,
  reporterOf,
  unitProfileDoc,
  workflowEvents,
} from './documents.fixtures';

type Doc = Record<string, unknown>;
const compile = (source: string): unknown => {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the validator's source, compiled as CouchDB compiles it
  const run = new Function(`"use strict"; return (${source});`) as () => unknown;
  return run();
};
const validate = compile(NATIONAL_VALIDATE_SOURCE) as (
  newDoc: Doc,
  oldDoc: Doc | null,
  userCtx: Doc,
  secObj: Doc,
) => void;
const json = (value: unknown): Doc => JSON.parse(JSON.stringify(value)) as Doc;

describe('national validate_doc_update', () => {
  const admin = { name: 'admin', roles: ['_admin'] };
  const projector = { name: 'meja-aduan-projector', roles: ['meja-aduan-projector'] };
  const reader = { name: 'pusat', roles: ['meja-aduan-national-reader'] };
  const unitUser = { name: 'unit-ktb', roles: ['unit-ktb'] };
  const refusal = (doc: unknown, userCtx: Doc = projector): string | null => {
    try {
      validate(json(doc), null, userCtx, {});
      return null;
    } catch (error) {
      const forbidden = (error as { forbidden?: unknown }).forbidden;
      if (typeof forbidden !== 'string') throw error;
      return forbidden;
    }
  };

  /** Projections of complaints of every privacy mode through every action sequence. */
  const projections = (['named', 'anonymous', 'confidential'] as const).flatMap((mode, modeIndex) =>
    ACTION_SEQUENCES.map((actions, index) => {
      const intake = intakeDocuments('KTB', 10 * modeIndex + index + 1, mode);
      return projectComplaint(intake.complaint, [intake.received, ...workflowEvents(intake, actions)]);
    }),
  );
  const confidential = projections.find(
    (doc): doc is NationalConfidentialComplaint => doc.privacyMode === 'confidential',
  );
  const named = projections.find((doc): doc is NationalOpenComplaint => doc.privacyMode === 'named');
  if (!confidential || !named) throw new Error('fixtures: no confidential or named projection');

  it('accepts every projection from the projector and server admins, and nothing from anyone else', () => {
    expect(new Set(projections.map((doc) => doc.privacyMode))).toEqual(
      new Set(['named', 'anonymous', 'confidential']),
    );
    for (const doc of [...projections, projectUnitProfile(unitProfileDoc('KTB'))]) {
      expect(refusal(doc), doc._id).toBeNull();
      expect(refusal(doc, admin), doc._id).toBeNull();
      expect(refusal(doc, reader)).toMatch(/^unit: /);
      expect(refusal(doc, unitUser)).toMatch(/^unit: /);
      expect(refusal(doc, { name: null, roles: [] })).toMatch(/^unit: /);
    }
    const checkpoint = {
      _id: 'checkpoint:KTB',
      type: 'national-checkpoint',
      schemaVersion: 1,
      unitCode: 'KTB',
      since: '12-g1AAAA',
    };
    expect(refusal(checkpoint)).toBeNull();
    const compaction = {
      _id: 'compaction-pending',
      type: 'national-compaction',
      schemaVersion: 1,
      pending: [{ id: confidential._id, rev: '2-abc' }],
    };
    expect(refusal(compaction)).toBeNull();
    expect(refusal({ ...compaction, pending: [{ id: confidential._id, rev: '2-abc', title: 'x' }] })).toMatch(
      /^schema: /,
    );
  });

  it('refuses any field of the open form, or any other, in a confidential projection, even from admins', () => {
    for (const [field, value] of Object.entries(named)) {
      if (field in confidential) continue;
      expect(refusal({ ...confidential, [field]: value }, admin), field).toMatch(/^privacy: /);
    }
    for (const field of ['location', 'reporter', 'note', 'receivedAt', 'events', 'trail']) {
      expect(refusal({ ...confidential, [field]: 'Puskesmas Kota' }), field).toMatch(/^privacy: /);
    }
    expect(
      refusal({ ...confidential, stages: { ...confidential.stages, receivedAt: named.stages.receivedAt } }),
    ).toMatch(/^privacy: /);
    expect(refusal({ ...confidential, stages: { note: 'Pelapor takut' } })).toMatch(/^privacy: /);
    expect(refusal({ ...confidential, category: 'Pungli Pak Harjo' })).toMatch(/^privacy: /);
    expect(refusal({ ...confidential, channel: 'Pak Harjo' })).toMatch(/^schema: /);
    expect(refusal({ ...confidential, _id: `complaint:KTB:${named.trackingNumber}` })).toMatch(/^schema: /);
    expect(refusal({ ...confidential, privacyMode: 'secret' })).toMatch(/^schema: /);
  });

  it('refuses any string field added to a confidential projection (property)', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((key) => !(key in confidential) && !key.startsWith('_')),
        fc.string(),
        (key, value) => {
          expect(refusal({ ...confidential, [key]: value })).toMatch(/^privacy: /);
          expect(nationalComplaintSchema.safeParse({ ...confidential, [key]: value }).success).toBe(false);
        },
      ),
    );
  });

  it('refuses identity, files, unit documents and unknown types even from server admins', () => {
    const docs = intakeDocuments('KTB', 1, 'named');
    expect(refusal(reporterOf(docs), admin)).toMatch(/^privacy: reporter identity/);
    expect(refusal({ ...named, _attachments: { a: { stub: true } } }, admin)).toMatch(/^privacy: files/);
    expect(refusal(packetDraftDoc('KTB'), admin)).toMatch(/^privacy: files/);
    expect(refusal(docs.complaint, admin)).toMatch(/^schema: /);
    expect(refusal(docs.received, admin)).toMatch(/^schema: /);
    expect(refusal(unitProfileDoc('KTB'), admin)).toMatch(/^schema: /);
    expect(refusal({ ...named, reporterName: 'Sulastri' }, admin)).toMatch(/^schema: /);
    expect(refusal({ ...projectUnitProfile(unitProfileDoc('KTB')), updatedBy: 'Rina' })).toMatch(/^schema: /);
    expect(refusal({ ...projectUnitProfile(unitProfileDoc('KTB')), _id: 'unit-profile:KBM' })).toMatch(
      /^schema: /,
    );
  });

  it('accepts bare deletions only, and the unit registry and design documents from server admins only', () => {
    expect(refusal({ _id: named._id, _rev: '2-a', _deleted: true })).toBeNull();
    expect(refusal({ _id: named._id, _rev: '2-a', _deleted: true, title: named.title })).toMatch(
      /^privacy: /,
    );
    const units = { _id: 'units', type: 'national-units', schemaVersion: 1, units: ['KBM', 'KTB'] };
    expect(refusal(units, admin)).toBeNull();
    expect(refusal(units)).toMatch(/^unit: /);
    expect(refusal({ ...units, units: ['ktb'] }, admin)).toMatch(/^schema: /);
    expect(refusal({ ...units, units: 'KTB' }, admin)).toMatch(/^schema: /);
    expect(refusal({ _id: '_design/x', validate_doc_update: 'function () {}' })).toMatch(/^design: /);
    expect(refusal({ _id: '_design/x' }, admin)).toBeNull();
  });
});
