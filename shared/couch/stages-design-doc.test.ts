/**
 * The staged download's views (their effect on CouchDB 3.5 is test/integration/staged-download):
 * the `closed` map, summed per complaint, says closed exactly when the workflow's reducer ends in
 * closed, archived or forwarded, along every prefix of the fixtures' action sequences (reopen
 * included); the document is byte-stable.
 */
import { describe, expect, it } from 'vitest';
import { reduceComplaint } from '../workflow/complaint-state';
import type { EventDoc } from '../workflow/events';
import { canonicalJson } from './canonical-json';
import {
  ACTION_SEQUENCES,
  intakeDocuments,
  unitProfileDoc,
  unitSettingsDoc,
  workflowEvents,
} from './documents.fixtures';
import { viewMap } from './view-map.fixtures';
import {
  CLOSED_MAP,
  COMPLAINTS_MAP,
  DEVICES_MAP,
  STAGES_DESIGN_DOC_ID,
  stagesDesignDoc,
} from './stages-design-doc';

type Emitted = [key: unknown, value: unknown];

/** Runs a view's map function over `docs` as CouchDB does, collecting what it emits. */
function runMap(source: string, docs: readonly object[]): Emitted[] {
  const emitted: Emitted[] = [];
  const map = viewMap(source, (key, value) => {
    emitted.push([key, value]);
  });
  for (const doc of docs) map(doc);
  return emitted;
}

describe('stagesDesignDoc', () => {
  it('is the same bytes every time, with its three views', () => {
    expect(canonicalJson(stagesDesignDoc())).toBe(canonicalJson(stagesDesignDoc()));
    expect(stagesDesignDoc()).toMatchObject({
      _id: STAGES_DESIGN_DOC_ID,
      views: {
        closed: { reduce: '_sum' },
        complaints: { reduce: '_count' },
        devices: { reduce: '_count' },
      },
    });
  });

  it('counts a complaint closed exactly when its events end closed, archived or forwarded', () => {
    let checked = 0;
    ACTION_SEQUENCES.forEach((actions, index) => {
      const intake = intakeDocuments('KBM', 10 + index);
      const events: EventDoc[] = [intake.received, ...workflowEvents(intake, actions)];
      for (let length = 1; length <= events.length; length += 1) {
        const prefix = events.slice(0, length);
        const { status } = reduceComplaint(intake.complaint, prefix);
        const emitted = runMap(CLOSED_MAP, [
          intake.complaint,
          ...(intake.reporter ? [intake.reporter] : []),
          ...prefix,
        ]);
        expect(emitted.every(([key]) => key === intake.complaint.trackingNumber)).toBe(true);
        const sum = emitted.reduce((total, [, value]) => total + (value as number), 0);
        expect(sum > 0, `${actions.slice(0, length - 1).join(', ')}: ${status}`).toBe(
          ['closed', 'archived', 'forwarded'].includes(status),
        );
        checked += 1;
      }
    });
    // Close, reopen, archive and forward were among them.
    expect(checked).toBeGreaterThan(15);
  });

  it('counts complaint documents only', () => {
    const intake = intakeDocuments('KBM', 3);
    const docs = [intake.complaint, intake.received, ...(intake.reporter ? [intake.reporter] : [])];
    expect(runMap(COMPLAINTS_MAP, docs)).toEqual([[null, 1]]);
  });

  it('names the device codes the unit’s complaints and events use', () => {
    // A complaint logged on X7Q; the manager acts on it on A23 (documents.fixtures' workflowEvents).
    const intake = intakeDocuments('KBM', 4, 'named', { deviceCode: 'X7Q' });
    const [verified] = workflowEvents(intake, ['verify']);
    if (!verified) throw new Error('no event');
    expect(runMap(DEVICES_MAP, [intake.complaint])).toEqual([['X7Q', 1]]);
    // The intake's own event: the complaint's device, written on it.
    expect(runMap(DEVICES_MAP, [intake.received])).toEqual([
      ['X7Q', 1],
      ['X7Q', 1],
    ]);
    expect(runMap(DEVICES_MAP, [verified])).toEqual([
      ['X7Q', 1],
      ['A23', 1],
    ]);
    // Nothing for a reporter, the unit profile or settings.
    const others = [
      ...(intake.reporter ? [intake.reporter] : []),
      unitProfileDoc('KBM'),
      unitSettingsDoc('KBM'),
    ];
    expect(runMap(DEVICES_MAP, others)).toEqual([]);
  });
});
