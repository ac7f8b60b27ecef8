/**
 * Koreksi data pelapor: supervisors and managers correct the complainant's name, NIK, phone,
 * e-mail and address (shared/workflow/reporter-correction), or record them when the complaint has
 * none (identified after intake, or its identity deleted by a privacy change since undone). The
 * form starts from the values as stored, keeps what was typed through every refusal, and says "saved" only once the reporter
 * document and its event are stored. Alt+I opens it, Enter or Ctrl+Enter saves, Escape closes.
 */
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { REPORTER_FIELD_NAMES, type ReporterFieldName } from '../../../shared/complaint/reporter-fields';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import type { ComplaintState } from '../../../shared/workflow/complaint-state-types';
import { mayCorrectReporter } from '../../../shared/workflow/reporter-correction';
import { useCore } from '../../app/core-context';
import { ErrorSummary, errorFor } from '../../components/error-summary';
import { TextField, fieldId } from '../../components/form-fields';
import { useAppStore } from '../../store/app-store';

const PREFIX = 'reporterCorrection';
/** The keyboard shortcut that opens the form (Alt+I: identitas). */
export const REPORTER_CORRECTION_KEY = 'i';

type Values = Readonly<Record<ReporterFieldName, string>>;

/** Element id of a field of this form; a problem with the whole (path '') goes to the name. */
export function reporterFieldId(path: string): string {
  return fieldId(`${PREFIX}.${path === '' ? 'name' : path}`);
}

function storedValues(reporter: ReporterDoc | null): Values {
  return Object.fromEntries(REPORTER_FIELD_NAMES.map((field) => [field, reporter?.[field] ?? ''])) as Values;
}

type Notice = Readonly<{ kind: 'unchanged' | 'conflict' }>;

export function ReporterCorrectionForm(props: {
  complaintId: string;
  state: ComplaintState;
  reporter: ReporterDoc | null;
}): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((store) => store.officer);
  const notify = useAppStore((store) => store.notify);
  const [open, setOpen] = useState(false);
  /** The revision the form started from, and what was typed. */
  const [base, setBase] = useState<string>('');
  const [values, setValues] = useState<Values>();
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [notice, setNotice] = useState<Notice>();
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { reporter, state } = props;
  const allowed = officer !== undefined && mayCorrectReporter(officer.role, state.privacyMode);

  const start = (): void => {
    setBase(reporter?._rev ?? '');
    setValues(storedValues(reporter));
    setIssues([]);
    setNotice(undefined);
    setOpen(true);
  };

  useEffect(() => {
    if (!allowed) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.key.toLowerCase() !== REPORTER_CORRECTION_KEY) return;
      event.preventDefault();
      if (!open) start();
      else document.getElementById(reporterFieldId('name'))?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (open) document.getElementById(reporterFieldId('name'))?.focus();
  }, [open]);

  if (!allowed) return null;
  /** No reporter document here: the identity is recorded anew (or the core says to sync first). */
  const title = reporter ? t('reporterCorrection.title') : t('reporterCorrection.recordTitle');

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!values || saving) return;
    setAttempt((value) => value + 1);
    setSaving(true);
    setNotice(undefined);
    try {
      const outcome = await core.complaints.correctReporter(props.complaintId, { rev: base, values });
      switch (outcome.outcome) {
        case 'saved':
          notify(
            'success',
            t('reporterCorrection.saved', {
              fields: outcome.fields.map((field) => t(`reporterField.${field}`)).join(', '),
            }),
          );
          setOpen(false);
          return;
        case 'unchanged':
        case 'conflict':
          setIssues([]);
          setNotice({ kind: outcome.outcome });
          return;
        case 'refused':
          setIssues(outcome.issues);
          return;
        default: {
          const never: never = outcome;
          return never;
        }
      }
    } catch (error) {
      notify(
        'error',
        t('reporterCorrection.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setSaving(false);
    }
  };

  const field = (
    name: ReporterFieldName,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ): ReactNode => (
    <TextField
      path={`${PREFIX}.${name}`}
      label={label}
      value={values?.[name] ?? ''}
      onChange={(value) => {
        if (values) setValues({ ...values, [name]: value });
      }}
      error={errorFor(issues, name)}
      autoComplete="off"
      {...extra}
    />
  );

  return (
    <div className="actions no-print">
      <div className="actions__buttons">
        <button
          type="button"
          className={`button${open ? ' button--primary' : ''}`}
          aria-keyshortcuts={`Alt+${REPORTER_CORRECTION_KEY.toUpperCase()}`}
          aria-expanded={open}
          onClick={start}
        >
          {reporter ? t('reporterCorrection.open') : t('reporterCorrection.record')}{' '}
          <kbd>Alt+{REPORTER_CORRECTION_KEY.toUpperCase()}</kbd>
        </button>
      </div>
      {open && values ? (
        <form
          ref={formRef}
          className="form actions__form"
          aria-label={title}
          noValidate
          onSubmit={(event) => void submit(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
            if (event.key === 'Enter' && event.ctrlKey) formRef.current?.requestSubmit();
          }}
        >
          <h3>{title}</h3>
          <p className="field__hint">{t('reporterCorrection.hint')}</p>
          <ErrorSummary issues={issues} attempt={attempt} focusTarget={reporterFieldId} />
          {notice ? (
            <p
              className={`notice ${notice.kind === 'conflict' ? 'notice--warning' : 'notice--info'}`}
              role="status"
              data-testid="reporter-correction-notice"
            >
              {t(`reporterCorrection.${notice.kind}`)}
            </p>
          ) : null}
          {field('name', t('intake.reporterName'), { required: true })}
          <p className="field__hint">{t('intake.contactHint')}</p>
          <div className="form__row">
            {field('phone', t('intake.reporterPhone'), { type: 'tel', inputMode: 'tel' })}
            {field('email', t('intake.reporterEmail'), { type: 'email', inputMode: 'email' })}
          </div>
          {field('address', t('intake.reporterAddress'))}
          {field('nik', t('intake.reporterNik'), { inputMode: 'numeric', hint: t('intake.reporterNikHint') })}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('common.saving') : t('reporterCorrection.submit')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
