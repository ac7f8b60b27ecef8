/**
 * Identity sealed at rest, against the test central (Apache CouchDB 3.5 where found): the unit
 * validator refuses a reporter document that holds a clear name, NIK or phone, and accepts the
 * sealed form a device writes (ComplaintRepository through the reporter vault), which replicates to
 * a second device of the unit that opens it with the same unit key (the tests' key:
 * renderer/core/keys/test-unit-key.fixtures, standing in for the transfer). The central's copy holds
 * nothing of the identity. `unit-key:<version>` documents: accepted once, never changed or deleted,
 * and a second device creating `unit-key:1` on the central is told 409 (the race of two upgraded
 * devices: renderer/core/keys/first-unit-key).
 */
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { createUnitKey } from '../../shared/crypto/unit-key';
import { newUnitKeyDoc } from '../../shared/crypto/unit-key-document';
import { reporterId } from '../../shared/ids/document-ids';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import { testVault } from '../../renderer/core/keys/test-unit-key.fixtures';
import type { CouchHttp, CouchResponse } from '../../central/couch-http';
import {
  centralDeviceCredentials,
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import { writeDocs } from '../support/unit-writes';

PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);

const UNIT = 'KTB';
const DB = unitDatabaseName(UNIT);
const NAME = 'Sulastri Wigunaningrat';
const NIK = '3273014507890003';
const PHONE = '0812-7000-4321';

let central: CentralServer;
let x7q: CouchHttp;

beforeAll(async () => {
  central = await startCentralServer();
  console.info(`central-sealed-identity: ${central.description}`);
  await setupCentralUnit(central, UNIT);
  x7q = await centralDeviceHttp(central, UNIT, 'X7Q');
});

afterAll(async () => {
  await stopStarted(central);
});

/** A named intake's documents on device X7Q, the reporter in clear (as built, before the vault). */
function namedIntake(sequence: number) {
  return buildIntakeDocuments(
    {
      channel: 'walk-in',
      reportType: 'complaint',
      privacyMode: 'named',
      reporter: { name: NAME, nik: NIK, phone: PHONE, email: '', address: 'Jl. Melati 7' },
      title: `Antrean puskesmas ${sequence}`,
      chronology: 'Antrean di puskesmas lebih dari empat jam.',
      incidentDate: '2026-11-22',
      location: 'Puskesmas Kota',
      category: 'health',
      targetOffice: '',
      attachments: [],
    },
    {
      unitCode: UNIT,
      deviceCode: 'X7Q',
      sequence,
      eventSequence: sequence * 100,
      officer: { officerId: 'officer-1', name: 'Rina' },
      receivedAt: new Date(Date.parse('2026-11-23T03:04:05.678Z') + sequence * 60_000),
      localDate: '2026-11-23',
    },
  );
}

function refusalCode(response: CouchResponse): string | undefined {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  return parseRejection((response.body as { reason?: string }).reason ?? '')?.code;
}

const put = (doc: Readonly<{ _id: string } & Record<string, unknown>>): Promise<CouchResponse> =>
  x7q.put(`${encodeURIComponent(DB)}/${encodeURIComponent(doc._id)}`, doc);

