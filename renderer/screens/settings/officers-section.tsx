/**
 * The officers on this device and their roles; managers add officers (no two of one name), change
 * roles and deactivate officers who left (kept, no longer offered at the desk).
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditSettings, ROLES, type Role } from '../../../shared/workflow/roles';
import { useCore } from '../../app/core-context';
import { LoadState } from '../../components/load-state';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';
import type { Officer } from '../../core/client-core';

export function OfficersSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const notify = useAppStore((state) => state.notify);
  const [officersVersion, setOfficersVersion] = useState(0);
  const officers = useRecords(() => core.officers.list(), [officersVersion]);
  const [newName, setNewName] = useState('');
  const [newRole, setNewRole] = useState<Role>('officer');
  const [addProblem, setAddProblem] = useState<string | undefined>(undefined);
  const isManager = officer ? canEditSettings(officer.role) : false;

  const addOfficer = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const name = newName.trim();
    const outcome = await core.officers.add(name, newRole, new Date());
    if (!outcome.ok) {
      // The typed name stays, so it can be told apart (e.g. with a surname).
      setAddProblem(t(`settings.officerProblem.${outcome.problem}`, { name }));
      document.getElementById('new-officer')?.focus();
      return;
    }
    setAddProblem(undefined);
    setNewName('');
    // Each new officer starts as a plain officer: a higher role is a deliberate choice.
    setNewRole('officer');
    setOfficersVersion((value) => value + 1);
    notify('success', t('settings.officerAdded', { name: outcome.officer.name }));
  };

  const switchOfficer = async (id: string): Promise<void> => {
    const chosen = (await core.officers.list()).find((candidate) => candidate.id === id);
    if (!chosen) return;
    await core.officers.signIn(chosen);
    notify('info', t('settings.officerSwitched', { name: chosen.name }));
  };

  const changeRole = async (id: string, role: Role): Promise<void> => {
    const problem = await core.officers.setRole(id, role);
    if (problem) notify('error', t(`settings.officerProblem.${problem}`));
    setOfficersVersion((value) => value + 1);
  };

  const setActive = async (candidate: Officer, active: boolean): Promise<void> => {
    const problem = await core.officers.setActive(candidate.id, active);
    if (problem) notify('error', t(`settings.officerProblem.${problem}`));
    else
      notify(
        'success',
        t(active ? 'settings.officerReactivated' : 'settings.officerDeactivated', { name: candidate.name }),
      );
    setOfficersVersion((value) => value + 1);
  };

  return (
    <>
      <h2>{t('settings.officersSection')}</h2>
      <p className="field__hint">{t('settings.officersHint')}</p>
      <LoadState loaded={officers}>
        {(list) => (
          <table className="table" data-testid="officers">
            <thead>
              <tr>
                <th scope="col">{t('setup.officerName')}</th>
                <th scope="col">{t('setup.officerRole')}</th>
                <th scope="col">{t('settings.officerStatus')}</th>
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
                    <span>
                      {candidate.active === false
                        ? t('settings.officerInactive')
                        : t('settings.officerActive')}
                    </span>
                    {isManager && candidate.id !== officer?.id ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => void setActive(candidate, candidate.active === false)}
                        >
                          {t(candidate.active === false ? 'settings.reactivate' : 'settings.deactivate', {
                            name: candidate.name,
                          })}
                        </button>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {candidate.id === officer?.id ? (
                      t('settings.isCurrent')
                    ) : candidate.active === false ? null : (
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
              onChange={(event) => {
                setNewName(event.target.value);
                setAddProblem(undefined);
              }}
              autoComplete="off"
              aria-invalid={addProblem ? true : undefined}
              aria-describedby={addProblem ? 'new-officer-error' : undefined}
            />
            {addProblem ? (
              <p className="field__error" id="new-officer-error" role="alert">
                {addProblem}
              </p>
            ) : null}
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
