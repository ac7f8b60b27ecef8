/**
 * One complaint fetched on demand from the central (renderer/core/sync/fetch-complaint; Apache
 * CouchDB 3.5 where found), as a new device does while its first download is under way: through
 * the device's own sync service (`centralRequest`: its credentials, pouchdb-adapter-http), before
 * any replication has run. A complaint received late in the evening UTC (the next day in the unit,
 * so its id's date is the day before its tracking number's), with a file, its events and its sealed
 * reporter, arrives whole: the device then holds exactly those documents, in the central's
 * revisions with their histories and the file's bytes. The normal replication afterwards neither
 * duplicates nor conflicts them. An unknown number is `not-on-central`; a stopped central is
 * `unreachable`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ComplaintDoc } from '../../shared/complaint/complaint-schema';
import type { IntakeInput } from '../../shared/complaint/intake';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import { inlineFiles } from '../../shared/couch/attachment-documents.fixtures';
import { eventIdRange, reporterId } from '../../shared/ids/document-ids';
import { fetchComplaint } from '../../renderer/core/sync/fetch-complaint';
import { testVault } from '../../renderer/core/keys/test-unit-key.fixtures';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import { putAll } from '../support/unit-writes';
import {
  UNIT,
  act,
  centralDatabase,
  createDevice,
  deviceSyncConfig,
  documentsOf,
  expectIdentical,
  logComplaint,
  waitUntilConverged,
  type Db,
  type Device,
} from './sync-support';

let central: CentralServer;
let centralDb: Db;
let first: Device;
const devices: Device[] = [];
/** The complaint with a file, received 03:00 WIB on 23 November (22 November 20:00 UTC). */
let withFile: ComplaintDoc;

/** Logs the complaint with a file on `device`, as the intake screen would, its reporter sealed. */
async function logComplaintWithFile(device: Device): Promise<ComplaintDoc> {
  device.counters.sequence += 1;
  device.counters.eventSequence += 1;
  const input: IntakeInput = {
    channel: 'walk-in',
    reportType: 'complaint',
    privacyMode: 'named',
    reporter: { name: 'Budi Santoso', nik: '', phone: '081298765432', email: '', address: '' },
    title: 'Lampu jalan mati',
    chronology: 'Lampu jalan di Jl. Kenanga mati sejak seminggu.',
    incidentDate: '2026-11-20',
    location: 'Jl. Kenanga',
    category: 'infrastructure',
    targetOffice: '',
    attachments: [{ name: 'foto.png', mimeType: 'image/png', size: 2048 }],
  };
  const docs = buildIntakeDocuments(input, {
    unitCode: UNIT,
    deviceCode: device.code,
    sequence: device.counters.sequence,
    eventSequence: device.counters.eventSequence,
    officer: { officerId: `officer-${device.code}`, name: 'Rina' },
    receivedAt: new Date('2026-11-22T20:00:00.000Z'),
    localDate: '2026-11-23',
  });
  const complaint = { ...docs.complaint, _attachments: inlineFiles(docs.complaint) };
  if (!docs.reporter) throw new Error('a named complaint has a reporter');
  await putAll(device.db, [complaint, docs.received, await (await testVault()).seal(docs.reporter)]);
  return complaint;
}

/** The ids of `complaint`'s documents on `db`: itself, its events, its reporter. */
async function idsOf(db: Db, complaint: ComplaintDoc): Promise<Set<string>> {
  const { rows } = await db.allDocs(eventIdRange(complaint.trackingNumber));
  return new Set([complaint._id, ...rows.map((row) => row.id), reporterId(complaint.trackingNumber)]);
}

