/**
 * The content of confidential complaints taken out of a set of records (docs/central.md, confidential complaints:
 * confidential complaints leave the unit "only as counts"), for the app's "export all records"
 * file. Reporter documents are never an input here (the export leaves them out before).
 *
 * A complaint is confidential when its privacy mode is confidential NOW (the workflow reducer
 * over its events, as the packet's complaint table decides: ./complaint-rows). A record that does
 * not pass its schema is judged by what it says: confidential at intake, or any privacy change to
 * or from confidential. For each such complaint:
 *   - the complaint keeps what counts need: unit, device, tracking number, channel, report type,
 *     privacy mode, category, receipt, the files' neutral metadata; its title and chronology become
 *     CONFIDENTIAL_PLACEHOLDER, its location and target office '', its incident date the receipt
 *     date (a date with a place can identify an event; the schema wants a date);
 *   - each of its events keeps kind, time, author, device, codes, dates, flags and scores; its free
 *     texts (notes, summaries, reasons, outcomes, office names, a correction's texts: the table
 *     EVENT_TEXT_FIELDS) become the placeholder, or '' where the schema allows an empty text.
 * Placeholders keep every schema and payload rule satisfied, so the redacted file still feeds
 * `npm run packet -- build --data` and its counts.
 *
 * Ids are left as they are: complaints and events are content-addressed (../ids/content-id), so a
 * redacted record no longer matches its id until it is sealed again (./resealed-records does that
 * for the whole file, events following their complaint's new id).
 */
import { complaintDocSchema, type ComplaintDoc } from '../complaint/complaint-schema';
import { COMPLAINT_ID_PREFIX } from '../ids/document-ids';
import { reduceComplaint } from '../workflow/complaint-state';
import { eventDocSchema, type EventDoc, type EventKind, type EventPayload } from '../workflow/events';

/** What a confidential text becomes ("confidential"): non-blank, so required fields stay valid. */
export const CONFIDENTIAL_PLACEHOLDER = '[rahasia]';

type StoredDoc = Readonly<Record<string, unknown>>;

/**
 * - `placeholder`: a required text → CONFIDENTIAL_PLACEHOLDER;
 * - `placeholder-if-set`: a text that is null or '' when not given (and must then stay so) →
 *   the placeholder only when it holds something;
 * - `empty`: an optional text → ''.
 */
type TextRule = 'placeholder' | 'placeholder-if-set' | 'empty';

/**
 * The free-text fields of each event kind and what they become. Every kind is listed (the
 * compiler insists); fields not listed are kept: codes, dates, flags, scores, and the text fields
 * in KEPT_EVENT_TEXT_FIELDS. `correct-field` is handled apart (its values are content for text
 * fields, codes for the others).
 */
export const EVENT_TEXT_FIELDS = {
  received: {},
  verify: { dispositionOffice: 'placeholder-if-set', note: 'empty' },
  hold: { reason: 'placeholder' },
  'not-our-authority': { forwardedTo: 'placeholder', note: 'empty' },
  archive: { otherText: 'placeholder-if-set' },
  dispose: { office: 'placeholder', note: 'empty' },
  'follow-up': { office: 'placeholder', summary: 'placeholder' },
  response: { summary: 'placeholder' },
  'complainant-reply': { summary: 'placeholder' },
  satisfaction: { comment: 'empty' },
  close: { outcome: 'placeholder' },
  reopen: { reason: 'placeholder' },
  'correct-field': { reason: 'placeholder' },
  note: { text: 'placeholder' },
  'privacy-change': { reason: 'placeholder' },
  'lapor-forwarded': {},
  'reporter-corrected': {},
  related: {},
  'identity-deleted': {},
} as const satisfies {
  readonly [K in EventKind]: Partial<Readonly<Record<keyof EventPayload<K>, TextRule>>>;
};

/**
 * Text fields kept on purpose: another complaint's tracking number (an archive as duplicate, a link),
 * LAPOR!'s report number and the export file's name (lapor-forwarded). None is the complaint's
 * content.
 */
export const KEPT_EVENT_TEXT_FIELDS: Readonly<Partial<Record<EventKind, readonly string[]>>> = {
  archive: ['duplicateOf'],
  'lapor-forwarded': ['laporId', 'exportFile'],
  related: ['relatedComplaintId', 'relatedTrackingNumber'],
};

/** Corrected fields whose values are the complaint's content (the others are codes counts need). */
const CONTENT_FIELDS: ReadonlySet<string> = new Set(['title', 'chronology', 'location', 'targetOffice']);

export type RedactionResult = Readonly<{
  /** The records in their order, confidential complaints and their events redacted. */
  docs: Record<string, unknown>[];
  /** How many complaints were redacted. */
  complaints: number;
  /** How many of their events were redacted. */
  events: number;
}>;

