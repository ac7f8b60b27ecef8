/**
 * Kunci otomatis: the minutes without keyboard or mouse input after which every desk of the unit
 * locks itself (shared/auth/idle-lock; 10 until a manager sets it, 1–60). A unit setting, synced:
 * managers change it, everyone else sees it. Saved with Enter; "saved" is said once it is stored.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MINUTES } from '../../../shared/auth/idle-lock';
import { validateIdleLockInput, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { useCore } from '../../app/core-context';
import { LOCK_SHORTCUT } from '../../app/navigation';
import { NumberSettingForm } from './number-setting-form';

export function IdleLockForm(props: { settings: UnitSettingsDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  return (
    <NumberSettingForm
      editable={props.editable}
      initial={props.settings.idleLockMinutes ?? IDLE_LOCK_MINUTES.default}
      path="idleLockMinutes"
      label={t('unitSettingsUi.idleLockMinutes')}
      hint={t('unitSettingsUi.idleLockHint', {
        min: IDLE_LOCK_MINUTES.min,
        max: IDLE_LOCK_MINUTES.max,
        value: IDLE_LOCK_MINUTES.default,
        keys: LOCK_SHORTCUT.keys.join(' / '),
      })}
      saveLabel={t('unitSettingsUi.saveIdleLock')}
      validate={validateIdleLockInput}
      write={(minutes) => core.settings.saveIdleLock(minutes, new Date())}
      name={{ heading: t('unitSettingsUi.idleLockSection'), id: 'idle-lock-title' }}
    />
  );
}
