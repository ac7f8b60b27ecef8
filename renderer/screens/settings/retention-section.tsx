/**
 * Retensi identitas pelapor (UU 27/2022; docs/domain.md, 'Personal data'): the months after a
 * complaint's closure before its complainant's identity is deleted, a unit setting (24 until a
 * manager sets it, 1–120; managers change it, everyone sees it; saved with Enter, "saved" said
 * once stored), and this device's retention pass: its progress while it runs, the last complete
 * one ("N identitas dihapus karena masa retensi") and, for supervisors and managers, a check now.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_RETENTION_MONTHS } from '../../../shared/retention/identity-retention';
import { validateRetentionInput, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { canPerform } from '../../../shared/workflow/roles';
import { useCore } from '../../app/core-context';
import type { RetentionOutcome, RetentionStatus } from '../../core/client-core';
import { formatDateTime } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';
import { NumberSettingForm } from './number-setting-form';

export function RetentionSection(props: { settings: UnitSettingsDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="retention-title" data-testid="retention-section">
      <h2 id="retention-title">{t('retention.section')}</h2>
      <RetentionForm settings={props.settings} editable={props.editable} />
      <RetentionPass />
    </section>
  );
}

function RetentionForm(props: { settings: UnitSettingsDoc; editable: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  return (
    <NumberSettingForm
      editable={props.editable}
      initial={props.settings.identityRetentionMonths ?? IDENTITY_RETENTION_MONTHS.default}
      path="identityRetentionMonths"
      label={t('retention.months')}
      hint={t('retention.hint', {
        min: IDENTITY_RETENTION_MONTHS.min,
        max: IDENTITY_RETENTION_MONTHS.max,
        value: IDENTITY_RETENTION_MONTHS.default,
      })}
      saveLabel={t('retention.save')}
      validate={validateRetentionInput}
      write={(months) => core.settings.saveIdentityRetention(months, new Date())}
      name={{ label: t('retention.section') }}
    />
  );
}

/** This device's pass: progress, the last one, the total; a check now for supervisors and managers. */
function RetentionPass(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const officer = useAppStore((state) => state.officer);
  const dataVersion = useAppStore((state) => state.dataVersion);
  const notify = useAppStore((state) => state.notify);
  const [status, setStatus] = useState<RetentionStatus | undefined>();
  const [outcome, setOutcome] = useState<RetentionOutcome | undefined>();
  const allowed = officer ? canPerform(officer.role, 'change-privacy') : false;

  useEffect(() => {
    let live = true;
    const read = (): void => {
      void core.retention.status().then((next) => {
        if (live) setStatus(next);
      });
    };
    read();
    const stop = core.retention.onChange(read);
    return () => {
      live = false;
      stop();
    };
  }, [core, dataVersion]);

  const run = async (): Promise<void> => {
    setOutcome(undefined);
    const result = await core.retention.runNow();
    setOutcome(result);
    // Said through the notices, the app's one live region; the line above stays plain text.
    if (result === 'done') {
      const after = await core.retention.status();
      if (after.last)
        notify(
          'success',
          t('retention.status.last', {
            when: formatDateTime(after.last.finishedAt, language),
            deleted: after.last.deleted,
          }),
        );
    } else if (result === 'paused') notify('info', t('retention.status.paused'));
  };

  return (
    <div className="form">
      <p data-testid="retention-status">
        {status === undefined
          ? '…'
          : status.running
            ? t('retention.status.running', { checked: status.checked, deleted: status.deleted })
            : status.last
              ? t('retention.status.last', {
                  when: formatDateTime(status.last.finishedAt, language),
                  deleted: status.last.deleted,
                })
              : t('retention.status.never')}
      </p>
      {(status?.total ?? 0) > 0 ? (
        <p className="field__hint">{t('retention.status.total', { total: status?.total ?? 0 })}</p>
      ) : null}
      {outcome === 'paused' ? <p className="field__hint">{t('retention.status.paused')}</p> : null}
      {allowed ? (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={status?.running ?? false}
            onClick={() => void run()}
          >
            {t('retention.runNow')}
          </button>
          <p className="field__hint">{t('retention.runHint')}</p>
        </div>
      ) : null}
    </div>
  );
}
