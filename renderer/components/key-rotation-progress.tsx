/**
 * The status bar's progress of the background re-wrap after a rotation of the unit key
 * (docs/decisions/022-unit-key-recovery.md): "Memindahkan identitas ke kunci versi 2: 120 dari 400"
 * while it runs, nothing otherwise. Plain text, not a live region: the notices are the app's one.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../app/core-context';
import type { RewrapProgress } from '../core/client-core';

export function KeyRotationProgress(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [progress, setProgress] = useState<RewrapProgress | null>(() => core.unitKey.rewrapProgress());
  useEffect(() => core.unitKey.onRewrapProgress(setProgress), [core]);
  if (!progress || progress.total === 0) return null;
  return (
    <span data-testid="key-rotation-progress">
      {t('keyRecoveryUi.rewrapProgress', {
        version: core.unitKey.currentVersion() ?? '',
        done: progress.done,
        total: progress.total,
      })}
    </span>
  );
}
