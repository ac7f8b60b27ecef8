/**
 * "Ekspor paket": builds the packet ZIP with the shared builder, showing each step (PACKET_STEPS)
 * and a progress bar, and saves it through the platform (a dialog in Electron, a download in the
 * browser host). When example cases still carry review hints, the manager confirms the review
 * first. The saved file's size and SHA-256 are shown so they can be noted with the submission.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PacketBuildError, type PacketProgress } from '../../../shared/packet/build-packet';
import type { SavedExport } from '../../core/client-core';
import { formatBytes } from '../../format/format-bytes';
import { savedFilesText } from '../../format/saved-files';
import { CheckboxField } from '../../components/form-fields';

type Outcome =
  | Readonly<{ kind: 'saved'; fileName: string; folder: string | null; size: number; sha256: string }>
  | Readonly<{ kind: 'cancelled' }>
  | Readonly<{ kind: 'problems'; problems: readonly string[] }>
  | Readonly<{ kind: 'failed'; reason: string }>;

export function PacketExport(props: {
  needsReview: boolean;
  dirty: boolean;
  onExport: (onProgress: (progress: PacketProgress) => void) => Promise<SavedExport | undefined>;
}): ReactNode {
  const { t } = useTranslation();
  const [reviewed, setReviewed] = useState(false);
  const [progress, setProgress] = useState<PacketProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = progress !== null;
  const blocked = props.needsReview && !reviewed;

  const run = async (): Promise<void> => {
    if (running || blocked) return;
    setOutcome(null);
    setProgress({ fraction: 0, step: 'checking', label: '' });
    try {
      const saved = await props.onExport(setProgress);
      if (saved === undefined) return;
      setOutcome(saved.status === 'saved' ? { kind: 'saved', ...saved } : { kind: 'cancelled' });
    } catch (error) {
      setOutcome(
        error instanceof PacketBuildError
          ? { kind: 'problems', problems: error.problems }
          : { kind: 'failed', reason: error instanceof Error ? error.message : String(error) },
      );
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="packet__section" aria-labelledby="packet-export-title">
      <h2 id="packet-export-title">{t('packetUi.export.title')}</h2>
      <p className="field__hint">{t('packetUi.export.intro')}</p>
      {props.needsReview ? (
        <CheckboxField
          id="packet-reviewed"
          label={t('packetUi.export.reviewed')}
          checked={reviewed}
          onChange={setReviewed}
        />
      ) : null}
      {props.dirty ? <p className="field__hint">{t('packetUi.export.savesFirst')}</p> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={running || blocked}
        aria-describedby={blocked ? 'packet-export-blocked' : undefined}
        onClick={() => void run()}
      >
        {running ? t('packetUi.export.running') : t('packetUi.export.button')}
      </button>
      {blocked ? (
        <p className="field__hint" id="packet-export-blocked">
          {t('packetUi.export.reviewFirst')}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="packet__progress" data-testid="packet-progress">
        {progress ? (
          <>
            <progress max={1} value={progress.fraction} aria-label={t('packetUi.export.progress')} />{' '}
            <span>
              {t(`packetUi.step.${progress.step}`)} ({Math.round(progress.fraction * 100)}%)
            </span>
          </>
        ) : null}
      </div>
      {outcome?.kind === 'saved' ? (
        <div className="notice notice--success" data-testid="packet-export-result">
          <p>
            {t('packetUi.export.saved', {
              location: savedFilesText(t, [outcome]),
              size: formatBytes(outcome.size),
            })}
          </p>
          <p>
            {t('packetUi.export.sha256')} <code className="mono packet__hash">{outcome.sha256}</code>
          </p>
          <p className="field__hint">{t('packetUi.export.verifyHint')}</p>
        </div>
      ) : null}
      {outcome?.kind === 'cancelled' ? <p className="field__hint">{t('packetUi.export.cancelled')}</p> : null}
      {outcome?.kind === 'problems' ? (
        <div className="error-summary" role="alert">
          <p className="error-summary__title">{t('packetUi.export.problems')}</p>
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <p className="error-summary" role="alert">
          {t('packetUi.export.failed', { reason: outcome.reason })}
        </p>
      ) : null}
    </section>
  );
}
