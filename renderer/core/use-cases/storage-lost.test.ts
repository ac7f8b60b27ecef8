/**
 * A device whose browser deleted its storage (renderer/core/data/device-mark): the next start
 * asks for setup, saying which unit and device code it held; a device never set up asks plainly;
 * a device set up before the mark existed gets it at its next start.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { validateSetup } from '../../../shared/unit/unit-profile';
import { webStorageDeviceMark, type DeviceMarkStore } from '../data/device-mark';
import { stopTestCores, TEST_NOW, TEST_SETUP, testCore } from '../test-core.fixtures';

afterEach(stopTestCores);

/** Web storage as a page has it (a Map behind getItem/setItem). */
function webStorage(): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

async function setUpUnit(deviceMark: DeviceMarkStore): Promise<void> {
  const { core } = testCore({ deviceMark });
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, TEST_NOW);
  await core.device.stop();
}

describe('a device whose storage the browser deleted', () => {
  it('asks for setup saying which unit and device code it held', async () => {
    const mark = webStorageDeviceMark(webStorage());
    await setUpUnit(mark);
    expect(mark.read()).toEqual({
      unitCode: TEST_SETUP.unitCode,
      deviceCode: TEST_SETUP.deviceCode,
      setUpAt: TEST_NOW.toISOString(),
    });
    // The browser deleted IndexedDB: a new device database, the mark kept apart.
    const { core } = testCore({ deviceMark: mark });
    await core.device.start();
    expect(core.store.getState().phase).toBe('setup');
    expect(core.store.getState().lostDevice).toEqual(mark.read());
  });

  it('asks a device never set up plainly', async () => {
    const { core } = testCore({ deviceMark: webStorageDeviceMark(webStorage()) });
    await core.device.start();
    expect(core.store.getState().phase).toBe('setup');
    expect(core.store.getState().lostDevice).toBeUndefined();
  });

  it('marks at its next start a device set up before the mark was kept', async () => {
    const storage = webStorage();
    const { core, device } = testCore({ deviceMark: webStorageDeviceMark(null) });
    const setup = validateSetup(TEST_SETUP);
    if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
    await core.device.setup(setup.value, TEST_NOW);
    await core.device.stop();
    expect(storage.items.size).toBe(0);
    // The same device database, now with web storage (the upgrade): the start keeps the mark.
    const restarted = testCore({ deviceMark: webStorageDeviceMark(storage), deviceDatabase: device });
    await restarted.core.device.start();
    expect(restarted.core.store.getState().phase).toBe('choose-officer');
    expect(webStorageDeviceMark(storage).read()?.deviceCode).toBe(TEST_SETUP.deviceCode);
  });

  it('reads a damaged mark as none', () => {
    const storage = webStorage();
    storage.items.set('meja-aduan:device-mark', '{"unitCode":');
    expect(webStorageDeviceMark(storage).read()).toBeNull();
    storage.items.set('meja-aduan:device-mark', JSON.stringify({ unitCode: 'KTB' }));
    expect(webStorageDeviceMark(storage).read()).toBeNull();
  });
});
