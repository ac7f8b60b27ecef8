/**
 * The test harness's central server itself (test/support/central-server): a persistent one
 * survives SIGKILL and restarts on the same port with its data, users and admin intact, as the
 * sync tests that kill the central mid-replication need.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CouchHttp } from '../../central/couch-http';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { intakeDocuments } from '../../shared/couch/documents.fixtures';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { writeAll } from '../support/unit-writes';

let central: CentralServer | undefined;

afterAll(async () => {
  await central?.stop();
});

describe('startCentralServer({ persistent: true })', () => {
  it('keeps documents, users and the admin across a kill and restart', async () => {
    central = await startCentralServer({ persistent: true });
    await setupCentralUnit(central, 'KTB');
    const unit = await centralDeviceHttp(central, 'KTB', 'X7Q');
    const db = unitDatabaseName('KTB');
    const { complaint } = intakeDocuments('KTB', 1, 'anonymous');
    await writeAll(unit, db, [complaint]);

    await central.kill();
    expect(central.exited()?.signal).toBe('SIGKILL');
    await expect(unit.get(db)).rejects.toThrow(/Cannot reach the server/);

    await central.restart();
    expect(central.exited()).toBeNull();
    const read = await unit.get(`${db}/${encodeURIComponent(complaint._id)}`);
    expect(read.status).toBe(200);
    expect((read.body as { title: string }).title).toBe(complaint.title);
    const session = await new CouchHttp(central.adminUrl).get('_session');
    expect((session.body as { userCtx: { roles: string[] } }).userCtx.roles).toContain('_admin');
  });

  it('deletes its folder on stop', async () => {
    const server = await startCentralServer({ persistent: true });
    const folder = server.dataDir;
    expect(existsSync(folder)).toBe(true);
    await server.stop();
    expect(existsSync(folder)).toBe(false);
  });
});
