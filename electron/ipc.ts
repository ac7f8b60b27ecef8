import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  platformContract,
  type PlatformMethod,
  type PlatformResponse,
} from '../shared/platform/platform-contract';
import {
  PLATFORM_METHODS,
  PlatformRequestError,
  isTrustedSenderUrl,
  parsePlatformRequest,
  parsePlatformResponse,
  type PlatformRequestData,
} from './ipc-validation';

export type PlatformHandler<K extends PlatformMethod> = (
  request: PlatformRequestData<K>,
  event: IpcMainInvokeEvent,
) => Promise<PlatformResponse<K>>;

/** One implementation per contract method: a method without a handler is a compile error. */
export type PlatformHandlers = { readonly [K in PlatformMethod]: PlatformHandler<K> };

/** Registers one `ipcMain.handle` per contract entry, on the entry's own channel. */
export function registerPlatformHandlers(handlers: PlatformHandlers): void {
  for (const method of PLATFORM_METHODS) registerHandler(method, handlers[method]);
}

function registerHandler<K extends PlatformMethod>(method: K, handler: PlatformHandler<K>): void {
  ipcMain.handle(platformContract[method].channel, async (event, payload: unknown) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url)) {
      throw new PlatformRequestError(`Platform method "${method}" refused: the caller is not the app.`);
    }
    const request = parsePlatformRequest(method, payload);
    return parsePlatformResponse(method, await handler(request, event));
  });
}
