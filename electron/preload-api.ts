/**
 * Builds the object the preload exposes as `window.mejaAduan`. Kept free of Electron imports so
 * it is unit-tested with a fake IPC; preload.ts passes the real `ipcRenderer`.
 */
import type { z } from 'zod';
import {
  platformContract,
  platformEvents,
  printRequestSchema,
  type PlatformApi,
  type PlatformEventName,
  type PlatformEventPayload,
  type PlatformMethod,
  type PlatformRequest,
  type PlatformResponse,
} from '../shared/platform/platform-contract';
import { parsePlatformResponse } from './ipc-validation';

/** The event map seen through a mapped type, so a generic event name yields its own payload type. */
const events: {
  readonly [E in PlatformEventName]: Readonly<{
    channel: string;
    payload: z.ZodType<PlatformEventPayload<E>>;
  }>;
} = platformEvents;

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of `ipcRenderer` the API needs; never handed to the page. */
export type RendererIpc = Readonly<{
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
  on: (channel: string, listener: IpcListener) => unknown;
  removeListener: (channel: string, listener: IpcListener) => unknown;
}>;

/** The page's document, for the print job's title. */
export type PrintablePage = { title: string };

export function createPlatformApi(ipc: RendererIpc, page: PrintablePage): PlatformApi {
  async function invoke<K extends PlatformMethod>(
    method: K,
    request?: PlatformRequest<K>,
  ): Promise<PlatformResponse<K>> {
    const response = await ipc.invoke(platformContract[method].channel, request);
    return parsePlatformResponse(method, response);
  }

  async function print(request: PlatformRequest<'print'>): Promise<PlatformResponse<'print'>> {
    const parsed = printRequestSchema.safeParse(request);
    const previousTitle = page.title;
    if (parsed.success && parsed.data.documentTitle) page.title = parsed.data.documentTitle;
    try {
      return await invoke('print', request);
    } finally {
      page.title = previousTitle;
    }
  }

  function listen<E extends PlatformEventName>(
    event: E,
    listener: (payload: PlatformEventPayload<E>) => void,
  ): () => void {
    if (!Object.hasOwn(platformEvents, event)) throw new TypeError(`Unknown platform event "${event}".`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    const { channel, payload: schema } = events[event];
    // The IPC event object is dropped here: it carries `sender`, i.e. ipcRenderer itself.
    const onMessage: IpcListener = (_ipcEvent, payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
      else console.warn(`Ignored a malformed "${event}" event from the host.`);
    };
    ipc.on(channel, onMessage);
    let subscribed = true;
    return function unsubscribe(): void {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, onMessage);
    };
  }

  return {
    appInfo: () => invoke('appInfo'),
    saveFile: (request) => invoke('saveFile', request),
    print,
    openExternal: (request) => invoke('openExternal', request),
    readSecret: (request) => invoke('readSecret', request),
    storeSecret: (request) => invoke('storeSecret', request),
    sealKeyWrap: (request) => invoke('sealKeyWrap', request),
    openKeyWrap: (request) => invoke('openKeyWrap', request),
    listen,
  } satisfies PlatformApi;
}
