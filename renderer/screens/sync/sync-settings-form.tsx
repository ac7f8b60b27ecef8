/**
 * Where this device syncs (managers): its enrolment code from the central's administrator (server,
 * unit, device, one-time password: docs/central.md, "Device accounts"). "Test connection" signs in
 * once with the code without changing anything; saving enrols the device (its own long random
 * password replaces the one-time one), keeps that password through the platform (OS keychain in
 * the desktop app) and starts syncing.
 */
import { useEffect, useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretProtection } from '../../../shared/platform/platform-contract';
import { parseEnrolmentCode, type Enrolment } from '../../../shared/enrolment/enrolment-code';
import { syncAdviceMessageKey, syncErrorMessageKey, type SyncError } from '../../../shared/sync/sync-status';
import { useCore } from '../../app/core-context';
import { TextField } from '../../components/form-fields';
import { useAppStore } from '../../store/app-store';
import type { ConnectionTestResult } from '../../core/client-core';

/** The result shown under the form: a connection test, or an enrolment the server refused. */
type Shown = ConnectionTestResult | Readonly<{ ok: false; error: SyncError }>;

function TestResult(props: { result: Shown }): ReactNode {
  const { t } = useTranslation();
  const { result } = props;
  if (result.ok) {
    return (
      <p className="notice notice--success" role="status" data-testid="sync-test-result" data-ok="true">
        {t('sync.test.ok', {
          server: `${result.server.vendor} ${result.server.version}`.trim(),
          docCount: result.database.docCount,
        })}
      </p>
    );
  }
  return (
    <div
      className="notice notice--error"
      role="alert"
      data-testid="sync-test-result"
      data-reason={result.error.reason}
    >
      <p>{t(syncErrorMessageKey(result.error.reason))}</p>
      <p>{t(syncAdviceMessageKey(result.error.reason))}</p>
    </div>
  );
}

export function SyncSettingsForm(props: { editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const notify = useAppStore((state) => state.notify);
  const savedUrl = useAppStore((state) => state.syncServerUrl);
  const state = useAppStore((store) => store.syncStatus.state);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState<'test' | 'save' | 'stop'>();
  const [result, setResult] = useState<Shown>();
  const [protection, setProtection] = useState<SecretProtection>();
  useEffect(() => {
    void core.sync.secretProtection().then(setProtection);
  }, [core]);

  /** The code read (an expired one refused before any request), or undefined with the problem shown. */
  const checked = (): Enrolment | undefined => {
    const parsed = parseEnrolmentCode(code, new Date());
    setProblem(parsed.ok ? undefined : t(parsed.problem.key, { ...parsed.problem.params }));
    if (!parsed.ok) document.getElementById('field-sync-enrolmentCode')?.focus();
    return parsed.ok ? parsed.value : undefined;
  };

  const run = async (kind: 'test' | 'save', event?: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event?.preventDefault();
    if (busy) return;
    const enrolment = checked();
    if (!enrolment) return;
    setBusy(kind);
    setResult(undefined);
    try {
      if (kind === 'test') {
        setResult(await core.sync.testConnection(enrolment.serverUrl, enrolment.password));
        return;
      }
      const enrolled = await core.sync.enrol(enrolment, new Date());
      if (enrolled.ok) {
        setProtection(enrolled.protection);
        setCode('');
        notify('success', t('syncUi.enabled'));
      } else if ('problem' in enrolled) {
        setProblem(t(enrolled.problem.key, { ...enrolled.problem.params }));
        document.getElementById('field-sync-enrolmentCode')?.focus();
      } else setResult(enrolled);
    } catch (error) {
      notify('error', t('syncUi.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  const stop = async (): Promise<void> => {
    setBusy('stop');
    try {
      await core.sync.disable();
      notify('info', t('syncUi.disabled'));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void run('save', event)}
      aria-labelledby="sync-settings-title"
    >
      <h2 id="sync-settings-title">{t('syncUi.settingsSection')}</h2>
      {protection === 'browser-storage' || protection === 'plain-file' ? (
        <p className="notice notice--warning" role="note" data-testid="secret-warning">
          {t(protection === 'browser-storage' ? 'syncUi.browserStorageWarning' : 'syncUi.plainFileWarning')}
        </p>
      ) : null}
      <fieldset disabled={!props.editable}>
        {savedUrl ? (
          <p className="field__hint" data-testid="sync-server">
            {t('syncUi.currentServer', { server: savedUrl })}
          </p>
        ) : null}
        <TextField
          path="sync.enrolmentCode"
          label={t('syncUi.enrolmentCode')}
          hint={t('syncUi.enrolmentCodeHint')}
          required
          value={code}
          onChange={setCode}
          placeholder="MA1-KTB-K23-…@https://pusat.example.go.id"
          error={problem}
        />
      </fieldset>
      {result ? <TestResult result={result} /> : null}
      {props.editable ? (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={busy !== undefined}
            onClick={() => void run('test')}
          >
            {busy === 'test' ? t('syncUi.testing') : t('syncUi.test')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy !== undefined}>
            {busy === 'save' ? t('syncUi.connecting') : t('syncUi.save')}
          </button>
          {state === 'disabled' ? null : (
            <button
              type="button"
              className="button"
              disabled={busy !== undefined}
              onClick={() => void stop()}
            >
              {t('syncUi.stop')}
            </button>
          )}
        </div>
      ) : (
        <p className="field__hint">{t('syncUi.managersOnly')}</p>
      )}
    </form>
  );
}
