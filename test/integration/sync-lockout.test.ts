/**
 * Wrong passwords are never repeated by the app, and a lockout is told plainly. Real HTTP to the
 * test central through a counting proxy on loopback (../support/counting-proxy), so every request
 * a device sends is counted at the server's door:
 *   - a device with a wrong password makes ONE request (one failed login), is told 'unauthorized',
 *     and sends nothing more by itself (no timer, not when the network comes back); "test
 *     connection" costs one login attempt; the right password then syncs;
 *   - Apache CouchDB 3.4+ only: after repeated wrong passwords (made here over HTTP) the device's
 *     own account is locked (`[chttpd_auth_lockout]`); the device, even with the RIGHT password, is
 *     told 'locked-out' with its message, sends nothing more by itself, and once the lockout window
 *     has passed a retry the person asks for ("sync now") syncs. The window is shortened for the
 *     test: `max_lifetime` is read at start only, so it is set through `_config` (CouchDB keeps it
 *     in the instance's last ini file) and the server restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceUserName, unitDatabaseName } from '../../shared/couch/couch-names';
import { formatMessage } from '../../shared/messages/validation-messages';
import type { SyncConfig } from '../../shared/sync/sync-config';
import { syncAdviceMessageKey, syncErrorMessageKey } from '../../shared/sync/sync-status';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';
import {
  setupCentralUnit,
  startCentralServer,
  TEST_ADMIN,
  type CentralServer,
} from '../support/central-server';
import { UNIT, createDevice, deviceSyncConfig, waitFor, type Device } from './sync-support';
import { stopStarted } from '../support/stop-started';

/** A second unit, so that the lockout test starts with no failures counted for its user. */
const LOCKED_UNIT = 'KTB';
/** The lockout window for the test server (CouchDB's default: 300 000 ms). */
const LOCKOUT_MS = 8_000;
/** How long a device is watched for requests it should not make (its back-off: 50 ms to 1 s). */
const QUIET_MS = 3_000;
const LOCKED_REASON = 'Account is temporarily locked due to multiple authentication failures';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const adminAuth = `Basic ${Buffer.from(`${TEST_ADMIN.name}:${TEST_ADMIN.password}`).toString('base64')}`;

let central: CentralServer;
let proxy: CountingProxy;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  console.info(`sync-lockout: ${central.description}`);
  if (central.kind === 'couchdb') {
    const setting = `${central.url}_node/_local/_config/chttpd_auth_lockout/max_lifetime`;
    const put = await fetch(setting, {
      method: 'PUT',
      headers: { Authorization: adminAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify(String(LOCKOUT_MS)),
    });
    expect(put.status).toBe(200);
    await central.restart();
    const kept = await fetch(setting, { headers: { Authorization: adminAuth } });
    expect(await kept.json()).toBe(String(LOCKOUT_MS));
  }
  await setupCentralUnit(central, UNIT);
  await setupCentralUnit(central, LOCKED_UNIT);
  proxy = await startCountingProxy(central.url);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(proxy, central);
});

function device(code: string): Device {
  const created = createDevice(code);
  devices.push(created);
  return created;
}

/** The proxy's requests since `since`: to `unit`'s database, and to the server root. */
function requestsSince(
  since: number,
  unit: string,
): readonly { authorized: boolean; status: number | null; path: string }[] {
  const database = `/${unitDatabaseName(unit)}`;
  return proxy
    .requests()
    .filter((entry) => entry.at >= since && (entry.path === '/' || entry.path.startsWith(database)));
}

async function upToDate(target: Device): Promise<void> {
  await waitFor(
    () => target.service.status().state === 'up-to-date',
    20_000,
    () => JSON.stringify(target.service.status()),
  );
}

/** Watches `target` for `ms`, flapping its network once: it must send nothing. */
async function expectQuiet(target: Device, unit: string, since: number, ms: number): Promise<void> {
  const before = requestsSince(since, unit).length;
  await sleep(ms / 2);
  target.network.set(false);
  await sleep(50);
  target.network.set(true);
  await sleep(ms / 2);
  expect(requestsSince(since, unit), 'requests the device made by itself').toHaveLength(before);
}

