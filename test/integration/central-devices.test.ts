/**
 * Device accounts on Apache CouchDB 3.5 (docs/central.md, "Device accounts"): `central device add`
 * makes an account and an enrolment code; the app's enrolment (renderer/core/sync/enrol-device)
 * replaces the one-time password with the device's own, and the app's SyncService then syncs as
 * that device; a second device is enrolled beside it; a wrong one-time code and an expired code are
 * refused with their messages; a revoked device is refused while another keeps syncing; the sweep
 * disables an unused expired account; a lockout of one device's account leaves another syncing;
 * the CLI prints the code and lists the accounts.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp } from '../../central/couch-http';
import { listDevices, sweepDevices } from '../../central/device-accounts';
import { connectAsAdmin } from '../../central/server-admin';
import { deviceUserName, unitDatabaseName } from '../../shared/couch/couch-names';
import { intakeDocuments, workflowEvents } from '../../shared/couch/documents.fixtures';
import { parseRejection } from '../../shared/couch/rejection';
import { putAll, writeDocs } from '../support/unit-writes';
import { parseEnrolmentCode } from '../../shared/enrolment/enrolment-code';
import { formatMessage } from '../../shared/messages/validation-messages';
import { unitSyncConfig } from '../../shared/sync/sync-config';
import { enrolDevice, newDevicePassword } from '../../renderer/core/sync/enrol-device';
import type { FetchFunction } from '../../renderer/core/sync/sync-dependencies';
import {
  addCentralDevice,
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import {
  UNIT,
  centralDatabase,
  createDevice,
  documentsOf,
  logComplaint,
  waitFor,
  type Device,
} from './sync-support';

let central: CentralServer;
const devices: Device[] = [];
const nodeFetch: FetchFunction = (url, init) => fetch(url, init);

beforeAll(async () => {
  central = await startCentralServer();
  console.info(`central-devices: ${central.description}`);
  await setupCentralUnit(central, UNIT);
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
    () => target.service.status().state === 'up-to-date' && target.service.status().pendingLocalChanges === 0,
    20_000,
    () => JSON.stringify(target.service.status()),
  );
}

/** `central device add`, then the app's enrolment: the device's own password. */
async function enrolled(code: string): Promise<string> {
  const added = await addCentralDevice(central, UNIT, code);
  const parsed = parseEnrolmentCode(added.code, new Date());
  if (!parsed.ok) throw new Error(`unreadable code ${added.code}`);
  const password = newDevicePassword();
  expect(await enrolDevice(parsed.value, password, nodeFetch, new Date())).toEqual({ ok: true });
  return password;
}

/** Waits until the central holds `id` (a device's push). */
async function onCentral(id: string): Promise<void> {
  const central_ = centralDatabase(central);
  await waitFor(
    async () => (await documentsOf(central_)).has(id),
    20_000,
    () => `${id} not on the central`,
  );
}

async function status(user: string, password: string): Promise<number> {
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return (await fetch(`${central.url}${unitDatabaseName(UNIT)}`, { headers: { Authorization: auth } }))
    .status;
}

