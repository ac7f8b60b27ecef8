/**
 * Pengaturan → Kunci unit (managers; docs/decisions/022-unit-key-recovery.md): Frasa pemulihan,
 * whether the unit has a recovery passphrase (when and from which device it was set, or a warning
 * that it has none), and a form to set or replace it, typed twice. The core wraps every key version
 * this device holds under it (PBKDF2 at twice the sign-in's count: a few seconds, said while it
 * runs) and writes the copy that sync takes to the central. A refused passphrase is told at its
 * field; nothing typed is lost. Below it, "Ganti kunci unit" (rotation, the same decision): the
 * version this device holds, and a button that asks once more before it makes the next version.
 */
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import type { SetKeyRecoveryOutcome } from '../../core/client-core';
import { fieldId } from '../../components/form-fields';
import { formatDateTime } from '../../format/format-date';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';

type Refusal = Extract<SetKeyRecoveryOutcome, { ok: false }>['reason'];

const PROBLEM_KEYS = {
  'too-short': 'keyRecoveryUi.tooShort',
  'too-simple': 'keyRecoveryUi.tooSimple',
  'too-long': 'keyRecoveryUi.tooLong',
  mismatch: 'keyRecoveryUi.mismatch',
  'not-allowed': 'keyRecoveryUi.notAllowed',
  'no-key': 'keyRecoveryUi.noKey',
} as const satisfies Record<Refusal, string>;

const PASSPHRASE = 'recoveryPassphrase';
const CONFIRMATION = 'recoveryPassphraseConfirmation';

