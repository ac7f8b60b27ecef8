/**
 * One assessment aspect of the packet (docs/domain.md, "Kompetisi P4"): its narrative with a live word count
 * against the length guide, and its evidence files.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NARRATIVE_GUIDE_WORDS,
  NARRATIVE_MAX_CHARS,
  type AspectSection,
  type AssessmentAspect,
  type EvidenceOwner,
  type EvidenceRef,
} from '../../../shared/packet/packet-types';
import { fieldId } from '../../components/form-fields';
import { EvidenceFiles, type EvidenceFileState } from './evidence-files';
import { countWords, wordGuide } from '../../../shared/packet/narrative-words';

export function AspectFields(props: {
  aspect: AssessmentAspect;
  number: number;
  section: AspectSection;
  editable: boolean;
  problems: readonly string[];
  stateOf: (ref: EvidenceRef) => EvidenceFileState;
  onNarrative: (aspect: AssessmentAspect, text: string) => void;
  onAdd: (owner: EvidenceOwner, files: readonly File[]) => void;
  onRemove: (ref: EvidenceRef) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { aspect, section } = props;
  const words = countWords(section.narrative);
  const guide = wordGuide(words);
  const id = fieldId(`sections.${aspect}.narrative`);
  const titleId = `aspect-${aspect}-title`;
  const name = t(`packetUi.aspect.${aspect}`);
  return (
    <section className="packet__aspect" aria-labelledby={titleId} data-testid={`aspect-${aspect}`}>
      <h3 id={titleId}>
        {props.number}. {name}{' '}
        <span className={`packet__mark packet__mark--${guide === 'empty' ? 'todo' : 'done'}`}>
          {guide === 'empty' ? t('packetUi.sectionTodo') : t('packetUi.sectionDone')}
        </span>
      </h3>
      <p className="field__hint">{t(`packetUi.aspectHint.${aspect}`)}</p>
      <div className="field">
        <label htmlFor={id}>{t('packetUi.narrative', { aspect: name })}</label>
        <textarea
          id={id}
          name={`sections.${aspect}.narrative`}
          rows={7}
          maxLength={NARRATIVE_MAX_CHARS}
          value={section.narrative}
          readOnly={!props.editable}
          aria-describedby={`${id}-count`}
          onChange={(event) => props.onNarrative(aspect, event.target.value)}
        />
        <p
          className={`field__hint packet__words packet__words--${guide}`}
          id={`${id}-count`}
          data-testid={`words-${aspect}`}
        >
          {t(`packetUi.words.${guide}`, {
            count: words,
            min: NARRATIVE_GUIDE_WORDS.min,
            max: NARRATIVE_GUIDE_WORDS.max,
          })}
        </p>
      </div>
      <EvidenceFiles
        owner={aspect}
        label={t('packetUi.evidence.label', { aspect: name })}
        files={section.evidence}
        stateOf={props.stateOf}
        problems={props.problems}
        editable={props.editable}
        onAdd={props.onAdd}
        onRemove={props.onRemove}
      />
    </section>
  );
}
