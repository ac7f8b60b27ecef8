/**
 * The JSON Schemas the central server checks documents against, derived from the app's zod
 * schemas with zod 4's `z.toJSONSchema`: one source for the app and the server, never a second
 * hand-written copy. Refinements (zod code) become patterns where ./refinement-patterns knows
 * them; every other refinement is listed in `unenforced`, so that what the server does not check
 * is written down (docs/central.md) and a new one cannot slip in unnoticed (the test compares the
 * list with UNENFORCED_ON_SERVER).
 *
 * Only the keywords the ES5 validator implements (./validate-doc-update-source) may appear;
 * anything else throws here, at build time, instead of being silently ignored on the server.
 */
import { z } from 'zod';
import { ACCESS_DOC_TYPE, accessDocSchema } from '../auth/access-record';
import { complaintDocSchema } from '../complaint/complaint-schema';
import { storedReporterDocSchema } from '../complaint/sealed-reporter';
import { UNIT_KEY_DOC_TYPE, unitKeyDocSchema } from '../crypto/unit-key-document';
import { UNIT_KEY_RECOVERY_TYPE, unitKeyRecoveryDocSchema } from '../crypto/unit-key-recovery-document';
import { KEY_TRANSFER_TYPE, keyTransferDocSchema } from '../enrolment/key-transfer-document';
import { NATIONAL_CALENDAR_TYPE, nationalCalendarDocSchema } from '../calendar/national-calendar';
import { OFFICER_DOC_TYPE, officerDocSchema } from '../unit/officer-document';
import { unitProfileDocSchema } from '../unit/unit-profile';
import { unitOfficesDocSchema, unitSettingsDocSchema } from '../unit/unit-settings';
import { EVENT_KINDS, EVENT_SCHEMAS } from '../workflow/events';
import type { Json } from './canonical-json';
import { PACKET_DRAFT_TYPE } from './id-templates';
import { packetDraftDocSchema } from './packet-draft-document';
import {
  NON_BLANK_PATTERN,
  PREDICATE_PATTERNS,
  REFINEMENT_SCHEMAS,
  behavesAsNonBlank,
} from './refinement-patterns';

export type JsonSchema = { [keyword: string]: Json };

/**
 * Written once, never changed or deleted (docs/decisions/001-append-only-events.md), content-addressed
 * (docs/decisions/007-content-addressed-records.md): complaints, events and the access log.
 */
export const IMMUTABLE_TYPES = ['complaint', 'event', ACCESS_DOC_TYPE] as const;
/** May be updated and deleted; their conflicts are resolved by a person. */
export const MUTABLE_TYPES = [
  'reporter',
  'unit-profile',
  'unit-settings',
  'unit-offices',
  PACKET_DRAFT_TYPE,
  OFFICER_DOC_TYPE,
  KEY_TRANSFER_TYPE,
  UNIT_KEY_DOC_TYPE,
  // The central's national calendar of a year: written by server admins only (CENTRAL_TYPES).
  NATIONAL_CALENDAR_TYPE,
  // The unit key under the recovery passphrase: replaced by a manager, deletable as any mutable one.
  UNIT_KEY_RECOVERY_TYPE,
] as const;
/**
 * Mutable types whose live document is never changed, only deleted (a bare tombstone): the unit
 * key's transfer documents (../enrolment/key-transfer-document).
 */
export const WRITE_ONCE_TYPES: readonly string[] = [KEY_TRANSFER_TYPE, UNIT_KEY_DOC_TYPE];
/**
 * Write-once types that are never deleted either: the unit key's announcements
 * (../crypto/unit-key-document; a deleted `unit-key:1` could be created again with another key).
 */
export const PERMANENT_TYPES: readonly string[] = [UNIT_KEY_DOC_TYPE];
/**
 * Types the central writes, never a device: the same document in every unit database, without a
 * `unitCode` (`central calendar import`, ../calendar/national-calendar). The validator refuses
 * writes and deletions of them from anyone but a server admin.
 */
export const CENTRAL_TYPES: readonly string[] = [NATIONAL_CALENDAR_TYPE];
export type DocumentType = (typeof IMMUTABLE_TYPES)[number] | (typeof MUTABLE_TYPES)[number];

/** The zod schema of every document type (events: one per kind, below). */
const DOCUMENT_SCHEMAS = {
  complaint: complaintDocSchema,
  // Stored reporter documents hold identity only sealed (../complaint/sealed-reporter): a clear
  // name, NIK or phone is refused.
  reporter: storedReporterDocSchema,
  'unit-profile': unitProfileDocSchema,
  'unit-settings': unitSettingsDocSchema,
  'unit-offices': unitOfficesDocSchema,
  [PACKET_DRAFT_TYPE]: packetDraftDocSchema,
  [OFFICER_DOC_TYPE]: officerDocSchema,
  [ACCESS_DOC_TYPE]: accessDocSchema,
  [KEY_TRANSFER_TYPE]: keyTransferDocSchema,
  [UNIT_KEY_DOC_TYPE]: unitKeyDocSchema,
  [NATIONAL_CALENDAR_TYPE]: nationalCalendarDocSchema,
  [UNIT_KEY_RECOVERY_TYPE]: unitKeyRecoveryDocSchema,
} as const satisfies Partial<Record<DocumentType, z.ZodType>>;

