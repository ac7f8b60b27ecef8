/**
 * Labelled form controls with hints and field errors wired for screen readers: each control
 * gets a stable id derived from its path (so an error summary can focus it), `aria-invalid`
 * and `aria-describedby` pointing at its hint and error.
 */
import type { ReactNode } from 'react';

export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

type Common = Readonly<{
  path: string;
  label: string;
  hint?: string;
  error?: string;
  warning?: string;
  required?: boolean;
}>;

function describedBy(path: string, { hint, error, warning }: Common): string | undefined {
  const ids = [
    hint && `${fieldId(path)}-hint`,
    warning && `${fieldId(path)}-warning`,
    error && `${fieldId(path)}-error`,
  ];
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

/** What every control shares: its id and name, value, change handler and accessibility wiring. */
function controlProps(
  props: Common & { value: string; onChange: (value: string) => void; autoFocus?: boolean },
) {
  return {
    id: fieldId(props.path),
    name: props.path,
    value: props.value,
    onChange: (event: { target: { value: string } }) => props.onChange(event.target.value),
    'aria-invalid': props.error ? true : undefined,
    'aria-required': props.required ? true : undefined,
    'aria-describedby': describedBy(props.path, props),
    autoFocus: props.autoFocus,
  } as const;
}

function FieldFrame(props: Common & { children: ReactNode }): ReactNode {
  const id = fieldId(props.path);
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? (
          <span aria-hidden="true" className="field__required">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {props.children}
      {props.hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.warning ? (
        <p className="field__warning" id={`${id}-warning`}>
          ⚠ {props.warning}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" id={`${id}-error`}>
          ✖ {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'email' | 'tel' | 'password';
    autoFocus?: boolean;
    maxLength?: number;
    inputMode?: 'text' | 'numeric' | 'tel' | 'email';
    autoComplete?: string;
    placeholder?: string;
    /** The id of a <datalist> of suggestions (free text still allowed). */
    list?: string;
  },
): ReactNode {
  return (
    <FieldFrame {...props}>
      <input
        {...controlProps(props)}
        type={props.type ?? 'text'}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        list={props.list}
        autoComplete={props.autoComplete ?? 'off'}
      />
    </FieldFrame>
  );
}

export function TextAreaField(
  props: Common & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number },
): ReactNode {
  return (
    <FieldFrame {...props}>
      <textarea {...controlProps(props)} rows={props.rows ?? 5} maxLength={props.maxLength} />
    </FieldFrame>
  );
}

export function SelectField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    options: readonly Readonly<{ value: string; label: string }>[];
    placeholder?: string;
    autoFocus?: boolean;
  },
): ReactNode {
  return (
    <FieldFrame {...props}>
      <select {...controlProps(props)}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A yes/no choice: a checkbox with its label after it. */
export function CheckboxField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): ReactNode {
  return (
    <label className="checkbox">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {props.label}
    </label>
  );
}
