/**
 * The device budget end to end on the central (Apache CouchDB 3.5 where found;
 * docs/decisions/027-device-budget.md): a unit whose settings keep 12 months on each device, with
 * complaints received over two years (open, closed, archived, reopened; named and anonymous;
 * reporters in conflict inside and outside the budget, on an old open complaint too). A new
 * device's sync service downloads it and then holds exactly what the rule names: every open
 * complaint, every one received on or after the cutoff (the cutoff's own day in, the day before
 * out), and of the other complaints no document at all; each complaint it holds whole, every leaf
 * revision as on the central. A complaint outside the budget is fetched on demand, whole. Later, on
 * the central: a reporter revision of an old closed complaint stays there; a new event of another
 * old closed one (reopened) brings that complaint whole through the live pull; a new event of a
 * complaint within the budget comes as usual.
 *
 * Figures on the budget device count the whole record: the older complaints only on the central
 * are read from it (never a reporter document or a file), Beranda's rows of them kept on the device
 * (resumable when stopped), and the device's own records with those rows give exactly the central's
 * indicators; Paket P4's reading of them holds the complaints whole, free text included.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { computeIndicators, indicatorsComputation } from '../../shared/indicators/compute-indicators';
import { recordDocuments } from '../../shared/indicators/indicator-record';
import { collectUnitRecords } from '../../shared/packet/unit-records';
import type { ComplaintDoc } from '../../shared/complaint/complaint-schema';
import type { EventDoc } from '../../shared/workflow/events';
import {
  CentralIndicatorRecords,
  type CentralRecordsProgress,
} from '../../renderer/core/data/central-indicator-records';
import { DeviceDatabase } from '../../renderer/core/data/device-database';
import { heldOutsideBudget } from '../../renderer/core/sync/budget-on-device';
import { centralOnlyPages } from '../../renderer/core/sync/central-only-complaints';
import type { RemoteRequest } from '../../renderer/core/sync/download-protocol';
import { indicatorSettings } from '../../renderer/core/use-cases/packet';
import { inlineFiles } from '../../shared/couch/attachment-documents.fixtures';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import {
  fixtureSeal,
  intakeDocuments,
  packetDraftDoc,
  unitOfficesDoc,
  unitProfileDoc,
  unitSettingsDoc,
  workflowEvents,
  type IntakeSet,
} from '../../shared/couch/documents.fixtures';
import { STAGES_DESIGN_DOC_ID } from '../../shared/couch/stages-design-doc';
import { monthsAfter } from '../../shared/retention/identity-retention';
import { budgetCutoff, trackingNumberOfDocId } from '../../shared/sync/device-budget';
import { addDays, localDateOf } from '../../shared/time/local-date';
import type { WorkflowAction } from '../../shared/workflow/workflow-actions';
import { fetchComplaint } from '../../renderer/core/sync/fetch-complaint';
import { SYNC_JOURNAL_ID } from '../../renderer/core/sync/sync-journal';
import type { SyncConfig } from '../../shared/sync/sync-config';
import { CouchHttp } from '../../central/couch-http';
import {
  TEST_ADMIN,
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  writeAllAsDevices,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import {
  TEST_MACHINE,
  UNIT,
  centralDatabase,
  createDevice,
  deviceSyncConfig,
  summary,
  waitFor,
  type Db,
  type Device,
  remoteRequest,
} from './sync-support';

vi.setConfig({ testTimeout: 240_000 });
const MONTHS = 12;
const DB = encodeURIComponent(unitDatabaseName(UNIT));
const CLOSE: readonly WorkflowAction[] = ['verify', 'follow-up', 'respond', 'record-reply', 'close'];

type Complaint = Readonly<{
  intake: IntakeSet;
  actions: readonly WorkflowAction[];
  open: boolean;
  localDate: string;
  trackingNumber: string;
}>;

/** What complaint `index` goes through, and whether it is open at the end. */
function lifecycleOf(index: number): Readonly<{ actions: readonly WorkflowAction[]; open: boolean }> {
  switch (index % 4) {
    case 0:
      return { actions: [], open: true };
    case 1:
      return { actions: CLOSE, open: false };
    case 2:
      return { actions: [...CLOSE, 'reopen', 'note'], open: true };
    default:
      return { actions: ['archive'], open: false };
  }
}

