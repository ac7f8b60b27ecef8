/**
 * Access records on the central (Apache CouchDB 3.5 where found; docs/decisions/016-access-log.md):
 * a record written on one device, as the core writes it (sealed, `new_edits: false`), syncs
 * through the central to a second device; the central refuses, from the device's own account,
 * an update of a stored record, its deletion and a forged sibling (immutable), and a record naming
 * another device (device), also when it arrives through that device's sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouchHttp, CouchResponse } from '../../central/couch-http';
import { newAccessDoc } from '../../shared/auth/access-record';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { forReplicationWrite } from '../../shared/couch/revision-writes';
import {
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
  deviceSyncConfig,
  summary,
  waitFor,
  type Db,
  type Device,
} from './sync-support';

const DB = unitDatabaseName(UNIT);
const AT = new Date('2026-12-06T03:00:00.000Z');

let central: CentralServer;
let centralDb: Db;
let asA23: CouchHttp;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
  asA23 = await centralDeviceHttp(central, UNIT, 'A23');
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

const path = (id: string): string => `${DB}/${encodeURIComponent(id)}`;

/** The classified reason of a refused write (a single answer, or the first row of a bulk answer); null when stored. */
function refusalCode(response: CouchResponse): string | null {
  const body = Array.isArray(response.body) ? (response.body as unknown[])[0] : response.body;
  const row = body as { error?: string; reason?: unknown } | undefined;
  if ((response.status === 201 || response.status === 200) && !row?.error) return null;
  const reason = row?.reason;
  return typeof reason === 'string' ? (parseRejection(reason)?.code ?? reason) : `HTTP ${response.status}`;
}

const replicate = (as: CouchHttp, docs: readonly object[]): Promise<CouchResponse> =>
  as.request('POST', `${DB}/_bulk_docs`, { docs, new_edits: false });

const has = async (db: Db, id: string): Promise<boolean> =>
  db.get(id).then(
    () => true,
    () => false,
  );

describe('access records', () => {
  it('sync from one device through the central to a second device', async () => {
    const a = createDevice('A23');
    const b = createDevice('B45');
    devices.push(a, b);
    await Promise.all([
      a.service.start(await deviceSyncConfig(central, a.code)),
      b.service.start(await deviceSyncConfig(central, b.code)),
    ]);
    const record = newAccessDoc(
      { kind: 'sign-in-failed', officerId: 'officer-budi' },
      { unitCode: UNIT, deviceCode: 'A23' },
      AT,
    );
    await a.db.bulkDocs([record], { new_edits: false });
    await waitFor(
      () => has(b.db, record._id),
      20_000,
      () => `${summary(a)} ${summary(b)}`,
    );
    const arrived = await b.db.get(record._id);
    expect(arrived).toMatchObject({ _rev: record._rev, kind: 'sign-in-failed', deviceCode: 'A23' });
    expect(await has(centralDb, record._id)).toBe(true);
  });

  it('cannot be changed, deleted or forged by the device that wrote them (immutable)', async () => {
    const record = newAccessDoc(
      { kind: 'role-changed', officerId: 'officer-siti', subjectId: 'officer-budi', role: 'officer' },
      { unitCode: UNIT, deviceCode: 'A23' },
      new Date(AT.getTime() + 1000),
    );
    expect(refusalCode(await replicate(asA23, [forReplicationWrite(record)]))).toBeNull();
    const hash = record._id.slice(-64);
    const raised = { ...record, role: 'manager' };
    expect(refusalCode(await asA23.put(path(record._id), raised))).toBe('immutable');
    expect(
      refusalCode(
        await replicate(asA23, [
          { ...raised, _rev: `2-${'e'.repeat(32)}`, _revisions: { start: 2, ids: ['e'.repeat(32), hash] } },
        ]),
      ),
    ).toBe('immutable');
    // A sibling with a disjoint history reaches the validator with no stored document.
    expect(
      refusalCode(
        await replicate(asA23, [
          { ...raised, _rev: `1-${'f'.repeat(32)}`, _revisions: { start: 1, ids: ['f'.repeat(32)] } },
        ]),
      ),
    ).toBe('immutable');
    expect(
      refusalCode(
        await asA23.request('DELETE', `${path(record._id)}?rev=${encodeURIComponent(record._rev)}`),
      ),
    ).toBe('immutable');
    const stored = (await centralDb.get(record._id)) as unknown as Record<string, unknown>;
    expect(stored).toMatchObject({ _rev: record._rev, role: 'officer' });
  });

  it("refuses a record naming another device than the one signed in (device), also through that device's sync", async () => {
    const forged = newAccessDoc(
      { kind: 'sign-in', officerId: 'officer-siti' },
      { unitCode: UNIT, deviceCode: 'B45' },
      new Date(AT.getTime() + 2000),
    );
    expect(refusalCode(await replicate(asA23, [forReplicationWrite(forged)]))).toBe('device');

    // Device A23's own database holding a record that names B45: its sync is refused.
    const a = devices[0];
    if (!a) throw new Error('the first test starts the devices');
    const other = newAccessDoc(
      { kind: 'sign-out', officerId: 'officer-siti' },
      { unitCode: UNIT, deviceCode: 'B45' },
      new Date(AT.getTime() + 3000),
    );
    const own = newAccessDoc(
      { kind: 'sign-out', officerId: 'officer-budi' },
      { unitCode: UNIT, deviceCode: 'A23' },
      new Date(AT.getTime() + 3000),
    );
    await a.db.bulkDocs([other, own], { new_edits: false });
    await waitFor(
      () => has(centralDb, own._id),
      20_000,
      () => summary(a),
    );
    expect(await has(centralDb, other._id)).toBe(false);
    expect(await has(centralDb, forged._id)).toBe(false);
  });
});
