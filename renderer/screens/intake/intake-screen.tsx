/**
 * Pengaduan Baru: one screen, fields in the order an officer asks them at the desk.
 * Enter saves from a field, Ctrl+Enter from anywhere; problems are listed, announced and the
 * first one focused; nothing typed is lost when a save is refused or fails.
 */
import { useEffect, useMemo, useRef, useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  CHRONOLOGY_MAX,
  LOCATION_MAX,
  TARGET_OFFICE_MAX,
  TITLE_MAX,
  validateIntake,
} from '../../../shared/complaint/complaint-schema';
import {
  CHANNELS,
  DEFAULT_CATEGORIES,
  REPORT_TYPES,
  type Channel,
} from '../../../shared/complaint/vocabulary';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import { CORE_ERRORS, isCoreError, type StoredIntakeDraft } from '../../core/client-core';
import { parseDateInput } from '../../../shared/time/date-input';
import { localDateOf } from '../../../shared/time/local-date';
import { useCore } from '../../app/core-context';
import { ErrorSummary, errorFor } from '../../components/error-summary';
import { fieldId, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { deviceTimeZone, formatCalendarDate } from '../../format/format-date';
import { categoryLabel, issueText } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
import { readAttachments } from './attachment-contents';
import { AttachmentPicker, ATTACHMENTS_FIELD_ID } from './attachment-picker';
import {
  emptyDraft,
  toIntakeInput,
  withPrivacyMode,
  type IntakeDraft,
  type ReporterFields,
} from './intake-draft';
import { DuplicatePanel } from './duplicate-panel';
import { PRIVACY_FIELD_ID, PrivacyModePicker } from './privacy-mode-picker';
import { useKeptDraft } from './use-kept-draft';
import { savedPath } from '../../app/routes';

const TARGET_OFFICE_LIST_ID = 'target-office-options';

function focusTarget(path: string): string {
  if (path === 'reporter' || path === 'privacyMode') return PRIVACY_FIELD_ID;
  if (path.startsWith('attachments')) return ATTACHMENTS_FIELD_ID;
  return fieldId(path);
}

export function IntakeScreen(): ReactNode {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const core = useCore();
  const device = useAppStore((state) => state.device);
  const officer = useAppStore((state) => state.officer);
  const language = useAppStore((state) => state.language);
  const unitOffices = useAppStore((state) => state.unitOffices);
  const officeNames = (unitOffices?.offices ?? [])
    .filter((office) => office.active)
    .map((office) => office.name);
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft('walk-in'));
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  /** The channel this officer used last, pre-filled and said so (never silently). */
  const [rememberedChannel, setRememberedChannel] = useState<Channel>();
  /** The draft kept on this device that the form was restored from, shown until discarded. */
  const [restored, setRestored] = useState<Extract<StoredIntakeDraft, { fields: unknown }>>();
  /** The officer's earlier draft did not open and was set aside (said once, never restored garbled). */
  const [setAside, setSetAside] = useState<Extract<StoredIntakeDraft, { setAside: unknown }>>();
  const [draftRead, setDraftRead] = useState(false);
  /** Discarding the draft starts the duplicate panel afresh (its marks go with the draft). */
  const [discards, setDiscards] = useState(0);

  // The officer's unsaved form, if one is kept; else the defaults remembered per officer.
  useEffect(() => {
    if (!officer) return;
    let live = true;
    void Promise.all([core.intake.draft(), core.intake.lastChannel()]).then(([kept, known]) => {
      if (!live) return;
      setRememberedChannel(known);
      if (kept && 'setAside' in kept) setSetAside(kept);
      if (kept && 'fields' in kept) {
        setDraft({ ...kept.fields, files: [] });
        setRestored(kept);
      } else if (known) {
        setDraft((current) => ({ ...current, channel: known }));
      }
      setDraftRead(true);
    });
    return () => {
      live = false;
    };
  }, [officer, core]);
  // Files cannot be kept: their names are, until picked again (a restored draft names them).
  const toPickAgain = useMemo(
    () => (restored?.fileNames ?? []).filter((name) => !draft.files.some((file) => file.name === name)),
    [draft.files, restored],
  );
  const fileNames = useMemo(
    () => [...draft.files.map((file) => file.name), ...toPickAgain],
    [draft.files, toPickAgain],
  );
  useKeptDraft(officer?.id, draft, fileNames, draftRead, saving);

  const discardDraft = async (): Promise<void> => {
    if (!officer) return;
    await core.intake.discardDraft(officer.id);
    core.intake.markRelated([]);
    setDiscards((count) => count + 1);
    setRestored(undefined);
    setIssues([]);
    setDraft(emptyDraft(rememberedChannel ?? 'walk-in'));
    document.getElementById(fieldId('channel'))?.focus();
  };

  const today = localDateOf(new Date(), deviceTimeZone());
  const live = useMemo(() => validateIntake(toIntakeInput(draft), { today }), [draft, today]);
  const incidentWarning = live.warnings.find((warning) => warning.path === 'incidentDate');
  const incidentIso = parseDateInput(draft.incidentDate);
  const incidentDateHint = incidentIso
    ? t('intake.incidentDateRead', { date: formatCalendarDate(incidentIso, language, 'full') })
    : t('intake.incidentDateHint');

  // Lengths are never cut: from 80 % of the limit a counter, over it the message (and no save).
  const lengthHint = (text: string, max: number): string | undefined => {
    const typed = text.trim().length;
    if (typed < max * 0.8) return undefined;
    return t('intake.characterCount', {
      typed: typed.toLocaleString(language),
      max: max.toLocaleString(language),
    });
  };
  const tooLong = (path: string): string | undefined => {
    if (live.ok || errorFor(issues, path)) return undefined;
    const issue = live.issues.find(
      (candidate) => candidate.path === path && candidate.key.endsWith('tooLong'),
    );
    return issue ? issueText(issue) : undefined;
  };

  const update =
    <K extends keyof IntakeDraft>(key: K) =>
    (value: IntakeDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const updateReporter = (key: keyof ReporterFields) => (value: string) =>
    setDraft((current) => ({ ...current, reporter: { ...current.reporter, [key]: value } }));

  const submit = async (event?: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event?.preventDefault();
    if (saving || !device || !officer) return;
    const now = new Date();
    const localDate = localDateOf(now, deviceTimeZone());
    const result = validateIntake(toIntakeInput(draft), { today: localDate });
    setAttempt((value) => value + 1);
    if (!result.ok) {
      setIssues(result.issues);
      return;
    }
    setIssues([]);
    setFailure(undefined);
    setSaving(true);
    try {
      // Each file's bytes must be of its type (magic bytes) before anything is saved.
      const read = await readAttachments(draft.files, result.value.attachments);
      if (!read.ok) {
        setIssues(read.issues);
        setSaving(false);
        return;
      }
      const complaintId = await core.intake.save({
        input: result.value,
        files: read.files,
        receivedAt: now,
        localDate,
      });
      // The complaint is stored; the earlier ones marked "Tandai terkait" are linked to it now
      // (a link needs both stored). A failed link leaves the complaint saved, unlinked.
      await Promise.allSettled(
        core.intake.markedRelated().map((relatedId) => core.complaints.link(complaintId, relatedId)),
      );
      core.intake.markRelated([]);
      navigate(savedPath(complaintId));
    } catch (error) {
      // Without the unit key a complainant's identity is not stored (docs/decisions/017-unit-key.md).
      setFailure(
        isCoreError(error, CORE_ERRORS.unitKeyLocked)
          ? t('intake.unitKeyLocked')
          : error instanceof Error
            ? error.message
            : String(error),
      );
      setSaving(false);
    }
  };

  const reporterError = (key: keyof ReporterFields): string | undefined =>
    errorFor(issues, `reporter.${key}`);
  const attachmentIssue = issues.find((issue) => issue.path.startsWith('attachments'));

  return (
    <section className="screen" aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake.title')}</h1>
      <div className="intake-layout">
        <form
          ref={formRef}
          className="form form--intake"
          noValidate
          onSubmit={(event) => void submit(event)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              formRef.current?.requestSubmit();
            }
          }}
        >
          <ErrorSummary issues={issues} attempt={attempt} focusTarget={focusTarget} />
          {failure ? (
            <p className="error-summary" role="alert">
              {t('intake.saveFailed', { reason: failure })}
            </p>
          ) : null}
          {setAside ? (
            <p className="notice" role="status" data-testid="draft-set-aside">
              {setAside.setAside === 'no-key'
                ? t('intake.draftSetAsideNoKey')
                : t('intake.draftSetAsideUnreadable')}
            </p>
          ) : null}
          {restored ? (
            <p className="notice" role="status" data-testid="draft-restored">
              {t('intake.draftRestored')}
              {toPickAgain.length > 0
                ? ` ${t('intake.draftFilesAgain', { names: toPickAgain.join(', ') })}`
                : null}{' '}
              ·{' '}
              <button type="button" className="button button--small" onClick={() => void discardDraft()}>
                {t('intake.discardDraft')}
              </button>
            </p>
          ) : null}

          <fieldset>
            <legend>{t('intake.channelSection')}</legend>
            <div className="form__row">
              <SelectField
                path="channel"
                label={t('intake.channel')}
                required
                autoFocus
                value={draft.channel}
                hint={
                  !restored && rememberedChannel === draft.channel ? t('intake.channelRemembered') : undefined
                }
                onChange={(value) => update('channel')(value as Channel)}
                options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
                error={errorFor(issues, 'channel')}
              />
              <SelectField
                path="reportType"
                label={t('intake.reportType')}
                required
                value={draft.reportType}
                onChange={(value) => update('reportType')(value as IntakeDraft['reportType'])}
                options={REPORT_TYPES.map((type) => ({ value: type, label: t(`reportType.${type}`) }))}
                error={errorFor(issues, 'reportType')}
              />
            </div>
          </fieldset>

          <PrivacyModePicker
            value={draft.privacyMode}
            onChange={(mode) => setDraft((current) => withPrivacyMode(current, mode))}
            error={errorFor(issues, 'reporter') ?? errorFor(issues, 'privacyMode')}
          />

          {draft.privacyMode === 'anonymous' ? (
            <p className="notice notice--info">{t('intake.anonymousNotice')}</p>
          ) : (
            <fieldset>
              <legend>{t('intake.reporterSection')}</legend>
              <TextField
                path="reporter.name"
                label={t('intake.reporterName')}
                required
                value={draft.reporter.name}
                onChange={updateReporter('name')}
                error={reporterError('name')}
                autoComplete="off"
              />
              <p className="field__hint">{t('intake.contactHint')}</p>
              <div className="form__row">
                <TextField
                  path="reporter.phone"
                  type="tel"
                  inputMode="tel"
                  label={t('intake.reporterPhone')}
                  value={draft.reporter.phone}
                  onChange={updateReporter('phone')}
                  error={reporterError('phone')}
                />
                <TextField
                  path="reporter.email"
                  type="email"
                  inputMode="email"
                  label={t('intake.reporterEmail')}
                  value={draft.reporter.email}
                  onChange={updateReporter('email')}
                  error={reporterError('email')}
                />
              </div>
              <TextField
                path="reporter.address"
                label={t('intake.reporterAddress')}
                value={draft.reporter.address}
                onChange={updateReporter('address')}
                error={reporterError('address')}
              />
              <TextField
                path="reporter.nik"
                inputMode="numeric"
                label={t('intake.reporterNik')}
                hint={t('intake.reporterNikHint')}
                value={draft.reporter.nik}
                onChange={updateReporter('nik')}
                error={reporterError('nik')}
              />
            </fieldset>
          )}

          <fieldset>
            <legend>{t('intake.whatSection')}</legend>
            <TextField
              path="title"
              label={t('intake.titleLabel')}
              required
              value={draft.title}
              onChange={update('title')}
              hint={lengthHint(draft.title, TITLE_MAX)}
              warning={tooLong('title')}
              error={errorFor(issues, 'title')}
            />
            <TextAreaField
              path="chronology"
              label={t('intake.chronology')}
              required
              rows={6}
              value={draft.chronology}
              onChange={update('chronology')}
              hint={lengthHint(draft.chronology, CHRONOLOGY_MAX)}
              warning={tooLong('chronology')}
              error={errorFor(issues, 'chronology')}
            />
          </fieldset>

          <fieldset>
            <legend>{t('intake.whenWhereSection')}</legend>
            <div className="form__row">
              <TextField
                path="incidentDate"
                label={t('intake.incidentDate')}
                required
                inputMode="numeric"
                placeholder={t('intake.incidentDatePlaceholder')}
                value={draft.incidentDate}
                onChange={update('incidentDate')}
                hint={incidentDateHint}
                error={errorFor(issues, 'incidentDate')}
                warning={incidentWarning ? issueText(incidentWarning) : undefined}
              />
              <TextField
                path="location"
                label={t('intake.location')}
                value={draft.location}
                onChange={update('location')}
                hint={lengthHint(draft.location, LOCATION_MAX)}
                warning={tooLong('location')}
                error={errorFor(issues, 'location')}
              />
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('intake.routingSection')}</legend>
            <div className="form__row">
              <SelectField
                path="category"
                label={t('intake.category')}
                required
                placeholder={t('intake.chooseCategory')}
                value={draft.category}
                onChange={update('category')}
                options={DEFAULT_CATEGORIES.map((category) => ({
                  value: category.code,
                  label: categoryLabel(category.code),
                }))}
                error={errorFor(issues, 'category')}
              />
              <TextField
                path="targetOffice"
                label={t('intake.targetOffice')}
                hint={lengthHint(draft.targetOffice, TARGET_OFFICE_MAX) ?? t('intake.targetOfficeHint')}
                value={draft.targetOffice}
                onChange={update('targetOffice')}
                list={officeNames.length > 0 ? TARGET_OFFICE_LIST_ID : undefined}
                warning={tooLong('targetOffice')}
                error={errorFor(issues, 'targetOffice')}
              />
              {/* The unit's offices offered as suggestions; another name may still be typed. */}
              <datalist id={TARGET_OFFICE_LIST_ID}>
                {officeNames.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </div>
            <AttachmentPicker
              files={draft.files}
              onChange={update('files')}
              error={attachmentIssue ? issueText(attachmentIssue) : undefined}
            />
          </fieldset>

          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('common.saving') : t('intake.submit')}
            </button>
            <span className="form__hint">{t('intake.submitHint')}</span>
          </div>
        </form>
        <DuplicatePanel key={discards} draft={draft} />
      </div>
    </section>
  );
}
