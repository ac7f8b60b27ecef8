/**
 * `central setup` over real HTTP against pouchdb-server: the CLI itself (exit status and plain
 * messages for the usual mistakes), idempotence (a second run changes nothing but the password),
 * a password change, and a tampered design document or security put back.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp } from '../../central/couch-http';
import { freePort } from '../../central/free-port';
import { updateValidation } from '../../central/validation-update';
import {
  UNIT_DESIGN_DOC_ID,
  legacyUnitUserName,
  unitDatabaseName,
  unitRole,
} from '../../shared/couch/couch-names';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { PROJECTOR_ROLE } from '../../shared/couch/couch-names';
import { STAGES_DESIGN_DOC_ID, stagesDesignDoc } from '../../shared/couch/stages-design-doc';
import { stopStarted } from '../support/stop-started';

const run = promisify(execFile);
let central: CentralServer;
let admin: CouchHttp;
const DB = unitDatabaseName('KTB');

type CliResult = Readonly<{ code: number; stdout: string; stderr: string }>;

/** `npm run central -- <args>`, without npm. */
async function cli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'central/cli.ts', ...args], {
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  central = await startCentralServer();
  admin = new CouchHttp(central.adminUrl);
});

afterAll(async () => {
  await stopStarted(central);
});

describe('npm run central -- setup', () => {
  it('provisions a unit, removes a former shared unit user, and prints the first device’s code', async () => {
    // A unit provisioned before device accounts: its shared user, one password for every device.
    const legacy = `_users/${encodeURIComponent(`org.couchdb.user:${legacyUnitUserName('KTB')}`)}`;
    const shared = {
      name: legacyUnitUserName('KTB'),
      type: 'user',
      roles: [unitRole('KTB')],
      password: 'shared-pw',
    };
    expect((await admin.put(legacy, shared)).status).toBe(201);
    const result = await cli('setup', '--url', central.adminUrl, '--unit', 'ktb', '--device', 'K23');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('unit KTB');
    expect(result.stdout).toMatch(/database\s+meja-aduan-unit-ktb\s+created/);
    expect(result.stdout).toMatch(/shared unit user\s+unit-ktb\s+removed/);
    expect(result.stdout).toMatch(/validation\s+_design\/meja-aduan\s+created/);
    expect(result.stdout).toMatch(/check\s+.*ok/);
    expect(result.stdout).toMatch(/MA1-KTB-K23-/);
    expect(result.stdout).not.toContain('central-admin-password');
    expect((await admin.get(legacy)).status).toBe(404);
    expect((await new CouchHttp(central.url).as(legacyUnitUserName('KTB'), 'shared-pw').get(DB)).status).toBe(
      401,
    );
  });

  it('fails with a plain message and status 1 on the usual mistakes', async () => {
    const wrongAdmin = new URL(central.url);
    wrongAdmin.username = 'central-admin';
    wrongAdmin.password = 'wrong';
    const unreachable = `http://a:b@127.0.0.1:${await freePort()}/`;
    const [badCode, badAdmin, noServer, noCredentials] = await Promise.all([
      cli('setup', '--url', central.adminUrl, '--unit', 'K0B'),
      cli('setup', '--url', wrongAdmin.href, '--unit', 'KTB'),
      cli('setup', '--url', unreachable, '--unit', 'KTB'),
      cli('setup', '--url', central.url, '--unit', 'KTB'),
    ]);
    expect(badCode.stderr.trim()).toBe(
      'Error: "K0B" is not a unit code: 2 to 10 letters and digits, without I, L, O, 0 and 1 (e.g. KTB).',
    );
    expect(badAdmin.stderr.trim()).toBe(
      `Error: The server at ${central.url} refused the admin name or password.`,
    );
    expect(noServer.stderr.trim()).toMatch(
      /^Error: Cannot reach the server at http:\/\/127\.0\.0\.1:\d+\/: connection refused/,
    );
    expect(noCredentials.stderr.trim()).toMatch(/^Error: Give the server admin name and password in the URL/);
    for (const result of [badCode, badAdmin, noServer, noCredentials]) {
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('fails with status 2 and the usage on a missing option', async () => {
    const result = await cli('setup', '--url', central.adminUrl);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing --unit');
    expect(result.stderr).toContain('Usage:');
  });
});

describe('setupUnit', () => {
  it('is idempotent: a second run changes nothing, and the devices keep their accounts', async () => {
    const designBefore = await admin.get(`${DB}/${UNIT_DESIGN_DOC_ID}`);
    const device = await centralDeviceHttp(central, 'KTB', 'M7Q');
    const second = await setupCentralUnit(central, 'KTB');
    expect(Object.fromEntries(second.steps.map((step) => [step.what, step.outcome]))).toMatchObject({
      'system database': 'exists',
      'device validation': 'validator unchanged, security unchanged, users_db_security_editable unchanged',
      database: 'exists',
      'shared unit user': 'none (devices have their own accounts)',
      security: 'unchanged',
      check: 'ok',
    });
    expect((await device.get(DB)).status).toBe(200);
    expect(second.steps.find((step) => step.what === 'validation')?.outcome).toMatch(/^unchanged/);
    const designAfter = await admin.get(`${DB}/${UNIT_DESIGN_DOC_ID}`);
    expect((designAfter.body as { _rev: string })._rev).toBe((designBefore.body as { _rev: string })._rev);
    const security = await admin.get(`${DB}/_security`);
    expect(security.body).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: [unitRole('KTB'), PROJECTOR_ROLE] },
    });
  });

  it('sets a second unit up beside the first', async () => {
    const result = await setupCentralUnit(central, 'KBM');
    expect(result.steps.find((step) => step.what === 'check')?.outcome).toBe('ok');
    const device = await centralDeviceHttp(central, 'KBM', 'K23');
    expect((await device.get(unitDatabaseName('KBM'))).status).toBe(200);
    // Device accounts reach their own unit only.
    expect([401, 403]).toContain((await device.get(DB)).status);
  });

  it('puts back a tampered design document and security', async () => {
    const design = await admin.get(`${DB}/${UNIT_DESIGN_DOC_ID}`);
    const tampered = { ...(design.body as object), validate_doc_update: 'function () {}' };
    expect((await admin.put(`${DB}/${UNIT_DESIGN_DOC_ID}`, tampered)).status).toBe(201);
    const open = { admins: { names: [], roles: [] }, members: { names: [], roles: [] } };
    expect((await admin.put(`${DB}/_security`, open)).status).toBe(200);
    const result = await setupCentralUnit(central, 'KTB');
    expect(result.steps.find((step) => step.what === 'validation')?.outcome).toMatch(/^updated/);
    expect(result.steps.find((step) => step.what === 'security')?.outcome).toBe('set');
    expect(result.steps.find((step) => step.what === 'check')?.outcome).toBe('ok');
  });

  it('update-validation rewrites only design documents that differ, and nothing else', async () => {
    const design = await admin.get(`${DB}/${UNIT_DESIGN_DOC_ID}`);
    await admin.put(`${DB}/${UNIT_DESIGN_DOC_ID}`, { ...(design.body as object), meja_aduan: {} });
    // A central set up before the stage views existed (or with them changed since).
    const stages = await admin.get(`${DB}/${STAGES_DESIGN_DOC_ID}`);
    const stagesRev = (stages.body as { _rev: string })._rev;
    expect((await admin.request('DELETE', `${DB}/${STAGES_DESIGN_DOC_ID}?rev=${stagesRev}`)).status).toBe(
      200,
    );
    const first = await updateValidation(admin);
    expect(first.map((step) => [step.what, step.name.split('/')[2], step.outcome.split(' ')[0]])).toEqual([
      ['KBM', 'meja-aduan', 'unchanged'],
      ['KBM', 'meja-aduan-stages', 'unchanged'],
      ['KTB', 'meja-aduan', 'updated'],
      ['KTB', 'meja-aduan-stages', 'created'],
    ]);
    expect((await admin.get(`${DB}/${STAGES_DESIGN_DOC_ID}`)).body).toMatchObject(stagesDesignDoc());
    const second = await updateValidation(admin, { units: ['KTB'] });
    expect(second.map((step) => step.outcome.split(' ')[0])).toEqual(['unchanged', 'unchanged']);
    const unit = await centralDeviceHttp(central, 'KTB', 'M7Q');
    expect((await unit.get(DB)).status).toBe(200);
    await expect(updateValidation(admin, { units: ['KMB'] })).rejects.toThrow(/Unit KMB is not set up/);
  });
});
