/**
 * "Siapa yang bertugas?": the sign-in screen (at start-up, after "Ganti petugas", when the desk
 * locked). The officer picks their name (Enter), types their PIN or passphrase (Enter); five wrong
 * ones in a row lock them on this device for 15 minutes, or until a supervisor or manager unlocks
 * them here. Where no active manager has a PIN yet (a device upgraded from the local officer list),
 * a manager without one sets theirs. Nothing of any complaint is shown: the routed screens are not
 * mounted while this one is.
 *
 * A locked desk (the unit's idle time passed, or Ctrl+Shift+L) shows "Meja terkunci": it names the
 * officer still signed in and takes their PIN (the same check, the same five-failure lock), or
 * "Ganti petugas" signs them out and offers every officer.
 */
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretProblem } from '../../shared/auth/secret-rules';
import { canEditSettings } from '../../shared/workflow/roles';
import { useCore } from '../app/core-context';
import { fieldId, TextField } from '../components/form-fields';
import { LanguageSwitch } from '../components/language-switch';
import { LoadState } from '../components/load-state';
import { useRecords } from '../hooks/use-records';
import i18next from 'i18next';
import { issueText } from '../i18n/i18n';
import { useAppStore } from '../store/app-store';
import type { RosterEntry } from '../core/client-core';

const minutesOf = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

export function OfficerChooserScreen(): ReactNode {
  // "Ganti petugas" on the lock screen starts the chooser afresh: nobody chosen, the first name focused.
  const lockedBy = useAppStore((state) => state.lockedBy);
  return <Chooser key={lockedBy ?? ''} />;
}

