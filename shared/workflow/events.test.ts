import { describe, expect, it } from 'vitest';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import { resealed } from '../ids/content-id.fixtures';
import { eventBaseId } from '../ids/document-ids';
import {
  EVENT_KINDS,
  EVENT_SCHEMAS,
  eventBaseSchema,
  eventDocSchema,
  payloadOf,
  receivedEventSchema,
  type EventDoc,
} from './events';
import { PAYLOAD_FIELDS } from './payload-fields';
import { OTHER_TRACKING_NUMBER, TRACKING_NUMBER, sampleEvent } from './workflow.fixtures';
import { EVENT_KIND_OF_ACTION, WORKFLOW_ACTIONS } from './workflow-actions';

const { received } = buildIntakeDocuments(
  {
    channel: 'sp4n-lapor',
    reportType: 'information-request',
    privacyMode: 'anonymous',
    reporter: { name: '', nik: '', phone: '', email: '', address: '' },
    title: 'Jadwal posyandu',
    chronology: 'Mohon informasi jadwal posyandu bulan depan.',
    incidentDate: '2026-11-23',
    location: '',
    category: 'health',
    targetOffice: '',
    attachments: [],
  },
  {
    unitCode: 'KBM',
    deviceCode: 'X7Q',
    sequence: 5,
    eventSequence: 9,
    officer: { officerId: 'o1', name: 'Rina' },
    receivedAt: new Date('2026-11-23T03:04:05.678Z'),
    localDate: '2026-11-23',
  },
);
const refuses = (doc: object): boolean => !eventDocSchema.safeParse(resealed(doc)).success;

