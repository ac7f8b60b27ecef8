/**
 * The actions this officer may take on this complaint now: one button each (Alt+letter), each
 * opening a short form. A refused action (not allowed in this status, not this role, a field
 * missing) shows why and writes nothing; an accepted one is stored before the form closes.
 */
import { useEffect, useRef, useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATUSES } from '../../../shared/complaint/vocabulary';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import type { ComplaintState } from '../../../shared/workflow/complaint-state';
import { relatedTrackingNumbers } from '../../../shared/workflow/related-complaints';
import { ACTION_ROLES, canPerform, isRole } from '../../../shared/workflow/roles';
import { isWorkflowAction, type WorkflowAction } from '../../../shared/workflow/workflow-actions';
import { useCore } from '../../app/core-context';
import { ErrorSummary } from '../../components/error-summary';
import { isOneOf } from '../../i18n/keys';
import { useAppStore } from '../../store/app-store';
import { ActionFormFields, actionFieldId } from './action-form-fields';
import { ACTION_FORMS, ACTION_KEYS, initialValues, toActionInput, type FormValues } from './action-forms';

/** Refusals name an action, a status and a role by code; people read them in words. */
function useWords(): (issue: ValidationIssue) => ValidationIssue {
  const { t } = useTranslation();
  return (issue) => {
    const params = issue.params;
    if (!params) return issue;
    const words = { ...params };
    if (isWorkflowAction(params.action)) words.action = t(`action.${params.action}`);
    if (isOneOf(COMPLAINT_STATUSES, params.status)) words.status = t(`complaintStatus.${params.status}`);
    if (isRole(params.role)) words.role = t(`role.${params.role}`);
    return { ...issue, params: words };
  };
}

export function ActionPanel(props: { state: ComplaintState; offices: readonly string[] }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((store) => store.officer);
  const notify = useAppStore((store) => store.notify);
  const wordsFor = useWords();
  const [open, setOpen] = useState<WorkflowAction>();
  const [values, setValues] = useState<FormValues>({});
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  /** An action this complaint allows now but this officer's role does not, asked for by its shortcut. */
  const [refused, setRefused] = useState<WorkflowAction>();
  const panelRef = useRef<HTMLFormElement>(null);

  const actions = officer
    ? props.state.allowedActions.filter((action) => canPerform(officer.role, action))
    : [];

  const start = (action: WorkflowAction): void => {
    setOpen(action);
    const initial = initialValues(action, props.state.currentOffice, {
      targetOffice: props.state.current.targetOffice,
      offices: props.offices,
    });
    // A correction starts from the value as it reads now, so a typo is fixed, not retyped.
    setValues(action === 'correct' ? { ...initial, newValue: props.state.current.title } : initial);
    setIssues([]);
    setRefused(undefined);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey) return;
      const key = event.key.toLowerCase();
      const action = actions.find((candidate) => ACTION_KEYS[candidate] === key);
      if (action) {
        event.preventDefault();
        start(action);
        return;
      }
      // Allowed now, but not for this role: say who may, instead of doing nothing.
      const other = props.state.allowedActions.find((candidate) => ACTION_KEYS[candidate] === key);
      if (other && officer) {
        event.preventDefault();
        setRefused(other);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    const first = open ? ACTION_FORMS[open][0] : undefined;
    if (open && first) document.getElementById(actionFieldId(first.name))?.focus();
  }, [open]);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!open || !officer || saving) return;
    setAttempt((value) => value + 1);
    setSaving(true);
    try {
      const outcome = await core.complaints.act(props.state, open, toActionInput(open, values));
      if (!outcome.ok) {
        setIssues(outcome.issues.map(wordsFor));
        return;
      }
      notify('success', t('action.saved', { action: t(`action.${open}`) }));
      setOpen(undefined);
    } catch (error) {
      notify('error', t('action.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  const refusal = refused ? (
    <p className="field__error" role="status" data-testid="action-refused">
      {t('action.needsRole', {
        action: t(`action.${refused}`),
        role: t(`role.${ACTION_ROLES[refused][0] ?? 'manager'}`),
        current: officer ? t(`role.${officer.role}`) : '',
      })}
    </p>
  ) : null;

  if (actions.length === 0)
    return (
      <>
        <p className="field__hint">{t('action.none')}</p>
        {refusal}
      </>
    );
  return (
    <div className="actions no-print">
      <div className="actions__buttons" role="toolbar" aria-label={t('action.toolbar')}>
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`button${open === action ? ' button--primary' : ''}`}
            aria-keyshortcuts={`Alt+${ACTION_KEYS[action].toUpperCase()}`}
            aria-expanded={open === action}
            onClick={() => start(action)}
          >
            {t(`action.${action}`)} <kbd>Alt+{ACTION_KEYS[action].toUpperCase()}</kbd>
          </button>
        ))}
      </div>
      {refusal}
      {open ? (
        <form
          ref={panelRef}
          className="form actions__form"
          aria-label={t(`action.${open}`)}
          noValidate
          onSubmit={(event) => void submit(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(undefined);
            if (event.key === 'Enter' && event.ctrlKey) panelRef.current?.requestSubmit();
          }}
        >
          <h3>{t(`action.${open}`)}</h3>
          <ErrorSummary issues={issues} attempt={attempt} focusTarget={actionFieldId} />
          <ActionFormFields
            action={open}
            values={values}
            issues={issues}
            offices={props.offices}
            current={props.state.current}
            privacyMode={props.state.privacyMode}
            related={relatedTrackingNumbers(props.state)}
            onChange={setValues}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('common.saving') : t('action.submit', { action: t(`action.${open}`) })}
            </button>
            <button type="button" className="button" onClick={() => setOpen(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
