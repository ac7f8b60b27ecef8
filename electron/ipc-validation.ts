/**
 * Pure checks on everything that crosses the IPC boundary. No Electron import, so the rules are
 * unit-tested in Node and shared by the main process and the preload.
 */
import type { z } from 'zod';
import {
  platformContract,
  type PlatformContract,
  type PlatformMethod,
  type PlatformResponse,
} from '../shared/platform/platform-contract';
import { isAppUrl } from './app-origin';

/** A request after parsing (zod output), as the main-process handler receives it. */
export type PlatformRequestData<K extends PlatformMethod> = z.output<PlatformContract[K]['request']>;

/** Raised when the renderer sends something the contract does not allow; its message reaches the renderer. */
export class PlatformRequestError extends Error {
  override readonly name = 'PlatformRequestError';
}

/** Every method of the contract, in declaration order. */
export const PLATFORM_METHODS = Object.keys(platformContract) as readonly PlatformMethod[];

/**
 * The contract seen through a mapped type: TypeScript checks every entry against it here, and
 * indexing it with a generic K then yields that method's own schema types without assertions.
 */
const contract: {
  readonly [K in PlatformMethod]: Readonly<{
    request: z.ZodType<PlatformRequestData<K>>;
    response: z.ZodType<PlatformResponse<K>>;
  }>;
} = platformContract;

/** Parses a renderer payload for `method`; throws a `PlatformRequestError` naming every problem. */
export function parsePlatformRequest<K extends PlatformMethod>(
  method: K,
  payload: unknown,
): PlatformRequestData<K> {
  if (!Object.hasOwn(platformContract, method)) {
    throw new PlatformRequestError(`Unknown platform method "${method}".`);
  }
  const result = contract[method].request.safeParse(payload);
  if (result.success) return result.data;
  throw new PlatformRequestError(
    `Invalid request for platform method "${method}": ${describeIssues(result.error)}`,
  );
}

/** Parses a handler's result before it goes back to the renderer; a failure is a bug in the host. */
export function parsePlatformResponse<K extends PlatformMethod>(
  method: K,
  response: unknown,
): PlatformResponse<K> {
  const result = contract[method].response.safeParse(response);
  if (result.success) return result.data;
  throw new Error(`Invalid response from platform method "${method}": ${describeIssues(result.error)}`);
}

/** Only the app's own pages may call the platform; a frame from anywhere else is refused. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  return url !== undefined && isAppUrl(url);
}

/** Issue paths and messages only: values are never echoed, they may hold personal data. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)'}: ${issue.message}`,
    )
    .join('; ');
}
