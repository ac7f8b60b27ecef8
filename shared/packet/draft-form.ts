/**
 * The fields of the packet editor that are typed as text (dates day first, staff numbers) and how
 * the edited draft is checked before it is saved: each problem as a field path and the key of its
 * message under `packetUi.error`. Pure, so that it is tested without a browser.
 */
import { packetDraftSchema, type PacketDraft } from './packet-types';
import { formatDateInput, parseDateInput } from '../time/date-input';

export type DraftTexts = Readonly<{
  from: string;
  to: string;
  decreeDate: string;
  staffCount: string;
  staffTrained: string;
}>;

export type DraftErrorKey =
  'date' | 'periodOrder' | 'number' | 'trainedOverCount' | 'required' | 'tooLong' | 'invalid';

export type DraftCheck =
  | Readonly<{ ok: true; draft: PacketDraft }>
  | Readonly<{ ok: false; errors: Readonly<Record<string, DraftErrorKey>> }>;

const numberText = (value: number | null): string => (value === null ? '' : String(value));

export function textsOf(draft: PacketDraft): DraftTexts {
  return {
    from: formatDateInput(draft.period.from),
    to: formatDateInput(draft.period.to),
    decreeDate: draft.profile.team.decreeDate === '' ? '' : formatDateInput(draft.profile.team.decreeDate),
    staffCount: numberText(draft.profile.staff.count),
    staffTrained: numberText(draft.profile.staff.trained),
  };
}

/** The period the texts name, when both dates are real and in order. */
export function periodOf(
  texts: Pick<DraftTexts, 'from' | 'to'>,
): Readonly<{ from: string; to: string }> | null {
  const from = parseDateInput(texts.from);
  const to = parseDateInput(texts.to);
  return from && to && from <= to ? { from, to } : null;
}

/** `''` → null; whole numbers from 0 → the number; anything else → undefined (an error). */
function wholeNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : undefined;
}

function keyOfIssue(code: string): DraftErrorKey {
  if (code === 'too_small') return 'required';
  if (code === 'too_big') return 'tooLong';
  return 'invalid';
}

/** The draft with the typed fields read into it, or every problem found. */
export function checkDraft(draft: PacketDraft, texts: DraftTexts): DraftCheck {
  const errors: Record<string, DraftErrorKey> = {};
  const from = parseDateInput(texts.from);
  const to = parseDateInput(texts.to);
  if (!from) errors['period.from'] = 'date';
  if (!to) errors['period.to'] = 'date';
  else if (from && from > to) errors['period.to'] = 'periodOrder';
  const decreeDate = texts.decreeDate.trim() === '' ? '' : parseDateInput(texts.decreeDate);
  if (decreeDate === null) errors['profile.team.decreeDate'] = 'date';
  const count = wholeNumber(texts.staffCount);
  const trained = wholeNumber(texts.staffTrained);
  if (count === undefined) errors['profile.staff.count'] = 'number';
  if (trained === undefined) errors['profile.staff.trained'] = 'number';
  else if (trained !== null && typeof count === 'number' && trained > count) {
    errors['profile.staff.trained'] = 'trainedOverCount';
  }
  if (Object.keys(errors).length > 0 || !from || !to || decreeDate === null) return { ok: false, errors };

  const { profile } = draft;
  const next: PacketDraft = {
    ...draft,
    period: { from, to },
    profile: {
      ...profile,
      team: { ...profile.team, decreeDate },
      staff: { ...profile.staff, count: count ?? null, trained: trained ?? null },
    },
  };
  const parsed = packetDraftSchema.safeParse(next);
  if (parsed.success) return { ok: true, draft: parsed.data };
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= keyOfIssue(issue.code);
  }
  return { ok: false, errors };
}