const settings = { ...unitSettingsDoc(UNIT), deviceBudgetMonths: MONTHS };
const today = localDateOf(new Date(), settings.timeZone);
const cutoff = budgetCutoff(today, MONTHS);
/** Received `monthsBack` months ago (0..23), plus a closed one on the cutoff's day and one the day before. */
const dates = [
  ...Array.from({ length: 24 }, (_, monthsBack) => monthsAfter(today, -monthsBack)),
  cutoff,
  addDays(cutoff, -1),
];
const complaints: Complaint[] = dates.map((localDate, index) => {
  const edge = index >= 24;
  const { actions, open } = edge ? { actions: CLOSE, open: false } : lifecycleOf(index);
  const [year = 0, month = 1, day = 1] = localDate.split('-').map(Number);
  const intake = intakeDocuments(UNIT, index + 1, index % 5 === 4 ? 'anonymous' : 'named', {
    // 08:00 WIB on its day, a minute apart.
    receivedAt: new Date(Date.UTC(year, month - 1, day, 1, index)),
    localDate,
    withFile: index % 3 === 0,
  });
  return { intake, actions, open, localDate, trackingNumber: intake.complaint.trackingNumber };
});
const kept = (complaint: Complaint): boolean => complaint.open || complaint.localDate >= cutoff;
const keptNumbers = new Set(complaints.filter(kept).map((complaint) => complaint.trackingNumber));
/** Old (before the cutoff) closed, named complaints: outside the budget. */
const outside = complaints.filter((complaint) => !kept(complaint) && complaint.intake.reporter !== null);
const [onDemand, reopened, reporterChanged] = outside;
/** Reporters given a sibling revision (a conflict): inside the budget, old and open, old and closed. */
const inConflict = [
  complaints.find((complaint) => complaint.localDate >= cutoff && complaint.intake.reporter !== null),
  complaints.find((complaint) => complaint.open && complaint.localDate < cutoff && complaint.intake.reporter),
  onDemand,
];

let central: CentralServer;
let centralDb: Db;
let device: Device;
let config: SyncConfig;

/** A sibling revision of `complaint`'s reporter, as the replicator of another device sends it. */
function sibling(complaint: Complaint | undefined, mark: string): object {
  const reporter = complaint?.intake.reporter;
  if (!reporter) throw new Error('no reporter');
  const rev = mark.repeat(32);
  return {
    ...reporter,
    identity: fixtureSeal(`${reporter._id} ${mark}`),
    _rev: `1-${rev}`,
    _revisions: { start: 1, ids: [rev] },
  };
}

async function writeSiblings(docs: readonly object[]): Promise<void> {
  const writer = await centralDeviceHttp(central, UNIT, 'X7Q');
  const answer = await writer.request('POST', `${DB}/_bulk_docs`, { docs, new_edits: false });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
}

/** Every document's leaf revisions (deleted ones too) and its files' digests, design documents included. */
async function leavesOf(db: Db): Promise<Map<string, string>> {
  const { results } = await db.changes({ style: 'all_docs', include_docs: true });
  return new Map(
    results.map((row) => {
      const files = (row.doc as { _attachments?: Record<string, { digest?: string }> } | undefined)
        ?._attachments;
      const digests = Object.values(files ?? {}).map((file) => file.digest);
      return [row.id, JSON.stringify([row.changes.map((change) => change.rev).sort(), digests])];
    }),
  );
}

/** The central's leaves of the documents whose complaint `holds` names (and of every other document). */
async function centralLeaves(holds: (trackingNumber: string) => boolean): Promise<Map<string, string>> {
  return new Map(
    [...(await leavesOf(centralDb))].filter(([id]) => {
      const trackingNumber = trackingNumberOfDocId(id);
      return trackingNumber === null || holds(trackingNumber);
    }),
  );
}

