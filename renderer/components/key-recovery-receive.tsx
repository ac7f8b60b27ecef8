/**
 * "Pulihkan kunci unit dengan frasa pemulihan": beside the transfer code's field
 * (./key-transfer-receive) on a device without the unit key, for the case a transfer code cannot
 * help: no device holding the key is left (docs/decisions/022-unit-key-recovery.md). The core
 * opens the unit's recovery copy (synced from the central) with the passphrase, checks each key's
 * fingerprint and installs it; `onRecovered` then takes the panel away. A wrong passphrase is told
 * at the field, and after two in a row with the time the next try must wait for.
 */
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../app/core-context';
import type { RecoverKeyOutcome } from '../core/client-core';
import { formatDateTime } from '../format/format-date';
import { useAppStore } from '../store/app-store';
import { fieldId } from './form-fields';

type Refusal = Extract<RecoverKeyOutcome, { ok: false }>;

const PATH = 'keyRecoveryPassphrase';

export function KeyRecoveryReceive({ onRecovered }: Readonly<{ onRecovered: () => void }>): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const notify = useAppStore((state) => state.notify);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void core.keyRecovery.waitUntil().then((until) => {
      if (live && until) setRefusal({ ok: false, reason: 'wait', waitUntil: until });
    });
    return () => {
      live = false;
    };
  }, [core]);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      const outcome = await core.keyRecovery.recover(passphrase);
      if (outcome.ok) {
        onRecovered();
        return;
      }
      setRefusal(outcome);
    } catch (error) {
      setRefusal(null);
      notify(
        'error',
        t('keyRecoveryUi.recoverFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const message = (shown: Refusal): string => {
    const until = 'waitUntil' in shown && shown.waitUntil ? formatDateTime(shown.waitUntil, language) : '';
    switch (shown.reason) {
      case 'empty':
        return t('keyRecoveryUi.empty');
      case 'wrong':
        return until ? t('keyRecoveryUi.wrongWait', { until }) : t('keyRecoveryUi.wrong');
      case 'wait':
        return t('keyRecoveryUi.wait', { until });
      case 'not-found':
        return t('keyRecoveryUi.notFound');
      case 'not-synced':
        return t('keyRecoveryUi.notSynced');
      case 'mismatch':
        return t('keyRecoveryUi.mismatchKey');
    }
  };

  const id = fieldId(PATH);
  return (
    <div className="key-recovery-receive" data-testid="key-recovery-receive">
      <h3 id="key-recovery-receive-title">{t('keyRecoveryUi.recoverTitle')}</h3>
      <form
        className="form__row"
        noValidate
        aria-labelledby="key-recovery-receive-title"
        onSubmit={(event) => void submit(event)}
      >
        <div className={`field${refusal ? ' field--invalid' : ''}`}>
          <label htmlFor={id}>{t('keyRecoveryUi.recoverLabel')}</label>
          <input
            ref={input}
            id={id}
            name={PATH}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={passphrase}
            readOnly={busy}
            aria-invalid={refusal ? true : undefined}
            aria-describedby={`${id}-hint${refusal ? ` ${id}-error` : ''}`}
            onChange={(event) => {
              setPassphrase(event.target.value);
              if (refusal?.reason !== 'wait') setRefusal(null);
            }}
          />
          <p className="field__hint" id={`${id}-hint`}>
            {t('keyRecoveryUi.recoverHint')}
          </p>
          {refusal ? (
            <p className="field__error" id={`${id}-error`} data-testid="key-recovery-error">
              ✖ {message(refusal)}
            </p>
          ) : null}
        </div>
        <div className="form__actions">
          {busy ? (
            <p aria-busy="true" data-testid="key-recovery-progress">
              {t('keyRecoveryUi.recovering')}
            </p>
          ) : (
            <button type="submit" className="button">
              {t('keyRecoveryUi.recover')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