function Chooser(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const profile = useAppStore((state) => state.unitProfile);
  const lockedBy = useAppStore((state) => state.lockedBy);
  const officers = useRecords(() => core.officers.listActive(), []);
  const firstManager = useRecords(() => core.officers.needsFirstManagerSecret(), []);
  const [chosenId, setChosenId] = useState<string | undefined>(lockedBy);
  const lockedOfficer =
    lockedBy && officers.status === 'ready'
      ? officers.value.find((entry) => entry.id === lockedBy)
      : undefined;
  // The locked desk: never the list while the roster loads; the list once the officer is gone from it.
  const locked = lockedBy !== undefined && (officers.status === 'loading' || lockedOfficer !== undefined);

  return (
    <main className="setup" id="main">
      <header className="setup__header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <section aria-labelledby="chooser-title">
        <h2 id="chooser-title">{locked ? t('auth.lockTitle') : t('chooser.title')}</h2>
        {profile ? <p>{profile.unitName}</p> : null}
        {locked ? (
          <LockedDesk
            officer={lockedOfficer}
            unlockers={
              officers.status === 'ready'
                ? officers.value.filter(
                    (other) => other.id !== lockedBy && other.hasSecret && other.role !== 'officer',
                  )
                : []
            }
          />
        ) : lockedBy ? (
          <p role="status">{t('auth.lockedSession')}</p>
        ) : (
          <p>{t('auth.chooseOfficer')}</p>
        )}
        {locked ? null : (
          <LoadState loaded={officers}>
            {(list) =>
              list.length === 0 ? (
                <p>{t('auth.noOfficers')}</p>
              ) : (
                <>
                  <ul className="chooser">
                    {list.map((officer, index) => (
                      <li key={officer.id}>
                        <button
                          type="button"
                          className="button chooser__officer"
                          aria-pressed={officer.id === chosenId}
                          autoFocus={chosenId === undefined && index === 0}
                          onClick={() => setChosenId(officer.id)}
                        >
                          <span className="chooser__name">{officer.name}</span>
                          <span className="chooser__role">{t(`role.${officer.role}`)}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                  {(() => {
                    const chosen = list.find((officer) => officer.id === chosenId);
                    if (!chosen) return null;
                    const setsFirst =
                      firstManager.status === 'ready' &&
                      firstManager.value &&
                      canEditSettings(chosen.role) &&
                      !chosen.hasSecret;
                    return setsFirst ? (
                      <FirstManagerSecretForm key={chosen.id} officer={chosen} />
                    ) : (
                      <SignInForm
                        key={chosen.id}
                        officer={chosen}
                        unlockers={list.filter(
                          (other) => other.id !== chosen.id && other.hasSecret && other.role !== 'officer',
                        )}
                      />
                    );
                  })()}
                </>
              )
            }
          </LoadState>
        )}
      </section>
    </main>
  );
}

/**
 * The locked desk: who is still signed in, their PIN to open it again, or "Ganti petugas" (they
 * are signed out and every officer is offered). `officer` is undefined while the roster loads.
 */
function LockedDesk(props: {
  officer: RosterEntry | undefined;
  unlockers: readonly RosterEntry[];
}): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const { officer } = props;
  if (!officer) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <>
      <p role="status" data-testid="locked-officer">
        {t('auth.lockedFor', { name: officer.name, role: t(`role.${officer.role}`) })}
      </p>
      <SignInForm key={officer.id} officer={officer} unlockers={props.unlockers} />
      <p className="field__hint" id="lock-switch-hint">
        {t('auth.lockSwitchHint', { name: officer.name })}
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          aria-describedby="lock-switch-hint"
          onClick={() => void core.officers.chooseAnother()}
        >
          {t('chooser.switch')}
        </button>
      </div>
    </>
  );
}

type Problem = Readonly<{ text: string; locked?: boolean }>;

function SignInForm(props: { officer: RosterEntry; unlockers: readonly RosterEntry[] }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const { officer } = props;
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  // Keyed by the officer: a new choice starts again, with the officer's state at that moment.
  const [problem, setProblem] = useState<Problem | undefined>(() =>
    officer.hasSecret ? undefined : { text: t('auth.noSecret', { name: officer.name }) },
  );
  const input = useRef<HTMLInputElement>(null);
  const [unlocked, setUnlocked] = useState(false);

  // The lock as this device has it when the officer is chosen (a lock from before is shown at once).
  useEffect(() => {
    let live = true;
    if (officer.hasSecret)
      void core.officers.lockState(officer.id, new Date()).then((lock) => {
        if (live && lock.remainingMs > 0) {
          setProblem({
            text: t('auth.locked', { name: officer.name, minutes: minutesOf(lock.remainingMs) }),
            locked: true,
          });
        }
      });
    input.current?.focus();
    return () => {
      live = false;
    };
  }, [core, officer, t]);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await core.officers.signIn(officer.id, secret, new Date());
    setBusy(false);
    if (outcome.ok) {
      // Signed in, but identity stays sealed here until the unit key is unlocked (decision 017).
      if (outcome.unitKey === 'no-key') core.store.getState().notify('info', t('auth.unitKeyMissing'));
      return;
    }
    setSecret('');
    switch (outcome.problem) {
      case 'wrong-secret':
        setProblem({ text: t('auth.wrongSecret', { count: outcome.attemptsLeft }) });
        break;
      case 'locked':
        setProblem({
          text: t('auth.locked', { name: officer.name, minutes: minutesOf(outcome.remainingMs) }),
          locked: true,
        });
        break;
      case 'no-secret':
        setProblem({ text: t('auth.noSecret', { name: officer.name }) });
        break;
      case 'unknown':
        setProblem({ text: t('auth.unknown') });
        break;
      default: {
        const never: never = outcome;
        return never;
      }
    }
    input.current?.focus();
  };

  const path = 'signInSecret';
  return (
    <>
      <form
        className="form"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={t('auth.signInTitle')}
      >
        <h3>{officer.name}</h3>
        {unlocked && !problem ? <p role="status">{t('auth.unlocked', { name: officer.name })}</p> : null}
        {problem ? (
          <p className="error-summary" role="alert" id={`${fieldId(path)}-error`}>
            {problem.text}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={fieldId(path)}>{t('auth.secret')}</label>
          <input
            ref={input}
            id={fieldId(path)}
            type="password"
            autoComplete="off"
            value={secret}
            disabled={!officer.hasSecret}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${fieldId(path)}-error` : `${fieldId(path)}-hint`}
            onChange={(event) => setSecret(event.target.value)}
          />
          <p className="field__hint" id={`${fieldId(path)}-hint`}>
            {t('auth.secretHint')}
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !officer.hasSecret}>
            {busy ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </div>
      </form>
      {problem?.locked && props.unlockers.length > 0 ? (
        <UnlockForm
          officer={officer}
          unlockers={props.unlockers}
          onUnlocked={() => {
            // Shown here: the notices belong to the desk, which is not open yet.
            setProblem(undefined);
            setUnlocked(true);
            input.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function UnlockForm(props: {
  officer: RosterEntry;
  unlockers: readonly RosterEntry[];
  onUnlocked: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [unlockerId, setUnlockerId] = useState(props.unlockers[0]?.id ?? '');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const outcome = await core.officers.unlock(props.officer.id, unlockerId, secret, new Date());
    setSecret('');
    if (!outcome.ok) {
      setProblem(t(`auth.unlockProblem.${outcome.problem}`));
      document.getElementById(fieldId('unlockerSecret'))?.focus();
      return;
    }
    setProblem(undefined);
    props.onUnlocked();
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="unlock-title">
      <h3 id="unlock-title">{t('auth.unlockTitle')}</h3>
      {problem ? (
        <p className="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={fieldId('unlocker')}>{t('auth.unlocker')}</label>
        <select
          id={fieldId('unlocker')}
          value={unlockerId}
          onChange={(event) => setUnlockerId(event.target.value)}
        >
          {props.unlockers.map((unlocker) => (
            <option key={unlocker.id} value={unlocker.id}>
              {unlocker.name} ({t(`role.${unlocker.role}`)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId('unlockerSecret')}>{t('auth.unlockerSecret')}</label>
        <input
          id={fieldId('unlockerSecret')}
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button">
          {t('auth.unlock')}
        </button>
      </div>
    </form>
  );
}

/** Once, where no active manager has a PIN yet: this manager sets theirs and signs in. */
function FirstManagerSecretForm(props: { officer: RosterEntry }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [secret, setSecret] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const outcome = await core.officers.setFirstManagerSecret(
      props.officer.id,
      secret,
      confirmation,
      new Date(),
    );
    if (outcome.ok) return;
    setProblem(secretProblemText(outcome.problem));
    document.getElementById(fieldId('firstSecret'))?.focus();
  };

  return (
    <form
      className="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="first-secret-title"
    >
      <h3 id="first-secret-title">{t('auth.firstManagerTitle')}</h3>
      <p>{t('auth.firstManagerIntro')}</p>
      <NewSecretFields
        paths={['firstSecret', 'firstSecretConfirm']}
        secret={secret}
        confirmation={confirmation}
        onSecret={setSecret}
        onConfirmation={setConfirmation}
        error={problem}
        autoFocus
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('auth.saveSecret')}
        </button>
      </div>
    </form>
  );
}

/** The words for a refused new secret. */
export function secretProblemText(
  problem: SecretProblem | 'same-secret' | 'not-allowed' | 'unknown',
): string {
  if (problem === 'same-secret') return i18next.t('auth.sameSecret');
  if (problem === 'not-allowed' || problem === 'unknown') return i18next.t('auth.notAllowed');
  return issueText({ path: '', key: `validation.officerSecret.${problem}` });
}

/** A new PIN typed twice, as on every form that sets one. */
export function NewSecretFields(props: {
  paths: readonly [string, string];
  secret: string;
  confirmation: string;
  onSecret: (value: string) => void;
  onConfirmation: (value: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
  labels?: readonly [string, string];
}): ReactNode {
  const { t } = useTranslation();
  const [first, second] = props.paths;
  return (
    <>
      <TextField
        path={first}
        type="password"
        label={props.labels?.[0] ?? t('auth.newSecret')}
        hint={t('auth.secretHint')}
        value={props.secret}
        onChange={props.onSecret}
        required
        {...(props.error ? { error: props.error } : {})}
        {...(props.autoFocus ? { autoFocus: true } : {})}
      />
      <TextField
        path={second}
        type="password"
        label={props.labels?.[1] ?? t('auth.newSecretConfirm')}
        value={props.confirmation}
        onChange={props.onConfirmation}
        required
      />
    </>
  );
}
