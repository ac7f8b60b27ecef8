/** First-run setup: the unit, this device and its first officer; or a restore from a backup file. */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES } from '../../shared/complaint/vocabulary';
import type { ValidationIssue } from '../../shared/messages/validation-messages';
import { emptySetupInput, validateSetup, type SetupInput } from '../../shared/unit/unit-profile';
import { useCore } from '../app/core-context';
import { ErrorSummary, errorFor } from '../components/error-summary';
import { SelectField, TextField } from '../components/form-fields';
import { LanguageSwitch } from '../components/language-switch';
import { JoinUnitForm } from './join-unit-form';
import { RestoreForm } from './backup/restore-form';
import { deviceTimeZone, formatDateTime } from '../format/format-date';
import { useAppStore } from '../store/app-store';
import { INDONESIAN_TIME_ZONES } from '../../shared/time/local-date';
import { DeviceOfficerFields } from './device-officer-fields';

type SetupMode = 'new-unit' | 'join-unit' | 'restore';

/**
 * First run: set up a new unit, join a unit that already syncs with a central server, or restore
 * this device from a backup file (./backup/restore-form).
 */
export function SetupScreen(): ReactNode {
  const { t } = useTranslation();
  const [mode, setMode] = useState<SetupMode>('new-unit');
  return (
    <main className="setup" id="main">
      <header className="setup__header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <LostDeviceNotice />
      <fieldset className="setup__mode">
        <legend>{t('join.modeLegend')}</legend>
        {(['new-unit', 'join-unit'] as const).map((option) => (
          <label key={option} className="checkbox">
            <input
              type="radio"
              name="setup-mode"
              value={option}
              checked={mode === option}
              onChange={() => setMode(option)}
            />
            {t(`join.mode.${option}`)}
          </label>
        ))}
        <label className="checkbox">
          <input
            type="radio"
            name="setup-mode"
            value="restore"
            checked={mode === 'restore'}
            onChange={() => setMode('restore')}
          />
          {t('backup.setupMode')}
        </label>
      </fieldset>
      {mode === 'new-unit' ? (
        <NewUnitForm />
      ) : mode === 'join-unit' ? (
        <JoinUnitForm />
      ) : (
        <RestoreForm target="empty" />
      )}
    </main>
  );
}

/**
 * Setup asked on a device that was set up before (renderer/core/data/device-mark): the browser
 * deleted its storage. Says what it held and how to get it back, before the three ways below.
 */
function LostDeviceNotice(): ReactNode {
  const { t } = useTranslation();
  const lost = useAppStore((state) => state.lostDevice);
  const language = useAppStore((state) => state.language);
  if (!lost) return null;
  const names = {
    unitCode: lost.unitCode,
    deviceCode: lost.deviceCode,
    setUpAt: formatDateTime(lost.setUpAt, language),
  };
  return (
    <section className="notice notice--warning setup__lost" role="alert" aria-labelledby="setup-lost-title">
      <h2 id="setup-lost-title">{t('lost.title')}</h2>
      <p>{t('lost.held', names)}</p>
      <p>{t('lost.cause')}</p>
      <ul>
        <li>{t('lost.central')}</li>
        <li>{t('lost.backup')}</li>
        <li>{t('lost.newCode', names)}</li>
      </ul>
    </section>
  );
}

function NewUnitForm(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const [input, setInput] = useState<SetupInput>(() => emptySetupInput(deviceTimeZone()));
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const set = (key: keyof SetupInput) => (value: string) =>
    setInput((current) => ({ ...current, [key]: value }));
  const field = (key: keyof SetupInput) => ({
    path: key,
    value: input[key],
    onChange: set(key),
    error: errorFor(issues, key),
  });

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    const result = validateSetup(input);
    setAttempt((value) => value + 1);
    if (!result.ok) {
      setIssues(result.issues);
      return;
    }
    setIssues([]);
    setSaving(true);
    try {
      await core.device.setup(result.value, new Date());
    } catch (error) {
      setFailure(String(error));
      setSaving(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <ErrorSummary issues={issues} attempt={attempt} />
      {failure ? (
        <p className="error-summary" role="alert">
          {t('common.failedToLoad', { reason: failure })}
        </p>
      ) : null}
      <fieldset>
        <legend>{t('setup.unitSection')}</legend>
        <TextField
          {...field('unitCode')}
          label={t('setup.unitCode')}
          hint={t('setup.unitCodeHint')}
          required
          autoFocus
          maxLength={10}
        />
        <TextField {...field('unitName')} label={t('setup.unitName')} required />
        <TextField {...field('agency')} label={t('setup.agency')} required />
        <SelectField
          {...field('entityType')}
          label={t('setup.entityType')}
          required
          placeholder={t('setup.chooseEntityType')}
          options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`entityType.${type}`) }))}
        />
        <TextField {...field('contact')} label={t('setup.contact')} hint={t('setup.contactHint')} required />
        <TextField {...field('address')} label={t('setup.address')} />
        <SelectField
          {...field('timeZone')}
          label={t('setup.timeZone')}
          required
          options={INDONESIAN_TIME_ZONES.map((zone) => ({ value: zone, label: t(`timeZone.${zone}`) }))}
        />
      </fieldset>
      <DeviceOfficerFields field={field} secretField={field} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common.saving') : t('setup.submit')}
        </button>
      </div>
    </form>
  );
}
