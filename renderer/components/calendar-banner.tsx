/**
 * Above every screen of the open desk: the years whose national holiday list changed since this
 * device last told its officers (a calendar the central imported, received by sync; an app
 * update), "Hari libur 2027 diperbarui: tenggat dihitung ulang". Deadlines are derived, never
 * stored, so they already count with the new list; the banner says why they moved. Closing it is
 * remembered on this device (core.calendar.acknowledgeChanges) until the calendar changes again.
 * Plain text, not a live region: the notices are the app's one.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../app/core-context';
import { useAppStore } from '../store/app-store';

export function CalendarBanner(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  // Asked again whenever a national calendar arrives.
  const nationals = useAppStore((state) => state.nationalCalendars);
  const [years, setYears] = useState<readonly string[]>([]);
  useEffect(() => {
    let live = true;
    void core.calendar.changedYears().then((changed) => {
      if (live) setYears(changed);
    });
    return () => {
      live = false;
    };
  }, [core, nationals]);
  if (years.length === 0) return null;
  return (
    <div className="notice notice--warning calendar-banner no-print" data-testid="calendar-banner">
      <p>{t('calendarUi.changed', { years: years.join(', ') })}</p>
      <button
        type="button"
        className="button button--small"
        aria-label={t('calendarUi.dismissLabel')}
        onClick={() => void core.calendar.acknowledgeChanges().then(() => setYears([]))}
      >
        {t('calendarUi.dismiss')}
      </button>
    </div>
  );
}