export function KeyRecoverySection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const notify = useAppStore((state) => state.notify);
  const bumpDataVersion = useAppStore((state) => state.bumpDataVersion);
  const status = useRecords(() => core.keyRecovery.status(), []);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const hasKey = core.keyTransfer.hasKey();
  const passphraseInput = useRef<HTMLInputElement>(null);
  const confirmationInput = useRef<HTMLInputElement>(null);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      const outcome = await core.keyRecovery.set(passphrase, confirmation);
      if (outcome.ok) {
        setPassphrase('');
        setConfirmation('');
        notify('success', t('keyRecoveryUi.saved'));
        bumpDataVersion();
        return;
      }
      setRefusal(outcome.reason);
      (outcome.reason === 'mismatch' ? confirmationInput : passphraseInput).current?.focus();
    } catch (error) {
      notify(
        'error',
        t('keyRecoveryUi.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const isSet = status.status === 'ready' && status.value.set;
  const passphraseId = fieldId(PASSPHRASE);
  const confirmationId = fieldId(CONFIRMATION);
  const passphraseProblem = refusal !== null && refusal !== 'mismatch' ? refusal : null;
  const onPassphrase = passphraseProblem !== null;
  const onConfirmation = refusal === 'mismatch';
  return (
    <section aria-labelledby="key-recovery-title" data-testid="key-recovery">
      <h2 id="key-recovery-title">{t('keyRecoveryUi.sectionTitle')}</h2>
      <h3>{t('keyRecoveryUi.recoveryTitle')}</h3>
      <p className="field__hint">{t('keyRecoveryUi.recoveryHint')}</p>
      {status.status === 'ready' ? (
        status.value.set ? (
          <p data-testid="key-recovery-status">
            {t('keyRecoveryUi.setAt', {
              time: formatDateTime(status.value.setAt, language),
              device: status.value.by.device,
              versions: status.value.versions.join(', '),
            })}
          </p>
        ) : (
          <p className="field__warning" data-testid="key-recovery-status">
            {t('keyRecoveryUi.notSet')}
          </p>
        )
      ) : null}
      {!hasKey ? (
        <p className="field__warning">{t('keyRecoveryUi.noKey')}</p>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <div className={`field${onPassphrase ? ' field--invalid' : ''}`}>
            <label htmlFor={passphraseId}>{t('keyRecoveryUi.passphraseLabel')}</label>
            <input
              ref={passphraseInput}
              id={passphraseId}
              name={PASSPHRASE}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={passphrase}
              readOnly={busy}
              aria-invalid={onPassphrase ? true : undefined}
              aria-describedby={`${passphraseId}-hint${onPassphrase ? ` ${passphraseId}-error` : ''}`}
              onChange={(event) => {
                setPassphrase(event.target.value);
                setRefusal(null);
              }}
            />
            <p className="field__hint" id={`${passphraseId}-hint`}>
              {t('keyRecoveryUi.rule')}
            </p>
            {passphraseProblem ? (
              <p className="field__error" id={`${passphraseId}-error`}>
                ✖ {t(PROBLEM_KEYS[passphraseProblem])}
              </p>
            ) : null}
          </div>
          <div className={`field${onConfirmation ? ' field--invalid' : ''}`}>
            <label htmlFor={confirmationId}>{t('keyRecoveryUi.confirmLabel')}</label>
            <input
              ref={confirmationInput}
              id={confirmationId}
              name={CONFIRMATION}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={confirmation}
              readOnly={busy}
              aria-invalid={onConfirmation ? true : undefined}
              aria-describedby={onConfirmation ? `${confirmationId}-error` : undefined}
              onChange={(event) => {
                setConfirmation(event.target.value);
                setRefusal(null);
              }}
            />
            {onConfirmation ? (
              <p className="field__error" id={`${confirmationId}-error`}>
                ✖ {t('keyRecoveryUi.mismatch')}
              </p>
            ) : null}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
              {busy ? t('keyRecoveryUi.saving') : t(isSet ? 'keyRecoveryUi.replace' : 'keyRecoveryUi.save')}
            </button>
          </div>
        </form>
      )}
      {hasKey ? <KeyRotation /> : null}
    </section>
  );
}

const ROTATION_REFUSALS = {
  'not-allowed': 'keyRecoveryUi.rotateNotAllowed',
  'no-key': 'keyRecoveryUi.noKey',
  exists: 'keyRecoveryUi.rotateExists',
  unreachable: 'keyRecoveryUi.rotateUnreachable',
} as const;

/**
 * Ganti kunci unit: makes the unit key's next version, after a second press that says what it
 * does (the first only asks). The new key reaches the unit's other devices by the chain; the
 * reporter documents move to it in the background (the status bar shows how far).
 */
function KeyRotation(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const notify = useAppStore((state) => state.notify);
  const bumpDataVersion = useAppStore((state) => state.bumpDataVersion);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const version = core.unitKey.currentVersion();
  const yes = useRef<HTMLButtonElement>(null);
  // The question takes the focus: Enter answers it, Tab reaches "Batal".
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);

  const rotate = async (): Promise<void> => {
    setBusy(true);
    try {
      const outcome = await core.unitKey.rotate();
      if (outcome.ok) {
        notify('success', t('keyRecoveryUi.rotated', { version: outcome.version }));
        bumpDataVersion();
      } else notify('error', t(ROTATION_REFUSALS[outcome.reason]));
    } catch (error) {
      notify(
        'error',
        t('keyRecoveryUi.rotateFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <div data-testid="key-rotation">
      <h3>{t('keyRecoveryUi.rotateTitle')}</h3>
      {version !== null ? (
        <p data-testid="key-version">{t('keyRecoveryUi.currentVersion', { version })}</p>
      ) : null}
      <p className="field__hint">{t('keyRecoveryUi.rotateHint')}</p>
      {asking ? (
        <div className="form__actions">
          <p className="field__warning">{t('keyRecoveryUi.rotateConfirm')}</p>
          <button
            ref={yes}
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void rotate()}
          >
            {busy ? t('keyRecoveryUi.rotating') : t('keyRecoveryUi.rotateYes')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)}>
            {t('keyRecoveryUi.rotateNo')}
          </button>
        </div>
      ) : (
        <div className="form__actions">
          <button type="button" className="button" onClick={() => setAsking(true)}>
            {t('keyRecoveryUi.rotate')}
          </button>
        </div>
      )}
    </div>
  );
}
