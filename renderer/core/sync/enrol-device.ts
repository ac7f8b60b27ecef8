/**
 * Enrolment of this device on the central (docs/central.md, "Device accounts"): with the one-time
 * password of its enrolment code, the device reads its own `_users` document and writes it back
 * with a long random password that only it knows and `meja_aduan.enrolledAt` (CouchDB lets a user
 * update their own document except its roles; the `_users` validator of central/device-validation
 * refuses it after the code's expiry, a second time, or for a disabled account). From then on the
 * one-time password no longer signs in. Two requests, each one login attempt: a wrong or used code
 * costs one failed login of this device's account only.
 */
import { deviceUserId } from '../../../shared/couch/couch-names';
import type { Enrolment, EnrolmentProblem } from '../../../shared/enrolment/enrolment-code';
import { classifySyncError } from '../../../shared/sync/classify-error';
import type { SyncError } from '../../../shared/sync/sync-status';
import type { FetchFunction } from './sync-dependencies';

/** 32 random bytes as base64url (256 bits): the device's own password. */
export function newDevicePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type EnrolOutcome =
  | Readonly<{ ok: true }>
  | Readonly<{ ok: false; problem: EnrolmentProblem }>
  | Readonly<{ ok: false; error: SyncError }>;

function basic(user: string, password: string): string {
  return `Basic ${btoa(`${user}:${password}`)}`;
}

async function bodyOf(response: Response): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = await response.json();
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A refusal as the person should read it, or a sync error (network, lockout, server). */
function failure(status: number, body: Record<string, unknown>): EnrolOutcome {
  const reason = typeof body.reason === 'string' ? body.reason : '';
  const error = classifySyncError({ status, error: body.error, reason, name: body.error, message: reason });
  if (error.reason === 'locked-out' || error.reason === 'server' || status >= 500)
    return { ok: false, error };
  if (reason.startsWith('expired:')) return { ok: false, problem: { key: 'enrolment.code.expiredOnServer' } };
  return { ok: false, problem: { key: 'enrolment.code.refused' } };
}

/** How long to wait for the server to sign in with the new password (its authentication cache). */
const SWITCH_TRIES = 40;
const SWITCH_PAUSE_MS = 250;

/**
 * CouchDB's authentication cache follows `_users` a moment later: right after the change the old
 * password may still sign in and the new one not. Asks with the OLD one until it is refused (a
 * success costs nothing; the one refusal is one failed login of this account), so that the first
 * sign-in with the new password does not fail.
 */
async function untilPasswordReplaced(
  serverUrl: string,
  oldAuthorization: string,
  fetchFn: FetchFunction,
): Promise<void> {
  for (let attempt = 0; attempt < SWITCH_TRIES; attempt++) {
    const response = await fetchFn(`${serverUrl}/_session`, {
      headers: { Accept: 'application/json', Authorization: oldAuthorization },
    });
    await response.body?.cancel();
    if (response.status === 401) return;
    await new Promise((resolve) => setTimeout(resolve, SWITCH_PAUSE_MS));
  }
}

/** Replaces the one-time password of `enrolment` with `devicePassword` on the server. */
export async function enrolDevice(
  enrolment: Enrolment,
  devicePassword: string,
  fetchFn: FetchFunction,
  now: Date,
): Promise<EnrolOutcome> {
  const user = deviceUserId(enrolment.unitCode, enrolment.deviceCode);
  const url = `${enrolment.serverUrl}/_users/${encodeURIComponent(user)}`;
  const authorization = basic(user.slice('org.couchdb.user:'.length), enrolment.password);
  try {
    const read = await fetchFn(url, {
      headers: { Accept: 'application/json', Authorization: authorization },
    });
    const doc = await bodyOf(read);
    if (!read.ok) return failure(read.status, doc);
    const state = typeof doc.meja_aduan === 'object' && doc.meja_aduan !== null ? doc.meja_aduan : {};
    const written = await fetchFn(url, {
      method: 'PUT',
      headers: {
        Accept: 'application/json',
        Authorization: authorization,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        ...doc,
        password: devicePassword,
        meja_aduan: { ...state, enrolledAt: now.toISOString() },
      }),
    });
    if (!written.ok) return failure(written.status, await bodyOf(written));
    await untilPasswordReplaced(enrolment.serverUrl, authorization, fetchFn);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: classifySyncError(error) };
  }
}
