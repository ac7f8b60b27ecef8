/**
 * The short form each workflow action opens. Which fields and in what order come from the domain
 * (shared/workflow ACTION_FIELDS, which also checks the values); this only decides how each is
 * asked for and turns the form's text into the input the domain expects.
 */
import { parseDateInput } from '../../../shared/time/date-input';
import { ACTION_FIELDS, type FieldSpec } from '../../../shared/workflow/action-inputs';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/workflow/workflow-actions';

/** `correction`: the new value of a corrected field, asked for as that field is at intake. */
export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'office' | 'checkbox' | 'correction';

export type ActionField = Readonly<{
  name: string;
  kind: FieldKind;
  optional?: boolean;
  /** Shown only for a named complaint (about the complainant's identity). */
  namedOnly?: boolean;
  /** Options of a select: values; labels come from `action.option.<name>.<value>`. */
  options?: readonly string[];
  /** Shown only when another field of the form has one of these values. */
  showWhen?: Readonly<{ field: string; values: readonly string[] }>;
}>;

/** Fields naming an office of the unit: chosen from the unit's office list. */
const OFFICE_FIELDS: ReadonlySet<string> = new Set(['office', 'dispositionOffice']);

/** Fields shown only for some values of another field of the same form. */
const SHOW_WHEN: Readonly<Record<string, ActionField['showWhen']>> = {
  'archive.duplicateOf': { field: 'reason', values: ['duplicate'] },
  'archive.otherText': { field: 'reason', values: ['other'] },
};

/** How the form asks for one field the domain defines (shared/workflow ACTION_FIELDS). */
function formField(action: WorkflowAction, name: string, spec: FieldSpec): ActionField {
  const showWhen = SHOW_WHEN[`${action}.${name}`];
  const field = {
    name,
    optional: !spec.required,
    ...(spec.namedOnly ? { namedOnly: true } : {}),
    ...(showWhen ? { showWhen, optional: false } : {}),
  };
  switch (spec.type) {
    case 'line':
      return { ...field, kind: OFFICE_FIELDS.has(name) ? 'office' : 'text' };
    case 'paragraph':
      return { ...field, kind: 'textarea' };
    case 'date':
      return { ...field, kind: 'date' };
    case 'choice':
      return { ...field, kind: 'select', options: spec.options ?? [] };
    case 'score': {
      // Best first: a whole number from max down to min.
      const { min = 1, max = 5 } = spec;
      return {
        ...field,
        kind: 'select',
        options: Array.from({ length: max - min + 1 }, (_, i) => String(max - i)),
      };
    }
    case 'flag':
      return { ...field, kind: 'checkbox' };
    case 'correction-value':
      return { ...field, kind: 'correction' };
    case 'choices':
      // Only derived fields are lists (reporter-corrected's field names): no form asks for one.
      throw new Error(`${action}.${name}: a list of choices is never asked for in an action form`);
    default: {
      const never: never = spec.type;
      return never;
    }
  }
}

function actionForms(): Record<WorkflowAction, readonly ActionField[]> {
  const forms = {} as Record<WorkflowAction, readonly ActionField[]>;
  for (const action of WORKFLOW_ACTIONS) {
    forms[action] = Object.entries(ACTION_FIELDS[action]).map(([name, spec]) =>
      formField(action, name, spec),
    );
  }
  return forms;
}

/** Each action's form: the fields the domain asks for, in its order. */
export const ACTION_FORMS: Readonly<Record<WorkflowAction, readonly ActionField[]>> = actionForms();

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
  'record-lapor': 'l',
};

export type FormValues = Readonly<Record<string, string>>;

export function isVisible(field: ActionField, values: FormValues): boolean {
  return !field.showWhen || field.showWhen.values.includes(values[field.showWhen.field] ?? '');
}

/**
 * The values a form starts with: first option of each select, the current office (for a first
 * disposition, the intake's target office when it is in the unit's list), else ''.
 */
export function initialValues(
  action: WorkflowAction,
  currentOffice: string | null,
  intake?: Readonly<{ targetOffice: string; offices: readonly string[] }>,
): FormValues {
  // A disposition (dispose, or verify's disposition office) starts on the office named at intake
  // when it is one of the unit's offices (compared without case; the list's spelling is used).
  const wanted = intake?.targetOffice.trim().toLocaleLowerCase('id') ?? '';
  const target =
    (action === 'dispose' || action === 'verify') && wanted !== ''
      ? intake?.offices.find((office) => office.trim().toLocaleLowerCase('id') === wanted)
      : undefined;
  return Object.fromEntries(
    ACTION_FORMS[action].map((field) => {
      if (field.kind === 'select') return [field.name, field.options?.[0] ?? ''];
      if (field.kind === 'office') return [field.name, currentOffice ?? target ?? ''];
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
