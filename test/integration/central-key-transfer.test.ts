/**
 * The unit key's transfer documents on the central (Apache CouchDB 3.5 where found; decision 018):
 * the server accepts a `key-transfer:<id>` document as the app makes it (nothing but ciphertext, the
 * fingerprint, the expiry and who made it) and its deletion by another device of the unit; it
 * refuses any change of it, a field the schema does not have (a key in clear), a wrap for another
 * purpose and a writer that is not the signed-in device. Then the whole transfer through the real
 * central: device A writes the document, device B receives it by replication, opens it with the
 * code, gets every key version with its fingerprint, deletes it, and the deletion reaches A.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouchHttp, CouchResponse } from '../../central/couch-http';
import { MIN_SECRET_ITERATIONS } from '../../shared/auth/secret-verifier';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { createUnitKey } from '../../shared/crypto/unit-key';
import {
  KEY_TRANSFER_ID_PREFIX,
  createKeyTransfer,
  openKeyTransfer,
} from '../../shared/enrolment/key-transfer-document';
import { parseTransferCode } from '../../shared/enrolment/transfer-code';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import { UNIT, centralDatabase, createDevice, deviceSyncConfig, waitFor, type Device } from './sync-support';

const DB = encodeURIComponent(unitDatabaseName(UNIT));
const NOW = new Date();

let central: CentralServer;
let deviceA: CouchHttp;
let deviceB: CouchHttp;
const devices: Device[] = [];

const put = (
  http: CouchHttp,
  doc: Readonly<{ _id: string } & Record<string, unknown>>,
): Promise<CouchResponse> => http.put(`${DB}/${encodeURIComponent(doc._id)}`, doc);

function rejection(response: CouchResponse): string | undefined {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  const body = response.body as { error?: string; reason?: string };
  expect(body.error).toBe('forbidden');
  return parseRejection(body.reason ?? '')?.code;
}

async function transfer(device = 'A23') {
  const keys = [await createUnitKey(1), await createUnitKey(2)];
  const made = await createKeyTransfer({
    unitCode: UNIT,
    keys,
    now: NOW,
    by: { device, officer: 'officer-manager' },
    iterations: MIN_SECRET_ITERATIONS,
  });
  return { keys, ...made };
}

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  deviceA = await centralDeviceHttp(central, UNIT, 'A23');
  deviceB = await centralDeviceHttp(central, UNIT, 'B45');
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

describe('the central', () => {
  it('accepts a transfer as made and its deletion by another device; refuses a change', async () => {
    const { doc } = await transfer();
    const created = await put(deviceA, doc);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const rev = (created.body as { rev: string }).rev;
    const later = new Date(Date.parse(doc.expiresAt) + 3_600_000).toISOString();
    expect(rejection(await put(deviceA, { ...doc, _rev: rev, expiresAt: later }))).toBe('immutable');
    expect(rejection(await put(deviceA, { ...doc, _rev: rev, wraps: doc.wraps.slice(1) }))).toBe('immutable');
    const deleted = await deviceB.request('DELETE', `${DB}/${encodeURIComponent(doc._id)}?rev=${rev}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
  });

  it('refuses a key in clear, a wrap for another purpose, another id and another writer', async () => {
    const { doc, keys } = await transfer();
    const clear = { ...doc, key: Buffer.from(keys[0]?.exportBytes() ?? []).toString('base64') };
    expect(rejection(await put(deviceA, clear))).toBe('schema');
    const officerWrap = { ...doc, wraps: doc.wraps.map((wrap) => ({ ...wrap, purpose: 'officer' })) };
    expect(rejection(await put(deviceA, officerWrap))).toBe('schema');
    expect(rejection(await put(deviceA, { ...doc, _id: `${KEY_TRANSFER_ID_PREFIX}other` }))).toBe('schema');
    expect(rejection(await put(deviceB, doc))).toBe('device');
  });
});

it('carries the unit key from device A to device B through the central, only as ciphertext', async () => {
  const a = createDevice('A23');
  const b = createDevice('B45');
  devices.push(a, b);
  await Promise.all([
    a.service.start(await deviceSyncConfig(central, a.code)),
    b.service.start(await deviceSyncConfig(central, b.code)),
  ]);
  const { doc, code, keys } = await transfer('A23');
  await a.db.put(doc);

  // On the central: the document, and nothing of the key's bytes or the code.
  const centralDb = centralDatabase(central);
  await waitFor(
    async () => (await centralDb.allDocs({ keys: [doc._id] })).rows.some((row) => 'value' in row),
    15_000,
  );
  const onCentral = JSON.stringify(await centralDb.get(doc._id));
  for (const key of keys) {
    expect(onCentral).not.toContain(Buffer.from(key.exportBytes()).toString('base64url'));
    expect(onCentral).not.toContain(Buffer.from(key.exportBytes()).toString('base64'));
  }
  expect(onCentral).not.toContain(code.slice(UNIT.length + 1, UNIT.length + 6));

  // Device B receives it and opens it with the code as typed.
  await waitFor(
    async () => (await b.db.allDocs({ keys: [doc._id] })).rows.some((row) => 'value' in row),
    15_000,
  );
  const parsed = parseTransferCode(code.toLowerCase().replace(/-/g, ' '), UNIT);
  if (!parsed.ok) throw new Error(parsed.problem.key);
  const opened = await openKeyTransfer(await b.db.get(doc._id), parsed.value, new Date());
  expect(opened.ok && opened.keys.map((key) => key.fingerprint)).toEqual(keys.map((key) => key.fingerprint));

  // B deletes it after use: the deletion reaches the central and device A.
  const stored = await b.db.get(doc._id);
  await b.db.remove(stored);
  await waitFor(async () => {
    const row = (await a.db.allDocs({ keys: [doc._id] })).rows[0];
    return row !== undefined && 'value' in row && row.value.deleted === true;
  }, 15_000);
  await centralDb.close();
});
