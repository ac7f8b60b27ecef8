/**
 * What each action's form asks for (ACTION_FIELDS, from the event fields of ./payload-fields),
 * the typed input a caller may pass, and `readActionInput`, which reads a raw form submission
 * field by field: texts trimmed, blanks checked, lengths and choices checked, every problem
 * reported at once in form order.
 */
import type { PrivacyMode } from '../complaint/vocabulary';
import { isRecord, readText } from '../complaint/intake-checks';
import type { ValidationIssue } from '../messages/validation-messages';
import { parseDateInput } from '../time/date-input';
import type {
  ArchiveReason,
  CorrectableField,
  ResponseChannel,
  SatisfactionSource,
} from './event-vocabulary';
import { payloadSpecs, type FieldSpec } from './payload-fields';
import { EVENT_KIND_OF_ACTION, WORKFLOW_ACTIONS, type WorkflowAction } from './workflow-actions';

export type { FieldSpec } from './payload-fields';

/** The input each action takes (a form may also send every field as text). */
export type ActionInputs = {
  verify: { dispositionOffice?: string | null; note?: string };
  hold: { reason: string; until: string };
  'not-our-authority': { forwardedTo: string; note?: string };
  archive: { reason: ArchiveReason; duplicateOf?: string | null; otherText?: string };
  dispose: { office: string; note?: string };
  /** `office` left blank means the office the complaint is disposed to. */
  'follow-up': { office?: string; summary: string };
  respond: { channel: ResponseChannel; summary: string };
  'record-reply': { summary: string; needsFurtherAction?: boolean };
  'record-satisfaction': { score: number | string; comment?: string; collectedVia: SatisfactionSource };
  close: { outcome: string };
  reopen: { reason: string };
  correct: { field: CorrectableField; newValue: string; reason: string };
  note: { text: string };
  'change-privacy': { to: PrivacyMode; reason: string };
  /** `laporId` blank while LAPOR! has not given one; `includesIdentity` only for named complaints. */
  'record-lapor': { laporId?: string; includesIdentity?: boolean; exportFile?: string };
};
export type ActionInput<A extends WorkflowAction> = Readonly<ActionInputs[A]>;

/** Fields an action fills in itself from the complaint's state, not asked for. */
const PREFILLED: Partial<Record<WorkflowAction, Readonly<Record<string, FieldSpec['prefill']>>>> = {
  'follow-up': { office: 'current-office' },
};

function inputSpecs(action: WorkflowAction): Readonly<Record<string, FieldSpec>> {
  const prefill = PREFILLED[action] ?? {};
  return Object.fromEntries(
    Object.entries(payloadSpecs(EVENT_KIND_OF_ACTION[action]))
      .filter(([, spec]) => spec.input)
      .map(([name, spec]) => [name, prefill[name] ? { ...spec, prefill: prefill[name] } : spec]),
  );
}

/** The fields each action's form asks for, in form order. */
export const ACTION_FIELDS: Readonly<Record<WorkflowAction, Readonly<Record<string, FieldSpec>>>> =
  Object.fromEntries(WORKFLOW_ACTIONS.map((action) => [action, inputSpecs(action)])) as Record<
    WorkflowAction,
    Readonly<Record<string, FieldSpec>>
  >;

type Issues = ValidationIssue[];

function readTextField(name: string, spec: FieldSpec, raw: unknown, issues: Issues): string | null {
  const text = readText(raw, name, { issues, warnings: [] });
  if (text === null) return null;
  if (text === '' && spec.required)
    issues.push({ path: name, key: spec.requiredKey ?? 'validation.required' });
  else if (spec.max !== undefined && text.length > spec.max) {
    issues.push({ path: name, key: 'validation.tooLong', params: { max: spec.max } });
  }
  return text === '' && spec.nullable ? null : text;
}

function readScore(name: string, spec: FieldSpec, raw: unknown, issues: Issues): number | null {
  const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (blank) {
    issues.push({ path: name, key: 'validation.required' });
    return null;
  }
  const score = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  const min = spec.min ?? 0;
  const max = spec.max ?? 0;
  if (typeof score === 'number' && Number.isInteger(score) && score >= min && score <= max) return score;
  issues.push({ path: name, key: 'workflow.satisfaction.scoreRange', params: { min, max } });
  return null;
}

/** One field of a form submission, read by its spec; problems are added to `issues`. */
function readField(name: string, spec: FieldSpec, raw: unknown, issues: Issues): unknown {
  switch (spec.type) {
    case 'line':
    case 'paragraph':
    case 'correction-value':
      return readTextField(name, spec, raw, issues);
    case 'date': {
      const text = readTextField(name, spec, raw, issues);
      if (text === null || text === '') return text;
      const date = parseDateInput(text);
      if (date === null) issues.push({ path: name, key: 'validation.invalid' });
      return date;
    }
    case 'choice': {
      if (typeof raw === 'string' && spec.options?.includes(raw)) return raw;
      const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
      issues.push({ path: name, key: blank ? 'validation.required' : 'validation.invalid' });
      return null;
    }
    case 'choices': {
      // Several options, each once, kept in the order of the options.
      const options = spec.options ?? [];
      const chosen = Array.isArray(raw) ? raw : [];
      if (chosen.length === 0 && spec.required) issues.push({ path: name, key: 'validation.required' });
      else if (chosen.some((item, at) => !options.includes(item as string) || chosen.indexOf(item) !== at)) {
        issues.push({ path: name, key: 'validation.invalid' });
        return null;
      }
      return options.filter((option) => chosen.includes(option));
    }
    case 'flag':
      if (raw === undefined || raw === null) return false;
      if (typeof raw === 'boolean') return raw;
      issues.push({ path: name, key: 'validation.invalid' });
      return null;
    case 'score':
      return readScore(name, spec, raw, issues);
    default: {
      const unknownType: never = spec.type;
      throw new Error(`Unknown field type: ${String(unknownType)}`);
    }
  }
}

/**
 * The fields of `action` read from a form submission: the values (trimmed texts, blanks of
 * nullable fields as null, a blank prefilled field as `prefilled[name]`) and every problem, in
 * form order. Unknown extra fields are dropped.
 */
export function readActionInput(
  action: WorkflowAction,
  input: unknown,
  prefilled: Readonly<Record<string, unknown>> = {},
): { values: Record<string, unknown>; issues: Issues } {
  const issues: Issues = [];
  if (!isRecord(input)) return { values: {}, issues: [{ path: '', key: 'validation.invalid' }] };
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(ACTION_FIELDS[action])) {
    let raw = input[name];
    if (
      spec.prefill &&
      (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
    ) {
      raw = prefilled[name];
    }
    values[name] = readField(name, spec, raw, issues);
  }
  return { values, issues };
}
