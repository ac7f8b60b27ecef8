/**
 * First-run setup of a further device of a unit that already syncs: the device's enrolment code
 * (server, unit, device and a one-time password, from the central's administrator: docs/central.md,
 * "Device accounts"), which fills in the device code, and its first officer. The device enrols
 * (its own password replaces the one-time one) and downloads the unit's records, profile, settings
 * and offices (with progress) before it is used.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/messages/validation-messages';
import { syncAdviceMessageKey, syncErrorMessageKey } from '../../shared/sync/sync-status';
import {
  deviceCodeOfEnrolment,
  emptyJoinInput,
  validateJoin,
  type JoinInput,
} from '../../shared/unit/join-unit';
import { useCore } from '../app/core-context';
import { ErrorSummary, errorFor } from '../components/error-summary';
import { TextField } from '../components/form-fields';
import { useAppStore } from '../store/app-store';
import type { SyncError } from '../../shared/sync/sync-status';
import { DeviceOfficerFields } from './device-officer-fields';

export function JoinUnitForm(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const status = useAppStore((state) => state.syncStatus);
  const [input, setInput] = useState<JoinInput>(() => emptyJoinInput());
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [failure, setFailure] = useState<SyncError>();
  const [attempt, setAttempt] = useState(0);
  const [joining, setJoining] = useState(false);
  const field = (key: keyof JoinInput) => ({
    path: key,
    value: input[key],
    onChange: (value: string) => setInput((current) => ({ ...current, [key]: value })),
    error: errorFor(issues, key),
  });

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (joining) return;
    setAttempt((value) => value + 1);
    setFailure(undefined);
    const checked = validateJoin(input, new Date());
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    setJoining(true);
    try {
      const outcome = await core.device.join(checked.value, new Date());
      if (outcome.ok) return;
      if ('issues' in outcome) setIssues(outcome.issues);
      else if ('error' in outcome) setFailure(outcome.error);
      else if ('sync' in outcome && outcome.sync.state === 'error') setFailure(outcome.sync.error);
    } catch (error) {
      setFailure({ reason: 'unknown', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setJoining(false);
    }
  };

  const progress = status.state === 'syncing' ? status.progress : null;
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="join-title">
      <h2 id="join-title">{t('join.title')}</h2>
      <p>{t('join.intro')}</p>
      <ErrorSummary issues={issues} attempt={attempt} />
      {failure ? (
        <div className="error-summary" role="alert" data-testid="join-failure" data-reason={failure.reason}>
          <p>{t(syncErrorMessageKey(failure.reason))}</p>
          <p>{t(syncAdviceMessageKey(failure.reason))}</p>
        </div>
      ) : null}
      <fieldset>
        <legend>{t('join.unitSection')}</legend>
        <TextField
          {...field('enrolmentCode')}
          onChange={(value: string) =>
            setInput((current) => ({
              ...current,
              enrolmentCode: value,
              deviceCode: deviceCodeOfEnrolment(value) ?? current.deviceCode,
            }))
          }
          label={t('join.enrolmentCode')}
          hint={t('join.enrolmentCodeHint')}
          required
          autoFocus
          placeholder="MA1-KTB-K23-…@https://pusat.example.go.id"
        />
      </fieldset>
      <DeviceOfficerFields field={field} />
      {joining ? (
        <p role="status" data-testid="join-progress">
          {progress?.percent != null
            ? t('sync.progress', {
                done: progress.docsDone,
                total: progress.docsTotal ?? 0,
                percent: progress.percent,
              })
            : t('join.downloading')}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={joining}>
          {joining ? t('join.joining') : t('join.submit')}
        </button>
      </div>
    </form>
  );
}
