/**
 * The editor of one packet draft (docs/packet.md: the packet as a checklist of sections
 * with completeness marks, the indicators with charts, export with progress). Managers edit and
 * save (Ctrl+Enter); everyone else reads. The working copy (./use-draft-editing) stays until
 * "Simpan draf"; a change made meanwhile on another device is refused and shown, never
 * overwritten, and a newer revision arriving by sync is announced, not swapped in.
 */
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { checkEligibility } from '../../../shared/packet/packet-eligibility';
import {
  ASSESSMENT_ASPECTS,
  type AssessmentAspect,
  type ExampleCase,
} from '../../../shared/packet/packet-types';
import { useCore } from '../../app/core-context';
import { fieldId } from '../../components/form-fields';
import { LoadState } from '../../components/load-state';
import { CORE_ERRORS, isCoreError, type StoredPacketDraft, type UnitRecordSet } from '../../core/client-core';
import { formatDateTime } from '../../format/format-date';
import { labelUnder } from '../../i18n/keys';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';
import { ROUTES } from '../../app/routes';
import { AspectFields } from './aspect-fields';
import { DateTextField } from './date-text-field';
import { EligibilityList } from './eligibility-list';
import { EvidenceFiles } from './evidence-files';
import { caseCandidates, caseHints, ExampleCases } from './example-cases';
import { IndicatorCharts } from './indicator-charts';
import { PacketExport } from './packet-export';
import { ProfileFields } from './profile-fields';
import { useDraftEditing } from './use-draft-editing';
import { usePacketDraft } from './use-packet-draft';

/** The generation of a PouchDB revision (`3-abc…` → 3). */
const generationOf = (rev: string): number => Number.parseInt(rev, 10) || 0;

/**
 * Whether the database holds a version this editor has not seen: deleted, or a revision at least
 * as new as the loaded one but different (an older one is only the changes feed lagging a save).
 */
function newerInDatabase(latest: string | null | undefined, loaded: string): boolean {
  if (latest === undefined) return false;
  if (latest === null) return true;
  return latest !== loaded && generationOf(latest) >= generationOf(loaded);
}

