/**
 * The fields each workflow event kind carries besides the common ones, defined once: each field
 * has a `spec` (what a form needs to ask for it: ./action-inputs) and a zod `schema` (what a
 * stored event must hold: ./events). Rules across fields are in ./payload-rules.
 */
import { z } from 'zod';
import { CHRONOLOGY_MAX } from '../complaint/complaint-limits';
import { REPORTER_FIELD_NAMES, isReporterFieldList } from '../complaint/reporter-fields';
import { PRIVACY_MODES } from '../complaint/vocabulary';
import { isCanonicalTrackingNumber } from '../ids/tracking-number';
import type { MessageKey } from '../messages/validation-messages';
import { isIsoDate } from '../time/local-date';
import { IDENTITY_RETENTION_MONTHS } from '../retention/retention-months';
import {
  ARCHIVE_REASONS,
  CORRECTABLE_FIELDS,
  FILE_NAME_MAX,
  IDENTITY_DELETION_REASONS,
  LAPOR_ID_MAX,
  NAME_MAX,
  NOTE_MAX,
  RESPONSE_CHANNELS,
  SATISFACTION_MAX,
  SATISFACTION_MIN,
  SATISFACTION_SOURCES,
} from './event-vocabulary';

/**
 * How a form asks for a field. `line`: one line of text; `paragraph`: free text; `date`:
 * YYYY-MM-DD; `choice`: one of `options`; `flag`: yes/no; `score`: a whole number from `min` to
 * `max`; `correction-value`: text whose rules depend on the `field` being corrected; `choices`:
 * several of `options`, each once, in the order of `options`. `nullable`:
 * a blank entry is stored as null. `input: false`: derived by the action, not asked for.
 */
export type FieldSpec = Readonly<{
  type: 'line' | 'paragraph' | 'date' | 'choice' | 'choices' | 'flag' | 'score' | 'correction-value';
  required: boolean;
  input: boolean;
  nullable?: boolean;
  max?: number;
  min?: number;
  options?: readonly string[];
  /** The message when a required field is blank, if not `validation.required`. */
  requiredKey?: MessageKey;
  /** Left blank, the field takes this value from the complaint (`current-office`: its office). */
  prefill?: 'current-office';
  /** About the complainant's identity: asked only for a named complaint (false otherwise). */
  namedOnly?: boolean;
}>;

type Field<S extends z.ZodType> = Readonly<{ spec: FieldSpec; schema: S }>;

const nonBlank = (text: string): boolean => text.trim() !== '';
const tooLong = { message: 'validation.tooLong' } as const;
const required = { message: 'validation.required' } as const;

function requiredText(max: number, type: 'line' | 'paragraph' = 'paragraph') {
  return {
    spec: { type, required: true, input: true, max },
    schema: z.string().max(max, tooLong).refine(nonBlank, required),
  } satisfies Field<z.ZodType>;
}

function optionalText(max: number = NOTE_MAX) {
  return {
    spec: { type: 'paragraph', required: false, input: true, max },
    schema: z.string().max(max, tooLong),
  } satisfies Field<z.ZodType>;
}

/** One line that may be left blank (stored as ''). */
function optionalLine(max: number) {
  return {
    spec: { type: 'line', required: false, input: true, max },
    schema: z
      .string()
      .max(max, tooLong)
      .regex(/^[^\r\n]*$/, { message: 'validation.invalid' }),
  } satisfies Field<z.ZodType>;
}

/** A name that may be left out: blank is stored as null. */
function nullableLine(max: number) {
  return {
    spec: { type: 'line', required: false, input: true, nullable: true, max },
    schema: z.string().max(max, tooLong).refine(nonBlank, required).nullable(),
  } satisfies Field<z.ZodType>;
}

function date(requiredKey: MessageKey) {
  return {
    spec: { type: 'date', required: true, input: true, requiredKey },
    schema: z.string().refine(isIsoDate, { message: 'validation.invalid' }),
  } satisfies Field<z.ZodType>;
}

function choice<const T extends readonly [string, ...string[]]>(options: T, input = true) {
  return {
    spec: { type: 'choice', required: true, input, options },
    schema: z.enum(options),
  } satisfies Field<z.ZodType>;
}

function flag(input = true) {
  return { spec: { type: 'flag', required: false, input }, schema: z.boolean() } satisfies Field<z.ZodType>;
}

const note = optionalText();
const office = requiredText(NAME_MAX, 'line');
const reason = requiredText(NOTE_MAX);
const summary = requiredText(NOTE_MAX);
const scoreRange = { message: 'workflow.satisfaction.scoreRange' } as const;

