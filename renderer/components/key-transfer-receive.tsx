/**
 * "Identitas tersegel — masukkan kode pemindahan kunci": on a device of the unit that does not hold
 * the unit key (a device that just joined), a field for the code a manager's device shows under
 * Pengaturan → Pindahkan kunci unit (docs/decisions/018-unit-key-transfer.md). The core waits for
 * the key's transfer document to arrive by sync (said here with the sync state, and stoppable),
 * opens it, checks the fingerprint and installs the key; the panel then goes away and the screens
 * read again. A wrong, expired or other unit's code is told at the field; nothing is stored. Five
 * wrong codes lock the field for 15 minutes (said with the time).
 *
 * Shown at the top of the desk's content while the key is missing, so it is there wherever identity
 * would be shown. Beside it, recovery with the unit's recovery passphrase (./key-recovery-receive)
 * for when no device holding the key is left.
 */
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { syncStateMessageKey } from '../../shared/sync/sync-status';
import { useCore } from '../app/core-context';
import type { KeyTransferProgress } from '../core/client-core';
import { formatDateTime } from '../format/format-date';
import { useAppStore } from '../store/app-store';
import { fieldId } from './form-fields';
import { KeyRecoveryReceive } from './key-recovery-receive';

type Problem = Readonly<{ key: string; params?: Readonly<Record<string, string | number>> }>;

const PATH = 'keyTransferCode';

export function KeyTransferReceive(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const notify = useAppStore((state) => state.notify);
  const bumpDataVersion = useAppStore((state) => state.bumpDataVersion);
  const [hasKey, setHasKey] = useState(() => core.keyTransfer.hasKey());
  const [code, setCode] = useState('');
  const [progress, setProgress] = useState<KeyTransferProgress | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [lockedUntil, setLockedUntil] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (hasKey) return undefined;
    let live = true;
    void core.keyTransfer.lockedUntil().then((until) => {
      if (live) setLockedUntil(until);
    });
    return () => {
      live = false;
      abort.current?.abort();
    };
  }, [core, hasKey]);

  if (hasKey) return null;

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (progress || lockedUntil) return;
    const controller = new AbortController();
    abort.current = controller;
    setProblem(null);
    setProgress({ phase: 'checking' });
    try {
      const outcome = await core.keyTransfer.receive(code, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      if (outcome.ok) {
        setHasKey(true);
        notify('success', t('keyTransferUi.received'));
        bumpDataVersion();
        return;
      }
      if ('problem' in outcome) {
        setProblem(outcome.problem);
        if (outcome.problem.key === 'keyTransfer.code.locked') {
          setLockedUntil(String(outcome.problem.params?.until ?? ''));
        }
        input.current?.focus();
      }
    } catch (error) {
      setProblem({
        key: 'keyTransferUi.receiveFailed',
        params: { reason: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const id = fieldId(PATH);
  const message = (shown: Problem): string => {
    const params = { ...shown.params };
    for (const name of ['until', 'expiresAt'] as const) {
      const value = params[name];
      if (typeof value === 'string' && value !== '') params[name] = formatDateTime(value, language);
    }
    return t(shown.key as 'keyTransfer.code.wrong', params);
  };
  const shown: Problem | null =
    problem ?? (lockedUntil ? { key: 'keyTransfer.code.locked', params: { until: lockedUntil } } : null);

  return (
    <section
      className="key-transfer-receive"
      aria-labelledby="key-transfer-receive-title"
      data-testid="key-transfer-receive"
    >
      <h2 id="key-transfer-receive-title">{t('keyTransferUi.sealedTitle')}</h2>
      <p className="field__hint">{t('keyTransferUi.sealedHint')}</p>
      <form className="form__row" noValidate onSubmit={(event) => void submit(event)}>
        <div className={`field${shown ? ' field--invalid' : ''}`}>
          <label htmlFor={id}>{t('keyTransferUi.receiveLabel')}</label>
          <input
            ref={input}
            id={id}
            name={PATH}
            className="mono"
            autoComplete="off"
            spellCheck={false}
            value={code}
            disabled={lockedUntil !== null || progress !== null}
            aria-invalid={shown ? true : undefined}
            aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
            onChange={(event) => {
              setCode(event.target.value);
              setProblem(null);
            }}
          />
          <p className="field__hint" id={`${id}-hint`}>
            {t('keyTransferUi.receiveHint')}
          </p>
          {shown ? (
            <p className="field__error" id={`${id}-error`}>
              ✖ {message(shown)}
            </p>
          ) : null}
        </div>
        <div className="form__actions">
          {progress ? (
            <>
              <p aria-busy="true" data-testid="key-transfer-progress">
                {progress.phase === 'waiting'
                  ? t('keyTransferUi.waiting', { sync: t(syncStateMessageKey(progress.sync)) })
                  : t('keyTransferUi.checking')}
              </p>
              <button type="button" className="button" onClick={() => abort.current?.abort()}>
                {t('keyTransferUi.stop')}
              </button>
            </>
          ) : (
            <button type="submit" className="button button--primary" disabled={lockedUntil !== null}>
              {t('keyTransferUi.receive')}
            </button>
          )}
        </div>
      </form>
      <KeyRecoveryReceive
        onRecovered={() => {
          setHasKey(true);
          notify('success', t('keyRecoveryUi.recovered'));
          bumpDataVersion();
        }}
      />
    </section>
  );
}
