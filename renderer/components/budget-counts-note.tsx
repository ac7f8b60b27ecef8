/**
 * On a device with a budget (shared/sync/device-budget), above figures computed on the device
 * (the dashboard's indicators, Paket P4): they leave out the older closed complaints that are only
 * on the central (docs/decisions/027-device-budget.md). Nothing on a device that keeps everything.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetRuleOf } from '../../shared/sync/device-budget';
import { useAppStore } from '../store/app-store';

export function BudgetCountsNote(): ReactNode {
  const { t } = useTranslation();
  const months = budgetRuleOf(
    useAppStore((state) => state.unitSettings),
    new Date(),
  )?.months;
  if (months === undefined) return null;
  return (
    <p className="field__hint" data-testid="budget-counts-note">
      {t('deviceBudget.countsNote', { months })}
    </p>
  );
}
