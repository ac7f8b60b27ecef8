/**
 * Restoring a backup file (docs/backup.md): the officer picks the file (an <input type=file>, in the
 * browser host and in Electron alike) and types its passphrase; "Periksa berkas" opens and checks
 * it in the core, writing nothing, and shows what it holds: counts per kind, each part's SHA-256
 * from the manifest beside the one computed from the file, and whether this device has newer data.
 * Only "Pulihkan sekarang" writes. Used at setup (an empty device) and in Pengaturan (merged).
 * Every refusal is told at the field it concerns, and in the one notices region.
 */
import { Fragment, useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupKind } from '../../../shared/backup/backup-documents';
import { useCore } from '../../app/core-context';
import { TextField, fieldId } from '../../components/form-fields';
import type { RestoreOutcome, RestorePreview, RestoreProgress, RestoreRefusal } from '../../core/client-core';
import { formatDateTime } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';

type Step =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'preview'; preview: RestorePreview }
  | { step: 'restoring'; progress?: RestoreProgress }
  | { step: 'done'; outcome: Extract<RestoreOutcome, { ok: true }> };

export function RestoreForm(props: Readonly<{ target: 'empty' | 'merge' }>): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const notify = useAppStore((state) => state.notify);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string }>({});
  const [state, setState] = useState<Step>({ step: 'choose' });
  // The field a refusal is about, focused once the form is enabled again.
  const [focus, setFocus] = useState<{ field: 'file' | 'passphrase'; attempt: number }>();
  useEffect(() => {
    if (focus?.field === 'file') fileRef.current?.focus();
    if (focus?.field === 'passphrase') document.getElementById(fieldId('restorePassphrase'))?.focus();
  }, [focus]);
  const focusOn = (field: 'file' | 'passphrase'): void =>
    setFocus((current) => ({ field, attempt: (current?.attempt ?? 0) + 1 }));

  const refusalText = (refusal: RestoreRefusal): string =>
    t(`backup.error.${refusal.error}`, {
      part: refusal.part ? t(`backup.partName.${refusal.part}`) : '',
    });

  const check = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (state.step === 'checking' || state.step === 'restoring') return;
    if (!file) {
      setErrors({ file: t('backup.fileRequired') });
      focusOn('file');
      return;
    }
    if (passphrase === '') {
      setErrors({ passphrase: t('backup.problem.required') });
      focusOn('passphrase');
      return;
    }
    setErrors({});
    setState({ step: 'checking' });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setState({ step: 'choose' });
      setErrors({ file: t('backup.error.unreadable') });
      focusOn('file');
      return;
    }
    const result = await core.backup.inspect(bytes, passphrase);
    if (!result.ok) {
      const text = refusalText(result);
      setState({ step: 'choose' });
      notify('error', text);
      if (result.error === 'wrong-passphrase') {
        setErrors({ passphrase: text });
        focusOn('passphrase');
      } else {
        setErrors({ file: text });
        focusOn('file');
      }
      return;
    }
    setState({ step: 'preview', preview: result });
  };

  const restore = async (): Promise<void> => {
    setState({ step: 'restoring' });
    try {
      const outcome = await core.backup.restore((progress) => setState({ step: 'restoring', progress }));
      if (!outcome.ok) {
        notify('error', t(`backup.error.${outcome.error}`));
        setState({ step: 'choose' });
        return;
      }
      setPassphrase('');
      notify('success', t('backup.restored', { added: outcome.added, unchanged: outcome.unchanged }));
      setState({ step: 'done', outcome });
    } catch (error) {
      notify('error', t('backup.failed', { reason: error instanceof Error ? error.message : String(error) }));
      setState({ step: 'choose' });
    }
  };

  const cancel = (): void => {
    core.backup.discard();
    setState({ step: 'choose' });
  };

  const busy = state.step === 'checking' || state.step === 'restoring';
  return (
    <section className="form" aria-labelledby={`restore-title-${props.target}`}>
      <h2 id={`restore-title-${props.target}`}>{t('backup.restoreTitle')}</h2>
      <p className="field__hint">
        {props.target === 'empty' ? t('backup.restoreEmptyHint') : t('backup.restoreHint')}
      </p>
      <form noValidate onSubmit={(event) => void check(event)}>
        <fieldset disabled={busy || state.step === 'preview'} className="form__grid">
          <div className="field">
            <label htmlFor="restoreFile">{t('backup.file')}</label>
            <input
              id="restoreFile"
              ref={fileRef}
              type="file"
              accept=".mabackup,application/octet-stream"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={errors.file ? 'restoreFile-error' : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setErrors({});
              }}
            />
            {errors.file ? (
              <p className="field__error" id="restoreFile-error">
                ✖ {errors.file}
              </p>
            ) : null}
          </div>
          <TextField
            path="restorePassphrase"
            label={t('backup.restorePassphrase')}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={setPassphrase}
            error={errors.passphrase}
          />
        </fieldset>
        {state.step === 'choose' || state.step === 'checking' ? (
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {state.step === 'checking' ? t('backup.checking') : t('backup.check')}
            </button>
          </div>
        ) : null}
      </form>

      {state.step === 'preview' ? (
        <Preview preview={state.preview} language={language} onConfirm={restore} onCancel={cancel} />
      ) : null}
      {state.step === 'restoring' ? (
        <p className="field__hint" data-testid="restore-progress">
          {state.progress
            ? t('backup.progress.writing', { done: state.progress.done, total: state.progress.total })
            : t('backup.restoring')}
        </p>
      ) : null}
      {state.step === 'done' ? (
        <div data-testid="restore-done">
          <p>{t('backup.restored', { added: state.outcome.added, unchanged: state.outcome.unchanged })}</p>
          {state.outcome.conflicts.length > 0 ? (
            <>
              <p>{t('backup.conflicts')}</p>
              <ul>
                {state.outcome.conflicts.map((id) => (
                  <li key={id} className="mono">
                    {id}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Preview(
  props: Readonly<{
    preview: RestorePreview;
    language: 'id' | 'en';
    onConfirm: () => Promise<void>;
    onCancel: () => void;
  }>,
): ReactNode {
  const { t } = useTranslation();
  const { preview, language } = props;
  const { manifest } = preview;
  const when = (iso: string | null): string =>
    iso ? formatDateTime(iso, language) : t('backup.preview.none');
  return (
    <div data-testid="restore-preview">
      <h3>{t('backup.preview.title')}</h3>
      <dl className="facts">
        <dt>{t('backup.preview.unit')}</dt>
        <dd className="mono">{manifest.unitCode}</dd>
        <dt>{t('backup.preview.device')}</dt>
        <dd className="mono">{manifest.deviceCode}</dd>
        <dt>{t('backup.preview.createdAt')}</dt>
        <dd>{when(manifest.createdAt)}</dd>
        <dt>{t('backup.preview.newest')}</dt>
        <dd>{when(manifest.newest.changedAt)}</dd>
        {preview.target === 'merge' ? (
          <>
            <dt>{t('backup.preview.deviceNewest')}</dt>
            <dd>{when(preview.deviceNewest)}</dd>
          </>
        ) : null}
      </dl>
      {preview.older ? (
        <p className="field__warning" data-testid="restore-older">
          ⚠ {t('backup.preview.older')}
        </p>
      ) : null}
      <h4>{t('backup.preview.kinds')}</h4>
      <dl className="facts" data-testid="restore-kinds">
        {Object.entries(manifest.kinds).map(([kind, count]) => (
          <Fragment key={kind}>
            <dt>{t(`backup.kind.${kind as BackupKind}`)}</dt>
            <dd>{count.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB')}</dd>
          </Fragment>
        ))}
      </dl>
      <table className="table" data-testid="restore-checks">
        <caption>{t('backup.preview.parts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backup.preview.part')}</th>
            <th scope="col">{t('backup.preview.count')}</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {preview.checks.map((check) => (
            <tr key={check.part}>
              <th scope="row">{t(`backup.partName.${check.part}`)}</th>
              <td>{check.count}</td>
              <td>
                {t('backup.preview.expected')}: <span className="mono">{check.expected}</span>
                <br />
                {t('backup.preview.actual')}: <span className="mono">{check.actual}</span>{' '}
                {check.actual === check.expected ? `✔ ${t('backup.preview.match')}` : '✖'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void props.onConfirm()}>
          {t('backup.preview.confirm')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('backup.preview.cancel')}
        </button>
      </div>
    </div>
  );
}
