/**
 * The one contract between the renderer and the platform that hosts it.
 *
 * Everything the renderer asks of its host (Electron main process, or the plain-Chromium
 * browser host) is listed here once: a method name, its IPC channel, and zod schemas for the
 * request and the response. Electron's main process registers one handler per entry and parses
 * every payload with the request schema; the preload builds its named functions from the same
 * map; the browser host implements the same `PlatformApi` type. Channel strings exist only here.
 */
import { z } from 'zod';
import { isSafeSaveName } from '../complaint/file-names';

/** Largest file the renderer may hand to the host to save (a submission packet with evidence). */
export const MAX_SAVE_FILE_BYTES = 512 * 1024 * 1024;

/**
 * A name the host may propose in its save dialog or as a download: exactly the names
 * `saveFileName` produces (no path separators, control or format characters such as U+202E, no
 * `: * ? " < > |`, not `.` or `..`, trimmed, at most 120 characters). The renderer cleans every
 * name before asking (renderer/platform/platform.ts); anything else is refused here.
 */
const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(isSafeSaveName, { message: 'platform.fileName.invalid' });

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  electronVersion: z.string().optional(),
  chromeVersion: z.string().optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const saveFileRequestSchema = z.object({
  suggestedName: fileNameSchema,
  mimeType: z.string().min(1).max(120),
  data: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= MAX_SAVE_FILE_BYTES, { message: 'platform.file.tooLarge' }),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

/**
 * Where a saved file went, for the message that names it: its name, and the folder the officer
 * chose in Electron's dialog, or `null` for the browser host, whose downloads go to the browser's
 * downloads folder (the page is never told which folder that is).
 */
export const saveFileResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), fileName: z.string().min(1), folder: z.string().nullable() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

export const printRequestSchema = z.object({ documentTitle: z.string().max(200).optional() }).strict();
export type PrintRequest = z.infer<typeof printRequestSchema>;

export const printResultSchema = z.object({
  status: z.enum(['printed', 'cancelled', 'failed']),
  reason: z.string().optional(),
});
export type PrintResult = z.infer<typeof printResultSchema>;

/**
 * External sites the app may open in the system browser. Anything else is refused: the app
 * never navigates away from itself.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = [
  'https://www.lapor.go.id',
  'https://lapor.go.id',
  'https://ombudsman.go.id',
  'https://www.ombudsman.go.id',
  'https://menpan.go.id',
  'https://www.menpan.go.id',
];

/** True when `url` is an https URL on one of the allow-listed origins. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return EXTERNAL_LINK_ALLOW_LIST.includes(parsed.origin);
}

export const openExternalRequestSchema = z.object({ url: z.string().max(2000) });
export const openExternalResultSchema = z.object({ status: z.enum(['opened', 'refused']) });
export type OpenExternalResult = z.infer<typeof openExternalResultSchema>;

/**
 * Secrets the app keeps for itself (the unit's central password). The Electron host encrypts them
 * with the OS keychain through safeStorage; the browser host can only keep them in IndexedDB, and
 * says so (`protection`), so the UI can warn.
 */
export const SECRET_KEYS = ['central-password'] as const;
export const SECRET_MAX_LENGTH = 1024;
export const secretProtectionSchema = z.enum(['os-keychain', 'plain-file', 'browser-storage']);
export type SecretProtection = z.infer<typeof secretProtectionSchema>;
export const readSecretRequestSchema = z.object({ key: z.enum(SECRET_KEYS) }).strict();
export const readSecretResultSchema = z.object({
  value: z.string().max(SECRET_MAX_LENGTH).nullable(),
  protection: secretProtectionSchema,
});
export type ReadSecretResult = z.infer<typeof readSecretResultSchema>;
export const storeSecretRequestSchema = z
  .object({ key: z.enum(SECRET_KEYS), value: z.string().max(SECRET_MAX_LENGTH).nullable() })
  .strict();
export const storeSecretResultSchema = z.object({
  status: z.enum(['stored', 'cleared']),
  protection: secretProtectionSchema,
});
export type StoreSecretResult = z.infer<typeof storeSecretResultSchema>;

