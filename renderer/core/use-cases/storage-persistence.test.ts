/**
 * The start asks the browser for persistent storage and keeps its answer in the UI store (the
 * status bar warns on 'not-persistent'): granted, refused, failed, or a runtime without the API.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopTestCores, testCore } from '../test-core.fixtures';
import type { StoragePersistence } from '../state/ui-slice';

afterEach(async () => {
  await stopTestCores();
  vi.unstubAllGlobals();
});

async function startWith(persist: (() => Promise<boolean>) | undefined): Promise<StoragePersistence> {
  const asked = vi.fn(persist);
  vi.stubGlobal('navigator', {
    storage: { estimate: () => Promise.resolve({}), ...(persist ? { persist: asked } : {}) },
  });
  const { core } = testCore();
  await core.device.start(); // a new device: asks for setup
  if (persist) expect(asked).toHaveBeenCalledTimes(1);
  // The answer is kept without holding up the start; a refused or failed request was settled long
  // before the start's IndexedDB reads ended.
  return core.store.getState().storagePersistence;
}

describe('device.start: persistent storage', () => {
  it('is persistent when the browser grants it', async () => {
    expect(await startWith(() => Promise.resolve(true))).toBe('persistent');
  });

  it('is not persistent when the browser refuses it', async () => {
    expect(await startWith(() => Promise.resolve(false))).toBe('not-persistent');
  });

  it('is unknown when the request fails or the runtime has no such request', async () => {
    expect(await startWith(() => Promise.reject(new Error('not allowed')))).toBe('unknown');
    expect(await startWith(undefined)).toBe('unknown');
  });
});