/** The leaves of `complaint`'s documents on `db`. */
async function complaintLeaves(db: Db, complaint: Complaint | undefined): Promise<Map<string, string>> {
  return new Map(
    [...(await leavesOf(db))].filter(([id]) => trackingNumberOfDocId(id) === complaint?.trackingNumber),
  );
}

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
  await writeAllAsDevices(central, UNIT, [
    unitProfileDoc(UNIT),
    settings,
    unitOfficesDoc(UNIT),
    packetDraftDoc(UNIT),
    ...complaints.flatMap(({ intake, actions }) => [
      intake.complaint.attachments.length > 0
        ? { ...intake.complaint, _attachments: inlineFiles(intake.complaint) }
        : intake.complaint,
      ...(intake.reporter ? [intake.reporter] : []),
      intake.received,
      ...workflowEvents(intake, actions),
    ]),
  ]);
  await writeSiblings(inConflict.map((complaint, index) => sibling(complaint, 'abc'[index] ?? 'f')));
  // The stages view built before the device asks it (it asks without waiting for the index).
  const admin = new CouchHttp(central.url).as(TEST_ADMIN.name, TEST_ADMIN.password);
  for (const view of ['closed?group=true', 'complaints']) {
    expect((await admin.get(`${DB}/${STAGES_DESIGN_DOC_ID}/_view/${view}`)).status).toBe(200);
  }
  config = await deviceSyncConfig(central, 'Q23');
  device = createDevice('Q23', { machine: { ...TEST_MACHINE, batchSize: 10 } });
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
  await device?.service.dispose();
  await centralDb.close();
  await stopStarted(central);
});

it('the unit spans both sides of the cutoff: old open and old closed complaints, and the cutoff’s edges', () => {
  expect(
    complaints.filter((complaint) => complaint.open && complaint.localDate < cutoff).length,
  ).toBeGreaterThan(2);
  expect(outside.length).toBeGreaterThan(3);
  expect(keptNumbers.has(complaints[24]?.trackingNumber ?? '')).toBe(true);
  expect(keptNumbers.has(complaints[25]?.trackingNumber ?? '')).toBe(false);
  expect(inConflict.every((complaint) => complaint !== undefined)).toBe(true);
});

it('downloads exactly the complaints the budget names, each whole with every leaf revision', async () => {
  await device.service.start(config);
  await waitFor(
    async () => {
      const status = device.service.status();
      const journal = (await device.db.get(SYNC_JOURNAL_ID).catch(() => null)) as {
        initialDownloadDone?: boolean;
      } | null;
      return status.state === 'up-to-date' && journal?.initialDownloadDone === true;
    },
    120_000,
    () => summary(device),
  );
  const expected = await centralLeaves((trackingNumber) => keptNumbers.has(trackingNumber));
  expect(await leavesOf(device.db)).toEqual(expected);
  // Not one document of a complaint outside it.
  const onDevice = [...(await leavesOf(device.db)).keys()].map(trackingNumberOfDocId);
  for (const complaint of complaints.filter((each) => !kept(each)))
    expect(onDevice, complaint.trackingNumber).not.toContain(complaint.trackingNumber);
  // The conflicts of the ones it keeps came (two leaves each).
  for (const complaint of inConflict.slice(0, 2)) {
    const reporter = await device.db.get(complaint?.intake.reporter?._id ?? '', { conflicts: true });
    expect(reporter._conflicts, complaint?.trackingNumber).toHaveLength(1);
  }
});

/** Every document of the central's unit database, with its content. */
async function centralDocs(): Promise<unknown[]> {
  const { rows } = await centralDb.allDocs({ include_docs: true });
  return rows.map((row) => row.doc);
}