/**
 * The device's copies of the unit key (docs/decisions/017-unit-key.md), each already wrapped under an
 * officer's PIN or passphrase, sealed once more by the host before they are stored: the Electron host
 * encrypts the text with the OS keychain through safeStorage, so the disk alone opens nothing; the
 * browser host cannot, returns it unchanged and says so (`browser-storage`, the same warning as for
 * the sync secret). `openKeyWrap` gives `text: null` for a sealed text it cannot open (another OS
 * user, a changed keychain).
 */
export const KEY_WRAP_TEXT_MAX_LENGTH = 4096;
export const SEALED_KEY_WRAP_MAX_LENGTH = 8192;
export const sealKeyWrapRequestSchema = z
  .object({ text: z.string().min(1).max(KEY_WRAP_TEXT_MAX_LENGTH) })
  .strict();
export const sealKeyWrapResultSchema = z.object({
  sealed: z.string().min(1).max(SEALED_KEY_WRAP_MAX_LENGTH),
  protection: secretProtectionSchema,
});
export type SealKeyWrapResult = z.infer<typeof sealKeyWrapResultSchema>;
export const openKeyWrapRequestSchema = z
  .object({ sealed: z.string().min(1).max(SEALED_KEY_WRAP_MAX_LENGTH) })
  .strict();
export const openKeyWrapResultSchema = z.object({
  text: z.string().max(KEY_WRAP_TEXT_MAX_LENGTH).nullable(),
  protection: secretProtectionSchema,
});
export type OpenKeyWrapResult = z.infer<typeof openKeyWrapResultSchema>;

export const platformContract = {
  appInfo: { channel: 'platform:app-info', request: z.undefined(), response: appInfoSchema },
  saveFile: { channel: 'platform:save-file', request: saveFileRequestSchema, response: saveFileResultSchema },
  print: { channel: 'platform:print', request: printRequestSchema, response: printResultSchema },
  openExternal: {
    channel: 'platform:open-external',
    request: openExternalRequestSchema,
    response: openExternalResultSchema,
  },
  readSecret: {
    channel: 'platform:read-secret',
    request: readSecretRequestSchema,
    response: readSecretResultSchema,
  },
  storeSecret: {
    channel: 'platform:store-secret',
    request: storeSecretRequestSchema,
    response: storeSecretResultSchema,
  },
  sealKeyWrap: {
    channel: 'platform:seal-key-wrap',
    request: sealKeyWrapRequestSchema,
    response: sealKeyWrapResultSchema,
  },
  openKeyWrap: {
    channel: 'platform:open-key-wrap',
    request: openKeyWrapRequestSchema,
    response: openKeyWrapResultSchema,
  },
} as const;

export type PlatformContract = typeof platformContract;
export type PlatformMethod = keyof PlatformContract;
export type PlatformRequest<K extends PlatformMethod> = z.input<PlatformContract[K]['request']>;
export type PlatformResponse<K extends PlatformMethod> = z.output<PlatformContract[K]['response']>;

/** Commands the host pushes to the renderer (application menu, accelerators). */
export const MENU_COMMANDS = [
  'new-complaint',
  'complaint-list',
  'needs-attention',
  'sync',
  'packet',
  'dashboard',
  'settings',
  'print',
  'shortcuts',
  'language-id',
  'language-en',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const platformEvents = {
  menuCommand: { channel: 'platform:menu-command', payload: z.object({ command: z.enum(MENU_COMMANDS) }) },
} as const;
export type PlatformEventName = keyof typeof platformEvents;
export type PlatformEventPayload<E extends PlatformEventName> = z.output<
  (typeof platformEvents)[E]['payload']
>;

type Method<K extends PlatformMethod> =
  PlatformRequest<K> extends undefined
    ? () => Promise<PlatformResponse<K>>
    : (request: PlatformRequest<K>) => Promise<PlatformResponse<K>>;

/** What the renderer sees as `window.mejaAduan` (Electron) or gets from the browser host. */
export type PlatformApi = { readonly [K in PlatformMethod]: Method<K> } & {
  /** Subscribes to a host event; returns the function that unsubscribes. */
  readonly listen: <E extends PlatformEventName>(
    event: E,
    listener: (payload: PlatformEventPayload<E>) => void,
  ) => () => void;
};

/** The global name under which the Electron preload exposes the API. */
export const PLATFORM_GLOBAL = 'mejaAduan';