/** A document as stored, with its revision history and its files (their type and the digest of their bytes). */
async function stored(db: Db, id: string): Promise<unknown> {
  const doc = (await db.get(id, { revs: true, conflicts: true })) as Record<string, unknown>;
  const files = (doc._attachments ?? {}) as Record<string, Record<string, unknown>>;
  return {
    ...doc,
    _attachments: Object.fromEntries(
      Object.entries(files).map(([key, file]) => [
        key,
        { content_type: file.content_type, digest: file.digest, length: file.length },
      ]),
    ),
  };
}

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
  first = createDevice('N23');
  devices.push(first);
  for (let i = 0; i < 6; i += 1) await logComplaint(first, i % 3 === 0 ? 'anonymous' : 'named');
  withFile = await logComplaintWithFile(first);
  await act(
    first,
    withFile,
    'verify',
    { dispositionOffice: 'Dinas PU', note: '' },
    new Date('2026-11-23T02:00:00.000Z'),
  );
  await act(
    first,
    withFile,
    'follow-up',
    { summary: 'Lampu diganti.' },
    new Date('2026-11-24T02:00:00.000Z'),
  );
  for (let i = 0; i < 3; i += 1) await logComplaint(first, 'named');
  await first.service.start(await deviceSyncConfig(central, first.code));
  await waitUntilConverged([first], centralDb, new Set((await documentsOf(first.db)).keys()), 30_000);
  await first.service.stop();
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

it('fetches a complaint whole with its events, sealed reporter and file, which the later replication neither duplicates nor conflicts', async () => {
  // A new device, started while the network is down: nothing replicates, but it can ask the central.
  const device = createDevice('Q23', { online: false });
  devices.push(device);
  await device.service.start(await deviceSyncConfig(central, device.code));
  const request = device.service.centralRequest();
  if (!request) expect.fail('the started service has a central to ask');

  const result = await fetchComplaint({
    trackingNumber: withFile.trackingNumber.toLowerCase(),
    request,
    target: device.db,
  });
  expect(result).toEqual({ outcome: 'fetched', complaintId: withFile._id, docsWritten: 5 });

  const ids = await idsOf(centralDb, withFile);
  // The complaint, its received, verified and followed-up events, its reporter.
  expect(ids.size).toBe(5);
  // The device holds exactly the complaint's documents, as the central holds them.
  expect(new Set((await documentsOf(device.db)).keys())).toEqual(ids);
  // Same revision, history, conflicts (none) and files.
  for (const id of ids) expect(await stored(device.db, id), id).toEqual(await stored(centralDb, id));
  const [file] = Object.values(
    (
      (await device.db.get(withFile._id, { attachments: true })) as {
        _attachments?: Record<string, { data: string }>;
      }
    )._attachments ?? {},
  );
  expect(atob(file?.data ?? '')).toHaveLength(2048);

  // The normal replication afterwards: every document once, in the central's revision, no conflict.
  device.network.set(true);
  const all = new Set((await documentsOf(centralDb)).keys());
  await waitUntilConverged([device], centralDb, all, 60_000);
  await expectIdentical([device.db, centralDb], all);
  for (const id of ids) expect(await stored(device.db, id), id).toEqual(await stored(centralDb, id));
  expect((await device.db.info()).doc_count).toBe((await centralDb.info()).doc_count);
  await device.service.stop();
});

it('says not-on-central for a number the central does not hold', async () => {
  const device = createDevice('R23', { online: false });
  devices.push(device);
  await device.service.start(await deviceSyncConfig(central, device.code));
  const request = device.service.centralRequest();
  if (!request) expect.fail('the started service has a central to ask');
  // The same day and device as a held complaint, a sequence nobody used.
  const unknown = withFile.trackingNumber.replace(/-\d+$/, '-9999');
  expect(await fetchComplaint({ trackingNumber: unknown, request, target: device.db })).toEqual({
    outcome: 'not-on-central',
  });
  expect((await documentsOf(device.db)).size).toBe(0);
});

it('says unreachable when the central is stopped, writing nothing', async () => {
  const device = createDevice('S23', { online: false });
  devices.push(device);
  await device.service.start(await deviceSyncConfig(central, device.code));
  const request = device.service.centralRequest();
  if (!request) expect.fail('the started service has a central to ask');
  await central.kill();
  const result = await fetchComplaint({
    trackingNumber: withFile.trackingNumber,
    request,
    target: device.db,
  });
  expect(result.outcome).toBe('unreachable');
  expect((await documentsOf(device.db)).size).toBe(0);
});
