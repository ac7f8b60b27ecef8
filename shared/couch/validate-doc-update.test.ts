/**
 * The unit database's `validate_doc_update`, run here as CouchDB runs it: the source text
 * compiled on its own, called with the design document as `this`, on JSON copies of real
 * documents. The integration tests (test/integration/central-*) run it inside pouchdb-server.
 */
import { describe, expect, it } from 'vitest';
import { baseOfId, sealImmutable } from '../ids/content-id';
import { complaintBaseId, eventBaseId, reporterId } from '../ids/document-ids';
import { EVIDENCE_FILE_MAX_BYTES } from '../packet/packet-types';
import { EVENT_KINDS } from '../workflow/events';
import { fileStubs } from './attachment-documents.fixtures';
import { DEVICE_ACCOUNT_ROLE, deviceRole, unitRole } from './couch-names';
import { isValidDeviceCode } from '../ids/tracking-number';
import { parseRejection } from './rejection';
import {
  fixtureSeal,
  ACTION_SEQUENCES,
  CHANGED_BY,
  intakeDocuments,
  packetDraftDoc,
  relatedEvents,
  reporterCorrection,
  reporterOf,
  retentionEvent,
  unitOfficesDoc,
  unitProfileDoc,
  unitSettingsDoc,
  workflowEvents,
} from './documents.fixtures';
import { unitDesignDoc } from './unit-design-doc';
import { VALIDATE_DOC_UPDATE_SOURCE } from './validate-doc-update-source';

type Doc = Record<string, unknown>;
type UserCtx = Readonly<{ name: string | null; roles: readonly string[] }>;
type Validate = (this: unknown, newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: unknown) => void;

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the validator's source, compiled as CouchDB compiles it
const validate = (new Function(`"use strict"; return (${VALIDATE_DOC_UPDATE_SOURCE});`) as () => Validate)();
const UNIT = 'KTB';
const ddoc = unitDesignDoc(UNIT);
/** A device of the unit: its own account, with the unit role and the role naming it (decision 014). */
const deviceOf = (code: string): UserCtx => ({
  name: `unit-ktb-${code.toLowerCase()}`,
  roles: [unitRole(UNIT), DEVICE_ACCOUNT_ROLE, deviceRole(UNIT, code)],
});
/**
 * The device a document names as its writer (a record's deviceCode, a mutable document's
 * lastChangedBy.device), else the fixtures' intake device.
 */
function writerOf(doc: unknown): UserCtx {
  const named = doc as { deviceCode?: unknown; lastChangedBy?: { device?: unknown } } | null;
  const code = named?.deviceCode ?? named?.lastChangedBy?.device;
  return deviceOf(typeof code === 'string' && isValidDeviceCode(code) ? code : 'X7Q');
}
/** A member of the unit that is no device (the setup's check user). */
const MEMBER: UserCtx = { name: 'meja-aduan-setup-check-ktb', roles: [unitRole(UNIT)] };
const ADMIN: UserCtx = { name: 'admin', roles: ['_admin'] };
const STRANGER: UserCtx = { name: 'unit-kbm', roles: [unitRole('KBM')] };

const json = (value: unknown): Doc => JSON.parse(JSON.stringify(value)) as Doc;

/** The `forbidden` reason, or null when the write is accepted. */
function refusal(
  newDoc: unknown,
  oldDoc: unknown = null,
  userCtx: UserCtx = writerOf(newDoc),
  self: unknown = ddoc,
): string | null {
  try {
    validate.call(json(self), asReceived(newDoc), oldDoc === null ? null : json(oldDoc), userCtx, {});
    return null;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw error;
    return forbidden;
  }
}

/**
 * A document as CouchDB hands a write to the validator: a `new_edits: false` write (how the app
 * writes its sealed documents) carries `_revisions`, built here from `_rev` when the test gave none.
 */
function asReceived(doc: unknown): Doc {
  const copy = json(doc);
  const rev = copy._rev;
  if (typeof rev === 'string' && copy._revisions === undefined) {
    const [start = '0', id = ''] = rev.split('-');
    copy._revisions = { start: Number(start), ids: [id] };
  }
  return copy;
}

