/**
 * A small CouchDB HTTP client over Node's fetch, for the standard API only (nothing that works on
 * pouchdb-server alone). Credentials given in the URL (`http://admin:secret@host:5984`) are sent
 * as HTTP Basic authentication (fetch refuses URLs with credentials) and never printed.
 */
import { CentralError } from './central-error';

export type CouchResponse = Readonly<{ status: number; body: unknown }>;
type ErrorBody = Readonly<{ error?: unknown; reason?: unknown }>;

const TIMEOUT_MS = 30_000;

export class CouchHttp {
  /** The server's base URL without credentials, ending in `/`. */
  readonly baseUrl: string;
  readonly user: string | null;
  readonly #password: string;

  /** `credentials`, when given, replace any in the URL. */
  constructor(url: string, credentials?: Readonly<{ user: string; password: string }>) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new CentralError(
        `Not a URL: ${JSON.stringify(url)} (expected e.g. http://admin:secret@127.0.0.1:5984)`,
      );
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new CentralError(`The server URL must start with http:// or https://, not ${parsed.protocol}`);
    }
    this.user = credentials?.user ?? (parsed.username ? decodeUserInfo(parsed.username) : null);
    this.#password = credentials?.password ?? decodeUserInfo(parsed.password);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    this.baseUrl = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
  }

  /** The same server as another user. */
  as(user: string, password: string): CouchHttp {
    return new CouchHttp(this.baseUrl, { user, password });
  }

  /** `path` on this server with credentials in the URL (for `_replicator` documents only). */
  urlWithCredentials(path: string, user = this.user ?? '', password = this.#password): string {
    const url = new URL(path, this.baseUrl);
    url.username = encodeURIComponent(user);
    url.password = encodeURIComponent(password);
    return url.href;
  }

  async request(method: string, path: string, body?: unknown): Promise<CouchResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.user !== null) {
      headers.Authorization = `Basic ${Buffer.from(`${this.user}:${this.#password}`).toString('base64')}`;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new CentralError(`Cannot reach the server at ${this.baseUrl}: ${networkReason(error)}`);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON (a proxy's error page): keep the text
    }
    return { status: response.status, body: parsed };
  }

  async get(path: string): Promise<CouchResponse> {
    return this.request('GET', path);
  }

  async put(path: string, body: unknown): Promise<CouchResponse> {
    return this.request('PUT', path, body);
  }
}

/** A URL's user or password as written (percent-decoded when it is valid percent-encoding). */
function decodeUserInfo(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `error: reason` of a CouchDB error body, or the HTTP status alone. */
export function describeFailure(response: CouchResponse): string {
  const body = (
    typeof response.body === 'object' && response.body !== null ? response.body : {}
  ) as ErrorBody;
  const parts = [body.error, body.reason].filter((part) => typeof part === 'string' && part !== '');
  return `HTTP ${response.status}${parts.length > 0 ? ` (${parts.join(': ')})` : ''}`;
}

/** Throws a CentralError saying what failed unless the status is one of `ok`. */
export function expectStatus(response: CouchResponse, ok: readonly number[], what: string): void {
  if (ok.includes(response.status)) return;
  if (response.status === 401) {
    throw new CentralError(
      `${what}: the server refused the name or password (${describeFailure(response)}).`,
    );
  }
  if (response.status === 403) {
    throw new CentralError(`${what}: not allowed for this account (${describeFailure(response)}).`);
  }
  throw new CentralError(`${what} failed: ${describeFailure(response)}.`);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (error instanceof Error && error.name === 'TimeoutError')
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  if (typeof cause?.code === 'string') {
    const known: Record<string, string> = {
      ECONNREFUSED: 'connection refused (is CouchDB running on that port?)',
      ENOTFOUND: 'host name not found',
      ECONNRESET: 'connection reset',
      EHOSTUNREACH: 'host unreachable',
      ETIMEDOUT: 'connection timed out',
    };
    if (/CERT|SSL|TLS/.test(cause.code)) return `TLS certificate problem (${cause.code})`;
    return known[cause.code] ?? cause.code;
  }
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