it('refuses a reporter document with a clear name, NIK or phone; accepts the sealed one, which a second device opens', async () => {
  const intake = namedIntake(1);
  if (!intake.reporter) throw new Error('a named intake has a reporter');
  // The complaint and its event first, as the device writes them.
  await writeDocs(x7q, DB, [intake.complaint, intake.received]);

  // The reporter in clear (as stored before sealing existed): refused, whatever the schema version says.
  expect(refusalCode(await put(intake.reporter))).toBe('schema');
  const vault = await testVault();
  const sealed = await vault.seal(intake.reporter);
  expect(refusalCode(await put({ ...sealed, name: NAME }))).toBe('schema');
  expect(refusalCode(await put({ ...sealed, nik: NIK }))).toBe('schema');
  expect(refusalCode(await put({ ...sealed, phone: PHONE }))).toBe('schema');
  expect(refusalCode(await put({ ...sealed, identity: { ...sealed.identity, keyVersion: 0 } }))).toBe(
    'schema',
  );

  // The sealed form is accepted, and the central's copy holds nothing of the identity.
  const accepted = await put(sealed);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  const onCentral = await x7q.get(`${encodeURIComponent(DB)}/${encodeURIComponent(sealed._id)}`);
  const text = JSON.stringify(onCentral.body);
  for (const secret of [NAME, 'Sulastri', NIK, PHONE, '0812', 'Melati']) expect(text).not.toContain(secret);

  // A second device of the unit replicates it and opens it with the unit key.
  const { user, password } = await centralDeviceCredentials(central, UNIT, 'B45');
  const remote = new PouchDB<object>(`${central.url}${encodeURIComponent(DB)}`, {
    adapter: 'http',
    auth: { username: user, password },
    skip_setup: true,
    fetch: (url, init) => fetch(url, init),
  });
  const deviceB = new PouchDB<object>(`device-B45-${crypto.randomUUID()}`, { adapter: 'memory' });
  await deviceB.replicate.from(remote);
  const raw = JSON.stringify(await deviceB.get(reporterId(intake.complaint.trackingNumber)));
  expect(raw).not.toContain(NAME);
  const onB = await new ComplaintRepository(deviceB, await testVault()).detail(intake.complaint._id);
  expect(onB?.reporter).toMatchObject({ name: NAME, nik: NIK, phone: PHONE, address: 'Jl. Melati 7' });
  expect(onB?.reporter?.sealedIdentity).toBeUndefined();
  // Without the key the same device shows it as sealed, and never fails.
  const locked = await new ComplaintRepository(deviceB).detail(intake.complaint._id);
  expect(locked?.reporter).toMatchObject({ name: '', nik: '', phone: '', sealedIdentity: 'no-key' });
  await deviceB.destroy();
});

it('accepts a unit-key document once; refuses a change, a deletion, and a second unit-key:1 (409)', async () => {
  const key = await createUnitKey(1);
  const doc = newUnitKeyDoc(UNIT, key, new Date('2026-11-23T03:00:00.000Z'), {
    device: 'X7Q',
    officer: 'officer-1',
  });
  const created = await put(doc);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const rev = (created.body as { rev: string }).rev;

  // Another device racing to create version 1 on the central is told 409: only one key is the unit's.
  const other = await createUnitKey(1);
  const b45 = await centralDeviceHttp(central, UNIT, 'B45');
  const racing = await b45.put(
    `${encodeURIComponent(DB)}/${encodeURIComponent(doc._id)}`,
    newUnitKeyDoc(UNIT, other, new Date(), { device: 'B45', officer: 'officer-2' }),
  );
  expect(racing.status).toBe(409);

  // Never changed (another fingerprint over its revision), never deleted.
  expect(refusalCode(await put({ ...doc, _rev: rev, fingerprint: other.fingerprint }))).toBe('immutable');
  const deleted = await x7q.request(
    'DELETE',
    `${encodeURIComponent(DB)}/${encodeURIComponent(doc._id)}?rev=${rev}`,
  );
  expect(refusalCode(deleted)).toBe('immutable');

  // The id names the version; the fingerprint has its form; it names its writer.
  expect(
    refusalCode(
      await put({
        ...newUnitKeyDoc(UNIT, await createUnitKey(2), new Date(), { device: 'X7Q', officer: 'o' }),
        _id: 'unit-key:3',
      }),
    ),
  ).toBe('schema');
  expect(
    refusalCode(
      await put({
        ...newUnitKeyDoc(UNIT, await createUnitKey(2), new Date(), { device: 'X7Q', officer: 'o' }),
        fingerprint: 'short',
      }),
    ),
  ).toBe('schema');
  expect(
    refusalCode(
      await put(newUnitKeyDoc(UNIT, await createUnitKey(2), new Date(), { device: 'B45', officer: 'o' })),
    ),
  ).toBe('device');
});
