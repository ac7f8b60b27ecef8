import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';

/** Short-lived notices (officer switched, …), announced politely and dismissible. */
export function Notices(): ReactNode {
  const { t } = useTranslation();
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  useEffect(() => {
    const timers = notices.map((notice) => setTimeout(() => dismiss(notice.id), 6000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="notices" role="status" aria-live="polite">
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
