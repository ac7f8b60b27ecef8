/**
 * The unit's data for others (managers only; docs/packet.md, docs/lapor-export.md): "export all records", the NDJSON file that
 * `npm run packet -- build --data` reads (reporter documents left out; confidential complaints
 * without their content unless a manager ticks the option labelled as for the unit's internal
 * archive only), and the SP4N-LAPOR!
 * national export (CSV and JSON) of the complaints received in a period, with reporters' identity
 * only when the manager ticks it, and then only for named, non-confidential complaints. Each
 * exported complaint then records that it was forwarded to LAPOR! (progress shown while it does).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, parseDateInput } from '../../../shared/time/date-input';
import { useCore } from '../../app/core-context';
import type { LaporPreview, SavedExport, UnitRecordSet } from '../../core/client-core';
import { canEditSettings } from '../../../shared/workflow/roles';
import { useAppStore } from '../../store/app-store';
import { CheckboxField } from '../../components/form-fields';
import { savedFilesText } from '../../format/saved-files';
import { DateTextField } from './date-text-field';

/** What the manager is asked to confirm: the complaints, and the records and period they came from. */
type LaporChoice = Readonly<{
  rows: LaporPreview;
  unit: UnitRecordSet;
  period: Readonly<{ from: string; to: string }>;
}>;

