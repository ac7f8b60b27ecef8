/**
 * Rotating the unit key through real PouchDB (memory): device A (v1) rotates to v2, announced with
 * its chain; the background pass re-wraps every reporter document in batches with progress (only
 * the wrapped key, the version and the writer change; the ciphertext stays), and a second pass finds
 * nothing left. Device B, which only ever had v1, syncs, follows the chain to v2 and opens every
 * identity. Device C re-wraps the same documents on its own: its seals are byte for byte A's, and
 * the revisions in conflict that differ only in their writer are closed. A second rotation racing
 * the first is told `exists`; without the central it is `unreachable`.
 */
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReporterFields } from '../../../shared/complaint/reporter-fields';
import { SEALED_REPORTER_SCHEMA_VERSION } from '../../../shared/complaint/sealed-reporter';
import { sealIdentity, type SealedIdentity } from '../../../shared/crypto/reporter-seal';
import { createUnitKey, type UnitKey } from '../../../shared/crypto/unit-key';
import { newUnitKeyDoc, unitKeyDocId } from '../../../shared/crypto/unit-key-document';
import { memoryDatabase } from '../../../test/support/memory-database';
import type { UnitDatabase } from '../data/database';
import { followKeyChain, rewrapReporters, rotateUnitKey, type RewrapProgress } from './key-rotation';
import { ReporterVault } from './reporter-vault';
import { UnitKeyring } from './unit-keyring';

PouchDB.plugin(replication);

const NOW = new Date('2026-03-02T03:00:00.000Z');
const COUNT = 120;
const fields = (index: number): ReporterFields => ({
  name: `Pelapor ${String(index)}`,
  nik: '3374015505900001',
  phone: '081234567890',
  email: '',
  address: 'Jl. Pemuda 5',
});
const reporterId = (index: number): string => `reporter:KTB-260302-A2C-${String(index + 1).padStart(4, '0')}`;
const notConfigured = () => Promise.resolve({ status: 'not-configured' } as const);

const dbs: UnitDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.destroy();
});
function database(): UnitDatabase {
  const db = memoryDatabase();
  dbs.push(db);
  return db;
}

type StoredReporter = { _id: string; _rev: string; identity: SealedIdentity; lastChangedBy: unknown };

/** A's records: `unit-key:1` and COUNT reporter documents sealed under v1. */
async function unitWithReporters(v1: UnitKey): Promise<{ db: UnitDatabase; keyring: UnitKeyring }> {
  const db = database();
  const keyring = new UnitKeyring();
  keyring.install(v1, v1);
  await db.put(newUnitKeyDoc('KTB', v1, NOW, { device: 'A2C', officer: 'officer-a' }));
  const seal = await keyring.purposeKey('reporter-seal');
  const docs = [];
  for (let index = 0; index < COUNT; index++) {
    docs.push({
      _id: reporterId(index),
      type: 'reporter',
      schemaVersion: SEALED_REPORTER_SCHEMA_VERSION,
      unitCode: 'KTB',
      identity: await sealIdentity(seal, reporterId(index), fields(index)),
      lastChangedBy: { device: 'A2C', officer: 'officer-a' },
    });
  }
  await db.bulkDocs(docs);
  return { db, keyring };
}

async function reporters(db: UnitDatabase): Promise<StoredReporter[]> {
  const result = await db.allDocs({ startkey: 'reporter:', endkey: 'reporter:\ufff0', include_docs: true });
  return result.rows.map((row) => row.doc as unknown as StoredReporter);
}

