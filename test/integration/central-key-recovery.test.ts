/**
 * The unit key's recovery copy on the central (Apache CouchDB 3.5 where found; decision 022): the
 * server accepts the `unit-key-recovery` document as the app makes it (nothing but ciphertext, the
 * newest version's fingerprint, when and by whom) and its replacement by another device of the
 * unit; it refuses a key in clear, a wrap for another purpose, another id and a writer that is not
 * the signed-in device; `unit-key:<version>` stays write-once, and a rotation's `unit-key:2` with its
 * chain is accepted. Then recovery through the real
 * central: device A writes the copy, device B (which never held the key) receives it by
 * replication and opens it with the passphrase into the key whose fingerprint the unit announced;
 * the central holds none of the key's bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouchHttp, CouchResponse } from '../../central/couch-http';
import { MIN_SECRET_ITERATIONS } from '../../shared/auth/secret-verifier';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { createUnitKey, type UnitKey } from '../../shared/crypto/unit-key';
import { chainWrap } from '../../shared/crypto/key-chain';
import { newUnitKeyDoc } from '../../shared/crypto/unit-key-document';
import {
  UNIT_KEY_RECOVERY_ID,
  createUnitKeyRecovery,
  openUnitKeyRecovery,
} from '../../shared/crypto/unit-key-recovery-document';
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
const PASSPHRASE = 'kopi tubruk pagi hari di Semarang';

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

async function recovery(keys: readonly UnitKey[], device = 'A23') {
  return createUnitKeyRecovery({
    unitCode: UNIT,
    keys,
    passphrase: PASSPHRASE,
    now: NOW,
    by: { device, officer: 'officer-manager' },
    iterations: MIN_SECRET_ITERATIONS,
  });
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
  it('accepts the recovery copy as made and its replacement by another device; keeps unit-key write-once', async () => {
    const key = await createUnitKey(1);
    const doc = await recovery([key]);
    const created = await put(deviceA, doc);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const rev = (created.body as { rev: string }).rev;
    const replaced = await put(deviceB, { ...(await recovery([key], 'B45')), _rev: rev });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    const replacedRev = (replaced.body as { rev: string }).rev;
    const deleted = await deviceA.request('DELETE', `${DB}/${UNIT_KEY_RECOVERY_ID}?rev=${replacedRev}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);

    const announced = newUnitKeyDoc(UNIT, key, NOW, { device: 'A23', officer: 'officer-manager' });
    const first = await put(deviceA, announced);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const firstRev = (first.body as { rev: string }).rev;
    const other = await createUnitKey(1);
    expect(
      rejection(await put(deviceA, { ...announced, _rev: firstRev, fingerprint: other.fingerprint })),
    ).toBe('immutable');

    // A rotation's announcement: version 2 with its chain from version 1; write-once as well.
    const next = await createUnitKey(2);
    const rotated = newUnitKeyDoc(
      UNIT,
      next,
      NOW,
      { device: 'B45', officer: 'officer-manager' },
      await chainWrap(key, next),
    );
    const second = await put(deviceB, rotated);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const { chain: _chain, ...unchained } = rotated;
    expect(rejection(await put(deviceB, { ...unchained, _rev: (second.body as { rev: string }).rev }))).toBe(
      'immutable',
    );
  });

  it('refuses a key in clear, a wrap for another purpose, another id and another writer', async () => {
    const key = await createUnitKey(1);
    const doc = await recovery([key]);
    const clear = {
      ...doc,
      _id: 'unit-key-recovery',
      key: Buffer.from(key.exportBytes()).toString('base64url'),
    };
    expect(rejection(await put(deviceA, clear))).toBe('schema');
    const officerWrap = { ...doc, wraps: doc.wraps.map((wrap) => ({ ...wrap, purpose: 'officer' })) };
    expect(rejection(await put(deviceA, officerWrap))).toBe('schema');
    expect(rejection(await put(deviceA, { ...doc, _id: `${UNIT_KEY_RECOVERY_ID}:2` }))).toBe('schema');
    expect(rejection(await put(deviceB, doc))).toBe('device');
  });
});

it('device B, which never held the key, recovers it from the copy device A left on the central', async () => {
  const a = createDevice('A23');
  const b = createDevice('B45');
  devices.push(a, b);
  await Promise.all([
    a.service.start(await deviceSyncConfig(central, a.code)),
    b.service.start(await deviceSyncConfig(central, b.code)),
  ]);
  const keys = [await createUnitKey(3)];
  const announced = newUnitKeyDoc(UNIT, keys[0] as UnitKey, NOW, {
    device: 'A23',
    officer: 'officer-manager',
  });
  await a.db.put(announced);
  const doc = await recovery(keys);
  const current = await a.db.get(UNIT_KEY_RECOVERY_ID).catch(() => undefined);
  await a.db.put(current ? { ...doc, _rev: current._rev } : doc);

  // On the central: the copy, with nothing of the key's bytes.
  const centralDb = centralDatabase(central);
  await waitFor(async () => {
    const stored = (await centralDb.get(UNIT_KEY_RECOVERY_ID).catch(() => null)) as {
      fingerprint?: string;
    } | null;
    return stored?.fingerprint === doc.fingerprint;
  }, 60_000);
  const onCentral = JSON.stringify(await centralDb.get(UNIT_KEY_RECOVERY_ID));
  for (const key of keys) {
    expect(onCentral).not.toContain(Buffer.from(key.exportBytes()).toString('base64url'));
    expect(onCentral).not.toContain(Buffer.from(key.exportBytes()).toString('base64'));
  }
  expect(onCentral).not.toContain('Semarang');

  // Device B receives both documents and opens the copy with the passphrase.
  await waitFor(async () => {
    const rows = (await b.db.allDocs({ keys: [UNIT_KEY_RECOVERY_ID, announced._id], include_docs: true }))
      .rows;
    return rows.every(
      (row) => 'doc' in row && (row.doc as { fingerprint?: string } | null)?.fingerprint === doc.fingerprint,
    );
  }, 60_000);
  const wrong = await openUnitKeyRecovery(
    await b.db.get(UNIT_KEY_RECOVERY_ID),
    'bukan frasa yang benar',
    UNIT,
  );
  expect(wrong).toEqual({ ok: false, reason: 'wrong-passphrase' });
  const opened = await openUnitKeyRecovery(await b.db.get(UNIT_KEY_RECOVERY_ID), PASSPHRASE, UNIT);
  if (!opened.ok) throw new Error(opened.reason);
  const unitKeyDoc = (await b.db.get(announced._id)) as unknown as { fingerprint: string };
  expect(opened.keys.map((key) => key.fingerprint)).toEqual([unitKeyDoc.fingerprint]);
  await centralDb.close();
});