/** The fields of every workflow event kind, in the order a form asks for them. */
export const PAYLOAD_FIELDS = {
  /** Verified; when an office is given, disposed to it at once. */
  verify: { dispositionOffice: nullableLine(NAME_MAX), note },
  /** Tunda: on hold until a date (or the next action), with a reason. */
  hold: { reason, until: date('workflow.hold.untilRequired') },
  /** Bukan wewenang: "no wrong door", forwarded to the body with authority (SP4N-LAPOR!). */
  'not-our-authority': { forwardedTo: office, note },
  archive: {
    reason: choice(ARCHIVE_REASONS),
    /** The tracking number of the complaint this one repeats (reason `duplicate` only). */
    duplicateOf: nullableLine(NAME_MAX),
    /** What the reason is (reason `other` only; otherwise ''). */
    otherText: optionalText(),
  },
  /** Disposition, or re-disposition to another office. */
  dispose: { office, note },
  'follow-up': { office, summary },
  /** The answer sent to the complainant. */
  response: { channel: choice(RESPONSE_CHANNELS), summary },
  'complainant-reply': { summary, needsFurtherAction: flag() },
  satisfaction: {
    score: {
      spec: { type: 'score', required: true, input: true, min: SATISFACTION_MIN, max: SATISFACTION_MAX },
      schema: z.number().int(scoreRange).min(SATISFACTION_MIN, scoreRange).max(SATISFACTION_MAX, scoreRange),
    },
    comment: optionalText(),
    collectedVia: choice(SATISFACTION_SOURCES),
  },
  close: { outcome: requiredText(NOTE_MAX) },
  reopen: { reason },
  'correct-field': {
    field: choice(CORRECTABLE_FIELDS),
    /** The value before this correction (derived from the complaint as it read). */
    oldValue: { spec: { type: 'paragraph', required: false, input: false }, schema: z.string() },
    newValue: {
      spec: { type: 'correction-value', required: false, input: true, max: CHRONOLOGY_MAX },
      schema: z.string().max(CHRONOLOGY_MAX, tooLong),
    },
    reason,
  },
  note: { text: requiredText(NOTE_MAX) },
  /**
   * The privacy mode changed (docs/domain.md, 'Privacy modes'). Moving to anonymous deletes the reporter
   * document; the event records that it happened, never the identity.
   */
  'privacy-change': {
    from: choice(PRIVACY_MODES, false),
    to: choice(PRIVACY_MODES),
    reason,
    identityDeleted: flag(false),
  },
  /**
   * Sent to SP4N-LAPOR!, the national complaint system (docs/domain.md): by the LAPOR! export, or
   * recorded by hand. `laporId` is LAPOR!'s own number for the report, '' while not yet known
   * (record again when it is); `includesIdentity` tells whether the complainant's identity went
   * with it (only ever for a named complaint); `exportFile` names the export file, '' when none.
   * The status does not change: forwarding is reporting upward, not handling.
   */
  'lapor-forwarded': {
    laporId: optionalLine(LAPOR_ID_MAX),
    includesIdentity: { ...flag(), spec: { ...flag().spec, namedOnly: true } },
    exportFile: optionalLine(FILE_NAME_MAX),
  },
  /**
   * The complainant's contact details were corrected in the mutable reporter document
   * (docs/domain.md, 'Privacy modes'): the names of the fields changed, each once in
   * REPORTER_FIELD_NAMES order, never their values. Written by ./reporter-correction, not by a
   * workflow action; the status does not change.
   */
  'reporter-corrected': {
    fields: {
      spec: { type: 'choices', required: true, input: false, options: REPORTER_FIELD_NAMES },
      schema: z
        .array(z.enum(REPORTER_FIELD_NAMES))
        .min(1, { message: 'validation.required' })
        .refine(isReporterFieldList, { message: 'validation.invalid' }),
    },
  },
  /**
   * The complainant's identity (the reporter document) was deleted by the app: `reason`
   * `retention`, the unit's retention period after closure ended (`retentionMonths`, the setting it
   * applied; ../retention/identity-retention). Says that it happened and why, never what was
   * deleted. Written by the core's retention task, not by a workflow action; the status does not
   * change. Two devices may both write one for the same complaint before they sync: harmless, the
   * second changes nothing.
   */
  'identity-deleted': {
    reason: choice(IDENTITY_DELETION_REASONS, false),
    retentionMonths: {
      spec: {
        type: 'score',
        required: true,
        input: false,
        min: IDENTITY_RETENTION_MONTHS.min,
        max: IDENTITY_RETENTION_MONTHS.max,
      },
      schema: z.number().int().min(IDENTITY_RETENTION_MONTHS.min).max(IDENTITY_RETENTION_MONTHS.max),
    },
  },
  /**
   * This complaint is related to another of the unit (a possible duplicate noticed at intake,
   * docs/domain.md 'Duplicates at intake'): written on both complaints, each naming the other.
   * Written by the core's link command, not by a workflow action; the status does not change.
   */
  related: {
    relatedComplaintId: {
      spec: { type: 'line', required: true, input: false },
      schema: z.string().min(1, required),
    },
    relatedTrackingNumber: {
      spec: { type: 'line', required: true, input: false },
      schema: z.string().refine(isCanonicalTrackingNumber, { message: 'validation.invalid' }),
    },
  },
} as const;

export type PayloadKind = keyof typeof PAYLOAD_FIELDS;
type FieldsOf<K extends PayloadKind> = (typeof PAYLOAD_FIELDS)[K];
type SchemaOf<T> = T extends Readonly<{ schema: infer S extends z.ZodType }> ? S : never;
export type PayloadShape<K extends PayloadKind> = { [F in keyof FieldsOf<K>]: SchemaOf<FieldsOf<K>[F]> };
/** The fields of one event kind, as stored. */
export type Payload<K extends PayloadKind> = { [F in keyof FieldsOf<K>]: z.output<SchemaOf<FieldsOf<K>[F]>> };

/** The zod shape of a kind's fields. */
export function payloadShape<K extends PayloadKind>(kind: K): PayloadShape<K> {
  const fields: Readonly<Record<string, Field<z.ZodType>>> = PAYLOAD_FIELDS[kind];
  // Sound: the same keys, each mapped to its own `schema`.
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, field.schema]),
  ) as PayloadShape<K>;
}

/** The form specs of a kind's fields, in form order. */
export function payloadSpecs(kind: PayloadKind): Readonly<Record<string, FieldSpec>> {
  const fields: Readonly<Record<string, Field<z.ZodType>>> = PAYLOAD_FIELDS[kind];
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.spec]));
}