function DraftEditor(props: {
  stored: StoredPacketDraft;
  savedBytes: ReadonlyMap<string, Uint8Array>;
  latestRev: string | null | undefined;
  unit: UnitRecordSet;
  editable: boolean;
  onSaved: (stored: StoredPacketDraft) => void;
  onReload: () => void;
  onDeleted: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const settings = useAppStore((state) => state.unitSettings);
  const notify = useAppStore((state) => state.notify);
  const core = useCore();
  const { stored, editable } = props;
  const editing = useDraftEditing({
    stored,
    savedBytes: props.savedBytes,
    unit: props.unit,
    onSaved: props.onSaved,
  });
  const { draft, texts, errors, edit, setText, save, saving, dirty, changedElsewhere } = editing;
  const { evidence, evidenceProblems, stateOf, addFiles, removeFile } = editing;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';

  const { period } = draft;
  const { unitCode, unitName } = draft.profile;
  const indicators = useMemo(
    () => (settings ? core.packet.indicators(period, { code: unitCode, name: unitName }, props.unit) : null),
    [period, unitCode, unitName, props.unit, settings, core],
  );
  const candidates = useMemo(
    () => caseCandidates(props.unit.complaints, props.unit.events, period, timeZone),
    [props.unit, period, timeZone],
  );
  const eligibility = useMemo(
    () => checkEligibility({ draft, earliestReceivedDate: props.unit.earliestReceivedDate, evidence }),
    [draft, props.unit.earliestReceivedDate, evidence],
  );
  const needsReview = draft.exampleCases.some((found) => caseHints(found).length > 0);

  const remove = async (): Promise<void> => {
    try {
      await core.packet.drafts().remove(stored.id, stored.rev);
      notify('success', t('packetUi.deleted'));
      props.onDeleted();
    } catch (error) {
      notify(
        'error',
        isCoreError(error, CORE_ERRORS.packetDraftChanged)
          ? t('packetUi.changedElsewhere')
          : t('packetUi.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'Enter' || event.key.toLowerCase() === 's')) {
      event.preventDefault();
      if (editable) void save();
    }
  };

  const newer = newerInDatabase(props.latestRev, stored.rev) && !saving;
  const title = t('packetUi.draftTitle', {
    year: draft.year,
    category: t(`packetUi.categoryName.${draft.category}`),
  });
  const errorList = Object.entries(errors);
  const recommendation = draft.parentRecommendation ? [draft.parentRecommendation] : [];

  return (
    <div className="packet" onKeyDown={onKeyDown}>
      <div className="packet__bar">
        <h2 className="packet__title" id="packet-draft-title" data-testid="packet-draft-title">
          {title}
        </h2>
        <p className="field__hint">
          {t('packetUi.changedBy', {
            name: stored.updatedBy.name,
            at: formatDateTime(stored.updatedAt, language),
          })}
        </p>
        {editable ? (
          <>
            <span className="packet__dirty" role="status" data-testid="packet-dirty">
              {dirty ? t('packetUi.unsaved') : t('packetUi.allSaved')}
            </span>
            <button
              type="button"
              className="button button--primary"
              disabled={saving}
              aria-keyshortcuts="Control+Enter"
              onClick={() => void save()}
            >
              {saving ? t('common.saving') : t('packetUi.save')}
            </button>
          </>
        ) : null}
      </div>
      {editable ? null : <p className="notice notice--warning">{t('packetUi.readOnly')}</p>}
      {stored.conflicts.length > 0 ? (
        <p className="notice notice--warning" role="alert">
          {t('packetUi.conflictNotice')} <Link href={ROUTES.conflicts}>{t('packetUi.conflictLink')}</Link>
        </p>
      ) : null}
      {newer || changedElsewhere ? (
        <div className="notice notice--warning" role="alert" data-testid="packet-newer">
          <p>{props.latestRev === null ? t('packetUi.deletedElsewhere') : t('packetUi.newerVersion')}</p>
          {props.latestRev === null ? null : (
            <button type="button" className="button button--small" onClick={props.onReload}>
              {t('packetUi.loadNewer')}
            </button>
          )}
        </div>
      ) : null}
      {errorList.length > 0 ? (
        <div className="error-summary" role="alert">
          <p className="error-summary__title">{t('common.fixErrors', { count: errorList.length })}</p>
          <ul>
            {errorList.map(([path, message]) => (
              <li key={path}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId(path))?.focus();
                  }}
                >
                  {labelUnder(t, 'packetUi.field', path.split('.')[0] ?? path, path)}: {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset className="packet__body" disabled={!editable}>
        <legend className="visually-hidden">{title}</legend>
        <section className="packet__section" aria-labelledby="packet-period-title">
          <h2 id="packet-period-title">{t('packetUi.period')}</h2>
          <p className="field__hint">{t('packetUi.periodHint')}</p>
          <div className="form__grid">
            <DateTextField
              path="period.from"
              label={t('packetUi.periodFrom')}
              value={texts.from}
              onChange={(value) => setText('from', value)}
              required
              error={errors['period.from']}
            />
            <DateTextField
              path="period.to"
              label={t('packetUi.periodTo')}
              value={texts.to}
              onChange={(value) => setText('to', value)}
              required
              error={errors['period.to']}
            />
          </div>
        </section>

        <ProfileFields
          draft={draft}
          texts={texts}
          errors={errors}
          onProfile={(change) => edit((current) => ({ ...current, profile: change(current.profile) }))}
          onText={setText}
        />

        <section className="packet__section" aria-labelledby="packet-aspects-title">
          <h2 id="packet-aspects-title">{t('packetUi.aspectsTitle')}</h2>
          <p className="field__hint">{t('packetUi.aspectsIntro')}</p>
          {ASSESSMENT_ASPECTS.map((aspect: AssessmentAspect, index) => (
            <AspectFields
              key={aspect}
              aspect={aspect}
              number={index + 1}
              section={draft.sections[aspect]}
              editable={editable}
              problems={evidenceProblems[aspect] ?? []}
              stateOf={stateOf}
              onNarrative={(owner, narrative) =>
                edit((current) => ({
                  ...current,
                  sections: { ...current.sections, [owner]: { ...current.sections[owner], narrative } },
                }))
              }
              onAdd={(owner, files) => void addFiles(owner, files)}
              onRemove={removeFile}
            />
          ))}
        </section>

        <section className="packet__section" aria-labelledby="packet-recommendation-title">
          <h2 id="packet-recommendation-title">{t('packetUi.recommendation.title')}</h2>
          <p className="field__hint">
            {draft.category === 'upp'
              ? t('packetUi.recommendation.required')
              : t('packetUi.recommendation.optional')}
          </p>
          <EvidenceFiles
            owner="parent-recommendation"
            label={t('packetUi.recommendation.label')}
            files={recommendation}
            stateOf={stateOf}
            problems={evidenceProblems['parent-recommendation'] ?? []}
            editable={editable}
            single
            onAdd={(owner, files) => void addFiles(owner, files)}
            onRemove={removeFile}
          />
        </section>

        <ExampleCases
          cases={draft.exampleCases}
          candidates={candidates}
          timeZone={timeZone}
          editable={editable}
          errors={errors}
          onChange={(cases: readonly ExampleCase[]) =>
            edit((current) => ({ ...current, exampleCases: [...cases] }))
          }
        />
      </fieldset>

      <EligibilityList checks={eligibility} />
      {indicators ? (
        <IndicatorCharts indicators={indicators} />
      ) : (
        <p className="empty">{t('packetUi.noSettings')}</p>
      )}
      {editable ? (
        <PacketExport needsReview={needsReview} dirty={dirty} onExport={editing.exportNow} />
      ) : null}

      {editable ? (
        <section className="packet__section" aria-labelledby="packet-delete-title">
          <h2 id="packet-delete-title">{t('packetUi.deleteTitle')}</h2>
          {confirmDelete ? (
            <p>
              {t('packetUi.deleteConfirm')}{' '}
              <button type="button" className="button" onClick={() => void remove()}>
                {t('packetUi.deleteYes')}
              </button>{' '}
              <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
                {t('common.cancel')}
              </button>
            </p>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmDelete(true)}>
              {t('packetUi.delete')}
            </button>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** The draft `id`, loaded, with the unit's records for indicators, cases and export. */
export function PacketEditor(props: { id: string; editable: boolean; onDeleted: () => void }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const draft = usePacketDraft(props.id);
  const unit = useRecords(() => core.packet.loadRecords(), []);
  return (
    <LoadState loaded={draft.stored}>
      {(stored) =>
        stored ? (
          <LoadState loaded={unit}>
            {(records) => (
              <DraftEditor
                key={`${props.id}:${draft.loadCount}`}
                stored={stored}
                savedBytes={draft.savedBytes}
                latestRev={draft.latestRev}
                unit={records}
                editable={props.editable}
                onSaved={draft.replace}
                onReload={draft.reload}
                onDeleted={props.onDeleted}
              />
            )}
          </LoadState>
        ) : (
          <p role="alert">{t('packetUi.gone')}</p>
        )
      }
    </LoadState>
  );
}
