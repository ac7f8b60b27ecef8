/**
 * The server refuses, and the app says why (docs/decisions/009-sync-state-machine.md) while the
 * device keeps its data. Refused documents (schema, a changed event, a deleted complaint, another
 * unit's document) are reported as 'rejected-document' with the validator's code, kept on the
 * device and counted as unsent, while everything else still syncs; a wrong password and another
 * unit's database stop the sync with 'unauthorized' and 'forbidden' and no automatic retry. "Test
 * connection" tells the cases apart. Real HTTP to the test central (Apache CouchDB, or
 * pouchdb-server as a fallback) with the unit databases set up by central's own code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import type { SyncConfig } from '../../shared/sync/sync-config';
import type { SyncStatus } from '../../shared/sync/sync-status';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import { resealed } from '../../shared/ids/content-id.fixtures';
import { putAll } from '../support/unit-writes';
import {
  DAY,
  UNIT,
  deviceSyncConfig,
  act,
  centralDatabase,
  createDevice,
  documentsOf,
  logComplaint,
  waitFor,
  type Db,
  type Device,
} from './sync-support';
import { stopStarted } from '../support/stop-started';

const OTHER_UNIT = 'KTB';

let central: CentralServer;
let centralDb: Db;
let config: SyncConfig;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  await setupCentralUnit(central, OTHER_UNIT);
  centralDb = centralDatabase(central);
  // The account of the device the test-connection tests use (H23).
  config = await deviceSyncConfig(central, 'H23');
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

function device(code: string): Device {
  const created = createDevice(code);
  devices.push(created);
  return created;
}

async function upToDate(target: Device): Promise<void> {
  await waitFor(
    () => {
      const status = target.service.status();
      return status.state === 'up-to-date' && status.pendingLocalChanges === 0;
    },
    10_000,
    () => JSON.stringify(target.service.status()),
  );
}

/** Waits for the status to show the refusal of `id`; returns that status. */
async function refusalOf(target: Device, id: string): Promise<SyncStatus & { state: 'error' }> {
  await waitFor(
    () => {
      const status = target.service.status();
      return status.state === 'error' && status.error.documentId === id;
    },
    10_000,
    () => JSON.stringify(target.service.status()),
  );
  return target.service.status() as SyncStatus & { state: 'error' };
}

async function onCentral(id: string): Promise<Record<string, unknown> | null> {
  return (await documentsOf(centralDb)).get(id) ?? null;
}

describe('refused documents', () => {
  it('a document that breaks the schema: refused, kept, counted, reported; the rest syncs; a changed revision is refused too, a corrected copy goes through', async () => {
    const a = device('C23');
    await a.service.start(await deviceSyncConfig(central, a.code));
    await logComplaint(a);
    await upToDate(a);

    // A complaint with a channel the schema does not know (its reporter and event are valid),
    // and a valid complaint after it.
    const target = await logComplaint(a, 'named', { channel: 'telepati' });
    const next = await logComplaint(a);

    const status = await refusalOf(a, target._id);
    expect(status.error).toMatchObject({ reason: 'rejected-document', rejection: 'schema' });
    expect(status.nextRetryAt).toBeNull();
    expect(status.rejectedDocuments).toEqual([
      { id: target._id, message: expect.stringMatching(/^schema: /) as unknown, rejection: 'schema' },
    ]);
    await waitFor(
      () => a.service.status().pendingLocalChanges === 1,
      5_000,
      () => JSON.stringify(a.service.status()),
    );
    // Kept on the device as written; not on the central; the valid complaint after it went through.
    expect((await a.db.get(target._id)) as unknown).toMatchObject({ channel: 'telepati' });
    expect(await onCentral(target._id)).toBeNull();
    await waitFor(async () => (await onCentral(next._id)) !== null, 10_000);

    // Offered again on "sync now": still refused, still reported.
    a.service.syncNow();
    await waitFor(() => a.service.status().state === 'connecting', 5_000);
    await refusalOf(a, target._id);

    // A complaint is never changed, not even to fix it: a new revision of it is refused too
    // (immutable), and the corrected copy, a new complaint, goes through.
    const current = (await a.db.get(target._id)) as { _rev: string };
    await a.db.put({ ...target, _rev: current._rev, channel: 'phone' } as PouchDB.Core.PutDocument<object>);
    a.service.syncNow();
    await waitFor(
      () =>
        a.service
          .status()
          .rejectedDocuments.some((doc) => doc.id === target._id && doc.rejection === 'immutable'),
      10_000,
      () => JSON.stringify(a.service.status()),
    );
    const corrected = resealed({ ...target, channel: 'phone' });
    await putAll(a.db, [corrected]);
    await waitFor(async () => (await onCentral(corrected._id)) !== null, 10_000);
    expect(await onCentral(target._id)).toBeNull();
  });

  it('a change to an event and a deletion of a complaint: refused as immutable, the central keeps the originals', async () => {
    const b = device('D23');
    await b.service.start(await deviceSyncConfig(central, b.code));
    const complaint = await logComplaint(b);
    const note = await act(
      b,
      complaint,
      'note',
      { text: 'Catatan asli.' },
      new Date('2026-11-23T05:00:00.000Z'),
    );
    await upToDate(b);

    const storedNote = (await b.db.get(note._id)) as { _rev: string };
    const changed: Record<string, unknown> = { ...note, _rev: storedNote._rev, text: 'Catatan diubah.' };
    await b.db.put(changed as PouchDB.Core.PutDocument<object>);
    const noteStatus = await refusalOf(b, note._id);
    expect(noteStatus.error).toMatchObject({ reason: 'rejected-document', rejection: 'immutable' });
    expect(await onCentral(note._id)).toMatchObject({ text: 'Catatan asli.' });
    expect((await b.db.get(note._id)) as unknown).toMatchObject({ text: 'Catatan diubah.' });

    const storedComplaint = await b.db.get(complaint._id);
    await b.db.remove(storedComplaint);
    await waitFor(
      () => b.service.status().rejectedDocuments.some((document) => document.id === complaint._id),
      10_000,
      () => JSON.stringify(b.service.status()),
    );
    expect(b.service.status().rejectedDocuments).toEqual([
      expect.objectContaining({ id: note._id, rejection: 'immutable' }),
      expect.objectContaining({ id: complaint._id, rejection: 'immutable' }),
    ]);
    expect(await onCentral(complaint._id)).toMatchObject({ trackingNumber: complaint.trackingNumber });
    await waitFor(
      () => b.service.status().pendingLocalChanges === 2,
      5_000,
      () => JSON.stringify(b.service.status()),
    );
  });

  it('another unit’s document in this unit’s database: refused as "unit"', async () => {
    const c = device('E23');
    await c.service.start(await deviceSyncConfig(central, c.code));
    const foreign = buildIntakeDocuments(
      {
        channel: 'phone',
        reportType: 'complaint',
        privacyMode: 'anonymous',
        reporter: { name: '', nik: '', phone: '', email: '', address: '' },
        title: 'Jalan rusak',
        chronology: 'Jalan di depan pasar berlubang.',
        incidentDate: '2026-11-20',
        location: '',
        category: 'infrastructure',
        targetOffice: '',
        attachments: [],
      },
      {
        unitCode: OTHER_UNIT,
        deviceCode: 'E23',
        sequence: 1,
        eventSequence: 1,
        officer: { officerId: 'o1', name: 'Rina' },
        receivedAt: new Date(`${DAY}T02:00:00.000Z`),
        localDate: DAY,
      },
    );
    await putAll(c.db, [foreign.complaint]);
    const status = await refusalOf(c, foreign.complaint._id);
    expect(status.error).toMatchObject({ reason: 'rejected-document', rejection: 'unit' });
    expect(await c.db.get(foreign.complaint._id)).toMatchObject({ unitCode: OTHER_UNIT });
  });
});

