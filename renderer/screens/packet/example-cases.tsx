/**
 * Up to five example cases (docs/domain.md, "Kompetisi P4"), picked from the complaints received in the draft's period
 * that are not confidential, written automatically without identity (shared/packet/example-case), and shown
 * with what a person must review highlighted: names, numbers and places. The manager edits the
 * text; the hints follow the edits.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import { complaintsInPeriod } from '../../../shared/packet/complaint-rows';
import {
  EXAMPLE_CASE_TEXT_MAX,
  EXAMPLE_CASE_TITLE_MAX,
  MAX_EXAMPLE_CASES,
  type ExampleCase,
} from '../../../shared/packet/packet-types';
import type { ComplaintState } from '../../../shared/workflow/complaint-state-types';
import type { EventDoc } from '../../../shared/workflow/events';
import { TextAreaField, TextField } from '../../components/form-fields';
import {
  exampleCaseFrom,
  hintSegments,
  identityHints,
  type IdentityHint,
} from '../../../shared/packet/example-case';

const SHOWN_CANDIDATES = 200;

type Candidate = Readonly<{ complaint: ComplaintDoc; state: ComplaintState }>;

/** The complaints of the period a case may come from: not confidential, newest first. */
export function caseCandidates(
  complaints: readonly ComplaintDoc[],
  events: readonly EventDoc[],
  period: Readonly<{ from: string; to: string }>,
  timeZone: string,
): Candidate[] {
  return complaintsInPeriod({ complaints, events, period, timeZone })
    .filter(({ state }) => state.privacyMode !== 'confidential')
    .reverse();
}

/** Every hint of a case (title and text). */
export function caseHints(found: ExampleCase): IdentityHint[] {
  return [...identityHints(found.title), ...identityHints(found.text)];
}

function HintedText(props: { text: string; label: string }): ReactNode {
  const { t } = useTranslation();
  const hints = identityHints(props.text);
  return (
    <div className="packet__preview" aria-label={props.label} role="group">
      {hintSegments(props.text, hints).map((segment, index) =>
        segment.kind === null ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <mark
            key={index}
            className={`packet__hint packet__hint--${segment.kind}`}
            title={t(`packetUi.cases.hint.${segment.kind}`)}
          >
            {segment.text}
            <span className="visually-hidden"> ({t(`packetUi.cases.hint.${segment.kind}`)})</span>
          </mark>
        ),
      )}
    </div>
  );
}

export function ExampleCases(props: {
  cases: readonly ExampleCase[];
  candidates: readonly Candidate[];
  timeZone: string;
  editable: boolean;
  errors: Readonly<Record<string, string>>;
  onChange: (cases: readonly ExampleCase[]) => void;
}): ReactNode {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = needle
      ? props.candidates.filter(
          ({ complaint, state }) =>
            complaint.trackingNumber.toLowerCase().includes(needle) ||
            state.current.title.toLowerCase().includes(needle),
        )
      : props.candidates;
    return matching.slice(0, SHOWN_CANDIDATES);
  }, [filter, props.candidates]);
  const full = props.cases.length >= MAX_EXAMPLE_CASES;

  const add = (): void => {
    const candidate = props.candidates.find(({ complaint }) => complaint._id === picked);
    if (!candidate || full) return;
    props.onChange([...props.cases, exampleCaseFrom(candidate.state, props.timeZone)]);
    setPicked('');
    const index = props.cases.length;
    setTimeout(() => document.getElementById(`field-exampleCases-${index}-text`)?.focus(), 0);
  };
  const update = (index: number, patch: Partial<ExampleCase>): void =>
    props.onChange(props.cases.map((found, at) => (at === index ? { ...found, ...patch } : found)));

  return (
    <section className="packet__section" aria-labelledby="packet-cases-title">
      <h2 id="packet-cases-title">
        {t('packetUi.cases.title')}{' '}
        <span className="packet__count">
          {t('packetUi.cases.count', { count: props.cases.length, max: MAX_EXAMPLE_CASES })}
        </span>
      </h2>
      <p className="field__hint">{t('packetUi.cases.intro')}</p>
      {props.editable ? (
        <div className="packet__picker">
          <div className="field">
            <label htmlFor="case-filter">{t('packetUi.cases.filter')}</label>
            <input
              id="case-filter"
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor="case-candidates">
              {t('packetUi.cases.candidates', { count: props.candidates.length })}
            </label>
            <select
              id="case-candidates"
              size={Math.min(6, Math.max(2, shown.length))}
              value={picked}
              onChange={(event) => setPicked(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
            >
              {shown.map(({ complaint, state }) => (
                <option key={complaint._id} value={complaint._id}>
                  {complaint.trackingNumber} · {state.current.title}
                </option>
              ))}
            </select>
            {props.candidates.length === 0 ? (
              <p className="field__hint">{t('packetUi.cases.noCandidates')}</p>
            ) : null}
          </div>
          <button type="button" className="button" disabled={picked === '' || full} onClick={add}>
            {full ? t('packetUi.cases.full', { max: MAX_EXAMPLE_CASES }) : t('packetUi.cases.add')}
          </button>
        </div>
      ) : null}
      {props.cases.length === 0 ? <p className="empty">{t('packetUi.cases.none')}</p> : null}
      {props.cases.map((found, index) => {
        const hints = caseHints(found);
        return (
          <fieldset key={index} className="packet__case" data-testid={`case-${index}`}>
            <legend>{t('packetUi.cases.case', { number: index + 1 })}</legend>
            <TextField
              path={`exampleCases.${index}.title`}
              label={t('packetUi.cases.caseTitle')}
              value={found.title}
              onChange={(title) => update(index, { title })}
              maxLength={EXAMPLE_CASE_TITLE_MAX}
              required
              error={props.errors[`exampleCases.${index}.title`]}
            />
            <TextAreaField
              path={`exampleCases.${index}.text`}
              label={t('packetUi.cases.caseText')}
              value={found.text}
              onChange={(text) => update(index, { text })}
              rows={6}
              maxLength={EXAMPLE_CASE_TEXT_MAX}
            />
            <p
              className={hints.length > 0 ? 'packet__warning' : 'field__hint'}
              data-testid={`case-${index}-hints`}
            >
              {hints.length > 0
                ? t('packetUi.cases.hints', { count: hints.length })
                : t('packetUi.cases.noHints')}
            </p>
            {hints.length > 0 ? (
              <>
                <HintedText text={found.title} label={t('packetUi.cases.previewTitle')} />
                <HintedText text={found.text} label={t('packetUi.cases.previewText')} />
              </>
            ) : null}
            {props.editable ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => props.onChange(props.cases.filter((_, at) => at !== index))}
              >
                {t('packetUi.cases.remove', { number: index + 1 })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
    </section>
  );
}
