/**
 * The retention task (./retention) over real PouchDB (memory) and Dexie (fake-indexeddb): it deletes
 * exactly the identities past the unit's retention (closed, archived and forwarded complaints, not
 * reopened or open ones, not before the last kept day), writes one identity-deleted event each that
 * names no identity, deletes the intake drafts saved as those complaints, and a second pass writes
 * nothing; an identity that comes back from another device is deleted again without a second event;
 * two devices running at once before they sync converge (each device's event, one deleted document,
 * the same state) and write nothing more afterwards; 150 complaints go in batches of 100, a pass cut
 * short by a sign-out after the first batch resumes there at the next sign-in; a supervisor's sign-in
 * starts the day's pass, an officer's does not.
 * (./retention-search.test.ts: the same through a whole core, and the search index.)
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  intakeDocuments,
  unitSettingsDoc,
  workflowEvents,
  type IntakeSet,
} from '../../../shared/couch/documents.fixtures';
import { withFirstRevision } from '../../../shared/couch/revision-writes';
import type { PlatformApi } from '../../../shared/platform/platform-contract';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import type { EventDoc } from '../../../shared/workflow/events';
import type { WorkflowAction } from '../../../shared/workflow/workflow-actions';
import { memoryDatabase } from '../../../test/support/memory-database';
import type { ComplaintIndexRow } from '../data/complaint-index';
import { ComplaintIndexQueries } from '../data/complaint-index-queries';
import { ComplaintRepository } from '../data/complaint-repository';
import { summariser } from '../data/complaint-summary';
import type { UnitDatabase } from '../data/database';
import { DeviceDatabase } from '../data/device-database';
import { DeviceStore } from '../data/device-store';
import { webStorageDeviceMark } from '../data/device-mark';
import { liveReporters } from '../data/identity-deletions';
import { createAppState } from '../state/app-state';
import { TEST_NOW, stopTestCores } from '../test-core.fixtures';
import { calendarOf } from './calendar';
import type { CoreDeps } from './core-deps';
import { createRetention } from './retention';
import type { UnitRecords } from './unit-records';

const UNIT = 'KTB';
/** The fixtures' complaints are received and handled on 23 November 2026 (WIB). */
const KEPT_THROUGH = new Date('2028-11-23T16:00:00.000Z'); // 23 November 2028, 23:00 WIB: the last kept day
const PAST = new Date('2028-11-23T17:00:00.000Z'); // 24 November 2028, 00:00 WIB: past 24 months

const opened: { db: UnitDatabase; device: DeviceDatabase }[] = [];
afterEach(async () => {
  for (const { db, device } of opened.splice(0)) {
    await db.destroy();
    await device.delete();
  }
  await stopTestCores();
});

/** The complaint of `intake` with the events of `actions` (fixture manager, device A23). */
function handled(intake: IntakeSet, actions: readonly WorkflowAction[]): object[] {
  return [
    intake.complaint,
    ...(intake.reporter ? [withFirstRevision(intake.reporter)] : []),
    intake.received,
    ...workflowEvents(intake, actions),
  ];
}

const CLOSE: readonly WorkflowAction[] = ['verify', 'follow-up', 'respond', 'close'];

/** 1 closed, 2 archived (confidential), 3 archived (anonymous), 4 closed then reopened, 5 open, 6 forwarded. */
const INTAKES = {
  closed: intakeDocuments(UNIT, 1, 'named'),
  archived: intakeDocuments(UNIT, 2, 'confidential'),
  anonymous: intakeDocuments(UNIT, 3, 'anonymous'),
  reopened: intakeDocuments(UNIT, 4, 'named'),
  open: intakeDocuments(UNIT, 5, 'named'),
  forwarded: intakeDocuments(UNIT, 6, 'named'),
};
const RECORDS: readonly object[] = [
  ...handled(INTAKES.closed, CLOSE),
  ...handled(INTAKES.archived, ['archive']),
  ...handled(INTAKES.anonymous, ['archive']),
  ...handled(INTAKES.reopened, [...CLOSE, 'reopen']),
  ...handled(INTAKES.open, ['verify']),
  ...handled(INTAKES.forwarded, ['not-our-authority']),
];
const tracking = (intake: IntakeSet): string => intake.complaint.trackingNumber;