/** The messages of the issues the union gives for `doc`, as `path: message`. */
function problems(doc: object): string[] {
  const result = eventDocSchema.safeParse(resealed(doc));
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('event schemas', () => {
  it('list every kind: intake, the workflow kinds, then the reporter correction', () => {
    expect(EVENT_KINDS).toEqual([
      'received',
      'verify',
      'hold',
      'not-our-authority',
      'archive',
      'dispose',
      'follow-up',
      'response',
      'complainant-reply',
      'satisfaction',
      'close',
      'reopen',
      'correct-field',
      'note',
      'privacy-change',
      'lapor-forwarded',
      'reporter-corrected',
      'related',
      'identity-deleted',
    ]);
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([...EVENT_KINDS].sort());
    expect(Object.keys(PAYLOAD_FIELDS).sort()).toEqual(
      EVENT_KINDS.filter((kind) => kind !== 'received').sort(),
    );
  });

  it('accept a built received event through the union and its own schema', () => {
    expect(eventDocSchema.parse(received)).toEqual(received);
    expect(receivedEventSchema.safeParse({ ...received, _rev: received._rev }).success).toBe(true);
    // Content that its id does not name, or another revision: refused.
    expect(receivedEventSchema.safeParse({ ...received, _rev: '1-a' }).success).toBe(false);
    expect(receivedEventSchema.safeParse({ ...received, channel: 'phone' }).success).toBe(false);
  });

  it('refuse unknown kinds, unknown keys and missing fields', () => {
    expect(refuses({ ...received, kind: 'verify' })).toBe(true);
    expect(refuses({ ...received, kind: 'approve' })).toBe(true);
    expect(refuses({ ...received, note: 'x' })).toBe(true);
    const { channel: _channel, ...withoutChannel } = received;
    expect(refuses(withoutChannel)).toBe(true);
    expect(refuses({ ...received, by: { officerId: 'o1' } })).toBe(true);
  });

  it('refuse an id, complaint, unit, time or device that disagree with each other', () => {
    const tn = received.trackingNumber;
    expect(refuses({ ...received, _id: eventBaseId(tn, received.at, 'A23', 9) })).toBe(true);
    expect(refuses({ ...received, at: '2026-11-23T03:04:05.679Z' })).toBe(true);
    expect(refuses({ ...received, deviceCode: 'A23' })).toBe(true);
    expect(refuses({ ...received, unitCode: 'JKT' })).toBe(true);
    expect(
      refuses({
        ...received,
        complaintId: `complaint:2026-11-23T03:04:05.678Z:KBM-261123-X7Q-0006:${'0'.repeat(64)}`,
      }),
    ).toBe(true);
    expect(refuses({ ...received, trackingNumber: 'KBM-261123-X7Q-0006' })).toBe(true);
  });

  it('accept an event written by another device of the unit', () => {
    const fromOtherDevice = {
      ...received,
      deviceCode: 'A23',
      _id: eventBaseId(received.trackingNumber, received.at, 'A23', 1),
    };
    expect(refuses(fromOtherDevice)).toBe(false);
  });
});

describe.each(WORKFLOW_ACTIONS)('the event of %s', (action) => {
  const kind = EVENT_KIND_OF_ACTION[action];
  const event = sampleEvent(action);

  it('is accepted by the union and by its own schema, unchanged', () => {
    expect(event.kind).toBe(kind);
    expect(eventDocSchema.parse(event)).toEqual(event);
    expect(EVENT_SCHEMAS[kind].parse(event)).toEqual(event);
    expect(eventBaseSchema.safeParse(event).success).toBe(false); // the base alone is strict
  });

  it('holds exactly the fields of its kind', () => {
    expect(Object.keys(payloadOf(event)).sort()).toEqual(Object.keys(PAYLOAD_FIELDS[kind]).sort());
  });

  it('refuses unknown keys, a missing field and another kind', () => {
    expect(problems({ ...event, extra: 'x' })).not.toEqual([]);
    for (const field of Object.keys(PAYLOAD_FIELDS[kind])) {
      const { [field]: _dropped, ...without } = event as Record<string, unknown>;
      expect(refuses(without), field).toBe(true);
    }
    const otherKind = kind === 'note' ? 'close' : 'note';
    expect(refuses({ ...event, kind: otherKind })).toBe(true);
    expect(EVENT_SCHEMAS[kind].safeParse({ ...event, by: { officerId: '', name: 'x' } }).success).toBe(false);
  });
});

describe('event payload rules', () => {
  const archived = (fields: Record<string, unknown>): EventDoc => ({
    ...sampleEvent('archive'),
    ...fields,
  });

  it('refuse an archive as duplicate without, with an invalid, or with its own tracking number', () => {
    expect(problems(archived({ reason: 'duplicate', duplicateOf: null }))).toEqual([
      'duplicateOf: workflow.archive.duplicateOfRequired',
    ]);
    expect(problems(archived({ reason: 'duplicate', duplicateOf: 'kbm-261120-x7q-0007' }))).toEqual([
      'duplicateOf: workflow.archive.duplicateOfInvalid',
    ]);
    expect(problems(archived({ reason: 'duplicate', duplicateOf: TRACKING_NUMBER }))).toEqual([
      'duplicateOf: workflow.archive.duplicateOfSelf',
    ]);
    expect(problems(archived({ reason: 'duplicate', duplicateOf: OTHER_TRACKING_NUMBER }))).toEqual([]);
  });

  it('refuse a duplicate reference or other-text on an archive with another reason', () => {
    expect(problems(archived({ reason: 'too-general', duplicateOf: OTHER_TRACKING_NUMBER }))).toEqual([
      'duplicateOf: validation.invalid',
    ]);
    expect(problems(archived({ reason: 'too-general', otherText: 'x' }))).toEqual([
      'otherText: validation.invalid',
    ]);
    expect(problems(archived({ reason: 'other', otherText: '  ' }))).toEqual([
      'otherText: workflow.archive.otherTextRequired',
    ]);
    expect(problems(archived({ reason: 'other', otherText: 'Iklan' }))).toEqual([]);
  });

  it('refuse a privacy change to the same mode, or that contradicts identityDeleted', () => {
    const event = sampleEvent('change-privacy', { to: 'anonymous', reason: 'Permintaan pelapor' });
    expect(event).toMatchObject({ from: 'confidential', to: 'anonymous', identityDeleted: true });
    expect(problems({ ...event, to: 'confidential', identityDeleted: false })).toEqual([
      'to: workflow.privacy.sameMode',
    ]);
    expect(problems({ ...event, identityDeleted: false })).toEqual(['identityDeleted: validation.invalid']);
    expect(problems({ ...event, to: 'named' })).toEqual(['identityDeleted: validation.invalid']);
  });

  it.each([0, 6, 2.5, -1, Number.NaN])('refuse satisfaction score %s', (score) => {
    const event = sampleEvent('record-satisfaction');
    expect(problems({ ...event, score })[0]).toMatch(/^score: /);
    if (Number.isFinite(score))
      expect(problems({ ...event, score })).toEqual(['score: workflow.satisfaction.scoreRange']);
  });

  it('refuse a stored satisfaction score given as text', () => {
    expect(problems({ ...sampleEvent('record-satisfaction'), score: '4' })).toHaveLength(1);
  });

  it('accept satisfaction scores 1 to 5', () => {
    const event = sampleEvent('record-satisfaction');
    for (const score of [1, 2, 3, 4, 5]) expect(problems({ ...event, score })).toEqual([]);
  });

  it('refuse an unchanged or invalid correction', () => {
    const event = sampleEvent('correct');
    expect(event).toMatchObject({
      field: 'title',
      oldValue: 'Antrean puskesmas',
      newValue: 'Antrean panjang',
    });
    expect(problems({ ...event, newValue: 'Antrean puskesmas' })).toEqual([
      'newValue: workflow.correct.unchanged',
    ]);
    expect(problems({ ...event, newValue: ' ' })).toEqual(['newValue: validation.title.required']);
    expect(problems({ ...event, field: 'reportType', newValue: 'praise' })).toEqual([
      'newValue: validation.reportType.unknown',
    ]);
    expect(problems({ ...event, field: 'incidentDate', newValue: '2026-02-30' })).toEqual([
      'newValue: validation.incidentDate.invalid',
    ]);
    expect(problems({ ...event, field: 'nik' })).not.toEqual([]);
  });

  it('refuse blank or too long texts, a blank nullable line and an invalid hold date', () => {
    expect(problems({ ...sampleEvent('note'), text: '   ' })).toEqual(['text: validation.required']);
    expect(problems({ ...sampleEvent('note'), text: 'x'.repeat(4001) })).toEqual([
      'text: validation.tooLong',
    ]);
    expect(problems({ ...sampleEvent('verify'), dispositionOffice: '' })).toEqual([
      'dispositionOffice: validation.required',
    ]);
    expect(problems({ ...sampleEvent('hold'), until: '29/01/2027' })).toEqual(['until: validation.invalid']);
    expect(problems({ ...sampleEvent('respond'), channel: 'fax' })).not.toEqual([]);
    expect(problems({ ...sampleEvent('record-reply'), needsFurtherAction: 'yes' })).not.toEqual([]);
  });
});