it('counts the whole record: the older complaints only on the central, read from it, with the device’s own give the central’s figures', async () => {
  const rule = { months: MONTHS, cutoff };
  const held = await heldOutsideBudget(device.db, rule);
  const onlyCentral = complaints.filter((complaint) => !kept(complaint)).map((c) => c.intake.complaint._id);
  const request = remoteRequest(config);
  const deviceDatabase = new DeviceDatabase(`central-counts-${crypto.randomUUID()}`);
  const central = new CentralIndicatorRecords(deviceDatabase);
  const fill = (onProgress?: (progress: CentralRecordsProgress) => void, signal?: AbortSignal) =>
    central.fill({
      request,
      unitCode: UNIT,
      rule,
      held: (trackingNumber) => held.has(trackingNumber),
      now: () => new Date(),
      pageDocs: 10,
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    });
  // Stopped after its first page with rows: what it read is kept, and the next pass goes on from there.
  const stop = new AbortController();
  await expect(
    fill((progress) => {
      if (progress.complaints > 0) stop.abort();
    }, stop.signal),
  ).rejects.toThrow();
  const partial = await central.state(UNIT);
  expect(partial).toMatchObject({ complete: false });
  const readFirst = await central.count();
  expect(readFirst).toBeGreaterThan(0);
  expect(readFirst).toBeLessThan(onlyCentral.length);
  // Two callers at once (Beranda opened while the background reading goes on) share one pass: the
  // first one leaving does not stop it.
  const shares: number[] = [];
  const leaving = new AbortController();
  const left = fill(() => leaving.abort(), leaving.signal);
  const stayed = fill((progress) => shares.push(progress.share));
  await expect(left).rejects.toThrow(/stopped/);
  const state = await stayed;
  expect(state).toMatchObject({ complete: true });
  expect(shares.at(-1)).toBe(1);
  expect(shares).toEqual([...shares].sort((a, b) => a - b));
  const rows = await central.page(undefined, 1_000);
  expect(rows.map((row) => row.id).sort()).toEqual([...onlyCentral].sort());
  // Without free text (title and chronology stand-ins) and never identity.
  expect(rows.every((row) => row.complaint.chronology === '-' && !('reporter' in row))).toBe(true);
  // Complete: a later pass asks nothing.
  expect(await fill()).toEqual(state);

  // The figures: the device's own records, then the rows (each complaint once), are the central's.
  const settingsNow = indicatorSettings(settings);
  const period = { from: monthsAfter(today, -24), to: today };
  const frame = { unit: { code: UNIT, name: UNIT }, settings: settingsNow, period, computedAt: new Date() };
  const everything = collectUnitRecords(await centralDocs(), UNIT);
  const expected = computeIndicators({
    ...frame,
    complaints: everything.complaints,
    events: everything.events,
  });
  const own = collectUnitRecords(
    (await device.db.allDocs({ include_docs: true })).rows.map((r) => r.doc),
    UNIT,
  );
  const onDevice = computeIndicators({ ...frame, complaints: own.complaints, events: own.events });
  expect(onDevice.totals).not.toEqual(expected.totals);
  const computation = indicatorsComputation(frame);
  const ownEvents = new Map<string, typeof own.events>();
  for (const event of own.events)
    ownEvents.set(event.complaintId, [...(ownEvents.get(event.complaintId) ?? []), event]);
  for (const complaint of own.complaints) computation.add(complaint, ownEvents.get(complaint._id) ?? []);
  for (const row of rows) {
    const { complaint, events } = recordDocuments(row);
    computation.add(complaint, events);
  }
  expect(computation.result()).toEqual(expected);

  // Paket P4's reading: the same complaints whole, their events, no reporter, no file. What it asks
  // the central is recorded: never a reporter document, and no `_bulk_get` (listed with the documents).
  const asked: string[] = [];
  const recording: RemoteRequest = (path, init) => {
    asked.push(`${path} ${typeof init?.body === 'string' ? init.body : ''}`);
    return request(path, init);
  };
  const next = centralOnlyPages({
    request: recording,
    unitCode: UNIT,
    rule,
    held: (tn) => held.has(tn),
    after: null,
    pageDocs: 10,
  });
  const whole: { complaints: ComplaintDoc[]; events: EventDoc[] } = { complaints: [], events: [] };
  for (let page = await next(); page !== null; page = await next()) {
    whole.complaints.push(...page.complaints);
    whole.events.push(...page.events);
  }
  expect(whole.complaints.map((complaint) => complaint._id).sort()).toEqual([...onlyCentral].sort());
  const centralOwn = everything.complaints.filter((complaint) => onlyCentral.includes(complaint._id));
  expect(whole.complaints.map((c) => c.chronology).sort()).toEqual(
    centralOwn.map((c) => c.chronology).sort(),
  );
  expect(whole.events.map((event) => event._id).sort()).toEqual(
    everything.events
      .filter((event) => onlyCentral.includes(event.complaintId))
      .map((event) => event._id)
      .sort(),
  );
  // No file's content came (stubs only), and no reporter document.
  expect(JSON.stringify(whole)).not.toContain('"data"');
  expect(JSON.stringify(whole)).not.toContain('"reporter"');
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.filter((line) => line.includes('reporter:') || line.startsWith('_bulk_get'))).toEqual([]);
  deviceDatabase.close();
});

