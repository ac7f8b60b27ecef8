/**
 * The device-code check a joining device asks of the central (renderer/core/sync/device-code-check)
 * on CouchDB 3.5 where found, through `central setup`'s stages view `devices`: a unit whose device
 * A23 logged a complaint and wrote an event on X7Q's complaint, and whose device M4N only wrote an
 * event on X7Q's complaint. The check says yes for A23, X7Q and M4N and no for a fresh code, from
 * the index in whatever state it is and once built; with the view's answer from before a complaint
 * was logged (an index behind the database), that complaint is found through the changes since.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { CouchHttp } from '../../central/couch-http';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { intakeDocuments, workflowEvents } from '../../shared/couch/documents.fixtures';
import { DEVICES_VIEW, STAGES_DESIGN_NAME } from '../../shared/couch/stages-design-doc';
import { databaseUrl, type SyncConfig } from '../../shared/sync/sync-config';
import { reduceComplaint } from '../../shared/workflow/complaint-state';
import { decideAction } from '../../shared/workflow/decide-action';
import { deviceCodeUsedOnCentral } from '../../renderer/core/sync/device-code-check';
import type { RemoteRequest } from '../../renderer/core/sync/download-protocol';
import {
  TEST_ADMIN,
  setupCentralUnit,
  startCentralServer,
  writeAllAsDevices,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import { UNIT, deviceSyncConfig } from './sync-support';

// CouchDB takes about 2 s to boot.
vi.setConfig({ testTimeout: 120_000 });
const DB = encodeURIComponent(unitDatabaseName(UNIT));
const VIEW_PATH = `_design/${STAGES_DESIGN_NAME}/_view/${DEVICES_VIEW}`;
const VIEW = `${DB}/${VIEW_PATH}`;
const admin = (): CouchHttp => new CouchHttp(central.url).as(TEST_ADMIN.name, TEST_ADMIN.password);

let central: CentralServer;
let request: RemoteRequest;
let asked: string[];

/** Requests to the unit's database as the device of `config` (like PouchDB's http adapter), recorded. */
function remoteRequest(config: SyncConfig): RemoteRequest {
  const authorization = `Basic ${btoa(`${config.username}:${config.password}`)}`;
  return (path, init = {}) => {
    asked.push(path);
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    return fetch(`${databaseUrl(config)}/${path}`, { ...init, headers });
  };
}

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  // A23 logs a complaint; X7Q logs one, on which A23 (the manager's desk) verifies and M4N notes.
  const onA23 = intakeDocuments(UNIT, 1, 'anonymous', { deviceCode: 'A23' });
  const onX7Q = intakeDocuments(UNIT, 2, 'anonymous', { deviceCode: 'X7Q' });
  const verified = workflowEvents(onX7Q, ['verify']);
  const state = reduceComplaint(onX7Q.complaint, [onX7Q.received, ...verified]);
  const noted = decideAction(
    state,
    'note',
    { text: 'Pelapor menelepon lagi.' },
    {
      officer: { officerId: 'manager-1', name: 'Maya' },
      role: 'manager',
      deviceCode: 'M4N',
      unitCode: UNIT,
    },
    {
      at: new Date(Date.parse(onX7Q.complaint.receivedAt) + 3_600_000),
      eventSequence: 7,
      localDate: '2026-11-23',
    },
  );
  if (!noted.ok) throw new Error(JSON.stringify(noted.issues));
  await writeAllAsDevices(central, UNIT, [
    onA23.complaint,
    onA23.received,
    onX7Q.complaint,
    onX7Q.received,
    ...verified,
    noted.event,
  ]);
  asked = [];
  request = remoteRequest(await deviceSyncConfig(central, 'Q23'));
});

afterAll(async () => {
  await stopStarted(central);
});

it('says yes for codes in tracking numbers and of events’ writers, no for a fresh code, whatever the index’s state', async () => {
  // First asked: the index may be unbuilt (no rows: the changes since are read) or built already
  // by CouchDB's background indexer; the answer is the same.
  expect(await deviceCodeUsedOnCentral(request, 'A23')).toBe(true);
  expect(await deviceCodeUsedOnCentral(request, 'X7Q')).toBe(true);
  expect(await deviceCodeUsedOnCentral(request, 'M4N')).toBe(true);
  expect(await deviceCodeUsedOnCentral(request, 'Z9X')).toBe(false);

  // The index built (a query that waits for it): the view's rows answer.
  const built = (await admin().get(`${VIEW}?group=true`)).body as { rows: { key: string; value: number }[] };
  expect(Object.fromEntries(built.rows.map((row) => [row.key, row.value]))).toEqual({
    // A row per tracking number and per writer: its intake event counts twice.
    A23: 4, // its complaint, its intake event (twice), its verification on X7Q's complaint
    M4N: 1, // its note
    X7Q: 5, // its complaint, its intake event (twice), the verification and the note on it
  });
  asked = [];
  expect(await deviceCodeUsedOnCentral(request, 'M4N')).toBe(true);
  // A row answers: the changes feed is not asked.
  expect(asked.some((path) => path.startsWith('_changes?'))).toBe(false);
  expect(await deviceCodeUsedOnCentral(request, 'A23')).toBe(true);
  expect(await deviceCodeUsedOnCentral(request, 'Z9X')).toBe(false);
});

it('an index behind the database answers right through the changes since its sequence', async () => {
  // The index's answer for P2R now (no row, and the sequence it reflects)…
  const before = await (await request(`${VIEW_PATH}?key=%22P2R%22&group=true&update_seq=true`)).text();
  expect((JSON.parse(before) as { rows: unknown[] }).rows).toEqual([]);
  // …then P2R logs a complaint; the view is answered as it was (an index behind the database:
  // CouchDB's own answer kept), the changes feed as it is now.
  const later = intakeDocuments(UNIT, 3, 'anonymous', { deviceCode: 'P2R' });
  await writeAllAsDevices(central, UNIT, [later.complaint, later.received]);
  const behind: RemoteRequest = (path, init) =>
    path.startsWith(`${VIEW_PATH}?`)
      ? Promise.resolve(
          new Response(before, { status: 200, headers: { 'Content-Type': 'application/json' } }),
        )
      : request(path, init);
  asked = [];
  expect(await deviceCodeUsedOnCentral(behind, 'P2R')).toBe(true);
  expect(asked.some((path) => path.startsWith('_changes?'))).toBe(true);
  expect(await deviceCodeUsedOnCentral(behind, 'Z9X')).toBe(false);
  // And the central's own current answer (its index caught up, or the changes since) agrees.
  expect(await deviceCodeUsedOnCentral(request, 'P2R')).toBe(true);
});