describe('rotating the unit key', () => {
  it('re-wraps every reporter under v2 in batches; a device that only had v1 follows the chain and reads them all', async () => {
    const v1 = await createUnitKey(1);
    const a = await unitWithReporters(v1);
    const before = await reporters(a.db);

    const rotated = await rotateUnitKey({
      db: a.db,
      keyring: a.keyring,
      unitCode: 'KTB',
      by: { device: 'A2C', officer: 'officer-a' },
      now: NOW,
      createOnCentral: notConfigured,
      newKey: createUnitKey,
    });
    expect(rotated).toEqual({ ok: true, version: 2 });
    expect(a.keyring.current().version).toBe(2);
    const announced = (await a.db.get(unitKeyDocId(2))) as unknown as { chain?: { fromVersion: number } };
    expect(announced.chain?.fromVersion).toBe(1);

    const progress: RewrapProgress[] = [];
    const by = { device: 'A2C', officer: 'officer-a' };
    expect(
      await rewrapReporters(
        a.db,
        a.keyring,
        () => by,
        (step) => progress.push(step),
      ),
    ).toEqual({
      done: COUNT,
      total: COUNT,
    });
    expect(progress).toEqual([
      { done: 0, total: COUNT },
      { done: 50, total: COUNT },
      { done: 100, total: COUNT },
      { done: COUNT, total: COUNT },
    ]);
    const after = await reporters(a.db);
    for (const [index, doc] of after.entries()) {
      const old = before[index];
      expect(doc.identity.keyVersion).toBe(2);
      expect(doc.identity.sealedVersion).toBe(1);
      expect(doc.identity.ciphertext).toBe(old?.identity.ciphertext);
      expect(doc.identity.iv).toBe(old?.identity.iv);
      expect(doc.identity.wrappedKey).not.toBe(old?.identity.wrappedKey);
    }
    // Resumable and idempotent: a second pass finds nothing left.
    expect(await rewrapReporters(a.db, a.keyring, () => by)).toEqual({ done: 0, total: 0 });

    // B only ever had v1: it syncs, follows the chain to v2 and opens every identity.
    const b = { db: database(), keyring: new UnitKeyring() };
    b.keyring.install(v1, v1);
    await a.db.replicate.to(b.db);
    expect(await followKeyChain(b.db, b.keyring)).toEqual([2]);
    expect(b.keyring.byVersion(2)?.fingerprint).toBe(a.keyring.byVersion(2)?.fingerprint);
    const vault = new ReporterVault(b.keyring);
    for (const [index, doc] of (await reporters(b.db)).entries()) {
      const opened = await vault.open(doc);
      expect(opened.sealedIdentity).toBeUndefined();
      expect(opened.name).toBe(fields(index).name);
    }
    // New seals use the newest version.
    expect((await b.keyring.purposeKey('reporter-seal')).version).toBe(2);
  });

  it('two devices re-wrapping the same documents write the same seals; the twins in conflict are closed', async () => {
    const v1 = await createUnitKey(1);
    const a = await unitWithReporters(v1);
    const c = { db: database(), keyring: new UnitKeyring() };
    c.keyring.install(v1, v1);
    await a.db.replicate.to(c.db);
    const rotated = await rotateUnitKey({
      db: a.db,
      keyring: a.keyring,
      unitCode: 'KTB',
      by: { device: 'A2C', officer: 'officer-a' },
      now: NOW,
      createOnCentral: notConfigured,
      newKey: createUnitKey,
    });
    expect(rotated.ok).toBe(true);
    // C receives only the new unit-key document, follows the chain, and re-wraps its own copies.
    await a.db.replicate.to(c.db, { doc_ids: [unitKeyDocId(2)] });
    expect(await followKeyChain(c.db, c.keyring)).toEqual([2]);
    await rewrapReporters(a.db, a.keyring, () => ({ device: 'A2C', officer: 'officer-a' }));
    await rewrapReporters(c.db, c.keyring, () => ({ device: 'C3D', officer: 'officer-c' }));
    const fromA = await reporters(a.db);
    const fromC = await reporters(c.db);
    expect(fromC.map((doc) => JSON.stringify(doc.identity))).toEqual(
      fromA.map((doc) => JSON.stringify(doc.identity)),
    );

    await c.db.replicate.to(a.db);
    const conflicted = await a.db.allDocs({
      startkey: 'reporter:',
      endkey: 'reporter:\ufff0',
      include_docs: true,
      conflicts: true,
    });
    expect(
      conflicted.rows.filter((row) => ((row.doc as { _conflicts?: string[] })._conflicts?.length ?? 0) > 0),
    ).toHaveLength(COUNT);
    expect(await rewrapReporters(a.db, a.keyring, () => ({ device: 'A2C', officer: 'officer-a' }))).toEqual({
      done: 0,
      total: 0,
    });
    const resolved = await a.db.allDocs({
      startkey: 'reporter:',
      endkey: 'reporter:\ufff0',
      include_docs: true,
      conflicts: true,
    });
    expect(
      resolved.rows.filter((row) => ((row.doc as { _conflicts?: string[] })._conflicts?.length ?? 0) > 0),
    ).toEqual([]);
  });

  it('refuses a rotation racing another device, and one the central cannot be asked for', async () => {
    const v1 = await createUnitKey(1);
    const a = await unitWithReporters(v1);
    const race = await rotateUnitKey({
      db: a.db,
      keyring: a.keyring,
      unitCode: 'KTB',
      by: { device: 'A2C', officer: 'officer-a' },
      now: NOW,
      createOnCentral: () => Promise.resolve({ status: 'exists' } as const),
      newKey: createUnitKey,
    });
    expect(race).toEqual({ ok: false, reason: 'exists' });
    const offline = await rotateUnitKey({
      db: a.db,
      keyring: a.keyring,
      unitCode: 'KTB',
      by: { device: 'A2C', officer: 'officer-a' },
      now: NOW,
      createOnCentral: () => Promise.resolve({ status: 'unreachable' } as const),
      newKey: createUnitKey,
    });
    expect(offline).toEqual({ ok: false, reason: 'unreachable' });
    expect(a.keyring.versions()).toEqual([1]);
  });
});
