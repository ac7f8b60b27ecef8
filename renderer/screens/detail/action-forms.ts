/**
 * The short form each workflow action opens: which fields, of what kind, in what order. The
 * domain (shared/workflow/decide-action) checks the values; this only shapes the form and turns
 * its text into the input the domain expects.
 */
import { PRIVACY_MODES } from '../../../shared/complaint/vocabulary';
import { parseDateInput } from '../../../shared/time/date-input';
import {
  ARCHIVE_REASONS,
  CORRECTABLE_FIELDS,
  RESPONSE_CHANNELS,
  SATISFACTION_SOURCES,
} from '../../../shared/workflow/event-vocabulary';
import type { WorkflowAction } from '../../../shared/workflow/workflow-actions';

/** `correction`: the new value of a corrected field, asked for as that field is at intake. */
export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'office' | 'checkbox' | 'correction';

export type ActionField = Readonly<{
  name: string;
  kind: FieldKind;
  optional?: boolean;
  /** Options of a select: values; labels come from `action.option.<name>.<value>`. */
  options?: readonly string[];
  /** Shown only when another field of the form has one of these values. */
  showWhen?: Readonly<{ field: string; values: readonly string[] }>;
}>;

export const ACTION_FORMS: Readonly<Record<WorkflowAction, readonly ActionField[]>> = {
  verify: [
    { name: 'dispositionOffice', kind: 'office', optional: true },
    { name: 'note', kind: 'textarea', optional: true },
  ],
  hold: [
    { name: 'reason', kind: 'textarea' },
    { name: 'until', kind: 'date' },
  ],
  'not-our-authority': [
    { name: 'forwardedTo', kind: 'text' },
    { name: 'note', kind: 'textarea', optional: true },
  ],
  archive: [
    { name: 'reason', kind: 'select', options: ARCHIVE_REASONS },
    { name: 'duplicateOf', kind: 'text', showWhen: { field: 'reason', values: ['duplicate'] } },
    { name: 'otherText', kind: 'text', showWhen: { field: 'reason', values: ['other'] } },
  ],
  dispose: [
    { name: 'office', kind: 'office' },
    { name: 'note', kind: 'textarea', optional: true },
  ],
  'follow-up': [
    { name: 'office', kind: 'office' },
    { name: 'summary', kind: 'textarea' },
  ],
  respond: [
    { name: 'channel', kind: 'select', options: RESPONSE_CHANNELS },
    { name: 'summary', kind: 'textarea' },
  ],
  'record-reply': [
    { name: 'summary', kind: 'textarea' },
    { name: 'needsFurtherAction', kind: 'checkbox', optional: true },
  ],
  'record-satisfaction': [
    { name: 'score', kind: 'select', options: ['5', '4', '3', '2', '1'] },
    { name: 'collectedVia', kind: 'select', options: SATISFACTION_SOURCES },
    { name: 'comment', kind: 'textarea', optional: true },
  ],
  close: [{ name: 'outcome', kind: 'textarea' }],
  reopen: [{ name: 'reason', kind: 'textarea' }],
  correct: [
    { name: 'field', kind: 'select', options: CORRECTABLE_FIELDS },
    { name: 'newValue', kind: 'correction' },
    { name: 'reason', kind: 'textarea' },
  ],
  note: [{ name: 'text', kind: 'textarea' }],
  'change-privacy': [
    { name: 'to', kind: 'select', options: PRIVACY_MODES },
    { name: 'reason', kind: 'textarea' },
  ],
};

/** Keyboard shortcut letter of each action on the detail screen (Alt+letter). */
export const ACTION_KEYS: Readonly<Record<WorkflowAction, string>> = {
  verify: 'v',
  hold: 't',
  'not-our-authority': 'w',
  archive: 'a',
  dispose: 'd',
  'follow-up': 'f',
  respond: 'r',
  'record-reply': 'b',
  'record-satisfaction': 'k',
  close: 's',
  reopen: 'o',
  correct: 'x',
  note: 'c',
  'change-privacy': 'p',
};

export type FormValues = Readonly<Record<string, string>>;

export function isVisible(field: ActionField, values: FormValues): boolean {
  return !field.showWhen || field.showWhen.values.includes(values[field.showWhen.field] ?? '');
}

/** The values a form starts with: first option of each select, the current office, else ''. */
export function initialValues(action: WorkflowAction, currentOffice: string | null): FormValues {
  return Object.fromEntries(
    ACTION_FORMS[action].map((field) => {
      if (field.kind === 'select') return [field.name, field.options?.[0] ?? ''];
      if (field.kind === 'office') return [field.name, currentOffice ?? ''];
      return [field.name, ''];
    }),
  );
}

/** The form's text turned into the domain's input: numbers, booleans, ISO dates, nulls. */
export function toActionInput(action: WorkflowAction, values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of ACTION_FORMS[action]) {
    const raw = (values[field.name] ?? '').trim();
    if (!isVisible(field, values)) {
      input[field.name] = field.name === 'duplicateOf' ? null : '';
      continue;
    }
    switch (field.kind) {
      case 'checkbox':
        input[field.name] = raw === 'true';
        break;
      case 'date':
        input[field.name] = parseDateInput(raw) ?? raw;
        break;
      case 'correction':
        input[field.name] = values.field === 'incidentDate' ? (parseDateInput(raw) ?? raw) : raw;
        break;
      case 'office':
        input[field.name] = raw === '' && field.optional ? null : raw;
        break;
      case 'select':
        input[field.name] = field.name === 'score' ? Number(raw) : raw;
        break;
      case 'text':
      case 'textarea':
        input[field.name] = raw;
        break;
      default: {
        const never: never = field.kind;
        return never;
      }
    }
  }
  return input;
}
