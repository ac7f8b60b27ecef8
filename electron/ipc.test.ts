import { describe, expect, it, vi } from 'vitest';
import type { PlatformHandlers } from './ipc';

type Invoke = (event: unknown, payload?: unknown) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn<(channel: string, listener: Invoke) => void>() },
}));
vi.mock('electron', () => electron);

const { registerPlatformHandlers } = await import('./ipc');

const handlers: PlatformHandlers = {
  appInfo: vi.fn(() =>
    Promise.resolve({ name: 'Meja Aduan', version: '0.1.0', host: 'electron' as const, platform: 'linux' }),
  ),
  saveFile: vi.fn(() => Promise.resolve({ status: 'cancelled' as const })),
  print: vi.fn(() => Promise.resolve({ status: 'printed' as const })),
  // Deliberately breaks the contract, to prove responses are checked.
  openExternal: vi.fn(() => Promise.resolve({ status: 'opened-maybe' } as never)),
  readSecret: vi.fn(() => Promise.resolve({ value: null, protection: 'os-keychain' as const })),
  storeSecret: vi.fn(() =>
    Promise.resolve({ status: 'stored' as const, protection: 'os-keychain' as const }),
  ),
  sealKeyWrap: vi.fn(() => Promise.resolve({ sealed: 'enc:AAAA', protection: 'os-keychain' as const })),
  openKeyWrap: vi.fn(() => Promise.resolve({ text: null, protection: 'os-keychain' as const })),
};
registerPlatformHandlers(handlers);

function channelHandler(channel: string): Invoke {
  const found = electron.ipcMain.handle.mock.calls.find(([registered]) => registered === channel);
  if (found === undefined) throw new Error(`nothing registered on ${channel}`);
  return found[1];
}

const fromApp = { senderFrame: { url: 'app://meja-aduan/complaints' }, sender: {} };

describe('registerPlatformHandlers', () => {
  it('registers one handler per contract channel', () => {
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual([
      'platform:app-info',
      'platform:open-external',
      'platform:open-key-wrap',
      'platform:print',
      'platform:read-secret',
      'platform:save-file',
      'platform:seal-key-wrap',
      'platform:store-secret',
    ]);
  });

  it('passes parsed requests from the app to the handler', async () => {
    await expect(
      channelHandler('platform:print')(fromApp, { documentTitle: 'Tanda terima' }),
    ).resolves.toEqual({
      status: 'printed',
    });
    expect(handlers.print).toHaveBeenCalledWith({ documentTitle: 'Tanda terima' }, fromApp);
    await expect(channelHandler('platform:app-info')(fromApp)).resolves.toMatchObject({ host: 'electron' });
  });

  it('refuses callers outside the app origin before running the handler', async () => {
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }]) {
      await expect(channelHandler('platform:save-file')(event, {})).rejects.toThrow(/not the app/);
    }
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('refuses invalid payloads before running the handler', async () => {
    const invalid = { suggestedName: '../x', mimeType: 'text/plain', data: new Uint8Array() };
    await expect(channelHandler('platform:save-file')(fromApp, invalid)).rejects.toThrow(
      /Invalid request .*suggestedName/,
    );
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('refuses a handler response that breaks the contract', async () => {
    await expect(
      channelHandler('platform:open-external')(fromApp, { url: 'https://lapor.go.id/' }),
    ).rejects.toThrow(/Invalid response/);
  });
});
