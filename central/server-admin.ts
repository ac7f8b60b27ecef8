/**
 * Connecting to the central server as a server admin, with plain answers for the usual
 * mistakes: no credentials in the URL, an unreachable server, something that is not CouchDB,
 * a wrong name or password, an account that is not a server admin.
 */
import { CentralError } from './central-error';
import { CouchHttp, describeFailure } from './couch-http';

type Session = Readonly<{ userCtx?: { name?: unknown; roles?: unknown } }>;
type Welcome = Readonly<{ couchdb?: unknown; 'express-pouchdb'?: unknown; version?: unknown }>;

export type AdminConnection = Readonly<{ http: CouchHttp; server: string }>;

export async function connectAsAdmin(url: string): Promise<AdminConnection> {
  const http = new CouchHttp(url);
  if (http.user === null) {
    throw new CentralError(
      'Give the server admin name and password in the URL, e.g. http://admin:secret@127.0.0.1:5984',
    );
  }
  const root = await http.get('');
  if (root.status === 401) {
    throw new CentralError(`The server at ${http.baseUrl} refused the admin name or password.`);
  }
  const welcome = (root.body ?? {}) as Welcome;
  if (root.status !== 200 || (welcome.couchdb === undefined && welcome['express-pouchdb'] === undefined)) {
    throw new CentralError(`${http.baseUrl} does not answer like CouchDB (${describeFailure(root)}).`);
  }
  const session = await http.get('_session');
  const userCtx = (session.body as Session | null)?.userCtx;
  if (session.status === 401 || userCtx?.name === null) {
    throw new CentralError(`The server at ${http.baseUrl} refused the admin name or password.`);
  }
  const roles = Array.isArray(userCtx?.roles) ? (userCtx.roles as unknown[]) : [];
  if (session.status !== 200 || !roles.includes('_admin')) {
    throw new CentralError(
      `The account ${JSON.stringify(http.user)} is not a server admin on ${http.baseUrl}.`,
    );
  }
  const server =
    welcome.couchdb !== undefined
      ? `CouchDB ${String(welcome.version)}`
      : `pouchdb-server ${String(welcome.version)}`;
  return { http, server };
}
