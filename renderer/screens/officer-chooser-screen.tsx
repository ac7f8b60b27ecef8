/** "Siapa yang bertugas?": the active officers of this device, one button each; Enter picks. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../app/core-context';
import { LanguageSwitch } from '../components/language-switch';
import { LoadState } from '../components/load-state';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';

export function OfficerChooserScreen(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const profile = useAppStore((state) => state.unitProfile);
  const officers = useRecords(() => core.officers.listActive(), []);
  return (
    <main className="setup" id="main">
      <header className="setup__header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <section aria-labelledby="chooser-title">
        <h2 id="chooser-title">{t('chooser.title')}</h2>
        {profile ? <p>{profile.unitName}</p> : null}
        <LoadState loaded={officers}>
          {(list) => (
            <ul className="chooser">
              {list.map((officer, index) => (
                <li key={officer.id}>
                  <button
                    type="button"
                    className="button chooser__officer"
                    autoFocus={index === 0}
                    onClick={() => void core.officers.signIn(officer)}
                  >
                    <span className="chooser__name">{officer.name}</span>
                    <span className="chooser__role">{t(`role.${officer.role}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </LoadState>
      </section>
    </main>
  );
}
