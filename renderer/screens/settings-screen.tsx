/** Pengaturan: language, the officers on this device, the unit and device, and the app version. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceStore } from '../app/session';
import { LanguageSwitch } from '../components/language-switch';
import { LoadState } from '../components/load-state';
import { useRecords } from '../hooks/use-records';
import { platform } from '../platform/platform';
import { useAppStore } from '../store/app-store';

export function SettingsScreen(): ReactNode {
  const { t } = useTranslation();
  const device = useAppStore((state) => state.device);
  const profile = useAppStore((state) => state.unitProfile);
  const officer = useAppStore((state) => state.officer);
  const notify = useAppStore((state) => state.notify);
  const [officersVersion, setOfficersVersion] = useState(0);
  const officers = useRecords(() => deviceStore.officers(), [officersVersion]);
  const info = useRecords(() => platform().appInfo(), []);
  const [newName, setNewName] = useState('');

  const addOfficer = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    await deviceStore.addOfficer(name, new Date());
    setNewName('');
    setOfficersVersion((value) => value + 1);
    notify('success', t('settings.officerAdded', { name }));
  };

  const switchOfficer = async (id: string): Promise<void> => {
    const chosen = (await deviceStore.officers()).find((candidate) => candidate.id === id);
    if (!chosen) return;
    await deviceStore.setCurrentOfficer(chosen.id);
    useAppStore.getState().setOfficer(chosen);
    notify('info', t('settings.officerSwitched', { name: chosen.name }));
  };

  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <h2>{t('settings.languageSection')}</h2>
      <LanguageSwitch />

      <h2>{t('settings.officersSection')}</h2>
      <LoadState loaded={officers}>
        {(list) => (
          <div className="field">
            <label htmlFor="current-officer">{t('settings.currentOfficer')}</label>
            <select
              id="current-officer"
              value={officer?.id ?? ''}
              onChange={(event) => void switchOfficer(event.target.value)}
            >
              {list.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </LoadState>
      <form className="form__row" onSubmit={(event) => void addOfficer(event)}>
        <div className="field">
          <label htmlFor="new-officer">{t('settings.newOfficerName')}</label>
          <input
            id="new-officer"
            value={newName}
            onChange={(event) => setNewName(event.target.value)}
            autoComplete="off"
          />
        </div>
        <button type="submit" className="button">
          {t('settings.addOfficer')}
        </button>
      </form>

      <h2>{t('settings.unitSection')}</h2>
      <dl className="facts">
        <dt>{t('setup.unitCode')}</dt>
        <dd className="mono">{device?.unitCode}</dd>
        <dt>{t('setup.unitName')}</dt>
        <dd>{profile?.unitName}</dd>
        <dt>{t('setup.agency')}</dt>
        <dd>{profile?.agency}</dd>
        <dt>{t('setup.entityType')}</dt>
        <dd>{profile ? t(`entityType.${profile.entityType}`) : null}</dd>
        <dt>{t('setup.contact')}</dt>
        <dd>{profile?.contact}</dd>
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
