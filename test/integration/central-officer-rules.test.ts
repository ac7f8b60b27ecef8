/**
 * The roster's officer documents on the central (Apache CouchDB 3.5 where found): the server accepts
 * an officer document as the app builds it (a verifier, never a secret) and its update, and refuses,
 * through the JSON Schema derived from the app's zod schema, a document carrying a field the schema
 * does not have (a PIN in clear), a verifier made cheap to guess (iterations below the minimum), an
 * unknown role, and an id that does not name its officer. Decision 015.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouchHttp, CouchResponse } from '../../central/couch-http';
import { createVerifier, MIN_SECRET_ITERATIONS } from '../../shared/auth/secret-verifier';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { newOfficerDoc, officerDocId, type OfficerDoc } from '../../shared/unit/officer-document';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';

const DB = encodeURIComponent(unitDatabaseName('KTB'));
const NOW = new Date('2026-12-06T03:00:00.000Z');

let central: CentralServer;
let device: CouchHttp;

const put = (doc: Readonly<{ _id: string } & Record<string, unknown>>): Promise<CouchResponse> =>
  device.put(`${DB}/${encodeURIComponent(doc._id)}`, doc);

function rejection(response: CouchResponse): string | undefined {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  const body = response.body as { error?: string; reason?: string };
  expect(body.error).toBe('forbidden');
  return parseRejection(body.reason ?? '')?.code;
}

async function officer(officerId: string): Promise<OfficerDoc> {
  return newOfficerDoc(
    {
      unitCode: 'KTB',
      officerId,
      name: `Petugas ${officerId}`,
      role: 'officer',
      verifier: await createVerifier('573920', MIN_SECRET_ITERATIONS),
      mustChangeSecret: true,
    },
    NOW,
    { device: 'X7Q', officer: 'officer-manager' },
  );
}

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, 'KTB');
  device = await centralDeviceHttp(central, 'KTB', 'X7Q');
});

afterAll(async () => {
  await stopStarted(central);
});

describe('the central accepts', () => {
  it('an officer document as the app builds it, and its update (a new role, the PIN changed)', async () => {
    const doc = await officer('officer-accepted');
    const created = await put(doc);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const rev = (created.body as { rev: string }).rev;
    const changed = await put({
      ...doc,
      _rev: rev,
      role: 'supervisor',
      verifier: await createVerifier('264810', MIN_SECRET_ITERATIONS),
      mustChangeSecret: false,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(201);
  });
});

describe('the central refuses', () => {
  it('an officer document with the PIN itself in it (schema)', async () => {
    const doc = await officer('officer-pin');
    expect(rejection(await put({ ...doc, pin: '573920' }))).toBe('schema');
  });

  it('a verifier with fewer iterations than the minimum (schema)', async () => {
    const doc = await officer('officer-cheap');
    const verifier = doc.verifier ? { ...doc.verifier, iterations: 1 } : undefined;
    expect(rejection(await put({ ...doc, verifier }))).toBe('schema');
  });

  it('an unknown role (schema)', async () => {
    const doc = await officer('officer-admin');
    expect(rejection(await put({ ...doc, role: 'admin' }))).toBe('schema');
  });

  it('an id that does not name the officer (schema)', async () => {
    const doc = await officer('officer-one');
    expect(rejection(await put({ ...doc, _id: officerDocId('officer-two') }))).toBe('schema');
  });
});