function isComplaint(doc: StoredDoc): boolean {
  return doc.type === 'complaint' && typeof doc._id === 'string' && doc._id.startsWith(COMPLAINT_ID_PREFIX);
}

function isEvent(doc: StoredDoc): boolean {
  return doc.type === 'event' && typeof doc.complaintId === 'string';
}

/** Confidential by what the records say, for records that do not pass their schema. */
function saysConfidential(complaint: StoredDoc, events: readonly StoredDoc[]): boolean {
  return (
    complaint.privacyMode === 'confidential' ||
    events.some(
      (event) =>
        event.kind === 'privacy-change' && (event.to === 'confidential' || event.from === 'confidential'),
    )
  );
}

/** Whether the complaint is confidential now (see the module comment). */
function isConfidentialNow(complaint: StoredDoc, events: readonly StoredDoc[]): boolean {
  // Its mode now comes from intake and privacy changes: if none says confidential, it is not.
  if (!saysConfidential(complaint, events)) return false;
  const parsed = complaintDocSchema.safeParse(complaint);
  if (!parsed.success) return saysConfidential(complaint, events);
  const valid: EventDoc[] = [];
  for (const event of events) {
    const result = eventDocSchema.safeParse(event);
    if (result.success) valid.push(result.data);
    // An event the app cannot read may still be a privacy change: judge it by what it says.
    else if (saysConfidential({}, [event])) return true;
  }
  try {
    return reduceComplaint(parsed.data, valid).privacyMode === 'confidential';
  } catch {
    return saysConfidential(complaint, events);
  }
}

function redactedComplaint(doc: StoredDoc): Record<string, unknown> {
  const receipt = doc.receivedLocalDate;
  const content: Partial<Record<keyof ComplaintDoc, unknown>> = {
    title: CONFIDENTIAL_PLACEHOLDER,
    chronology: CONFIDENTIAL_PLACEHOLDER,
    location: '',
    targetOffice: '',
    ...(typeof receipt === 'string' ? { incidentDate: receipt } : {}),
  };
  return { ...doc, ...content };
}

function redactedText(value: unknown, rule: TextRule): unknown {
  switch (rule) {
    case 'placeholder':
      return CONFIDENTIAL_PLACEHOLDER;
    case 'placeholder-if-set':
      return value === null || value === '' || value === undefined ? value : CONFIDENTIAL_PLACEHOLDER;
    case 'empty':
      return '';
  }
}

function redactedEvent(doc: StoredDoc, receipt: unknown): Record<string, unknown> {
  const redacted: Record<string, unknown> = { ...doc };
  const kind = doc.kind;
  // A stored event's kind is not checked here: one this build does not know has no text rules.
  const rulesByKind: Readonly<Partial<Record<string, Readonly<Record<string, TextRule>>>>> =
    EVENT_TEXT_FIELDS;
  const rules = (typeof kind === 'string' ? rulesByKind[kind] : undefined) ?? {};
  for (const [field, rule] of Object.entries(rules)) {
    if (field in redacted) redacted[field] = redactedText(redacted[field], rule);
  }
  if (kind === 'correct-field' && typeof doc.field === 'string') {
    if (CONTENT_FIELDS.has(doc.field)) {
      // A new value must differ from the old one, and title and chronology must not be blank.
      redacted.oldValue = '';
      redacted.newValue = CONFIDENTIAL_PLACEHOLDER;
    } else if (doc.field === 'incidentDate') {
      redacted.oldValue = '';
      if (typeof receipt === 'string') redacted.newValue = receipt;
    }
  }
  return redacted;
}

/**
 * `docs` with the content of every confidential complaint and of its events removed (see the
 * module comment). Other documents are returned as they are (the same objects).
 */
export function redactConfidentialRecords(docs: readonly StoredDoc[]): RedactionResult {
  const eventsOf = new Map<string, StoredDoc[]>();
  for (const doc of docs) {
    if (!isEvent(doc)) continue;
    const complaintId = doc.complaintId as string;
    const group = eventsOf.get(complaintId);
    if (group) group.push(doc);
    else eventsOf.set(complaintId, [doc]);
  }
  const replaced = new Map<StoredDoc, Record<string, unknown>>();
  let complaints = 0;
  let events = 0;
  for (const doc of docs) {
    if (!isComplaint(doc)) continue;
    const own = eventsOf.get(doc._id as string) ?? [];
    if (!isConfidentialNow(doc, own)) continue;
    replaced.set(doc, redactedComplaint(doc));
    complaints += 1;
    for (const event of own) {
      replaced.set(event, redactedEvent(event, doc.receivedLocalDate));
      events += 1;
    }
  }
  return {
    docs: docs.map((doc) => replaced.get(doc) ?? (doc as Record<string, unknown>)),
    complaints,
    events,
  };
}
