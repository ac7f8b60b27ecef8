/**
 * A complaint whose files break the server's file rules (an undeclared extra file, a file whose
 * length is not its declared size) is refused by the central server when the device syncs it:
 * the app reports it as a 'rejected-document' with the validator's code 'schema', keeps the
 * complaint and its files on the device as written, counts it as unsent, and everything else
 * still syncs. Real HTTP to the test central (Apache CouchDB, or pouchdb-server as a fallback),
 * the app's own SyncService, and the unit's own credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentMeta } from '../../shared/complaint/complaint-schema';
import { base64Of, fileBytes } from '../../shared/couch/attachment-documents.fixtures';
import type { SyncStatus } from '../../shared/sync/sync-status';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import {
  UNIT,
  deviceSyncConfig,
  centralDatabase,
  createDevice,
  documentsOf,
  logComplaint,
  waitFor,
  type Db,
  type Device,
} from './sync-support';
import { stopStarted } from '../support/stop-started';

let central: CentralServer;
let centralDb: Db;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

const PHOTO: AttachmentMeta = { key: 'att-1', name: 'foto-jalan.jpg', mimeType: 'image/jpeg', size: 64 };
const inline = (mimeType: string, size: number): Readonly<{ content_type: string; data: string }> => ({
  content_type: mimeType,
  data: base64Of(fileBytes(mimeType, size)),
});

async function refusalOf(target: Device, id: string): Promise<SyncStatus & { state: 'error' }> {
  await waitFor(
    () => target.service.status().rejectedDocuments.some((document) => document.id === id),
    15_000,
    () => JSON.stringify(target.service.status()),
  );
  return target.service.status() as SyncStatus & { state: 'error' };
}

describe('a complaint whose files break the file rules', () => {
  it('is refused as "schema", reported, kept on the device with its files; the rest syncs', async () => {
    const device = createDevice('K23');
    devices.push(device);
    await device.service.start(await deviceSyncConfig(central, device.code));

    // An extra file the complaint does not declare, and a file longer than its declared size.
    const extra = await logComplaint(device, 'named', {
      attachments: [PHOTO],
      _attachments: { 'att-1': inline('image/jpeg', 64), 'att-2': inline('image/png', 32) },
    });
    const longer = await logComplaint(device, 'named', {
      attachments: [PHOTO],
      _attachments: { 'att-1': inline('image/jpeg', 65) },
    });
    const valid = await logComplaint(device, 'named', {
      attachments: [PHOTO],
      _attachments: { 'att-1': inline('image/jpeg', 64) },
    });

    await refusalOf(device, extra._id);
    await refusalOf(device, longer._id);
    const status = device.service.status();
    expect(status.rejectedDocuments).toEqual(
      expect.arrayContaining([
        {
          id: extra._id,
          rejection: 'schema',
          message: 'schema: complaint: the file "att-2" is not declared in attachments',
        },
        {
          id: longer._id,
          rejection: 'schema',
          message: 'schema: complaint: the file "att-1" has 65 bytes but is declared with 64',
        },
      ]),
    );
    if (status.state === 'error') expect(status.error).toMatchObject({ reason: 'rejected-document' });

    // The valid complaint, with its file, reached the central; the refused ones did not.
    await waitFor(async () => (await documentsOf(centralDb)).has(valid._id), 15_000);
    const held = await documentsOf(centralDb);
    expect(held.has(extra._id)).toBe(false);
    expect(held.has(longer._id)).toBe(false);
    const onCentral = held.get(valid._id) as { _attachments?: Record<string, { length?: number }> };
    expect(onCentral._attachments?.['att-1']?.length).toBe(64);

    // Kept on the device as written, files included, and counted as unsent.
    const kept = (await device.db.get(extra._id, { attachments: true })) as {
      _attachments: Record<string, { data: string }>;
    };
    expect(Object.keys(kept._attachments).sort()).toEqual(['att-1', 'att-2']);
    expect(kept._attachments['att-2']?.data).toBe(inline('image/png', 32).data);
    await waitFor(
      () => device.service.status().pendingLocalChanges === 2,
      10_000,
      () => JSON.stringify(device.service.status()),
    );
  });
});