/** Keywords the server's validator implements. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'const',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
]);
/** Annotations without effect on validity, dropped from the server's copy. */
const ANNOTATIONS: ReadonlySet<string> = new Set(['$schema', 'title', 'description', 'examples', 'default']);
/** Keywords whose value is a schema, or a list or map of schemas. */
const SUBSCHEMA_KEYWORDS = {
  single: ['additionalProperties', 'propertyNames', 'items', 'not'],
  list: ['anyOf', 'oneOf', 'allOf'],
  map: ['properties'],
} as const;

export type DocumentJsonSchemas = Readonly<{
  /** Per document type with a schema. */
  types: Readonly<Record<string, JsonSchema>>;
  /** Per event kind (events are checked against the schema of their `kind`). */
  eventKinds: Readonly<Record<string, JsonSchema>>;
  /** Refinements the server does not check, as `<document> <field>: <rule>`, sorted. */
  unenforced: readonly string[];
}>;

type OverrideContext = Parameters<
  NonNullable<NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override']>
>[0];
type CustomCheckDef = Readonly<{ check?: string; fn?: unknown; error?: unknown }>;

/** `properties.by.properties.name` → `by.name`; the document itself → `(document)`. */
function fieldOf(path: readonly (string | number)[]): string {
  const names: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (part === 'properties') {
      names.push(String(path[i + 1]));
      i++;
    } else if (part === 'items') names.push('[]');
    else if (part === 'additionalProperties') names.push('*');
  }
  return names.length > 0 ? names.join('.').replace(/\.\[\]/g, '[]') : '(document)';
}

function messageOf(def: CustomCheckDef): string {
  if (typeof def.error === 'function') {
    const message: unknown = (def.error as () => unknown)();
    if (typeof message === 'string') return message;
  }
  return 'cross-field rules';
}

function addPattern(json: JsonSchema, pattern: string): void {
  if (json.pattern === undefined) json.pattern = pattern;
  else json.allOf = [...((json.allOf as Json[] | undefined) ?? []), { pattern }];
}

function addSchema(json: JsonSchema, schema: Json): void {
  json.allOf = [...((json.allOf as Json[] | undefined) ?? []), schema];
}

/**
 * Turns the refinements of one zod schema node into patterns or JSON Schema fragments, or records
 * them as unenforced.
 */
function refinementsOf(ctx: OverrideContext, document: string, unenforced: string[]): void {
  const checks = (ctx.zodSchema._zod.def as { checks?: readonly { _zod: { def: CustomCheckDef } }[] }).checks;
  for (const check of checks ?? []) {
    const def = check._zod.def;
    if (def.check !== 'custom') continue;
    const json = ctx.jsonSchema as JsonSchema;
    const pattern = PREDICATE_PATTERNS.get(def.fn);
    const fragment = REFINEMENT_SCHEMAS.get(def.fn);
    if (pattern !== undefined) addPattern(json, pattern);
    else if (fragment !== undefined) addSchema(json, fragment);
    else if (
      json.type === 'string' &&
      typeof def.fn === 'function' &&
      behavesAsNonBlank(def.fn as (value: string) => unknown)
    ) {
      addPattern(json, NON_BLANK_PATTERN);
    } else unenforced.push(`${document} ${fieldOf(ctx.path)}: ${messageOf(def)}`);
  }
}

/** Drops annotations and throws on any keyword the server's validator does not implement. */
function serverSchema(node: JsonSchema, where: string): JsonSchema {
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (keyword === 'format' && typeof node.pattern === 'string') continue; // the pattern says it
    if (!SUPPORTED_KEYWORDS.has(keyword)) {
      throw new Error(
        `${where}: JSON Schema keyword "${keyword}" is not implemented by the server validator`,
      );
    }
    if ((SUBSCHEMA_KEYWORDS.single as readonly string[]).includes(keyword) && typeof value === 'object') {
      out[keyword] =
        value === null || Array.isArray(value) ? value : serverSchema(value as JsonSchema, where);
    } else if ((SUBSCHEMA_KEYWORDS.list as readonly string[]).includes(keyword) && Array.isArray(value)) {
      out[keyword] = value.map((item) => serverSchema(item as JsonSchema, where));
    } else if ((SUBSCHEMA_KEYWORDS.map as readonly string[]).includes(keyword)) {
      out[keyword] = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, item]) => [
          name,
          serverSchema(item as JsonSchema, `${where}.${name}`),
        ]),
      );
    } else out[keyword] = value;
  }
  return out;
}

function jsonSchemaOf(schema: z.ZodType, document: string, unenforced: string[]): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'throw',
    cycles: 'throw',
    reused: 'inline',
    override: (ctx) => refinementsOf(ctx, document, unenforced),
  });
  return serverSchema(json as JsonSchema, document);
}

/** The JSON Schemas of every document type and event kind, and what they leave unchecked. */
export function buildDocumentJsonSchemas(): DocumentJsonSchemas {
  const unenforced: string[] = [];
  const types: Record<string, JsonSchema> = {};
  for (const [type, schema] of Object.entries(DOCUMENT_SCHEMAS)) {
    types[type] = jsonSchemaOf(schema, type, unenforced);
  }
  const eventKinds: Record<string, JsonSchema> = {};
  for (const kind of EVENT_KINDS) {
    eventKinds[kind] = jsonSchemaOf(EVENT_SCHEMAS[kind], `event ${kind}`, unenforced);
  }
  return { types, eventKinds, unenforced: [...new Set(unenforced)].sort() };
}
