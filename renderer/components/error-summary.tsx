/**
 * The list of problems at the top of a form, announced by screen readers when it appears.
 * Each entry is a link that moves focus to the field it is about.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/messages/validation-messages';
import { issueText } from '../i18n/i18n';
import { fieldId } from './form-fields';

export function ErrorSummary(props: {
  issues: readonly ValidationIssue[];
  /** Where an issue's path has no control of its own (e.g. "reporter"), the id to focus instead. */
  focusTarget?: (path: string) => string;
  /** Bumped on every submit, so the first field is focused again even when the issues are the same. */
  attempt: number;
}): ReactNode {
  const { t } = useTranslation();
  const first = props.issues[0];
  // Callers pass a module-level function, so `target` is stable across renders.
  const target = props.focusTarget ?? fieldId;
  const firstPath = first?.path;

  useEffect(() => {
    if (firstPath === undefined) return;
    document.getElementById(target(firstPath))?.focus();
  }, [firstPath, props.attempt, target]);

  if (props.issues.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-live="assertive">
      <p className="error-summary__title">{t('common.fixErrors', { count: props.issues.length })}</p>
      <ul>
        {props.issues.map((issue) => (
          <li key={`${issue.path}:${issue.key}`}>
            <a
              href={`#${target(issue.path)}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(target(issue.path))?.focus();
              }}
            >
              {issueText(issue)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The error text for one field (the first issue on that path), if any. */
export function errorFor(issues: readonly ValidationIssue[], path: string): string | undefined {
  const issue = issues.find((candidate) => candidate.path === path);
  return issue ? issueText(issue) : undefined;
}