export function DataExports(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const notify = useAppStore((state) => state.notify);
  const today = core.calendar.today();
  const [from, setFrom] = useState(formatDateInput(`${today.slice(0, 4)}-01-01`));
  const [to, setTo] = useState(formatDateInput(today));
  const [identity, setIdentity] = useState(false);
  const [onlyNew, setOnlyNew] = useState(false);
  const [confidential, setConfidential] = useState(false);
  const officer = useAppStore((state) => state.officer);
  // Only a manager may let the content of confidential complaints into the file.
  const mayIncludeConfidential = officer !== undefined && canEditSettings(officer.role);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [result, setResult] = useState('');
  const [preview, setPreview] = useState<LaporChoice | null>(null);
  /** A choice changed: a list shown for confirmation no longer says what would be exported. */
  const choosing =
    <T,>(set: (value: T) => void) =>
    (value: T): void => {
      setPreview(null);
      set(value);
    };

  const saved = (outcome: SavedExport): outcome is Extract<SavedExport, { status: 'saved' }> =>
    outcome.status === 'saved';
  const failed = (error: unknown): void =>
    notify('error', t('packetUi.failed', { reason: error instanceof Error ? error.message : String(error) }));

  const exportRecords = async (): Promise<void> => {
    setBusy(true);
    setResult('');
    try {
      const includeConfidential = confidential && mayIncludeConfidential;
      const outcome = await core.exports.allRecords(new Date(), { includeConfidential });
      if (outcome.status === 'saved') {
        const saved = t('packetUi.data.recordsSaved', {
          count: outcome.count ?? 0,
          location: savedFilesText(t, [outcome]),
        });
        const about = includeConfidential
          ? t('packetUi.data.recordsConfidentialIncluded')
          : t('packetUi.data.recordsConfidentialRedacted', { count: outcome.redactedComplaints ?? 0 });
        setResult(`${saved} ${about}`);
      }
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  // The first press lists what would be exported and recorded as forwarded; only "export and
  // record" saves the files and records anything. A change of the choices drops the list.
  const previewNational = async (): Promise<void> => {
    const fromIso = parseDateInput(from);
    const toIso = parseDateInput(to);
    const found: Record<string, string> = {};
    if (!fromIso) found.laporFrom = t('packetUi.error.date');
    if (!toIso) found.laporTo = t('packetUi.error.date');
    else if (fromIso && fromIso > toIso) found.laporTo = t('packetUi.error.periodOrder');
    setErrors(found);
    setPreview(null);
    if (!fromIso || !toIso || Object.keys(found).length > 0) return;
    setBusy(true);
    setResult('');
    try {
      const unit = await core.packet.loadRecords();
      const period = { from: fromIso, to: toIso };
      const rows = core.exports.laporPreview({ period, onlyNotForwarded: onlyNew, unit });
      if (rows.length === 0) setResult(t('packetUi.data.laporEmpty'));
      else setPreview({ rows, unit, period });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const cancelNational = (): void => {
    setPreview(null);
    setResult(t('packetUi.data.laporCancelled'));
  };

  const exportNational = async (confirmed: LaporChoice): Promise<void> => {
    setPreview(null);
    setBusy(true);
    setResult('');
    try {
      const { unit } = confirmed;
      const outcome = await core.exports.lapor({
        period: confirmed.period,
        includeIdentity: identity,
        onlyNotForwarded: onlyNew,
        unit,
        onProgress: (progress) =>
          setResult(
            progress.phase === 'files'
              ? t('packetUi.data.laporPreparing')
              : t('packetUi.data.laporRecording', { done: progress.done, total: progress.total }),
          ),
      });
      if (outcome.csv === null) setResult(t('packetUi.data.laporEmpty'));
      else if (!saved(outcome.csv)) setResult('');
      else {
        const savedText = t(identity ? 'packetUi.data.laporSavedWithIdentity' : 'packetUi.data.laporSaved', {
          count: outcome.records,
        });
        const files =
          outcome.json !== null && saved(outcome.json) ? [outcome.csv, outcome.json] : [outcome.csv];
        const where = t('packetUi.data.laporWhere', { where: savedFilesText(t, files) });
        setResult(`${savedText} ${where} ${t('packetUi.data.laporRecorded', { count: outcome.recorded })}`);
        if (outcome.recordFailure !== undefined) {
          notify('error', t('packetUi.data.laporRecordFailed', { reason: outcome.recordFailure }));
        }
      }
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="packet__section" aria-labelledby="packet-data-title">
      <h2 id="packet-data-title">{t('packetUi.data.title')}</h2>
      <h3>{t('packetUi.data.laporTitle')}</h3>
      <p className="field__hint">{t('packetUi.data.laporIntro')}</p>
      <div className="form__grid">
        <DateTextField
          path="laporFrom"
          label={t('packetUi.periodFrom')}
          value={from}
          onChange={choosing(setFrom)}
          error={errors.laporFrom}
        />
        <DateTextField
          path="laporTo"
          label={t('packetUi.periodTo')}
          value={to}
          onChange={choosing(setTo)}
          error={errors.laporTo}
        />
      </div>
      <CheckboxField
        id="lapor-identity"
        label={t('packetUi.data.includeIdentity')}
        checked={identity}
        onChange={choosing(setIdentity)}
      />
      {identity ? <p className="notice notice--warning">{t('packetUi.data.identityWarning')}</p> : null}
      <CheckboxField
        id="lapor-only-new"
        label={t('packetUi.data.onlyNotForwarded')}
        checked={onlyNew}
        onChange={choosing(setOnlyNew)}
      />
      <p className="field__hint">{t('packetUi.data.laporEventNote')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void previewNational()}>
        {t('packetUi.data.laporButton')}
      </button>
      {preview ? (
        <div className="notice notice--warning" data-testid="lapor-preview">
          <p>{t('packetUi.data.laporPreview', { count: preview.rows.length })}</p>
          <ul>
            {preview.rows.map((row) => (
              <li key={row.trackingNumber}>
                <span className="tracking-number">{row.trackingNumber}</span> ({row.receivedDate}){' '}
                {row.title ?? t('packetUi.data.laporPreviewConfidential')}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void exportNational(preview)}
          >
            {t('packetUi.data.laporConfirm', { count: preview.rows.length })}
          </button>{' '}
          <button type="button" className="button" onClick={cancelNational}>
            {t('packetUi.data.laporCancel')}
          </button>
        </div>
      ) : null}

      <h3>{t('packetUi.data.recordsTitle')}</h3>
      <p className="field__hint">{t('packetUi.data.recordsIntro')}</p>
      <p className="field__hint">{t('packetUi.data.recordsConfidentialHint')}</p>
      {mayIncludeConfidential ? (
        <CheckboxField
          id="records-include-confidential"
          label={t('packetUi.data.includeConfidential')}
          checked={confidential}
          onChange={setConfidential}
        />
      ) : null}
      {confidential && mayIncludeConfidential ? (
        <p className="notice notice--warning" data-testid="confidential-warning">
          {t('packetUi.data.confidentialWarning')}
        </p>
      ) : null}
      <button type="button" className="button" disabled={busy} onClick={() => void exportRecords()}>
        {t('packetUi.data.recordsButton')}
      </button>
      <p role="status" aria-live="polite" data-testid="data-export-result">
        {result}
      </p>
    </section>
  );
}
