/**
 * A mutable document changed on two devices reaches the central as a conflict, both revisions
 * kept (as CouchDB does), so the app can show it; nothing is dropped on the way. Guards the
 * pouchdb-validation fix the test server loads (central/pouchdb-validation-fix.cjs).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import {
  centralDeviceCredentials,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';

let central: CentralServer;
beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, 'KTB');
});
afterAll(async () => central.stop());

async function request(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const { user, password } = await centralDeviceCredentials(central, 'KTB', 'X7Q');
  const auth = Buffer.from(`${user}:${password}`).toString('base64');
  const response = await fetch(`${central.url}${unitDatabaseName('KTB')}/${path}`, {
    ...init,
    headers: {
      Authorization: `Basic ${auth}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
  });
  return (await response.json()) as Record<string, unknown>;
}

it('keeps a replicated sibling revision of a mutable document as a conflict', async () => {
  const base = {
    _id: 'unit-offices',
    type: 'unit-offices',
    schemaVersion: 1,
    unitCode: 'KTB',
    updatedAt: '2026-11-23T03:00:00.000Z',
    updatedBy: { officerId: 'officer-1', name: 'Siti' },
    // Both revisions are written here with device X7Q's credentials, and name it (docs/central.md).
    lastChangedBy: { device: 'X7Q', officer: 'officer-1' },
    offices: [] as unknown[],
  };
  const first = await request('unit-offices', { method: 'PUT', body: JSON.stringify(base) });
  const mine = await request('unit-offices', {
    method: 'PUT',
    body: JSON.stringify({
      ...base,
      _rev: first.rev,
      offices: [{ code: 'dinkes', name: 'Dinas Kesehatan', active: true }],
    }),
  });
  const parent = String(first.rev).slice(2);
  const theirs = 'f'.repeat(32);
  // What the replicator sends for the other device's revision.
  await request('_bulk_docs', {
    method: 'POST',
    body: JSON.stringify({
      new_edits: false,
      docs: [
        {
          ...base,
          offices: [{ code: 'dinsos', name: 'Dinas Sosial', active: true }],
          _rev: `2-${theirs}`,
          _revisions: { start: 2, ids: [theirs, parent] },
        },
      ],
    }),
  });
  const stored = await request('unit-offices?conflicts=true');
  expect([stored._rev, ...((stored._conflicts as string[] | undefined) ?? [])].sort()).toEqual(
    [String(mine.rev), `2-${theirs}`].sort(),
  );
});
