import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';

/**
 * The short-lived notice (officer switched, saved, …): one polite live region, the newest notice
 * replacing an older one, gone after a few seconds, with its button or with Escape. It sits over
 * the sidebar's empty lower part (shell.css), never over a form or the complaint's trail.
 */
export function Notices(): ReactNode {
  const { t } = useTranslation();
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  useEffect(() => {
    const timers = notices.map((notice) => setTimeout(() => dismiss(notice.id), 6000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  useEffect(() => {
    if (notices.length === 0) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      // An open dialog or form that handles Escape itself keeps it.
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      notices.forEach((notice) => dismiss(notice.id));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [notices, dismiss]);
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((notice) => (
        <p key={notice.id} className={`notice notice--${notice.tone}`}>
          {notice.text}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => dismiss(notice.id)}
            aria-label={t('notices.dismiss')}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
