/**
 * Recording the LAPOR! export on the complaints it carried: one event each, identity flagged
 * exactly where it went, statuses untouched; a later export can leave forwarded ones out and
 * carries a LAPOR! id once recorded.
 */
import { describe, expect, it } from 'vitest';
import { reduceComplaint } from '../workflow/complaint-state';
import { decideAction, type Actor } from '../workflow/decide-action';
import { eventDocSchema, type EventDoc } from '../workflow/events';
import { laporCsv, laporRows, type LaporExportInput } from './lapor-export';
import { laporForwardingEvents } from './lapor-forwarding';
import { PERIOD, TIME_ZONE, UNIT_CODE, packetFixture } from './packet.fixtures';

const MANAGER: Actor = {
  officer: { officerId: 'manager-1', name: 'Maya' },
  role: 'manager',
  deviceCode: 'M4N',
  unitCode: UNIT_CODE,
};
const CLOCK = { at: new Date('2026-07-03T02:00:00.000Z'), firstSequence: 500, localDate: '2026-07-03' };
const FILE = 'lapor-KBM-2026-01-01_2026-06-30.csv';

function exportInput(events: readonly EventDoc[], extra: Partial<LaporExportInput> = {}): LaporExportInput {
  const fixture = packetFixture();
  return {
    complaints: fixture.complaints,
    events,
    reporters: fixture.reporters,
    timeZone: TIME_ZONE,
    period: PERIOD,
    includeIdentity: true,
    ...extra,
  };
}

describe('laporForwardingEvents', () => {
  it('writes one valid event per exported complaint, identity only where it went, statuses kept', () => {
    const fixture = packetFixture();
    const rows = laporRows(exportInput(fixture.events));
    expect(rows.length).toBe(4);
    const { events, refused } = laporForwardingEvents(rows, FILE, MANAGER, CLOCK);
    expect(refused).toEqual([]);
    expect(events).toHaveLength(rows.length);
    expect(new Set(events.map((event) => event._id)).size).toBe(rows.length);
    rows.forEach(({ state, record }, index) => {
      const event = events[index];
      expect(eventDocSchema.parse(event)).toMatchObject({
        kind: 'lapor-forwarded',
        trackingNumber: record.trackingNumber,
        laporId: '',
        includesIdentity: record.reporter !== null,
        exportFile: FILE,
      });
      const complaint = fixture.complaints.find((doc) => doc._id === state.complaintId);
      if (!complaint || !event) throw new Error('missing complaint or event');
      const after = reduceComplaint(complaint, [...fixture.events, event]);
      expect(after.status).toBe(state.status);
      expect(after.lapor).toMatchObject({ laporId: null, identityShared: record.reporter !== null });
    });
    // Exactly the one named complaint carried identity.
    expect(events.filter((event) => event.kind === 'lapor-forwarded' && event.includesIdentity)).toHaveLength(
      1,
    );
  });

  it('without identity asked for, no event says identity went', () => {
    const fixture = packetFixture();
    const rows = laporRows(exportInput(fixture.events, { includeIdentity: false }));
    const { events } = laporForwardingEvents(rows, FILE, MANAGER, CLOCK);
    expect(events.some((event) => event.kind === 'lapor-forwarded' && event.includesIdentity)).toBe(false);
  });

  it('is refused for an officer, writing nothing', () => {
    const fixture = packetFixture();
    const rows = laporRows(exportInput(fixture.events));
    const officer: Actor = { ...MANAGER, role: 'officer' };
    const { events, refused } = laporForwardingEvents(rows, FILE, officer, CLOCK);
    expect(events).toEqual([]);
    expect(refused.map((item) => item.issues[0]?.key)).toEqual(rows.map(() => 'workflow.refused.role'));
  });

  it('lets the next export leave forwarded complaints out, and carries a LAPOR! id once recorded', () => {
    const fixture = packetFixture();
    const rows = laporRows(exportInput(fixture.events));
    const { events } = laporForwardingEvents(rows, FILE, MANAGER, CLOCK);
    const after = [...fixture.events, ...events];
    expect(laporRows(exportInput(after, { onlyNotForwarded: true }))).toEqual([]);

    const first = laporRows(exportInput(after))[0];
    if (!first) throw new Error('no row');
    const decision = decideAction(first.state, 'record-lapor', { laporId: '4512877' }, MANAGER, {
      at: new Date('2026-07-10T02:00:00.000Z'),
      eventSequence: 900,
      localDate: '2026-07-10',
    });
    if (!decision.ok) throw new Error(JSON.stringify(decision.issues));
    const later = laporRows(exportInput([...after, decision.event], { includeIdentity: false }));
    expect(later[0]?.record.laporId).toBe('4512877');
    const csv = new TextDecoder().decode(
      laporCsv(
        later.map((row) => row.record),
        false,
      ),
    );
    expect(csv.split('\r\n')[0]?.endsWith(',Rahasia,Nomor LAPOR!')).toBe(true);
    expect(csv.split('\r\n')[1]?.endsWith(',4512877')).toBe(true);
  });
});
