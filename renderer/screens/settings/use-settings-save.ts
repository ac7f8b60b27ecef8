/**
 * Saving one of the unit's settings forms: a flag while the write runs, and the outcome told to
 * the manager (saved, changed meanwhile on another device, not allowed, or failed).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveOutcome } from '../../core/client-core';
import { useAppStore } from '../../store/app-store';

export function useSettingsSave(): {
  saving: boolean;
  save: (write: () => Promise<SaveOutcome>) => Promise<SaveOutcome | undefined>;
} {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const [saving, setSaving] = useState(false);
  const save = async (write: () => Promise<SaveOutcome>): Promise<SaveOutcome | undefined> => {
    setSaving(true);
    try {
      const outcome = await write();
      notify(outcome === 'saved' ? 'success' : 'error', t(`unitSettingsUi.outcome.${outcome}`));
      return outcome;
    } catch (error) {
      notify(
        'error',
        t('unitSettingsUi.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
      return undefined;
    } finally {
      setSaving(false);
    }
  };
  return { saving, save };
}
