/**
 * The unit's officers (the synced roster) and their roles; managers add officers with a first PIN
 * (no two of one name; the officer changes the PIN at first sign-in), set a new first PIN for an
 * officer who forgot theirs or has none, change roles and deactivate officers who left (kept, no
 * longer offered at the desk). Nobody changes their own role here; another officer takes the desk
 * only through the sign-in screen ("Ganti petugas"), with their own PIN.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditSettings, ROLES, type Role } from '../../../shared/workflow/roles';
import { useCore } from '../../app/core-context';
import { LoadState } from '../../components/load-state';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';
import type { RosterEntry } from '../../core/client-core';
import { NewSecretFields, secretProblemText } from '../officer-chooser-screen';

export function OfficersSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const notify = useAppStore((state) => state.notify);
  const [officersVersion, setOfficersVersion] = useState(0);
  const officers = useRecords(() => core.officers.list(), [officersVersion]);
  const [newName, setNewName] = useState('');
  const [newRole, setNewRole] = useState<Role>('officer');
  const [newSecret, setNewSecret] = useState('');
  const [newSecretConfirm, setNewSecretConfirm] = useState('');
  const [addProblem, setAddProblem] = useState<string | undefined>(undefined);
  const [secretProblem, setSecretProblem] = useState<string | undefined>(undefined);
  const [settingSecretOf, setSettingSecretOf] = useState<RosterEntry>();
  const isManager = officer ? canEditSettings(officer.role) : false;

  const addOfficer = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const name = newName.trim();
    const outcome = await core.officers.add(name, newRole, newSecret, newSecretConfirm, new Date());
    if (!outcome.ok) {
      const problem = outcome.problem;
      if (problem === 'name-required' || problem === 'name-taken' || problem === 'not-allowed') {
        // The typed name stays, so it can be told apart (e.g. with a surname).
        setAddProblem(t(`settings.officerProblem.${problem}`, { name }));
        setSecretProblem(undefined);
        document.getElementById('new-officer')?.focus();
      } else {
        setAddProblem(undefined);
        setSecretProblem(secretProblemText(problem));
        document.getElementById('field-newOfficerSecret')?.focus();
      }
      return;
    }
    setAddProblem(undefined);
    setSecretProblem(undefined);
    setNewName('');
    setNewSecret('');
    setNewSecretConfirm('');
    // Each new officer starts as a plain officer: a higher role is a deliberate choice.
    setNewRole('officer');
    setOfficersVersion((value) => value + 1);
    notify('success', t('settings.officerAdded', { name: outcome.officer.name }));
  };

  const changeRole = async (id: string, role: Role): Promise<void> => {
    const problem = await core.officers.setRole(id, role);
    if (problem) notify('error', t(`settings.officerProblem.${problem}`));
    setOfficersVersion((value) => value + 1);
  };

  const setActive = async (candidate: RosterEntry, active: boolean): Promise<void> => {
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
                <th scope="col">{t('settings.officerPin')}</th>
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
                      {candidate.active ? t('settings.officerActive') : t('settings.officerInactive')}
                      {candidate.id === officer?.id ? ` · ${t('settings.isCurrent')}` : null}
                    </span>
                    {isManager && candidate.id !== officer?.id ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => void setActive(candidate, !candidate.active)}
                        >
                          {t(candidate.active ? 'settings.deactivate' : 'settings.reactivate', {
                            name: candidate.name,
                          })}
                        </button>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <span>
                      {!candidate.hasSecret
                        ? t('settings.pinMissing')
                        : candidate.mustChangeSecret
                          ? t('settings.pinFirst')
                          : t('settings.pinSet')}
                    </span>
                    {isManager && candidate.id !== officer?.id && candidate.active ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setSettingSecretOf(candidate)}
                        >
                          {t('settings.setPin', { name: candidate.name })}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
      {isManager && settingSecretOf ? (
        <SetFirstPinForm
          key={settingSecretOf.id}
          officer={settingSecretOf}
          onDone={() => {
            setSettingSecretOf(undefined);
            setOfficersVersion((value) => value + 1);
          }}
        />
      ) : null}
      {isManager ? (
        <form
          className="form"
          onSubmit={(event) => void addOfficer(event)}
          aria-labelledby="add-officer-title"
        >
          <h3 id="add-officer-title">{t('settings.addOfficer')}</h3>
          <div className="form__row">
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
          </div>
          <p className="field__hint">{t('settings.firstPinHint')}</p>
          <NewSecretFields
            paths={['newOfficerSecret', 'newOfficerSecretConfirm']}
            labels={[t('settings.firstPin'), t('settings.firstPinConfirm')]}
            secret={newSecret}
            confirmation={newSecretConfirm}
            onSecret={setNewSecret}
            onConfirmation={setNewSecretConfirm}
            error={secretProblem}
          />
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

/** A manager sets another officer's first PIN (none yet, or forgotten); they change it at sign-in. */
function SetFirstPinForm(props: { officer: RosterEntry; onDone: () => void }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const notify = useAppStore((state) => state.notify);
  const [secret, setSecret] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const outcome = await core.officers.setSecret(props.officer.id, secret, confirmation, new Date());
    if (!outcome.ok) {
      setProblem(secretProblemText(outcome.problem));
      document.getElementById('field-resetSecret')?.focus();
      return;
    }
    notify('success', t('settings.pinSaved', { name: props.officer.name }));
    props.onDone();
  };

  return (
    <form
      className="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="set-pin-title"
    >
      <h3 id="set-pin-title">{t('settings.setPin', { name: props.officer.name })}</h3>
      <p className="field__hint">{t('settings.firstPinHint')}</p>
      <NewSecretFields
        paths={['resetSecret', 'resetSecretConfirm']}
        labels={[t('settings.firstPin'), t('settings.firstPinConfirm')]}
        secret={secret}
        confirmation={confirmation}
        onSecret={setSecret}
        onConfirmation={setConfirmation}
        error={problem}
        autoFocus
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('settings.savePin')}
        </button>
        <button type="button" className="button" onClick={props.onDone}>
          {t('settings.cancelPin')}
        </button>
      </div>
    </form>
  );
}