type Desk = Readonly<{
  db: UnitDatabase;
  device: DeviceDatabase;
  repo: ComplaintRepository;
  clock: { now: Date };
  deps: CoreDeps;
  retention: ReturnType<typeof createRetention>;
}>;

/** A device of unit KTB with a manager signed in, the unit's records in `db` and their index rows. */
function desk(deviceCode: string, db: UnitDatabase = memoryDatabase(), now = PAST): Desk {
  const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
  opened.push({ db, device });
  const store = createAppState();
  store.getState().openDesk({
    device: { unitCode: UNIT, deviceCode, createdAt: TEST_NOW.toISOString() },
    officer: {
      id: `officer-${deviceCode.toLowerCase()}`,
      name: 'Maya',
      role: 'manager',
      createdAt: TEST_NOW.toISOString(),
      active: true,
    },
  });
  store.getState().setUnitDocs({ unitSettings: unitSettingsDoc(UNIT) });
  const repo = new ComplaintRepository(db);
  const clock = { now };
  const deps: CoreDeps = {
    store,
    deviceDatabase: device,
    deviceStore: new DeviceStore(device),
    deviceMark: webStorageDeviceMark(null),
    index: new ComplaintIndexQueries(device),
    records: { current: () => repo, settled: () => Promise.resolve() } as unknown as UnitRecords,
    platform: {} as PlatformApi,
    now: () => clock.now,
    unitKeys: undefined as unknown as CoreDeps['unitKeys'],
  };
  return { db, device, repo, clock, deps, retention: createRetention(deps, { afterSignInMs: 0 }) };
}

/** Writes `records` to the desk's database and its complaint index rows, as the projector would. */
async function seed(at: Desk, records: readonly object[]): Promise<void> {
  await at.db.bulkDocs(records as PouchDB.Core.PutDocument<object>[], { new_edits: false });
  await index(at);
}

async function index(at: Desk): Promise<void> {
  const settings = at.deps.store.getState().unitSettings;
  if (!settings) throw new Error('no settings');
  const summarise = summariser(settings, calendarOf(settings), () => at.clock.now);
  const rows: ComplaintIndexRow[] = [];
  for (const intake of Object.values(INTAKES)) {
    const found = await at.repo.complaintWithEvents(intake.complaint._id);
    if (found) rows.push(summarise(found.complaint, found.events));
  }
  await at.device.complaintIndex.bulkPut(rows);
}

async function eventsOf(at: Desk, intake: IntakeSet): Promise<EventDoc[]> {
  return (await at.repo.complaintWithEvents(intake.complaint._id))?.events ?? [];
}

const deletions = (events: readonly EventDoc[]): EventDoc[] =>
  events.filter((event) => event.kind === 'identity-deleted');

const named = [INTAKES.closed, INTAKES.archived, INTAKES.reopened, INTAKES.open, INTAKES.forwarded];

