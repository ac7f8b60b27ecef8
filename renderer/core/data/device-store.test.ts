import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceDatabase } from './device-database';
import { DeviceStore } from './device-store';

let db: DeviceDatabase;
const open = (): DeviceStore => {
  db = new DeviceDatabase(`device-test-${crypto.randomUUID()}`);
  return new DeviceStore(db);
};
afterEach(async () => db.delete());

describe('DeviceStore', () => {
  it('hands out every sequence number once, even to concurrent callers', async () => {
    const store = open();
    const numbers = await Promise.all(Array.from({ length: 50 }, () => store.nextSequence('complaint')));
    expect(new Set(numbers).size).toBe(50);
    expect(Math.min(...numbers)).toBe(1);
    expect(Math.max(...numbers)).toBe(50);
    expect(await store.nextSequence('event')).toBe(1); // sequences are independent
    expect(await store.nextSequence('complaint')).toBe(51);
  });

  it('reserves blocks of numbers that never overlap single numbers or each other', async () => {
    const store = open();
    const [a, b, c] = await Promise.all([
      store.reserveSequences('event', 100),
      store.nextSequence('event'),
      store.reserveSequences('event', 10),
    ]);
    const taken = [
      ...Array.from({ length: 100 }, (_, i) => a + i),
      b,
      ...Array.from({ length: 10 }, (_, i) => c + i),
    ];
    expect(new Set(taken).size).toBe(111);
    expect(Math.max(...taken)).toBe(111);
    expect(await store.nextSequence('event')).toBe(112);
    expect(() => store.reserveSequences('event', 0)).toThrow(RangeError);
  });

  it('keeps counters across a reopen of the database', async () => {
    const store = open();
    await store.nextSequence('complaint');
    await store.nextSequence('complaint');
    db.close();
    await db.open();
    expect(await new DeviceStore(db).nextSequence('complaint')).toBe(3);
  });

  it('stores the first-run setup with its first officer as the current one', async () => {
    const store = open();
    expect(await store.deviceConfig()).toBeUndefined();
    const officer = await store.completeSetup(
      { unitCode: 'KTB', deviceCode: 'A2C' },
      { name: 'Siti', role: 'manager' },
      new Date('2026-11-23T03:00:00Z'),
    );
    expect(await store.deviceConfig()).toEqual({
      unitCode: 'KTB',
      deviceCode: 'A2C',
      createdAt: '2026-11-23T03:00:00.000Z',
    });
    expect((await store.currentOfficer())?.name).toBe('Siti');
    const added = await store.addOfficer('Budi', 'officer', new Date());
    if (!added.ok) throw new Error('not added');
    const other = added.officer;
    expect(other.role).toBe('officer');
    expect(await store.setOfficerRole(officer.id, other.id, 'supervisor')).toBeNull();
    await store.setCurrentOfficer(other.id);
    expect(await store.currentOfficer()).toMatchObject({ id: other.id, role: 'supervisor' });
    expect((await store.officers()).map((o) => o.name)).toEqual(['Budi', 'Siti']);
    expect(officer.id).not.toBe(other.id);
  });

  it('refuses a second officer of the same name, deactivates and reactivates, keeps a manager', async () => {
    const store = open();
    const siti = await store.completeSetup(
      { unitCode: 'KTB', deviceCode: 'A2C' },
      { name: 'Siti', role: 'manager' },
      new Date('2026-11-23T03:00:00Z'),
    );
    expect(await store.addOfficer(' siti ', 'officer', new Date())).toEqual({
      ok: false,
      problem: 'name-taken',
    });
    const added = await store.addOfficer('  Budi   Prasetyo ', 'officer', new Date());
    if (!added.ok) throw new Error('not added');
    expect(added.officer).toMatchObject({ name: 'Budi Prasetyo', active: true });
    const budi = added.officer;
    expect(await store.setOfficerActive(budi.id, siti.id, false)).toBe('not-allowed');
    expect(await store.setOfficerActive(siti.id, siti.id, false)).toBe('self');
    expect(await store.setOfficerActive(siti.id, budi.id, false)).toBeNull();
    expect((await store.activeOfficers()).map((o) => o.name)).toEqual(['Siti']);
    expect((await store.officers()).map((o) => o.name)).toEqual(['Budi Prasetyo', 'Siti']);
    // A deactivated officer's name stays taken (the trail names them).
    expect(await store.addOfficer('budi prasetyo', 'officer', new Date())).toMatchObject({ ok: false });
    expect(await store.setOfficerActive(siti.id, budi.id, true)).toBeNull();
    expect((await store.activeOfficers()).map((o) => o.name)).toEqual(['Budi Prasetyo', 'Siti']);
    expect(await store.setOfficerRole(siti.id, siti.id, 'officer')).toBe('self');
  });

  it('upgrades officers stored before deactivation existed to active', async () => {
    const name = `device-test-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(4).stores({ settings: 'key', officers: 'id, name', counters: 'name' });
    await old.table('officers').put({ id: 'o1', name: 'Lama', role: 'manager', createdAt: '2026-01-01' });
    old.close();
    db = new DeviceDatabase(name);
    expect(await new DeviceStore(db).activeOfficers()).toMatchObject([{ id: 'o1', active: true }]);
  });

  it('remembers the language and each officer’s last channel', async () => {
    const store = open();
    expect(await store.language()).toBeUndefined();
    await store.setLanguage('en');
    expect(await store.language()).toBe('en');
    await store.setLastChannel('o1', 'phone');
    expect(await store.lastChannel('o1')).toBe('phone');
    expect(await store.lastChannel('o2')).toBeUndefined();
  });

  it('keeps the receipt paper across a reopen, A5 until chosen, and refuses what is not a paper', async () => {
    const store = open();
    expect(await store.receiptPaper()).toBe('a5');
    await store.setReceiptPaper('roll80');
    db.close();
    await db.open();
    expect(await new DeviceStore(db).receiptPaper()).toBe('roll80');
    await store.setReceiptPaper('a5');
    expect(await store.receiptPaper()).toBe('a5');
    await expect(store.setReceiptPaper('letter' as 'a5')).rejects.toThrow(RangeError);
    // A value this version does not know (a damaged row) reads as the default.
    await db.settings.put({ key: 'receiptPaper', value: 'roll58' });
    expect(await store.receiptPaper()).toBe('a5');
  });
});
