/**
 * The evidence files of one aspect (or the UPP recommendation letter): a file input, and each
 * file with its size, whether it is stored or waiting for the next save, and a remove button.
 * Files that break the limits are refused with a message naming the file and the limit.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVIDENCE_FILE_MAX_BYTES,
  EVIDENCE_TOTAL_MAX_BYTES,
  EVIDENCE_TYPES,
  MAX_EVIDENCE_PER_SECTION,
  type EvidenceOwner,
  type EvidenceRef,
} from '../../../shared/packet/packet-types';
import { fieldId } from '../../components/form-fields';
import { formatBytes } from '../../format/format-bytes';

/** Where a file of the list stands. */
export type EvidenceFileState = 'stored' | 'pending' | 'missing';

export function EvidenceFiles(props: {
  owner: EvidenceOwner;
  label: string;
  files: readonly EvidenceRef[];
  stateOf: (ref: EvidenceRef) => EvidenceFileState;
  problems: readonly string[];
  editable: boolean;
  /** Replaces the current file instead of adding one (the recommendation letter). */
  single?: boolean;
  onAdd: (owner: EvidenceOwner, files: readonly File[]) => void;
  onRemove: (ref: EvidenceRef) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = fieldId(`evidence.${props.owner}`);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field${props.problems.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.editable ? (
        <input
          id={id}
          type="file"
          multiple={!props.single}
          accept={EVIDENCE_TYPES.join(',')}
          aria-describedby={`${hintId}${props.problems.length > 0 ? ` ${errorId}` : ''}`}
          aria-invalid={props.problems.length > 0 ? true : undefined}
          onChange={(event) => {
            const chosen = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (chosen.length > 0) props.onAdd(props.owner, chosen);
          }}
        />
      ) : null}
      <p className="field__hint" id={hintId}>
        {t('packetUi.evidence.hint', {
          each: formatBytes(EVIDENCE_FILE_MAX_BYTES),
          total: formatBytes(EVIDENCE_TOTAL_MAX_BYTES),
          count: MAX_EVIDENCE_PER_SECTION,
        })}
      </p>
      {props.files.length === 0 ? (
        <p className="field__hint">{t('packetUi.evidence.none')}</p>
      ) : (
        <ul className="attachment-list" data-testid={`evidence-${props.owner}`}>
          {props.files.map((ref) => {
            const state = props.stateOf(ref);
            return (
              <li key={ref.id}>
                <span>
                  {ref.name} ({formatBytes(ref.size)}){' '}
                  <span className={`packet__file-state packet__file-state--${state}`}>
                    {t(`packetUi.evidence.state.${state}`)}
                  </span>
                </span>
                {props.editable ? (
                  <button type="button" className="button button--small" onClick={() => props.onRemove(ref)}>
                    {t('packetUi.evidence.remove', { name: ref.name })}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {props.problems.length > 0 ? (
        <ul className="field__error" id={errorId}>
          {props.problems.map((problem) => (
            <li key={problem}>✖ {problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