describe('refused access', () => {
  it('a wrong password: unauthorized, no automatic retry, local data intact; the right one syncs', async () => {
    const d = device('F23');
    const complaint = await logComplaint(d);
    const before = await documentsOf(d.db);
    const own = await deviceSyncConfig(central, d.code);
    const wrong = { ...own, password: 'not-the-password' };
    expect(await d.service.testConnection(wrong)).toMatchObject({
      ok: false,
      step: 'login',
      error: { reason: 'unauthorized', status: 401 },
    });

    await d.service.start(wrong);
    // The unsent count is recounted in the background (throttled): under load it may land after the error.
    await waitFor(
      () => d.service.status().state === 'error' && d.service.status().pendingLocalChanges === before.size,
      10_000,
    );
    expect(d.service.status()).toMatchObject({
      state: 'error',
      error: { reason: 'unauthorized', status: 401 },
      nextRetryAt: null,
      pendingLocalChanges: before.size,
    });
    const attempts = d.statuses.filter((status) => status.state === 'connecting').length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(d.statuses.filter((status) => status.state === 'connecting')).toHaveLength(attempts);
    expect(await documentsOf(d.db)).toEqual(before);

    await d.service.start(own);
    await upToDate(d);
    expect(await onCentral(complaint._id)).not.toBeNull();
  });

  it('another unit’s database: forbidden, no automatic retry, local data intact', async () => {
    const e = device('G23');
    await logComplaint(e);
    const before = await documentsOf(e.db);
    const intoOther = { ...config, databaseName: unitDatabaseName(OTHER_UNIT) };
    expect(await e.service.testConnection(intoOther)).toMatchObject({
      ok: false,
      step: 'database',
      error: { reason: 'forbidden' },
    });
    await e.service.start(intoOther);
    await waitFor(() => e.service.status().state === 'error', 10_000);
    expect(e.service.status()).toMatchObject({
      state: 'error',
      error: { reason: 'forbidden' },
      nextRetryAt: null,
    });
    expect(await documentsOf(e.db)).toEqual(before);
    const otherDb = centralDatabase(central, OTHER_UNIT);
    expect((await documentsOf(otherDb)).size).toBe(0);
  });
});

describe('test connection', () => {
  it('reports the server and the unit database when everything is right', async () => {
    const result = await device('H23').service.testConnection(config);
    expect(result).toMatchObject({
      ok: true,
      server: {
        vendor: central.kind === 'couchdb' ? 'The Apache Software Foundation' : 'PouchDB authors',
        version: expect.any(String) as unknown,
      },
      database: { name: unitDatabaseName(UNIT), docCount: expect.any(Number) as unknown },
    });
  });

  it('tells a unit that is not set up, and a server that does not answer', async () => {
    const probe = device('J23').service;
    expect(await probe.testConnection({ ...config, databaseName: unitDatabaseName('KQZ') })).toMatchObject({
      ok: false,
      step: 'database',
      error: { reason: 'not-found', status: 404 },
    });
    expect(await probe.testConnection({ ...config, serverUrl: 'http://127.0.0.1:9' })).toMatchObject({
      ok: false,
      step: 'server',
      error: { reason: 'unreachable' },
    });
    expect(await probe.testConnection({ ...config, serverUrl: 'ftp://example.test' })).toMatchObject({
      ok: false,
      step: 'server',
      error: { reason: 'unreachable' },
    });
  });
});