describe('device accounts', () => {
  it('enrolment code → device account → own password → sync; a second device enrolled beside it', async () => {
    const added = await addCentralDevice(central, UNIT, 'K23');
    expect(added.user).toBe('unit-kbm-k23');
    const parsed = parseEnrolmentCode(added.code, new Date());
    if (!parsed.ok) throw new Error('unreadable');
    expect(parsed.value).toMatchObject({
      serverUrl: central.url.replace(/\/$/, ''),
      unitCode: UNIT,
      deviceCode: 'K23',
    });

    const own = newDevicePassword();
    expect(own.length).toBeGreaterThanOrEqual(43);
    expect(await enrolDevice(parsed.value, own, nodeFetch, new Date())).toEqual({ ok: true });
    // The one-time password no longer signs in; the device's own does, at once.
    expect(await status(added.user, own)).toBe(200);
    expect(await status(added.user, parsed.value.password)).toBe(401);
    // Enrolling again with the same code is refused, with a message saying to ask for a new code.
    const again = await enrolDevice(parsed.value, newDevicePassword(), nodeFetch, new Date());
    expect(again).toEqual({ ok: false, problem: { key: 'enrolment.code.refused' } });
    expect(formatMessage('enrolment.code.refused', 'id')).toContain('Minta kode baru');

    const a = device('K23');
    await a.service.start(unitSyncConfig(central.url, UNIT, 'K23', own));
    const complaint = await logComplaint(a);
    await onCentral(complaint._id);

    const b = device('M7Q');
    const second = await enrolled('M7Q');
    await b.service.start(unitSyncConfig(central.url, UNIT, 'M7Q', second));
    await upToDate(b);
    expect((await documentsOf(b.db)).has(complaint._id)).toBe(true);

    const { http } = await connectAsAdmin(central.adminUrl);
    const listed = await listDevices(http, { unitCode: UNIT });
    expect(listed.map(({ deviceCode, status: state }) => ({ deviceCode, state }))).toEqual([
      { deviceCode: 'K23', state: 'enrolled' },
      { deviceCode: 'M7Q', state: 'enrolled' },
    ]);
  });

  it('refuses a wrong one-time code with a clear message, and costs one failed login', async () => {
    const added = await addCentralDevice(central, UNIT, 'W3R');
    const wrong = { ...added.enrolment, password: 'ABCDEFGHJKMNPQRS' };
    expect(await enrolDevice(wrong, newDevicePassword(), nodeFetch, new Date())).toEqual({
      ok: false,
      problem: { key: 'enrolment.code.refused' },
    });
    // The right code still enrols (one failure is far below the lockout).
    expect(await enrolDevice(added.enrolment, newDevicePassword(), nodeFetch, new Date())).toEqual({
      ok: true,
    });
  });

  it('refuses an expired code on the server, and the sweep disables the unused account', async () => {
    // A code made 73 hours ago, valid 72 hours: expired an hour ago.
    const made = new Date(Date.now() - 73 * 3_600_000);
    const added = await addCentralDevice(central, UNIT, 'X9P', { now: made });
    expect(parseEnrolmentCode(added.code, new Date())).toMatchObject({
      ok: false,
      problem: { key: 'enrolment.code.expired' },
    });
    // The app refuses it before any request; the server refuses it too (a device with a wrong clock).
    expect(await enrolDevice(added.enrolment, newDevicePassword(), nodeFetch, new Date())).toEqual({
      ok: false,
      problem: { key: 'enrolment.code.expiredOnServer' },
    });
    expect(formatMessage('enrolment.code.expiredOnServer', 'id')).toContain('kedaluwarsa');

    const { http } = await connectAsAdmin(central.adminUrl);
    const swept = await sweepDevices(http);
    expect(swept.map((entry) => entry.deviceCode)).toEqual(['X9P']);
    // Disabled: the one-time password no longer signs in (once CouchDB's cache has followed).
    await waitFor(async () => (await status(added.user, added.enrolment.password)) === 401, 10_000);
    expect(
      (await listDevices(http, { unitCode: UNIT })).find((entry) => entry.deviceCode === 'X9P'),
    ).toMatchObject({
      status: 'expired',
    });
    expect(await sweepDevices(http)).toEqual([]);
  });

  it('a revoked device is refused while another keeps syncing', async () => {
    const revokedPassword = await enrolled('R4V');
    const keptPassword = await enrolled('K4P');
    const revoked = device('R4V');
    const kept = device('K4P');
    await revoked.service.start(unitSyncConfig(central.url, UNIT, 'R4V', revokedPassword));
    await kept.service.start(unitSyncConfig(central.url, UNIT, 'K4P', keptPassword));
    await upToDate(revoked);
    await upToDate(kept);

    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'central/cli.ts',
        'device',
        'revoke',
        '--url',
        central.adminUrl,
        '--unit',
        UNIT,
        '--device',
        'R4V',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('revoked');

    const lost = await logComplaint(revoked);
    revoked.service.syncNow();
    await waitFor(
      () => revoked.service.status().state === 'error',
      20_000,
      () => JSON.stringify(revoked.service.status()),
    );
    expect(revoked.service.status()).toMatchObject({ state: 'error', error: { reason: 'unauthorized' } });
    expect((await documentsOf(centralDatabase(central))).has(lost._id)).toBe(false);

    const sent = await logComplaint(kept);
    await onCentral(sent._id);

    const list = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'central/cli.ts', 'device', 'list', '--url', central.adminUrl, '--unit', UNIT],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/KBM R4V .* revoked/);
    expect(list.stdout).toMatch(/KBM K4P .* enrolled/);
  });

  it('a lockout of one device’s account leaves another device syncing (Apache CouchDB 3.4+)', async (context) => {
    if (central.kind !== 'couchdb') context.skip();
    const lockedPassword = await enrolled('N6K');
    const otherPassword = await enrolled('S8N');
    const wrong = `Basic ${Buffer.from(`${deviceUserName(UNIT, 'N6K')}:salah-salah`).toString('base64')}`;
    // Wrong passwords until CouchDB locks the account (its enrolment already counted one failure).
    const answers: number[] = [];
    for (let attempt = 0; attempt < 6 && answers.at(-1) !== 403; attempt += 1) {
      const response = await fetch(`${central.url}${unitDatabaseName(UNIT)}`, {
        headers: { Authorization: wrong },
      });
      answers.push(response.status);
    }
    expect(answers.at(-1)).toBe(403);
    expect(answers.slice(0, -1).every((answer) => answer === 401)).toBe(true);

    const locked = device('N6K');
    await locked.service.start(unitSyncConfig(central.url, UNIT, 'N6K', lockedPassword));
    await waitFor(
      () => locked.service.status().state === 'error',
      20_000,
      () => JSON.stringify(locked.service.status()),
    );
    expect(locked.service.status()).toMatchObject({ state: 'error', error: { reason: 'locked-out' } });
    expect(formatMessage('sync.error.lockedOut', 'id')).toContain('perangkat ini');

    const other = device('S8N');
    await other.service.start(unitSyncConfig(central.url, UNIT, 'S8N', otherPassword));
    const sent = await logComplaint(other);
    await onCentral(sent._id);
  });

  it('central setup prints the first device’s enrolment code; device add prints a new one', () => {
    const setup = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'central/cli.ts', 'setup', '--url', central.adminUrl, '--unit', 'PDG'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(setup.status, setup.stderr).toBe(0);
    const code = /(MA1-PDG-\S+)/.exec(setup.stdout)?.[1] ?? '';
    expect(parseEnrolmentCode(code, new Date())).toMatchObject({ ok: true, value: { unitCode: 'PDG' } });
    // Again: the unit has its device; setup adds none.
    const again = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'central/cli.ts', 'setup', '--url', central.adminUrl, '--unit', 'PDG'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('MA1-');
    const added = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'central/cli.ts',
        'device',
        'add',
        '--url',
        central.adminUrl,
        '--unit',
        'PDG',
        '--device',
        'Q2W',
        '--valid-hours',
        '1',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(added.status, added.stderr).toBe(0);
    const second = /(MA1-PDG-Q2W-\S+)/.exec(added.stdout)?.[1] ?? '';
    const read = parseEnrolmentCode(second, new Date());
    if (!read.ok) throw new Error(`unreadable ${second}`);
    const hours = (Date.parse(read.value.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(0.95);
    expect(hours).toBeLessThanOrEqual(1);
  });
});