/** A changed complaint or event sealed again, so the test reaches the rule it is about. */
function resealed(doc: Doc, baseId = baseOfId(String(doc._id))): Doc {
  const { _id: _ignoredId, _rev: _ignoredRev, ...body } = doc;
  return json(sealImmutable(body, baseId));
}

function codeOf(reason: string | null): string | null {
  return reason === null ? null : (parseRejection(reason)?.code ?? `unparsed: ${reason}`);
}

const named = intakeDocuments(UNIT, 1, 'named');
const reporter = reporterOf(named);
const stored = (doc: object): Doc => ({ ...json(doc), _rev: '1-abc' });
const laporEvent = workflowEvents(named, ['record-lapor'])[0];
const correctionEvent = reporterCorrection(named).event;
const [relatedEvent] = relatedEvents(named, intakeDocuments(UNIT, 4, 'named'));

describe('validate_doc_update accepts', () => {
  it.each(['named', 'confidential', 'anonymous'] as const)('the documents of a %s intake', (mode) => {
    const docs = intakeDocuments(UNIT, 2, mode, { withFile: mode !== 'anonymous' });
    // With its declared file, as CouchDB hands it to the validator (a stub with its length).
    expect(refusal({ ...docs.complaint, _attachments: fileStubs(docs.complaint) })).toBeNull();
    expect(refusal(docs.received)).toBeNull();
    if (docs.reporter) expect(refusal(docs.reporter)).toBeNull();
  });

  it('an event of every kind, from decideAction, a reporter correction, a link and a retention deletion', () => {
    const correction = reporterCorrection(named);
    expect(refusal(correction.event)).toBeNull();
    const retention = retentionEvent(named);
    expect(refusal(retention)).toBeNull();
    const kinds = new Set<string>(['received', correction.event.kind, retention.kind]);
    for (const event of relatedEvents(named, intakeDocuments(UNIT, 3, 'anonymous'))) {
      expect(refusal(event), event.kind).toBeNull();
      kinds.add(event.kind);
    }
    ACTION_SEQUENCES.forEach((actions, index) => {
      for (const event of workflowEvents(intakeDocuments(UNIT, 10 + index, 'confidential'), actions)) {
        expect(refusal(event), event.kind).toBeNull();
        kinds.add(event.kind);
      }
    });
    expect([...kinds].sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('the mutable unit documents, created, updated and deleted', () => {
    for (const doc of [unitProfileDoc(UNIT), unitSettingsDoc(UNIT), unitOfficesDoc(UNIT), reporter]) {
      expect(refusal(doc)).toBeNull();
      const change =
        'updatedAt' in doc
          ? { updatedAt: '2026-11-24T00:00:00.000Z' }
          : { identity: fixtureSeal(`${String((doc as Doc)._id)} corrected`) }; // a correction seals anew
      expect(refusal({ ...stored(doc), ...change }, stored(doc))).toBeNull();
      expect(refusal({ _id: (doc as Doc)._id, _rev: '2-def', _deleted: true }, stored(doc))).toBeNull();
    }
    // Identity in clear is refused, also as a change of a sealed document.
    const renamed = { ...stored(reporter), name: 'Nama Lain' };
    expect(refusal(renamed, stored(reporter))).toMatch(/^schema: reporter: name is not a field/);
    const profile = stored(unitProfileDoc(UNIT));
    const by = { officerId: 'officer-1', name: 'Siti' };
    expect(refusal({ ...profile, contact: '0800', updatedBy: by }, profile)).toBeNull();
    expect(codeOf(refusal({ ...profile, updatedBy: { name: 'Siti' } }, profile))).toBe('schema');
  });

  it("the unit's idle lock minutes (1–60, whole), set on a settings document that had none", () => {
    const settings = stored(unitSettingsDoc(UNIT));
    for (const idleLockMinutes of [1, 10, 60]) {
      expect(refusal({ ...settings, idleLockMinutes }, settings), String(idleLockMinutes)).toBeNull();
    }
    for (const idleLockMinutes of [0, 61, 2.5, '10']) {
      const reason = refusal({ ...settings, idleLockMinutes }, settings);
      expect(codeOf(reason), `${String(idleLockMinutes)}: ${reason ?? ''}`).toBe('schema');
    }
  });

  it("the unit's backup reminder days (1–365, whole), set on a settings document that had none", () => {
    const settings = stored(unitSettingsDoc(UNIT));
    for (const backupReminderDays of [1, 7, 365]) {
      expect(refusal({ ...settings, backupReminderDays }, settings), String(backupReminderDays)).toBeNull();
    }
    for (const backupReminderDays of [0, 366, 1.5, '7']) {
      const reason = refusal({ ...settings, backupReminderDays }, settings);
      expect(codeOf(reason), `${String(backupReminderDays)}: ${reason ?? ''}`).toBe('schema');
    }
  });

  it("the unit's identity retention months (1–120, whole), set on a settings document that had none", () => {
    const settings = stored(unitSettingsDoc(UNIT));
    for (const identityRetentionMonths of [1, 24, 120]) {
      const reason = refusal({ ...settings, identityRetentionMonths }, settings);
      expect(reason, String(identityRetentionMonths)).toBeNull();
    }
    for (const identityRetentionMonths of [0, 121, 1.5, '24']) {
      const reason = refusal({ ...settings, identityRetentionMonths }, settings);
      expect(codeOf(reason), `${String(identityRetentionMonths)}: ${reason ?? ''}`).toBe('schema');
    }
  });

  it("the unit's device budget months (1–120, whole), set on a settings document that had none", () => {
    const settings = stored(unitSettingsDoc(UNIT));
    for (const deviceBudgetMonths of [1, 12, 120]) {
      expect(refusal({ ...settings, deviceBudgetMonths }, settings), String(deviceBudgetMonths)).toBeNull();
    }
    for (const deviceBudgetMonths of [0, 121, 1.5, '12', null]) {
      const reason = refusal({ ...settings, deviceBudgetMonths }, settings);
      expect(codeOf(reason), `${String(deviceBudgetMonths)}: ${reason ?? ''}`).toBe('schema');
    }
  });

  it('a sealed complaint or event as its only revision 1-<content hash> (new_edits=false)', () => {
    expect(named.complaint._rev).toBe(`1-${named.complaint._id.slice(-64)}`);
    expect(
      refusal({ ...json(named.complaint), _revisions: { start: 1, ids: [named.complaint._id.slice(-64)] } }),
    ).toBeNull();
    expect(refusal(named.received)).toBeNull();
  });

  it('a packet draft of the unit with its evidence file, created, updated and deleted', () => {
    const draft = packetDraftDoc(UNIT);
    expect(refusal(draft)).toBeNull();
    // As CouchDB hands a stored file to the validator: a stub with its length.
    const stub = { content_type: 'application/pdf', digest: 'md5-x', length: 14, revpos: 1, stub: true };
    const updated = {
      ...stored(draft),
      updatedAt: '2026-11-24T00:00:00.000Z',
      _attachments: { 'ev-1': stub },
    };
    expect(refusal(updated, stored(draft))).toBeNull();
    const withoutFiles = { ...json(draft), _attachments: undefined };
    expect(refusal(withoutFiles)).toBeNull();
    expect(refusal({ _id: draft._id, _rev: '2-def', _deleted: true }, stored(draft))).toBeNull();
  });

  it('a deletion of a mutable document from any device of the unit (a bare tombstone names nobody)', () => {
    // Closing another device's revision (conflict resolution) or deleting an identity written
    // elsewhere (anonymisation): the stored revision names X7Q, the deletion comes from B45.
    for (const doc of [unitSettingsDoc(UNIT), packetDraftDoc(UNIT), reporter]) {
      const tombstone = { _id: doc._id, _rev: '2-def', _deleted: true };
      expect(refusal(tombstone, stored(doc), deviceOf('B45'))).toBeNull();
      expect(refusal(tombstone, null, deviceOf('B45'))).toBeNull();
      // Naming a writer on a tombstone is still a body (schema), as before.
      const named = { ...tombstone, lastChangedBy: { device: 'B45', officer: 'officer-2' } };
      expect(codeOf(refusal(named, stored(doc), deviceOf('B45')))).toBe('schema');
    }
  });

  it('a revision over one stored before lastChangedBy existed, naming its writer', () => {
    const { lastChangedBy: _by, ...old } = json(unitSettingsDoc(UNIT));
    const next = { ...old, _rev: '2-def', updatedAt: '2026-11-24T00:00:00.000Z', lastChangedBy: CHANGED_BY };
    expect(refusal(next, { ...old, _rev: '1-abc' }, deviceOf('X7Q'))).toBeNull();
  });

  it('design documents from server admins, and any valid document from them', () => {
    expect(refusal({ _id: '_design/other', views: {} }, null, ADMIN)).toBeNull();
    expect(refusal(named.complaint, null, ADMIN)).toBeNull();
  });
});

describe('validate_doc_update refuses', () => {
  it.each([
    ['a missing field', resealed({ ...json(named.complaint), title: undefined })],
    ['an unknown field', resealed({ ...json(named.complaint), nik: '3174000000000001' })],
    ['a title that is too long', resealed({ ...json(named.complaint), title: 'x'.repeat(151) })],
    ['a blank title', resealed({ ...json(named.complaint), title: '   ' })],
    ['a wrong channel', resealed({ ...json(named.complaint), channel: 'pigeon' })],
    ['a non-integer schema version', resealed({ ...json(named.complaint), schemaVersion: 1.5 })],
    ['a malformed date', resealed({ ...json(named.complaint), incidentDate: '22/11/2026' })],
    [
      'a malformed officer',
      resealed({ ...json(named.complaint), receivedBy: { officerId: '', name: 'Rina' } }),
    ],
    ['a file on an event', { ...json(named.received), _attachments: { a: { stub: true, digest: 'md5-x' } } }],
    [
      'a file on the unit profile',
      { ...json(unitProfileDoc(UNIT)), _attachments: { a: { content_type: 'application/pdf', stub: true } } },
    ],
    [
      'a packet draft file of a type evidence may not have',
      {
        ...json(packetDraftDoc(UNIT)),
        _attachments: { 'ev-1': { content_type: 'application/x-msdownload', data: 'TVo=' } },
      },
    ],
    [
      'a packet draft file larger than the evidence limit',
      {
        ...json(packetDraftDoc(UNIT)),
        _attachments: {
          'ev-1': { content_type: 'application/pdf', stub: true, length: EVIDENCE_FILE_MAX_BYTES + 1 },
        },
      },
    ],
    ['a packet draft id without its year', { ...json(packetDraftDoc(UNIT)), _id: 'packet-draft:upp' }],
    ['a packet draft without its draft', { ...json(packetDraftDoc(UNIT)), draft: undefined }],
    [
      'a packet draft with an unknown category',
      { ...json(packetDraftDoc(UNIT)), draft: { ...packetDraftDoc(UNIT).draft, category: 'lomba' } },
    ],
    ['an unknown event kind', resealed({ ...json(named.received), kind: 'teleport' })],
    ['a LAPOR! id over two lines', resealed({ ...json(laporEvent), laporId: '45\n12' })],
    [
      'a link naming no tracking number',
      resealed({ ...json(relatedEvent), relatedTrackingNumber: 'Siti Aminah 0812-3456-7890' }),
    ],
    [
      'a link without the other complaint',
      resealed({ ...json(relatedEvent), relatedComplaintId: undefined }),
    ],
    [
      'a LAPOR! record without its identity flag',
      resealed({ ...json(laporEvent), includesIdentity: undefined }),
    ],
    [
      'a reporter correction naming a value',
      resealed({ ...json(correctionEvent), fields: ['0813-9000-1234'] }),
    ],
    [
      'a reporter correction naming an unknown field',
      resealed({ ...json(correctionEvent), fields: ['religion'] }),
    ],
    ['a reporter correction naming no field', resealed({ ...json(correctionEvent), fields: [] })],
    [
      'a retention deletion naming what was deleted',
      resealed({ ...json(retentionEvent(named)), name: 'Siti Aminah' }),
    ],
    [
      'a retention deletion with another reason',
      resealed({ ...json(retentionEvent(named)), reason: 'asked' }),
    ],
    ['a retention deletion of 0 months', resealed({ ...json(retentionEvent(named)), retentionMonths: 0 })],
    [
      'a reporter correction naming a field twice',
      resealed({ ...json(correctionEvent), fields: ['phone', 'phone'] }),
    ],
    [
      'a reporter correction naming fields out of order',
      resealed({ ...json(correctionEvent), fields: ['address', 'phone'] }),
    ],
    [
      'a reporter correction carrying the new value',
      resealed({ ...json(correctionEvent), phone: '0813-9000-1234' }),
    ],
    ['an unknown type', { _id: 'thing:1', type: 'thing', unitCode: UNIT }],
    ['no type', { _id: 'thing:1', unitCode: UNIT }],
    [
      'an id that does not fit its fields',
      resealed(
        json(named.complaint),
        complaintBaseId('2026-11-23T00:00:00.000Z', named.complaint.trackingNumber),
      ),
    ],
    [
      'an event id of another device',
      resealed(json(named.received), eventBaseId(named.received.trackingNumber, named.received.at, 'ZZZ', 1)),
    ],
    ['a reporter id of another complaint', { ...json(reporter), _id: reporterId('KTB-261123-X7Q-0099') }],
    [
      'a reporter pointing at another complaint',
      {
        ...json(reporter),
        complaintId: `complaint:2026-11-23T03:04:05.678Z:KTB-261123-X7Q-0099:${'0'.repeat(64)}`,
      },
    ],
    [
      'a complaint whose tracking number names another device',
      resealed({ ...json(named.complaint), deviceCode: 'M4N' }),
    ],
    ['a reporter with an extra field', { ...json(reporter), religion: 'x' }],
    [
      'a settings document with a deadline out of range',
      {
        ...json(unitSettingsDoc(UNIT)),
        deadlines: { ...unitSettingsDoc(UNIT).deadlines, verifyWorkingDays: 0 },
      },
    ],
    [
      'an office with a malformed code',
      { ...json(unitOfficesDoc(UNIT)), offices: [{ code: 'a b', name: 'Dinas', active: true }] },
    ],
  ])('%s (schema)', (_label, doc) => {
    const reason = refusal(doc);
    expect(codeOf(reason), reason ?? '').toBe('schema');
  });

  it('a change to a complaint or an event (immutable)', () => {
    const changedEvent = { ...stored(named.received), channel: 'phone' };
    expect(codeOf(refusal(changedEvent, stored(named.received)))).toBe('immutable');
    const changedComplaint = { ...stored(named.complaint), title: 'Lain' };
    expect(refusal(changedComplaint, stored(named.complaint))).toMatch(
      /^immutable: complaint documents are never changed/,
    );
    const newFile = {
      ...stored(named.complaint),
      _attachments: { 'att-1': { stub: true, digest: 'md5-a' } },
    };
    expect(codeOf(refusal(newFile, stored(named.complaint)))).toBe('immutable');
  });

  it('a forged sibling: other content under a complaint or event id, any revision (immutable)', () => {
    const hash = named.complaint._id.slice(-64);
    const forged = { ...json(named.complaint), title: 'Judul palsu' };
    expect(refusal(forged)).toMatch(/^immutable: complaint .* does not end with the hash of its content/);
    expect(codeOf(refusal({ ...forged, _rev: '1-ffff' }))).toBe('immutable');
    expect(
      codeOf(refusal({ ...forged, _rev: '2-ffff', _revisions: { start: 2, ids: ['ffff', hash] } })),
    ).toBe('immutable');
    const forgedEvent = { ...json(named.received), channel: 'phone' };
    expect(codeOf(refusal(forgedEvent))).toBe('immutable');
  });

  it('the same content under another revision: a disjoint or longer history, a normal write (immutable)', () => {
    const hash = named.complaint._id.slice(-64);
    const body = json(named.complaint);
    expect(refusal({ ...body, _rev: '1-abc' })).toMatch(/^immutable: .* must be stored as its only revision/);
    expect(codeOf(refusal({ ...body, _rev: `1-${hash}`, _revisions: { start: 1, ids: ['abc'] } }))).toBe(
      'immutable',
    );
    expect(
      codeOf(refusal({ ...body, _rev: `2-${hash}`, _revisions: { start: 2, ids: [hash, 'abc'] } })),
    ).toBe('immutable');
    // A plain PUT/POST (new_edits=true) of a new document: no revision given.
    const { _rev: _ignored, ...unrevised } = body;
    expect(codeOf(refusal(unrevised))).toBe('immutable');
    // An update on top of the stored revision (a PUT with _rev): oldDoc is the stored document.
    expect(codeOf(refusal(body, body))).toBe('immutable');
    expect(codeOf(refusal(named.received, named.received, ADMIN))).toBe('immutable');
  });

  it('turning a complaint into a mutable type (immutable)', () => {
    expect(codeOf(refusal({ ...json(reporter), _id: named.complaint._id }, stored(named.complaint)))).toBe(
      'immutable',
    );
  });

  it('a deletion of a complaint or event, with or without the stored document (immutable)', () => {
    const tombstone = (doc: { _id: string }): Doc => ({ _id: doc._id, _rev: '2-x', _deleted: true });
    expect(refusal(tombstone(named.complaint), stored(named.complaint))).toMatch(
      /^immutable: complaint documents are never deleted/,
    );
    expect(codeOf(refusal(tombstone(named.received), stored(named.received)))).toBe('immutable');
    expect(codeOf(refusal(tombstone(named.received), null))).toBe('immutable');
    expect(codeOf(refusal(tombstone(named.complaint), null, ADMIN))).toBe('immutable');
    expect(codeOf(refusal({ _id: 'thing:1', _deleted: true }))).toBe('schema');
  });

  it('a document of another unit, or with its tracking number (unit)', () => {
    const other = intakeDocuments('KBM', 1, 'named');
    expect(refusal(other.complaint)).toMatch(
      /^unit: complaint has unitCode "KBM" in the database of unit KTB/,
    );
    expect(codeOf(refusal(other.received))).toBe('unit');
    expect(codeOf(refusal({ ...json(unitProfileDoc(UNIT)), unitCode: 'KBM' }))).toBe('unit');
    expect(codeOf(refusal({ ...json(other.reporter), unitCode: UNIT }))).toBe('unit');
    expect(codeOf(refusal({ ...json(packetDraftDoc(UNIT)), unitCode: 'KBM' }))).toBe('unit');
  });

  it('a user without the unit role (unit), a design document from a member (design)', () => {
    expect(refusal(named.complaint, null, STRANGER)).toMatch(
      /^unit: the user "unit-kbm" is not a member of unit KTB/,
    );
    expect(codeOf(refusal(named.complaint, null, { name: null, roles: [] }))).toBe('unit');
    expect(codeOf(refusal({ _id: '_design/meja-aduan', validate_doc_update: '' }))).toBe('design');
  });

  it('a complaint or event naming another device than the one signed in, or a member that is no device (device)', () => {
    const [note] = workflowEvents(named, ['note']); // written on device A23
    expect(refusal(named.complaint, null, deviceOf('B45'))).toMatch(
      /^device: complaint "complaint:.* names device "X7Q" but was written by device "B45"/,
    );
    expect(codeOf(refusal(note, null, deviceOf('X7Q')))).toBe('device');
    expect(refusal(note, null, deviceOf('A23'))).toBeNull();
    // A role naming a device of another unit does not count.
    const otherUnitsDevice = { name: 'x', roles: [unitRole(UNIT), deviceRole('KBM', 'X7Q')] };
    expect(codeOf(refusal(named.complaint, null, otherUnitsDevice))).toBe('device');
    // A member without a device role: a malformed document is told as such, a valid one refused.
    expect(codeOf(refusal({ _id: 'probe', type: 'setup-probe' }, null, MEMBER))).toBe('schema');
    expect(codeOf(refusal(named.complaint, null, MEMBER))).toBe('device');
    expect(codeOf(refusal(unitProfileDoc(UNIT), null, MEMBER))).toBe('device');
    expect(
      codeOf(
        refusal(
          { _id: reporterId(named.complaint.trackingNumber), _rev: '2-x', _deleted: true },
          null,
          MEMBER,
        ),
      ),
    ).toBe('device');
    // Server admins (repairs, migrations, the central's commands) are not attributed.
    expect(refusal(named.complaint, null, ADMIN)).toBeNull();
    expect(refusal(note, null, ADMIN)).toBeNull();
  });

  it('a mutable document naming another device as its writer, or none (device)', () => {
    const officerDoc = {
      _id: 'officer:officer-2',
      type: 'officer',
      schemaVersion: 1,
      unitCode: UNIT,
      officerId: 'officer-2',
      name: 'Budi',
      role: 'officer',
      active: true,
      mustChangeSecret: true,
      createdAt: '2026-11-23T03:04:05.678Z',
      updatedAt: '2026-11-23T03:04:05.678Z',
      lastChangedBy: CHANGED_BY,
    };
    const mutable: readonly Doc[] = [
      json(unitProfileDoc(UNIT)),
      json(unitSettingsDoc(UNIT)),
      json(unitOfficesDoc(UNIT)),
      json(packetDraftDoc(UNIT)),
      json(reporter),
      json(officerDoc),
    ];
    for (const doc of mutable) {
      const label = String(doc._id);
      // Written by the device it names: a new document, an update, a replicated revision (oldDoc null).
      expect(refusal(doc, null, deviceOf('X7Q')), label).toBeNull();
      expect(refusal({ ...stored(doc), _rev: '2-def' }, stored(doc), deviceOf('X7Q')), label).toBeNull();
      // Device B45 writing a revision that names X7Q: refused, with and without the stored document.
      expect(refusal(doc, null, deviceOf('B45')), label).toMatch(
        /^device: .* names device "X7Q" as the one that changed it but was written by device "B45"/,
      );
      expect(codeOf(refusal({ ...stored(doc), _rev: '2-def' }, stored(doc), deviceOf('B45'))), label).toBe(
        'device',
      );
      // A malformed writer is told as such (schema), before the device rule.
      expect(
        codeOf(refusal({ ...doc, lastChangedBy: { device: 'X7Q' } }, null, deviceOf('X7Q'))),
        label,
      ).toBe('schema');
      // A revision that names no writer, from a device: refused, even over a stored one without it.
      // (Officer documents have always named it: their schema requires it, even from an admin.)
      const { lastChangedBy: _by, ...unnamed } = doc;
      if (doc.type === 'officer') {
        expect(codeOf(refusal(unnamed, null, deviceOf('X7Q'))), label).toBe('schema');
        expect(codeOf(refusal(unnamed, null, ADMIN)), label).toBe('schema');
        continue;
      }
      expect(refusal(unnamed, null, deviceOf('X7Q')), label).toMatch(
        /^device: .* does not name the device that changed it \(lastChangedBy is missing\); it was written by device "X7Q"/,
      );
      expect(codeOf(refusal({ ...unnamed, _rev: '2-def' }, { ...unnamed, _rev: '1-abc' })), label).toBe(
        'device',
      );
      // A server admin (repairs, migrations) is not attributed: with or without it, any device named.
      expect(refusal(unnamed, null, ADMIN), label).toBeNull();
      expect(refusal(doc, null, ADMIN), label).toBeNull();
    }
  });

  it('everything when the design document lost its settings (server: fail closed)', () => {
    expect(codeOf(refusal(named.complaint, null, MEMBER, { _id: '_design/x' }))).toBe('server');
    expect(codeOf(refusal(named.complaint, null, ADMIN, { _id: '_design/x' }))).toBe('server');
  });
});

describe('the id templates', () => {
  it('accept the ids shared/ids builds for every type (else the valid documents above would fail)', () => {
    const confidential = intakeDocuments(UNIT, 3, 'confidential', { deviceCode: 'M4N' });
    expect(refusal(confidential.complaint)).toBeNull();
    expect(refusal(confidential.received)).toBeNull();
    expect(refusal(confidential.reporter)).toBeNull();
  });
});
