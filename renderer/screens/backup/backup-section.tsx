/**
 * Pengaturan → Cadangan (docs/backup.md): when this device last made a backup; for supervisors and
 * managers, making one (the passphrase typed twice, progress while the records are read and
 * encrypted, the file saved through the host) and restoring one into this device (merged); the
 * unit's reminder setting (managers change it, everyone sees it). Officers are told who may.
 */
import { useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { canBackUp } from '../../../shared/backup/backup-documents';
import { BACKUP_PASSPHRASE_MAX_LENGTH } from '../../../shared/backup/backup-format';
import { useCore } from '../../app/core-context';
import { TextField, fieldId } from '../../components/form-fields';
import type { BackupProgress } from '../../core/client-core';
import { formatDateTime } from '../../format/format-date';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';
import { BackupReminderForm } from './backup-reminder-form';
import { RestoreForm } from './restore-form';

export function BackupSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const language = useAppStore((state) => state.language);
  const unitSettings = useAppStore((state) => state.unitSettings);
  const last = useRecords(() => core.backup.lastBackupAt(), []);
  const allowed = officer ? canBackUp(officer.role) : false;
  const isManager = officer?.role === 'manager';

  return (
    <section aria-labelledby="backup-title" data-testid="backup-section">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="field__hint">{t('backup.hint')}</p>
      <dl className="facts">
        <dt>{t('backup.lastBackup')}</dt>
        <dd data-testid="last-backup">
          {last.status === 'ready'
            ? last.value
              ? formatDateTime(last.value, language)
              : t('backup.never')
            : '…'}
        </dd>
      </dl>
      {allowed ? (
        <>
          <CreateBackupForm />
          <RestoreForm target="merge" />
        </>
      ) : (
        <p className="field__hint">{t('backup.allowed')}</p>
      )}
      {unitSettings ? (
        <BackupReminderForm
          key={`b:${unitSettings._rev ?? ''}`}
          settings={unitSettings}
          editable={isManager}
        />
      ) : null}
    </section>
  );
}

function progressText(t: TFunction, progress: BackupProgress): string {
  switch (progress.phase) {
    case 'reading':
      return t('backup.progress.reading', { done: progress.done, total: progress.total });
    case 'encrypting':
      return t('backup.progress.encrypting');
    case 'saving':
      return t('backup.progress.saving');
  }
}

function CreateBackupForm(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const notify = useAppStore((state) => state.notify);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<{
    path: 'backupPassphrase' | 'backupConfirmation';
    text: string;
    attempt: number;
  }>();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<BackupProgress>();
  // Focused once the form is enabled again (a disabled fieldset's field takes no focus).
  useEffect(() => {
    if (error) document.getElementById(fieldId(error.path))?.focus();
  }, [error]);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (running) return;
    setRunning(true);
    setProgress(undefined);
    try {
      const outcome = await core.backup.create(passphrase, confirmation, setProgress);
      if (outcome.status === 'refused') {
        const path = outcome.problem === 'mismatch' ? 'backupConfirmation' : 'backupPassphrase';
        const text = t(`backup.problem.${outcome.problem}`);
        setError({ path, text, attempt: (error?.attempt ?? 0) + 1 });
        notify('error', text);
        return;
      }
      setError(undefined);
      if (outcome.status === 'cancelled') {
        notify('info', t('backup.cancelled'));
        return;
      }
      setPassphrase('');
      setConfirmation('');
      notify(
        'success',
        t('backup.saved', {
          fileName: outcome.fileName,
          count: outcome.manifest.parts.records.count,
          files: outcome.manifest.parts.files.count,
        }),
      );
    } catch (failure) {
      notify(
        'error',
        t('backup.failed', { reason: failure instanceof Error ? failure.message : String(failure) }),
      );
    } finally {
      setRunning(false);
      setProgress(undefined);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('backup.create')}
    >
      <fieldset disabled={running} className="form__grid">
        <TextField
          path="backupPassphrase"
          label={t('backup.passphrase')}
          hint={t('backup.passphraseHint')}
          type="password"
          autoComplete="new-password"
          maxLength={BACKUP_PASSPHRASE_MAX_LENGTH}
          value={passphrase}
          onChange={setPassphrase}
          error={error?.path === 'backupPassphrase' ? error.text : undefined}
        />
        <TextField
          path="backupConfirmation"
          label={t('backup.confirmation')}
          type="password"
          autoComplete="new-password"
          maxLength={BACKUP_PASSPHRASE_MAX_LENGTH}
          value={confirmation}
          onChange={setConfirmation}
          error={error?.path === 'backupConfirmation' ? error.text : undefined}
        />
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={running}>
          {running ? t('backup.creating') : t('backup.create')}
        </button>
      </div>
      {running ? (
        <p className="field__hint" data-testid="backup-progress">
          {progress ? progressText(t, progress) : t('backup.creating')}
        </p>
      ) : null}
    </form>
  );
}
