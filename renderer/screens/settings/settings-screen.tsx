/**
 * Pengaturan: this device's language and receipt paper, the officers on this device, the unit's
 * deadlines, holidays, idle lock, identity retention and offices, the unit's profile (managers edit it), the unit and device
 * codes, the access log, the unit key's recovery passphrase and moving the unit key (managers only),
 * and the app version.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditSettings } from '../../../shared/workflow/roles';
import { LanguageSwitch } from '../../components/language-switch';
import { LoadState } from '../../components/load-state';
import { useRecords } from '../../hooks/use-records';
import { useCore } from '../../app/core-context';
import { useAppStore } from '../../store/app-store';
import { AccessLogSection } from './access-log-section';
import { BackupSection } from '../backup/backup-section';
import { DeadlineSettingsForm } from './deadline-settings-form';
import { HolidaysEditor } from './holidays-editor';
import { IdleLockForm } from './idle-lock-form';
import { KeyRecoverySection } from './key-recovery-section';
import { KeyTransferSection } from './key-transfer-section';
import { OfficersSection } from './officers-section';
import { OfficesEditor } from './offices-editor';
import { ReceiptPaperSection } from './receipt-paper-section';
import { RetentionSection } from './retention-section';
import { DeviceBudgetSection } from './device-budget-section';
import { UnitProfileForm } from './unit-profile-form';

export function SettingsScreen(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const device = useAppStore((state) => state.device);
  const profile = useAppStore((state) => state.unitProfile);
  const officer = useAppStore((state) => state.officer);
  const info = useRecords(() => core.host.appInfo(), []);
  const unitSettings = useAppStore((state) => state.unitSettings);
  const unitOffices = useAppStore((state) => state.unitOffices);
  const isManager = officer ? canEditSettings(officer.role) : false;

  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <h2>{t('settings.languageSection')}</h2>
      <LanguageSwitch />
      <ReceiptPaperSection />

      <OfficersSection />
      {unitSettings ? (
        <>
          <DeadlineSettingsForm
            key={`d:${unitSettings._rev ?? ''}`}
            settings={unitSettings}
            editable={isManager}
          />
          <HolidaysEditor key={`h:${unitSettings._rev ?? ''}`} settings={unitSettings} editable={isManager} />
          <IdleLockForm key={`i:${unitSettings._rev ?? ''}`} settings={unitSettings} editable={isManager} />
          <RetentionSection
            key={`r:${unitSettings._rev ?? ''}`}
            settings={unitSettings}
            editable={isManager}
          />
          <DeviceBudgetSection
            key={`b:${unitSettings._rev ?? ''}`}
            settings={unitSettings}
            editable={isManager}
          />
        </>
      ) : null}
      {unitOffices ? (
        <OfficesEditor key={unitOffices._rev ?? ''} offices={unitOffices} editable={isManager} />
      ) : null}

      {profile ? (
        <UnitProfileForm key={`p:${profile._rev ?? ''}`} profile={profile} editable={isManager} />
      ) : null}

      {isManager ? <AccessLogSection /> : null}

      <BackupSection />
      {isManager ? <KeyRecoverySection /> : null}
      {isManager ? <KeyTransferSection /> : null}

      <h2>{t('settings.unitSection')}</h2>
      <dl className="facts">
        <dt>{t('setup.unitCode')}</dt>
        <dd className="mono">{device?.unitCode}</dd>
        <dt>{t('setup.unitName')}</dt>
        <dd>{profile?.unitName}</dd>
        <dt>{t('setup.deviceCode')}</dt>
        <dd className="mono">{device?.deviceCode}</dd>
      </dl>

      <h2>{t('settings.aboutSection')}</h2>
      <LoadState loaded={info}>
        {(about) => (
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{about.version}</dd>
            <dt>{t('settings.host')}</dt>
            <dd>{about.host === 'electron' ? t('status.electronHost') : t('status.browserHost')}</dd>
          </dl>
        )}
      </LoadState>
    </section>
  );
}
