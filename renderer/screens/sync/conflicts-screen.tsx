/**
 * Konflik data: the unit's mutable documents that were changed on two devices before they
 * synced. Each version is shown side by side, field by field, differences marked; a manager
 * keeps one version and the other is closed. Nothing is decided automatically.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditSettings } from '../../../shared/workflow/roles';
import { UNIT_PROFILE_ID } from '../../../shared/ids/document-ids';
import { UNIT_OFFICES_ID, UNIT_SETTINGS_ID } from '../../../shared/unit/unit-settings';
import { useCore } from '../../app/core-context';
import { LoadState } from '../../components/load-state';
import type { MutableConflict, StoredDoc } from '../../core/client-core';
import { formatDateTime } from '../../format/format-date';
import { isOneOf } from '../../i18n/keys';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';

/** The unit's documents that have a name of their own on this screen. */
const MUTABLE_DOCUMENT_IDS = [UNIT_PROFILE_ID, UNIT_SETTINGS_ID, UNIT_OFFICES_ID] as const;

/** Bookkeeping fields that are not the content people compare. */
const HIDDEN_FIELDS = new Set([
  '_id',
  '_rev',
  '_conflicts',
  '_revisions',
  '_attachments',
  'type',
  'schemaVersion',
  // Who wrote the revision: named in the version's heading, not compared as content.
  'lastChangedBy',
]);

function fieldsOf(versions: readonly StoredDoc[]): string[] {
  const names = new Set<string>();
  for (const version of versions)
    for (const name of Object.keys(version)) if (!HIDDEN_FIELDS.has(name)) names.add(name);
  return [...names].sort();
}

function shown(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

function VersionHeading(props: { version: StoredDoc; index: number }): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const by = props.version.updatedBy as { name?: string } | undefined;
  const at = typeof props.version.updatedAt === 'string' ? props.version.updatedAt : undefined;
  const device = (props.version.lastChangedBy as { device?: unknown } | undefined)?.device;
  return (
    <th scope="col">
      {t('conflicts.version', { number: props.index + 1 })}
      {by?.name && at ? (
        <span className="field__hint">
          {' '}
          {typeof device === 'string'
            ? t('conflicts.changedByOnDevice', { name: by.name, device, at: formatDateTime(at, language) })
            : t('conflicts.changedBy', { name: by.name, at: formatDateTime(at, language) })}
        </span>
      ) : null}
    </th>
  );
}

const PACKET_DRAFT_PREFIX = 'packet-draft:';

/** The document's name for people; ids hold `:`, which i18next would read as a namespace. */
function useDocumentLabel(id: string): string {
  const { t } = useTranslation();
  if (id.startsWith(PACKET_DRAFT_PREFIX))
    return t('conflicts.packetDraft', { name: id.slice(PACKET_DRAFT_PREFIX.length) });
  return isOneOf(MUTABLE_DOCUMENT_IDS, id) ? t(`conflicts.document.${id}`) : id;
}

function ConflictCard(props: { conflict: MutableConflict; canResolve: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const label = useDocumentLabel(props.conflict.id);
  const notify = useAppStore((state) => state.notify);
  const [busy, setBusy] = useState(false);
  const versions = [props.conflict.winner, ...props.conflict.others];
  const fields = fieldsOf(versions);
  const keep = async (rev: string, index: number): Promise<void> => {
    setBusy(true);
    try {
      await core.sync.resolveConflict(props.conflict.id, rev);
      notify(
        'success',
        t('conflicts.resolved', {
          document: label,
          number: index + 1,
        }),
      );
    } catch (error) {
      const status = (error as { status?: number }).status;
      notify(
        'error',
        status === 409 ? t('conflicts.changedMeanwhile') : t('conflicts.failed', { reason: String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      className="conflict"
      aria-labelledby={`conflict-${props.conflict.id}`}
      data-testid={`conflict-${props.conflict.id}`}
    >
      <h2 id={`conflict-${props.conflict.id}`}>{label}</h2>
      <table className="table conflict__table">
        <thead>
          <tr>
            <th scope="col">{t('conflicts.field')}</th>
            {versions.map((version, index) => (
              <VersionHeading key={version._rev} version={version} index={index} />
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const values = versions.map((version) => shown(version[field]));
            const differs = new Set(values).size > 1;
            return (
              <tr key={field} className={differs ? 'conflict__row--differs' : undefined}>
                <th scope="row">
                  {field}
                  {differs ? <span className="visually-hidden"> ({t('conflicts.differs')})</span> : null}
                </th>
                {values.map((value, index) => (
                  <td key={versions[index]?._rev}>
                    <pre className="conflict__value">{value}</pre>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {props.canResolve ? (
          <tfoot>
            <tr>
              <td />
              {versions.map((version, index) => (
                <td key={version._rev}>
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={busy}
                    onClick={() => void keep(version._rev, index)}
                  >
                    {t('conflicts.keep', { number: index + 1 })}
                  </button>
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}

export function ConflictsScreen(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const canResolve = officer ? canEditSettings(officer.role) : false;
  const loaded = useRecords(() => core.sync.conflicts(), []);
  return (
    <section className="screen" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('conflicts.title')}</h1>
      <p>{t('conflicts.intro')}</p>
      {canResolve ? null : <p className="field__hint">{t('conflicts.managersOnly')}</p>}
      <LoadState loaded={loaded}>
        {(conflicts) =>
          conflicts.length === 0 ? (
            <p className="empty" data-testid="no-conflicts">
              {t('conflicts.none')}
            </p>
          ) : (
            conflicts.map((conflict) => (
              <ConflictCard key={conflict.id} conflict={conflict} canResolve={canResolve} />
            ))
          )
        }
      </LoadState>
    </section>
  );
}
