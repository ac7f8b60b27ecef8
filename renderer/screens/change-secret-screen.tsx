/**
 * Signed in with a first PIN a manager set: the officer chooses their own (typed twice) before the
 * desk opens; nothing else is offered but signing out.
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../app/core-context';
import { LanguageSwitch } from '../components/language-switch';
import { fieldId } from '../components/form-fields';
import { useAppStore } from '../store/app-store';
import { NewSecretFields, secretProblemText } from './officer-chooser-screen';

export function ChangeSecretScreen(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const notify = useAppStore((state) => state.notify);
  const [secret, setSecret] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const outcome = await core.officers.changeOwnSecret(secret, confirmation, new Date());
    setSaving(false);
    if (outcome.ok) {
      notify('success', t('auth.changed'));
      return;
    }
    setProblem(secretProblemText(outcome.problem));
    document.getElementById(fieldId('newSecret'))?.focus();
  };

  return (
    <main className="setup" id="main">
      <header className="setup__header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <form
        className="form"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="change-title"
      >
        <h2 id="change-title">{t('auth.changeTitle')}</h2>
        {officer ? <p className="chooser__name">{officer.name}</p> : null}
        <p>{t('auth.changeIntro')}</p>
        <NewSecretFields
          paths={['newSecret', 'newSecretConfirm']}
          secret={secret}
          confirmation={confirmation}
          onSecret={setSecret}
          onConfirmation={setConfirmation}
          error={problem}
          autoFocus
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('auth.changeSave')}
          </button>
          <button type="button" className="button" onClick={() => void core.officers.chooseAnother()}>
            {t('auth.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}
