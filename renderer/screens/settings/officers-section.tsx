/** The officers on this device and their roles; managers add officers and change roles. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditSettings, ROLES, type Role } from '../../../shared/workflow/roles';
import { useCore } from '../../app/core-context';
import { LoadState } from '../../components/load-state';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';

export function OfficersSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const notify = useAppStore((state) => state.notify);
  const [officersVersion, setOfficersVersion] = useState(0);
  const officers = useRecords(() => core.officers.list(), [officersVersion]);
  const [newName, setNewName] = useState('');
  const [newRole, setNewRole] = useState<Role>('officer');
  const isManager = officer ? canEditSettings(officer.role) : false;

  const addOfficer = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    await core.officers.add(name, newRole, new Date());
    setNewName('');
    setOfficersVersion((value) => value + 1);
    notify('success', t('settings.officerAdded', { name }));
  };

  const switchOfficer = async (id: string): Promise<void> => {
    const chosen = (await core.officers.list()).find((candidate) => candidate.id === id);
    if (!chosen) return;
    await core.officers.signIn(chosen);
    notify('info', t('settings.officerSwitched', { name: chosen.name }));
  };

  const changeRole = async (id: string, role: Role): Promise<void> => {
    await core.officers.setRole(id, role);
    setOfficersVersion((value) => value + 1);
  };

  return (
    <>
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
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void switchOfficer(candidate.id)}
                      >
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
            <input
              id="new-officer"
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor="new-officer-role">{t('setup.officerRole')}</label>
            <select
              id="new-officer-role"
              value={newRole}
              onChange={(event) => setNewRole(event.target.value as Role)}
            >
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
    </>
  );
}
