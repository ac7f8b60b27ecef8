import 'fake-indexeddb/auto';
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
      ...Array.from({ length: 100 }, (_, i) => (a ?? 0) + i),
      b,
      ...Array.from({ length: 10 }, (_, i) => (c ?? 0) + i),
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
    const other = await store.addOfficer('Budi', 'officer', new Date());
    expect(other.role).toBe('officer');
    await store.setOfficerRole(other.id, 'supervisor');
    await store.setCurrentOfficer(other.id);
    expect(await store.currentOfficer()).toMatchObject({ id: other.id, role: 'supervisor' });
    expect((await store.officers()).map((o) => o.name)).toEqual(['Budi', 'Siti']);
    expect(officer.id).not.toBe(other.id);
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
});