it('fetches a complaint outside the budget on demand, whole, every leaf revision', async () => {
  const fetched = await fetchComplaint({
    trackingNumber: onDemand?.trackingNumber ?? '',
    request: remoteRequest(config),
    target: device.db,
  });
  expect(fetched).toMatchObject({ outcome: 'fetched', complaintId: onDemand?.intake.complaint._id });
  const leaves = await complaintLeaves(device.db, onDemand);
  expect(leaves).toEqual(await complaintLeaves(centralDb, onDemand));
  // The complaint, its events, its reporter (in conflict: two leaves).
  expect(leaves.size).toBe(2 + (onDemand?.actions.length ?? 0) + 1);
  expect(leaves.get(onDemand?.intake.reporter?._id ?? '')).toContain('abc'.charAt(2).repeat(32));
});

it('later: a new event of an old closed complaint brings it whole; one within the budget comes as usual; a reporter alone stays', async () => {
  if (!reopened || !reporterChanged) throw new Error('not enough complaints outside the budget');
  const recent = complaints.find((complaint) => complaint.localDate === today);
  if (!recent) throw new Error('no complaint of today');
  const next = (complaint: Complaint, action: WorkflowAction) =>
    workflowEvents(complaint.intake, [...complaint.actions, action]).at(-1);
  // In the central's feed in this order: the reporter alone, the reopen, the note.
  await writeSiblings([sibling(reporterChanged, 'd')]);
  const reopen = next(reopened, 'reopen');
  const note = next(recent, 'note');
  if (!reopen || !note) throw new Error('no event');
  await writeAllAsDevices(central, UNIT, [reopen]);
  await writeAllAsDevices(central, UNIT, [note]);

  await waitFor(
    async () => {
      const here = await complaintLeaves(device.db, reopened);
      return (
        here.has(reopen._id) &&
        (await device.db.get(note._id).then(
          () => true,
          () => false,
        ))
      );
    },
    60_000,
    () => summary(device),
  );
  // Whole, as on the central; and no longer waiting in the journal.
  expect(await complaintLeaves(device.db, reopened)).toEqual(await complaintLeaves(centralDb, reopened));
  expect(await complaintLeaves(device.db, recent)).toEqual(await complaintLeaves(centralDb, recent));
  await waitFor(
    async () =>
      ((await device.db.get(SYNC_JOURNAL_ID)) as { activeOutsideBudget: string[] }).activeOutsideBudget
        .length === 0,
    10_000,
  );
  expect(await complaintLeaves(device.db, reporterChanged)).toEqual(new Map());
  // Once here it is kept up to date by the pull itself: a further event comes without a fetch.
  const more = workflowEvents(reopened.intake, [...reopened.actions, 'reopen', 'note']).at(-1);
  if (!more) throw new Error('no event');
  await writeAllAsDevices(central, UNIT, [more]);
  await waitFor(
    () =>
      device.db.get(more._id).then(
        () => true,
        () => false,
      ),
    60_000,
    () => summary(device),
  );
});
