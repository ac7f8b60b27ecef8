/**
 * Pengaturan → Pindahkan kunci unit (managers; docs/decisions/018-unit-key-transfer.md): shows a
 * one-time code, big and in groups, with its expiry and the time left, and a way to cancel it. The
 * new device types the code; the unit key travels through the central only wrapped under it. When
 * the time is up the code is taken off the screen and its document deleted.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSFER_CODE_MINUTES } from '../../../shared/enrolment/transfer-code';
import { useCore } from '../../app/core-context';
import type { KeyTransferCode } from '../../core/client-core';
import { formatDateTime } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';

export function KeyTransferSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const notify = useAppStore((state) => state.notify);
  const [transfer, setTransfer] = useState<KeyTransferCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [expired, setExpired] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const hasKey = core.keyTransfer.hasKey();

  // The time left, read from the clock once a second while a code is shown. When it is up the code
  // goes off the screen and its document is deleted (every device deletes expired ones it sees).
  useEffect(() => {
    if (!transfer) return undefined;
    const timer = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at < Date.parse(transfer.expiresAt)) return;
      window.clearInterval(timer);
      setTransfer(null);
      setExpired(true);
      void core.keyTransfer.cancel(transfer.id).catch(() => undefined);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [core, transfer]);

  const show = async (): Promise<void> => {
    setBusy(true);
    setExpired(false);
    try {
      const outcome = await core.keyTransfer.create();
      if (outcome.ok) {
        setNow(Date.now());
        setTransfer(outcome.transfer);
      } else notify('error', t('keyTransferUi.notAllowed'));
    } catch (error) {
      notify(
        'error',
        t('keyTransferUi.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (id: string): Promise<void> => {
    setBusy(true);
    try {
      await core.keyTransfer.cancel(id);
      setTransfer(null);
      notify('success', t('keyTransferUi.cancelled'));
    } catch (error) {
      notify(
        'error',
        t('keyTransferUi.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const remaining = transfer ? Math.max(0, Date.parse(transfer.expiresAt) - now) : 0;
  const seconds = Math.ceil(remaining / 1000);
  return (
    <section aria-labelledby="key-transfer-title" data-testid="key-transfer">
      <h2 id="key-transfer-title">{t('keyTransferUi.sectionTitle')}</h2>
      <p className="field__hint">{t('keyTransferUi.sectionHint', { minutes: TRANSFER_CODE_MINUTES })}</p>
      {!hasKey ? (
        <p className="field__warning">{t('keyTransferUi.noKey')}</p>
      ) : transfer ? (
        <div className="key-transfer">
          <p className="key-transfer__label" id="key-transfer-code-label">
            {t('keyTransferUi.codeLabel')}
          </p>
          <p
            className="key-transfer__code mono"
            aria-labelledby="key-transfer-code-label"
            data-testid="key-transfer-code"
            data-code={transfer.code}
          >
            {transfer.code.split('-').map((group, index) => (
              <span key={index} className="key-transfer__group">
                {group}
              </span>
            ))}
          </p>
          <p className="field__hint">{t('keyTransferUi.codeHint')}</p>
          <p>{t('keyTransferUi.expiresAt', { time: formatDateTime(transfer.expiresAt, language) })}</p>
          <p data-testid="key-transfer-remaining">
            {t('keyTransferUi.remaining', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}
          </p>
          <div className="form__actions">
            <button type="button" className="button" disabled={busy} onClick={() => void cancel(transfer.id)}>
              {t('keyTransferUi.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {expired ? <p className="field__warning">{t('keyTransferUi.expired')}</p> : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void show()}
            >
              {busy ? t('keyTransferUi.making') : t('keyTransferUi.show')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
