/**
 * Where this unit's devices sync: the central server's address and the unit password (managers).
 * "Test connection" checks them without changing anything; saving stores the password through
 * the platform (OS keychain in the desktop app) and starts syncing.
 */
import { useEffect, useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretProtection } from '../../../shared/platform/platform-contract';
import { normalizeServerUrl } from '../../../shared/sync/sync-config';
import { syncAdviceMessageKey, syncErrorMessageKey } from '../../../shared/sync/sync-status';
import { useCore } from '../../app/core-context';
import { TextField } from '../../components/form-fields';
import { useAppStore } from '../../store/app-store';
import type { ConnectionTestResult } from '../../core/client-core';

type Problem = 'serverUrl' | 'password' | undefined;

function TestResult(props: { result: ConnectionTestResult }): ReactNode {
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
  const [serverUrl, setServerUrl] = useState(savedUrl);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState<'test' | 'save' | 'stop'>();
  const [result, setResult] = useState<ConnectionTestResult>();
  const [protection, setProtection] = useState<SecretProtection>();
  useEffect(() => {
    void core.sync.secretProtection().then(setProtection);
  }, [core]);

  const checked = (): boolean => {
    const next: Problem =
      normalizeServerUrl(serverUrl) === null ? 'serverUrl' : password.trim() === '' ? 'password' : undefined;
    setProblem(next);
    if (next) document.getElementById(`field-sync-${next}`)?.focus();
    return next === undefined;
  };

  const run = async (kind: 'test' | 'save', event?: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event?.preventDefault();
    if (busy || !checked()) return;
    setBusy(kind);
    setResult(undefined);
    try {
      const tested = await core.sync.testConnection(serverUrl, password);
      setResult(tested);
      if (kind === 'save' && tested.ok) {
        const kept = await core.sync.enable(serverUrl, password);
        setProtection(kept);
        setPassword('');
        notify('success', t('syncUi.enabled'));
      }
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
        <TextField
          path="sync.serverUrl"
          label={t('syncUi.serverUrl')}
          hint={t('syncUi.serverUrlHint')}
          required
          value={serverUrl}
          onChange={setServerUrl}
          inputMode="text"
          placeholder="https://pusat.example.go.id"
          error={problem === 'serverUrl' ? t('syncUi.serverUrlInvalid') : undefined}
        />
        <div className="field">
          <label htmlFor="field-sync-password">{t('syncUi.password')}</label>
          <input
            id="field-sync-password"
            type="password"
            autoComplete="off"
            value={password}
            aria-invalid={problem === 'password' ? true : undefined}
            aria-describedby={problem === 'password' ? 'field-sync-password-error' : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
          {problem === 'password' ? (
            <p className="field__error" id="field-sync-password-error">
              {t('syncUi.passwordRequired')}
            </p>
          ) : null}
        </div>
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
