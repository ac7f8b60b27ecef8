import { describe, expect, it, vi } from 'vitest';
import { platformContract, platformEvents } from '../shared/platform/platform-contract';
import { createPlatformApi, type RendererIpc } from './preload-api';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(respond: (channel: string, args: readonly unknown[]) => unknown = () => undefined) {
  const listeners = new Map<string, Set<Listener>>();
  const calls: { channel: string; args: readonly unknown[] }[] = [];
  const ipc: RendererIpc = {
    invoke: (channel, ...args) => {
      calls.push({ channel, args });
      return Promise.resolve(respond(channel, args));
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, payload);
  };
  const count = (channel: string): number => listeners.get(channel)?.size ?? 0;
  return { ipc, calls, emit, count };
}

describe('createPlatformApi: methods', () => {
  it('exposes exactly the contract methods plus listen, all as functions', () => {
    const api = createPlatformApi(fakeIpc().ipc, { title: '' });
    expect(Object.keys(api).sort()).toEqual([...Object.keys(platformContract), 'listen'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes each method on its contract channel and returns the parsed response', async () => {
    const info = { name: 'Meja Aduan', version: '0.1.0', host: 'electron', platform: 'win32' };
    const { ipc, calls } = fakeIpc((channel) => {
      if (channel === platformContract.appInfo.channel) return info;
      if (channel === platformContract.openExternal.channel) return { status: 'refused' };
      return { status: 'cancelled' };
    });
    const api = createPlatformApi(ipc, { title: '' });

    await expect(api.appInfo()).resolves.toEqual(info);
    await expect(api.openExternal({ url: 'https://evil.example/' })).resolves.toEqual({ status: 'refused' });
    const data = new Uint8Array([1]);
    await expect(api.saveFile({ suggestedName: 'a.csv', mimeType: 'text/csv', data })).resolves.toEqual({
      status: 'cancelled',
    });

    expect(calls).toEqual([
      { channel: 'platform:app-info', args: [undefined] },
      { channel: 'platform:open-external', args: [{ url: 'https://evil.example/' }] },
      { channel: 'platform:save-file', args: [{ suggestedName: 'a.csv', mimeType: 'text/csv', data }] },
    ]);
  });

  it('rejects a response that breaks the contract', async () => {
    const api = createPlatformApi(fakeIpc(() => ({ status: 'opened-maybe' })).ipc, { title: '' });
    await expect(api.openExternal({ url: 'https://lapor.go.id/' })).rejects.toThrow(/Invalid response/);
  });

  it('titles the page with documentTitle while printing, then restores it', async () => {
    const page = { title: 'Meja Aduan' };
    let titleDuringPrint = '';
    const { ipc } = fakeIpc(() => {
      titleDuringPrint = page.title;
      return { status: 'printed' };
    });
    await expect(
      createPlatformApi(ipc, page).print({ documentTitle: 'Tanda terima ADU-0001' }),
    ).resolves.toEqual({
      status: 'printed',
    });
    expect(titleDuringPrint).toBe('Tanda terima ADU-0001');
    expect(page.title).toBe('Meja Aduan');
  });

  it('restores the title when printing fails', async () => {
    const page = { title: 'Meja Aduan' };
    const ipc: RendererIpc = { ...fakeIpc().ipc, invoke: () => Promise.reject(new Error('gone')) };
    await expect(createPlatformApi(ipc, page).print({ documentTitle: 'X' })).rejects.toThrow('gone');
    expect(page.title).toBe('Meja Aduan');
  });
});

describe('createPlatformApi: listen', () => {
  const channel = platformEvents.menuCommand.channel;

  it('delivers parsed payloads without the IPC event, and unsubscribes once', () => {
    const { ipc, emit, count } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = createPlatformApi(ipc, { title: '' }).listen('menuCommand', listener);
    expect(count(channel)).toBe(1);

    emit(channel, { command: 'new-complaint' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ command: 'new-complaint' });

    unsubscribe();
    unsubscribe();
    expect(count(channel)).toBe(0);
    emit(channel, { command: 'print' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('drops malformed payloads', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createPlatformApi(ipc, { title: '' }).listen('menuCommand', listener);
    emit(channel, { command: 'format-disk' });
    emit(channel, 'new-complaint');
    expect(listener).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('refuses unknown events and non-function listeners', () => {
    const api = createPlatformApi(fakeIpc().ipc, { title: '' });
    expect(() => api.listen('toString' as 'menuCommand', () => undefined)).toThrow(/Unknown platform event/);
    expect(() => api.listen('menuCommand', 'alert' as unknown as () => void)).toThrow(/must be a function/);
  });
});
