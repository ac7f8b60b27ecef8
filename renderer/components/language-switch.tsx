import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../app/core-context';
import { useAppStore } from '../store/app-store';

/** ID | EN toggle; the choice is remembered on this device. */
export function LanguageSwitch(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  return (
    <div className="language-switch" role="group" aria-label={t('shell.language')}>
      {(['id', 'en'] as const).map((code) => (
        <button
          key={code}
          type="button"
          className="language-switch__option"
          aria-pressed={language === code}
          lang={code}
          title={t(`language.${code}`)}
          onClick={() => void core.device.switchLanguage(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