describe('the retention task', () => {
  it('deletes exactly the identities past retention, one event each naming no identity; a second pass writes nothing', async () => {
    const at = desk('M4N', memoryDatabase(), KEPT_THROUGH);
    await seed(at, RECORDS);
    // The intake form's draft saved as the closed complaint (a crash before it was deleted), and another.
    await at.device.intakeDrafts.bulkPut([
      {
        officerId: 'o-1',
        fields: { name: 'x' },
        fileNames: [],
        keptAt: '',
        savingAs: tracking(INTAKES.closed),
      },
      { officerId: 'o-2', fields: { name: 'y' }, fileNames: [], keptAt: '' },
    ]);

    // 23 November 2028 is the last day the identities are kept: nothing is deleted.
    expect(await at.retention.runNow()).toBe('done');
    expect(await liveReporters(at.db, named.map(tracking))).toEqual(new Set(named.map(tracking)));
    expect(await at.retention.status()).toMatchObject({ running: false, total: 0, last: { deleted: 0 } });

    at.clock.now = PAST;
    await index(at);
    expect(await at.retention.runNow()).toBe('done');
    expect(await liveReporters(at.db, named.map(tracking))).toEqual(
      new Set([tracking(INTAKES.reopened), tracking(INTAKES.open)]),
    );
    for (const intake of [INTAKES.closed, INTAKES.archived, INTAKES.forwarded]) {
      const [event, ...more] = deletions(await eventsOf(at, intake));
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        kind: 'identity-deleted',
        reason: 'retention',
        retentionMonths: 24,
        deviceCode: 'M4N',
        by: { officerId: 'officer-m4n', name: 'Maya' },
      });
      expect(JSON.stringify(event)).not.toMatch(/Sulastri|0812|Melati/);
      // The complaint and the rest of its trail stay.
      expect((await at.repo.complaintWithEvents(intake.complaint._id))?.complaint).toEqual(intake.complaint);
    }
    for (const intake of [INTAKES.anonymous, INTAKES.reopened, INTAKES.open]) {
      expect(deletions(await eventsOf(at, intake))).toEqual([]);
    }
    expect(await at.retention.status()).toMatchObject({ running: false, total: 3, last: { deleted: 3 } });
    expect((await at.device.intakeDrafts.toArray()).map((draft) => draft.officerId)).toEqual(['o-2']);

    // Again (the same day, or asked again): nothing more is written.
    expect(await at.retention.runNow()).toBe('done');
    for (const intake of [INTAKES.closed, INTAKES.archived, INTAKES.forwarded]) {
      expect(deletions(await eventsOf(at, intake))).toHaveLength(1);
    }
    expect(await at.retention.status()).toMatchObject({ total: 3, last: { deleted: 0 } });
  });

  it('deletes again, without a second event, an identity that came back from another device', async () => {
    const at = desk('M4N');
    await seed(at, RECORDS);
    await at.retention.runNow();
    // A correction made offline elsewhere before the deletion: a live branch that wins over the deleted one.
    const reporter = INTAKES.closed.reporter;
    if (!reporter) throw new Error('named');
    await at.db.bulkDocs([{ ...reporter, _rev: '1-ffffffffffffffffffffffffffffffff' }], { new_edits: false });
    expect(await liveReporters(at.db, [tracking(INTAKES.closed)])).toEqual(
      new Set([tracking(INTAKES.closed)]),
    );

    expect(await at.retention.runNow()).toBe('done');
    expect(await liveReporters(at.db, [tracking(INTAKES.closed)])).toEqual(new Set());
    expect(deletions(await eventsOf(at, INTAKES.closed))).toHaveLength(1);
    expect(await at.retention.status()).toMatchObject({ total: 4, last: { deleted: 1 } });
  });

  it('two devices running at once before they sync converge and write nothing more', async () => {
    const a = desk('M4N');
    await seed(a, RECORDS);
    const b = desk('B3D');
    await a.db.replicate.to(b.db);
    await index(b);

    const outcomes = await Promise.all([a.retention.runNow(), b.retention.runNow()]);
    expect(outcomes).toEqual(['done', 'done']);
    await a.db.sync(b.db);

    for (const at of [a, b]) {
      expect(await liveReporters(at.db, named.map(tracking))).toEqual(
        new Set([tracking(INTAKES.reopened), tracking(INTAKES.open)]),
      );
      // Each device's own record of the deletion: harmless, they change no state.
      const events = deletions(await eventsOf(at, INTAKES.closed));
      expect(events.map((event) => event.deviceCode).sort()).toEqual(['B3D', 'M4N']);
    }
    // The same documents give the same state on both devices.
    for (const intake of Object.values(INTAKES)) {
      const onA = await a.repo.complaintWithEvents(intake.complaint._id);
      const onB = await b.repo.complaintWithEvents(intake.complaint._id);
      if (!onA || !onB) throw new Error('missing');
      expect(reduceComplaint(onB.complaint, onB.events)).toEqual(reduceComplaint(onA.complaint, onA.events));
    }
    const closed = await a.repo.complaintWithEvents(INTAKES.closed.complaint._id);
    if (!closed) throw new Error('missing');
    expect(reduceComplaint(closed.complaint, closed.events).status).toBe('closed');
    const before = (await a.db.allDocs()).total_rows;
    await Promise.all([a.retention.runNow(), b.retention.runNow()]);
    await a.db.sync(b.db);
    expect((await a.db.allDocs()).total_rows).toBe(before);
    expect((await b.db.allDocs()).total_rows).toBe(before);
  });

  it('works in batches; a pass cut short by a sign-out resumes where it stopped at the next sign-in', async () => {
    const at = desk('M4N');
    const many = Array.from({ length: 150 }, (_, index) => intakeDocuments(UNIT, 101 + index, 'named'));
    await at.db.bulkDocs(
      many.flatMap((intake) => handled(intake, CLOSE)) as PouchDB.Core.PutDocument<object>[],
      {
        new_edits: false,
      },
    );
    const settings = at.deps.store.getState().unitSettings;
    if (!settings) throw new Error('no settings');
    const summarise = summariser(settings, calendarOf(settings), () => at.clock.now);
    for (const intake of many) {
      const found = await at.repo.complaintWithEvents(intake.complaint._id);
      if (found) await at.device.complaintIndex.put(summarise(found.complaint, found.events));
    }
    const { store } = at.deps;
    const device = { unitCode: UNIT, deviceCode: 'M4N', createdAt: TEST_NOW.toISOString() };
    // The manager leaves the desk as soon as the first batch is written (the pass tells its start,
    // then each batch, synchronously: the second call follows the first batch's write).
    let calls = 0;
    const stop = at.retention.onChange(() => {
      calls += 1;
      if (calls === 2) store.getState().chooseOfficer({ device });
    });
    expect(await at.retention.runNow()).toBe('paused');
    stop();
    expect(await at.retention.status()).toMatchObject({
      running: false,
      checked: 100,
      deleted: 100,
      total: 100,
    });
    expect((await liveReporters(at.db, many.map(tracking))).size).toBe(50);

    store.getState().setOfficer({ id: 'o-supervisor', name: 'Wati', role: 'supervisor', createdAt: '' });
    await expect.poll(async () => (await at.retention.status()).last?.deleted, { timeout: 10_000 }).toBe(150);
    expect(await at.retention.status()).toMatchObject({ running: false, total: 150 });
    expect((await liveReporters(at.db, many.map(tracking))).size).toBe(0);
    for (const intake of many) expect(deletions(await eventsOf(at, intake))).toHaveLength(1);
  });

  it('starts the day’s pass when a supervisor signs in, not for an officer', async () => {
    const at = desk('M4N');
    await seed(at, RECORDS);
    const { store } = at.deps;
    const desk0 = { unitCode: UNIT, deviceCode: 'M4N', createdAt: TEST_NOW.toISOString() };
    store.getState().chooseOfficer({ device: desk0 });
    store.getState().setOfficer({ id: 'o-officer', name: 'Rudi', role: 'officer', createdAt: '' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await at.retention.status()).last).toBeUndefined();

    store.getState().chooseOfficer({ device: desk0 });
    store.getState().setOfficer({ id: 'o-supervisor', name: 'Wati', role: 'supervisor', createdAt: '' });
    await expect.poll(async () => (await at.retention.status()).last?.deleted, { timeout: 10_000 }).toBe(3);
    const [event] = deletions(await eventsOf(at, INTAKES.closed));
    expect(event?.by).toEqual({ officerId: 'o-supervisor', name: 'Wati' });
  });
});
