/**
 * How each document type's `_id` (and the ids it points at) are built from its own fields, as
 * data the server's validator reads (../ids/document-ids builds the same ids in code; the
 * prefixes and widths come from there, and ./validate-doc-update.test.ts checks both agree).
 *
 * A template is a list of parts read left to right, covering the whole id:
 *   'text'               exactly this text
 *   { field: 'x' }       exactly the document's string field `x`
 *   { digits: n }        exactly n digits
 *   { chars: n }         any n characters (the receivedAt instant inside an event's complaintId)
 *   { hex: n }           exactly n lowercase hex digits (the content hash inside a complaintId)
 *   { contentHash: true } exactly the SHA-256 of this document's content (../ids/content-id)
 *   { rest: true }       one or more characters to the end (ids chosen by the app, packet drafts)
 * An `_id` template starts with text: for deletions the validator recognises a type by it alone.
 */
import { ACCESS_DOC_TYPE, ACCESS_ID_PREFIX, ACCESS_NONCE_HEX } from '../auth/access-record';
import { CONTENT_HASH_LENGTH } from '../ids/content-id';
import { KEY_TRANSFER_ID_PREFIX, KEY_TRANSFER_TYPE } from '../enrolment/key-transfer-document';
import {
  COMPLAINT_ID_PREFIX,
  EVENT_ID_PREFIX,
  EVENT_SEQUENCE_DIGITS,
  REPORTER_ID_PREFIX,
  UNIT_PROFILE_ID,
} from '../ids/document-ids';
import { OFFICER_DOC_TYPE, OFFICER_ID_PREFIX } from '../unit/officer-document';
import { UNIT_KEY_DOC_TYPE, UNIT_KEY_ID_PREFIX } from '../crypto/unit-key-document';
import { UNIT_KEY_RECOVERY_ID, UNIT_KEY_RECOVERY_TYPE } from '../crypto/unit-key-recovery-document';
import { UNIT_OFFICES_ID, UNIT_SETTINGS_ID } from '../unit/unit-settings';
import { NATIONAL_CALENDAR_ID_PREFIX, NATIONAL_CALENDAR_TYPE } from '../calendar/national-calendar';

export type IdPart =
  | string
  | Readonly<{ field: string }>
  | Readonly<{ digits: number }>
  | Readonly<{ chars: number }>
  | Readonly<{ hex: number }>
  | Readonly<{ contentHash: true }>
  | Readonly<{ rest: true }>;
export type IdTemplate = readonly IdPart[];
export type DocumentIdTemplate = readonly [string, ...IdPart[]];

/**
 * The Kompetisi P4 submission packet drafts (a mutable document type, docs/central.md):
 * `packet-draft:<year>-<category>` (./packet-draft-document holds their schema).
 */
export const PACKET_DRAFT_TYPE = 'packet-draft';
export const PACKET_DRAFT_ID_PREFIX = 'packet-draft:';

const ISO_INSTANT_LENGTH = '2026-11-23T03:04:05.678Z'.length;
const complaintOfTrackingNumber: IdTemplate = [
  COMPLAINT_ID_PREFIX,
  { chars: ISO_INSTANT_LENGTH },
  ':',
  { field: 'trackingNumber' },
  ':',
  { hex: CONTENT_HASH_LENGTH },
];

/** Per type: the template of `_id` and of other fields made of the document's fields. */
export const ID_TEMPLATES: Readonly<
  Record<string, Readonly<{ _id: DocumentIdTemplate } & Record<string, IdTemplate>>>
> = {
  complaint: {
    _id: [
      COMPLAINT_ID_PREFIX,
      { field: 'receivedAt' },
      ':',
      { field: 'trackingNumber' },
      ':',
      { contentHash: true },
    ],
    /** `UNIT-YYMMDD-DDD-SSSS` (../ids/tracking-number): the complaint's unit and device. */
    trackingNumber: [
      { field: 'unitCode' },
      '-',
      { chars: 6 },
      '-',
      { field: 'deviceCode' },
      '-',
      { rest: true },
    ],
  },
  event: {
    _id: [
      EVENT_ID_PREFIX,
      { field: 'trackingNumber' },
      ':',
      { field: 'at' },
      ':',
      { field: 'deviceCode' },
      ':',
      { digits: EVENT_SEQUENCE_DIGITS },
      ':',
      { contentHash: true },
    ],
    complaintId: complaintOfTrackingNumber,
  },
  reporter: {
    _id: [REPORTER_ID_PREFIX, { field: 'trackingNumber' }],
    complaintId: complaintOfTrackingNumber,
  },
  'unit-profile': { _id: [UNIT_PROFILE_ID] },
  'unit-settings': { _id: [UNIT_SETTINGS_ID] },
  'unit-offices': { _id: [UNIT_OFFICES_ID] },
  [PACKET_DRAFT_TYPE]: { _id: [PACKET_DRAFT_ID_PREFIX, { digits: 4 }, '-', { rest: true }] },
  /** `officer:<officerId>`: one roster document per officer (../unit/officer-document). */
  [OFFICER_DOC_TYPE]: { _id: [OFFICER_ID_PREFIX, { field: 'officerId' }] },
  /** `key-transfer:<transferId>`: the unit key on its way to a new device (../enrolment/key-transfer-document). */
  [KEY_TRANSFER_TYPE]: { _id: [KEY_TRANSFER_ID_PREFIX, { field: 'transferId' }] },
  /** `unit-key:<version>`: which unit key versions exist (../crypto/unit-key-document). */
  [UNIT_KEY_DOC_TYPE]: { _id: [UNIT_KEY_ID_PREFIX, { field: 'version' }] },
  /** `unit-key-recovery`: the unit key under the recovery passphrase (../crypto/unit-key-recovery-document). */
  [UNIT_KEY_RECOVERY_TYPE]: { _id: [UNIT_KEY_RECOVERY_ID] },
  /** `calendar:national:<year>`: the central's national calendar of a year (../calendar/national-calendar). */
  [NATIONAL_CALENDAR_TYPE]: { _id: [NATIONAL_CALENDAR_ID_PREFIX, { field: 'year' }] },
  /** `access:<at>:<deviceCode>:<nonce>:<H>`: the access log (../auth/access-record). */
  [ACCESS_DOC_TYPE]: {
    _id: [
      ACCESS_ID_PREFIX,
      { field: 'at' },
      ':',
      { field: 'deviceCode' },
      ':',
      { hex: ACCESS_NONCE_HEX },
      ':',
      { contentHash: true },
    ],
  },
};