describe('a wrong password', () => {
  it('costs one request, is told apart, is not repeated by itself; the right password syncs', async () => {
    const d = device('K23');
    const viaProxy: SyncConfig = await deviceSyncConfig(central, d.code, { serverUrl: proxy.url });
    const wrong = { ...viaProxy, password: 'bukan-sandinya' };

    // "Test connection": one login attempt per press (GET / without credentials, then the database).
    const tested = Date.now();
    expect(await d.service.testConnection(wrong)).toMatchObject({
      ok: false,
      step: 'login',
      error: { reason: 'unauthorized', status: 401 },
    });
    expect(requestsSince(tested, UNIT).filter((entry) => entry.authorized)).toHaveLength(1);

    const started = Date.now();
    await d.service.start(wrong);
    await waitFor(
      () => d.service.status().state === 'error',
      10_000,
      () => JSON.stringify(d.service.status()),
    );
    expect(d.service.status()).toMatchObject({
      state: 'error',
      error: { reason: 'unauthorized', status: 401 },
      nextRetryAt: null,
    });
    console.log('PATHS', JSON.stringify(requestsSince(started, UNIT)));
    // One request (the sign-in before the replications), one failed login.
    expect(requestsSince(started, UNIT).map(({ authorized, status }) => ({ authorized, status }))).toEqual([
      { authorized: true, status: 401 },
    ]);
    await expectQuiet(d, UNIT, started, QUIET_MS);
    expect(d.service.status()).toMatchObject({ state: 'error', error: { reason: 'unauthorized' } });

    // The right password, saved: syncs (the validator's design document comes down with the pull).
    await d.service.start(viaProxy);
    await upToDate(d);
    expect(await d.db.get('_design/meja-aduan')).toMatchObject({ _id: '_design/meja-aduan' });
    await d.service.stop();
  });
});

describe('a locked account (Apache CouchDB 3.4+)', () => {
  it('is told as locked-out even with the right password, is not retried by itself, and syncs when the person retries after the window', async (context) => {
    if (central.kind !== 'couchdb') {
      console.info(
        'sync-lockout: pouchdb-server has no login lockout; the lockout test needs Apache CouchDB.',
      );
      context.skip();
    }
    const d = device('M23');
    const right = await deviceSyncConfig(central, d.code, { unitCode: LOCKED_UNIT, serverUrl: proxy.url });
    const database = `${central.url}${unitDatabaseName(LOCKED_UNIT)}`;
    const wrongAuth = `Basic ${Buffer.from(`${deviceUserName(LOCKED_UNIT, 'M23')}:salah-salah`).toString('base64')}`;
    // Six wrong passwords over HTTP for this device's account (someone trying its name).
    const firstFailure = Date.now();
    const answers: { status: number; body: unknown }[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await fetch(database, { headers: { Authorization: wrongAuth } });
      answers.push({ status: response.status, body: await response.json() });
    }
    // CouchDB 3.5.0, default threshold 5: five 401s, then 403 for the user (right password or not).
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 403]);
    expect(answers.at(-1)?.body).toEqual({ error: 'forbidden', reason: LOCKED_REASON });

    const started = Date.now();
    await d.service.start(right);
    await waitFor(
      () => d.service.status().state === 'error',
      10_000,
      () => JSON.stringify(d.service.status()),
    );
    const status = d.service.status();
    expect(status).toMatchObject({
      state: 'error',
      error: { reason: 'locked-out', status: 403, message: LOCKED_REASON },
      nextRetryAt: null,
    });
    if (status.state !== 'error') throw new Error('not an error');
    expect(formatMessage(syncErrorMessageKey(status.error.reason), 'id')).toBe(
      'Terlalu banyak kata sandi salah: server mengunci akun perangkat ini selama beberapa menit.',
    );
    expect(formatMessage(syncAdviceMessageKey(status.error.reason), 'id')).toMatch(
      /^Tunggu, lalu periksa kata sandi\./,
    );
    expect(
      requestsSince(started, LOCKED_UNIT).map(({ authorized, status: code }) => ({ authorized, code })),
    ).toEqual([{ authorized: true, code: 403 }]);
    // "Test connection" while locked: the same class, at the login step, one request.
    const tested = Date.now();
    expect(await d.service.testConnection(right)).toMatchObject({
      ok: false,
      step: 'login',
      error: { reason: 'locked-out' },
    });
    expect(requestsSince(tested, LOCKED_UNIT).filter((entry) => entry.authorized)).toHaveLength(1);

    // Nothing by itself, not even after the window has passed.
    const watched = Date.now();
    await expectQuiet(
      d,
      LOCKED_UNIT,
      watched,
      Math.max(QUIET_MS, firstFailure + LOCKOUT_MS + 1_500 - Date.now()),
    );
    expect(d.service.status()).toMatchObject({ state: 'error', error: { reason: 'locked-out' } });

    // The person's retry, after the window: it syncs.
    const retried = Date.now();
    d.service.syncNow();
    await upToDate(d);
    expect(
      requestsSince(retried, LOCKED_UNIT).filter((entry) => entry.status === 401 || entry.status === 403),
    ).toEqual([]);
  });
});
