/**
 * The unit's packet drafts (one per competition year and category) to open, and, for managers,
 * the form that starts a new one: year, category and reporting period, the unit profile copied
 * in from the unit's profile document.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPETITION_CATEGORIES,
  defaultCategory,
  emptyPacketDraft,
  type CompetitionCategory,
} from '../../../shared/packet/packet-types';
import { formatDateInput, parseDateInput } from '../../../shared/time/date-input';
import { useCore } from '../../app/core-context';
import { SelectField, TextField } from '../../components/form-fields';
import { CORE_ERRORS, isCoreError, type PacketDraftSummary } from '../../core/client-core';
import { formatCalendarDate, formatDateTime } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';
import { DateTextField } from './date-text-field';

export function DraftList(props: {
  drafts: readonly PacketDraftSummary[];
  openId: string | undefined;
  onOpen: (id: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  if (props.drafts.length === 0) return <p className="empty">{t('packetUi.noDrafts')}</p>;
  return (
    <table className="table" data-testid="packet-drafts">
      <thead>
        <tr>
          <th scope="col">{t('packetUi.year')}</th>
          <th scope="col">{t('packetUi.category')}</th>
          <th scope="col">{t('packetUi.period')}</th>
          <th scope="col">{t('packetUi.lastChanged')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('packetUi.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.drafts.map((draft) => (
          <tr key={draft.id} aria-current={draft.id === props.openId ? 'true' : undefined}>
            <td>{draft.year}</td>
            <td>
              {t(`packetUi.categoryName.${draft.category}`)}
              {draft.conflicted ? (
                <strong className="packet__warning"> ⚠ {t('packetUi.conflicted')}</strong>
              ) : null}
            </td>
            <td>
              {formatCalendarDate(draft.period.from, language, 'medium')} –{' '}
              {formatCalendarDate(draft.period.to, language, 'medium')}
            </td>
            <td>
              {t('packetUi.changedBy', {
                name: draft.updatedBy.name,
                at: formatDateTime(draft.updatedAt, language),
              })}
            </td>
            <td>
              <button
                type="button"
                className="button button--small"
                disabled={draft.id === props.openId}
                onClick={() => props.onOpen(draft.id)}
              >
                {t('packetUi.openDraft', {
                  year: draft.year,
                  category: t(`packetUi.categoryShort.${draft.category}`),
                })}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NewDraftForm(props: { onCreated: (id: string) => void }): ReactNode {
  const { t } = useTranslation();
  const profile = useAppStore((state) => state.unitProfile);
  const notify = useAppStore((state) => state.notify);
  const core = useCore();
  const today = core.calendar.today();
  const [year, setYear] = useState(today.slice(0, 4));
  const [category, setCategory] = useState<CompetitionCategory>(
    profile ? defaultCategory(profile.entityType) : 'ip-umum',
  );
  const [from, setFrom] = useState(formatDateInput(`${today.slice(0, 4)}-01-01`));
  const [to, setTo] = useState(formatDateInput(today));
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const by = core.packet.editor();
    if (!profile || !by || busy) return;
    const found: Record<string, string> = {};
    const yearNumber = Number(year);
    if (!/^\d{4}$/.test(year.trim()) || yearNumber < 2018 || yearNumber > 2100) {
      found.newYear = t('packetUi.error.year');
    }
    const fromIso = parseDateInput(from);
    const toIso = parseDateInput(to);
    if (!fromIso) found.newFrom = t('packetUi.error.date');
    if (!toIso) found.newTo = t('packetUi.error.date');
    else if (fromIso && fromIso > toIso) found.newTo = t('packetUi.error.periodOrder');
    setErrors(found);
    if (Object.keys(found).length > 0 || !fromIso || !toIso) return;
    setBusy(true);
    try {
      const draft = emptyPacketDraft(profile, yearNumber, { from: fromIso, to: toIso }, category);
      const created = await core.packet.drafts().create(draft, by, new Date());
      notify('success', t('packetUi.created'));
      props.onCreated(created.id);
    } catch (error) {
      notify(
        'error',
        isCoreError(error, CORE_ERRORS.packetDraftExists)
          ? t('packetUi.exists')
          : t('packetUi.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="new-draft-title"
    >
      <h2 id="new-draft-title">{t('packetUi.newDraft')}</h2>
      <div className="form__grid">
        <TextField
          path="newYear"
          label={t('packetUi.year')}
          value={year}
          onChange={setYear}
          inputMode="numeric"
          maxLength={4}
          required
          error={errors.newYear}
        />
        <SelectField
          path="newCategory"
          label={t('packetUi.category')}
          value={category}
          onChange={(value) =>
            setCategory(COMPETITION_CATEGORIES.find((known) => known === value) ?? category)
          }
          options={COMPETITION_CATEGORIES.map((value) => ({
            value,
            label: t(`packetUi.categoryName.${value}`),
          }))}
        />
        <DateTextField
          path="newFrom"
          label={t('packetUi.periodFrom')}
          value={from}
          onChange={setFrom}
          required
          error={errors.newFrom}
        />
        <DateTextField
          path="newTo"
          label={t('packetUi.periodTo')}
          value={to}
          onChange={setTo}
          required
          error={errors.newTo}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy || !profile}>
          {t('packetUi.create')}
        </button>
      </div>
    </form>
  );
}