describe('what a device account can reach in _users', () => {
  it('reads and changes only its own account: not another device’s, not the list, not its roles', async () => {
    const own = await enrolled('P4X');
    await enrolled('R5T');
    const name = deviceUserName(UNIT, 'P4X');
    const headers = { Authorization: `Basic ${Buffer.from(`${name}:${own}`).toString('base64')}` };
    const users = `${central.url}_users/`;
    const account = (user: string): string => `${users}${encodeURIComponent(`org.couchdb.user:${user}`)}`;

    // Another device's account (its password hash) is not readable, nor the accounts' list.
    const other = await fetch(account(deviceUserName(UNIT, 'R5T')), { headers });
    expect([403, 404]).toContain(other.status);
    const listed = await fetch(`${users}_all_docs?include_docs=true`, { headers });
    expect(listed.status).toBeGreaterThanOrEqual(400);
    expect(await listed.text()).not.toContain('derived_key');

    // Its own account is readable; adding a role to it is refused by CouchDB.
    const mine = await fetch(account(name), { headers });
    expect(mine.status).toBe(200);
    const doc = (await mine.json()) as { roles: string[] };
    const raised = await fetch(account(name), {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...doc, roles: [...doc.roles, '_admin'] }),
    });
    expect(raised.status).toBe(403);
  });
});

describe('the server attributes every write (unit validator)', () => {
  it('refuses a complaint or event that names another device than the one signed in; accepts its own', async () => {
    const a = await centralDeviceHttp(central, UNIT, 'A2B');
    await centralDeviceHttp(central, UNIT, 'B3C');
    const db = unitDatabaseName(UNIT);
    const codeOf = (rows: unknown): (string | undefined)[] =>
      (rows as readonly { reason?: string }[]).map((row) => parseRejection(row.reason ?? '')?.code);
    // Device A writing B's complaint and its received event: both refused as 'device'.
    const bs = intakeDocuments(UNIT, 71, 'anonymous', { deviceCode: 'B3C' });
    const asB = await writeDocs(a, db, [bs.complaint, bs.received]);
    expect(codeOf(asB.sealed.body)).toEqual(['device', 'device']);
    expect((asB.sealed.body as readonly { reason?: string }[])[0]?.reason).toMatch(
      /names device "B3C" but was written by device "A2B"/,
    );
    // A's own complaint is accepted; an action on it written as B's event by A is refused.
    const own = intakeDocuments(UNIT, 72, 'anonymous', { deviceCode: 'A2B' });
    expect((await writeDocs(a, db, [own.complaint, own.received])).sealed.body).toEqual([]);
    const [note] = workflowEvents(own, ['note']); // the fixtures' actions name device A23
    expect(codeOf((await writeDocs(a, db, [note ?? own.received])).sealed.body)).toEqual(['device']);
    // Server admins (repairs, migrations) are not attributed.
    expect((await writeDocs(new CouchHttp(central.adminUrl), db, [bs.complaint])).sealed.body).toEqual([]);
  });

  it('a device whose records name another device gets them refused through sync; its own sync on', async () => {
    const d = device('C4D');
    const password = await enrolled('C4D');
    const foreign = intakeDocuments(UNIT, 73, 'anonymous', { deviceCode: 'D5E' });
    await putAll(d.db, [foreign.complaint, foreign.received]);
    await d.service.start(unitSyncConfig(central.url, UNIT, 'C4D', password));
    await waitFor(
      () => d.service.status().rejectedDocuments.length === 2,
      20_000,
      () => JSON.stringify(d.service.status()),
    );
    expect(d.service.status().rejectedDocuments.map((entry) => entry.rejection)).toEqual([
      'device',
      'device',
    ]);
    const own = await logComplaint(d);
    await onCentral(own._id);
    expect((await documentsOf(centralDatabase(central))).has(foreign.complaint._id)).toBe(false);
  });
});
