/**
 * On a device with a budget (shared/sync/device-budget), above figures computed on the device
 * (the dashboard's indicators, Paket P4): what the device keeps, and how far the figures count the
 * older complaints only on the central, read from it (docs/decisions/027-device-budget.md): all of
 * them, part of them and why, or (before any computation) when they are read. Nothing on a device
 * that keeps everything.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetRuleOf } from '../../shared/sync/device-budget';
import { formatDateTime } from '../format/format-date';
import { formatCount, formatShare } from '../format/format-count';
import { useAppStore } from '../store/app-store';

export function BudgetCountsNote(): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const counts = useAppStore((state) => state.centralCounts);
  const months = budgetRuleOf(
    useAppStore((state) => state.unitSettings),
    new Date(),
  )?.months;
  if (months === undefined) return null;
  const count = formatCount(counts?.complaints ?? 0, language);
  const central =
    counts === null
      ? t('deviceBudget.countsPending')
      : counts.complete
        ? t('deviceBudget.countsComplete', {
            count: counts.complaints,
            formatted: count,
            readAt: counts.readAt === null ? '' : formatDateTime(counts.readAt, language),
          })
        : t('deviceBudget.countsPartial', {
            percent: formatShare(counts.share, language),
            formatted: count,
            reason: t(`deviceBudget.notRead.${counts.notRead ?? 'offline'}`),
          });
  return (
    <p className="field__hint" data-testid="budget-counts-note" role="status">
      {t('deviceBudget.countsKept', { months })} {central}
    </p>
  );
}
