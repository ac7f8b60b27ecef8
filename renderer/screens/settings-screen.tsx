/** Pengaturan: language, the officers on this device, the unit and device, and the app version. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceStore, signInOfficer } from '../app/session';
import { LanguageSwitch } from '../components/language-switch';
import { LoadState } from '../components/load-state';
import { useRecords } from '../hooks/use-records';
import { platform } from '../platform/platform';
import { useAppStore } from '../store/app-store';
import { canEditSettings, ROLES, type Role } from '../../shared/workflow/roles';

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
  const [newRole, setNewRole] = useState<Role>('officer');
  const isManager = officer ? canEditSettings(officer.role) : false;

  const addOfficer = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    await deviceStore.addOfficer(name, newRole, new Date());
    setNewName('');
    setOfficersVersion((value) => value + 1);
    notify('success', t('settings.officerAdded', { name }));
  };

  const switchOfficer = async (id: string): Promise<void> => {
    const chosen = (await deviceStore.officers()).find((candidate) => candidate.id === id);
    if (!chosen) return;
    await signInOfficer(chosen);
    notify('info', t('settings.officerSwitched', { name: chosen.name }));
  };

  const changeRole = async (id: string, role: Role): Promise<void> => {
    await deviceStore.setOfficerRole(id, role);
    setOfficersVersion((value) => value + 1);
  };

  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <h2>{t('settings.languageSection')}</h2>
      <LanguageSwitch />

      <h2>{t('settings.officersSection')}</h2>
      <LoadState loaded={officers}>
        {(list) => (
          <table className="table" data-testid="officers">
            <thead>
              <tr>
                <th scope="col">{t('setup.officerName')}</th>
                <th scope="col">{t('setup.officerRole')}</th>
                <th scope="col">{t('settings.currentOfficer')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((candidate) => (
                <tr key={candidate.id}>
                  <td>{candidate.name}</td>
                  <td>
                    {isManager && candidate.id !== officer?.id ? (
                      <select
                        aria-label={t('settings.roleOf', { name: candidate.name })}
                        value={candidate.role}
                        onChange={(event) => void changeRole(candidate.id, event.target.value as Role)}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`role.${role}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`role.${candidate.role}`)
                    )}
                  </td>
                  <td>
                    {candidate.id === officer?.id ? (
                      t('settings.isCurrent')
                    ) : (
                      <button type="button" className="button button--small" onClick={() => void switchOfficer(candidate.id)}>
                        {t('settings.makeCurrent', { name: candidate.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
      {isManager ? (
        <form className="form__row" onSubmit={(event) => void addOfficer(event)}>
          <div className="field">
            <label htmlFor="new-officer">{t('settings.newOfficerName')}</label>
            <input id="new-officer" value={newName} onChange={(event) => setNewName(event.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="new-officer-role">{t('setup.officerRole')}</label>
            <select id="new-officer-role" value={newRole} onChange={(event) => setNewRole(event.target.value as Role)}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('settings.addOfficer')}
          </button>
        </form>
      ) : (
        <p className="field__hint">{t('settings.managersOnly')}</p>
      )}

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
