/**
 * The receipt paper through the real composition root (fake-indexeddb): A5 until the desk chooses,
 * the choice stored in this device's Dexie settings and read back from the same database as after
 * a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validateSetup } from '../../../shared/unit/unit-profile';
import { DeviceStore } from '../data/device-store';
import { TEST_NOW as NOW, TEST_SETUP, stopTestCores, testCore } from '../test-core.fixtures';

afterEach(stopTestCores);

describe('receipt paper', () => {
  it('is A5 until chosen, and keeps the 80 mm roll on this device only', async () => {
    const { core, device } = testCore();
    const setup = validateSetup(TEST_SETUP);
    if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
    await core.device.setup(setup.value, NOW);
    expect(await core.receipt.paper()).toBe('a5');

    await core.receipt.setPaper('roll80');
    expect(await core.receipt.paper()).toBe('roll80');
    expect(await device.settings.get('receiptPaper')).toEqual({ key: 'receiptPaper', value: 'roll80' });
    // What a restarted app reads from the same device database.
    expect(await new DeviceStore(device).receiptPaper()).toBe('roll80');

    await core.receipt.setPaper('a5');
    expect(await core.receipt.paper()).toBe('a5');
  });
});
