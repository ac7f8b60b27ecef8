/**
 * "Cari juga di pusat" on the central (Apache CouchDB 3.5 where found; docs/decisions/027-device-budget.md):
 * the officer's words searched in the older complaints only on the central, one Mango `_find` over
 * the complaint documents before the budget's cutoff. Every word must be found (title, chronology,
 * location or tracking number; case ignored; typed characters taken literally), newest first; never
 * a complaint inside the budget or one the device holds, even when more than a page of them match
 * first; a complaint confidential now (made so by a later event) only for a role that may see
 * confidential complaints.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  intakeDocuments,
  unitProfileDoc,
  unitSettingsDoc,
  workflowEvents,
  type IntakeSet,
} from '../../shared/couch/documents.fixtures';
import { monthsAfter } from '../../shared/retention/identity-retention';
import { budgetCutoff } from '../../shared/sync/device-budget';
import { localDateOf } from '../../shared/time/local-date';
import type { WorkflowAction } from '../../shared/workflow/workflow-actions';
import type { Role } from '../../shared/workflow/roles';
import { CENTRAL_SEARCH_PAGE, searchCentral } from '../../renderer/core/sync/central-search';
import type { RemoteRequest } from '../../renderer/core/sync/download-protocol';
import {
  setupCentralUnit,
  startCentralServer,
  writeAllAsDevices,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import { UNIT, deviceSyncConfig, remoteRequest } from './sync-support';

vi.setConfig({ testTimeout: 120_000 });
const MONTHS = 12;
const settings = { ...unitSettingsDoc(UNIT), deviceBudgetMonths: MONTHS };
const today = localDateOf(new Date(), settings.timeZone);
const rule = { months: MONTHS, cutoff: budgetCutoff(today, MONTHS) };
const CLOSE: readonly WorkflowAction[] = ['verify', 'follow-up', 'respond', 'record-reply', 'close'];

/** Complaint `sequence` received `monthsBack` months ago, closed (after `before` actions). */
function complaint(sequence: number, monthsBack: number, before: readonly WorkflowAction[] = []) {
  const localDate = monthsAfter(today, -monthsBack);
  const [year = 0, month = 1, day = 1] = localDate.split('-').map(Number);
  const intake = intakeDocuments(UNIT, sequence, 'named', {
    receivedAt: new Date(Date.UTC(year, month - 1, day, 1, sequence)),
    localDate,
  });
  return {
    intake,
    docs: [intake.complaint, intake.received, ...workflowEvents(intake, [...before, ...CLOSE])],
  };
}

const older = complaint(11, 30);
const confidential = complaint(12, 28, ['change-privacy']);
const newest = complaint(13, 20);
const held = complaint(14, 18);
const recent = complaint(15, 2);
/**
 * More complaints than a page of `_find` received on the cutoff's day, inside the budget: the
 * listing's range starts a day after the cutoff in UTC, so they come first, newest first, and are
 * passed over. Each says "puskesmas" too.
 */
const [cutoffYear = 0, cutoffMonth = 1, cutoffDay = 1] = rule.cutoff.split('-').map(Number);
const onCutoffDay = Array.from({ length: CENTRAL_SEARCH_PAGE + 10 }, (_, index) => {
  const intake = intakeDocuments(UNIT, 100 + index, 'named', {
    receivedAt: new Date(Date.UTC(cutoffYear, cutoffMonth - 1, cutoffDay, 3, index)),
    localDate: rule.cutoff,
  });
  return { intake, docs: [intake.complaint, intake.received] };
});
const all = [older, confidential, newest, held, recent, ...onCutoffDay];

let central: CentralServer;
let request: RemoteRequest;

const idOf = (set: { intake: IntakeSet }): string => set.intake.complaint._id;
const search = async (text: string, role: Role = 'officer'): Promise<string[]> =>
  (
    await searchCentral(text, {
      request,
      unitCode: UNIT,
      rule,
      held: (trackingNumber) => trackingNumber === held.intake.complaint.trackingNumber,
      role,
    })
  ).map((hit) => hit.complaintId);

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  await writeAllAsDevices(central, UNIT, [unitProfileDoc(UNIT), settings, ...all.flatMap((set) => set.docs)]);
  request = remoteRequest(await deviceSyncConfig(central, 'Q23'));
});

afterAll(async () => {
  await stopStarted(central);
});

describe('searchCentral', () => {
  it('names the older complaints only on the central that hold every word, newest first, with status and title', async () => {
    expect(await search('PUSKESMAS')).toEqual([idOf(newest), idOf(older)]);
    const [hit] = await searchCentral('antrean 13', {
      request,
      unitCode: UNIT,
      rule,
      held: () => false,
      role: 'officer',
    });
    expect(hit).toEqual({
      complaintId: idOf(newest),
      trackingNumber: newest.intake.complaint.trackingNumber,
      receivedAt: newest.intake.complaint.receivedAt,
      title: 'Antrean puskesmas 13',
      status: 'closed',
    });
    // Words of the chronology and the location; a fragment of a tracking number.
    expect(await search('empat jam')).toEqual([idOf(newest), idOf(older)]);
    expect(await search('Puskesmas Kota')).toEqual([idOf(newest), idOf(older)]);
    expect(await search(older.intake.complaint.trackingNumber.slice(-7))).toEqual([idOf(older)]);
    // Every word: one the central does not hold leaves none.
    expect(await search('puskesmas jembatan')).toEqual([]);
  });

  it('takes what was typed literally: characters of regular expressions match only themselves', async () => {
    expect(await search('puskesmas (13')).toEqual([]);
    expect(await search('.*')).toEqual([]);
  });

  it('names a complaint confidential now only to a role that may see confidential complaints', async () => {
    expect(await search('puskesmas', 'supervisor')).toEqual([idOf(newest), idOf(confidential), idOf(older)]);
    expect(await search('puskesmas', 'officer')).not.toContain(idOf(confidential));
  });

  it('asks nothing for a query without a word of two characters', async () => {
    expect(await search(' a ')).toEqual([]);
  });
});
