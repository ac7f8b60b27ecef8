/**
 * After a LAPOR! export is saved, each exported complaint records that it was forwarded
 * (docs/domain.md, 'Workflow'): one `lapor-forwarded` event per complaint, decided like any
 * workflow action (so the role and the identity rule are checked the same way), naming the export
 * file and whether the complainant's identity went with it. The LAPOR! id is recorded later, when
 * LAPOR! gives one.
 */
import type { ValidationIssue } from '../messages/validation-messages';
import { decideAction, type Actor } from '../workflow/decide-action';
import type { EventDoc } from '../workflow/events';
import type { LaporRow } from './lapor-export';

export type ForwardingClock = Readonly<{
  at: Date;
  /** The first of `rows.length` event sequence numbers reserved on this device. */
  firstSequence: number;
  /** The unit-local date of `at`. */
  localDate: string;
}>;

export type ForwardingEvents = Readonly<{
  events: readonly EventDoc[];
  /** Complaints whose record was refused (for example an officer without the role). */
  refused: readonly Readonly<{ trackingNumber: string; issues: readonly ValidationIssue[] }>[];
}>;

/** The `lapor-forwarded` event of every exported row, in row order. */
export function laporForwardingEvents(
  rows: readonly LaporRow[],
  exportFile: string,
  actor: Actor,
  clock: ForwardingClock,
): ForwardingEvents {
  const events: EventDoc[] = [];
  const refused: { trackingNumber: string; issues: ValidationIssue[] }[] = [];
  rows.forEach(({ state, record }, index) => {
    const decision = decideAction(
      state,
      'record-lapor',
      { laporId: record.laporId ?? '', includesIdentity: record.reporter !== null, exportFile },
      actor,
      { at: clock.at, eventSequence: clock.firstSequence + index, localDate: clock.localDate },
    );
    if (decision.ok) events.push(decision.event);
    else refused.push({ trackingNumber: record.trackingNumber, issues: decision.issues });
  });
  return { events, refused };
}
