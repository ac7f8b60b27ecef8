/**
 * Whether a device code is already used by the unit's documents on the central, for a device
 * joining its unit (../use-cases/device-setup `join`) before its first download has finished: a
 * code used again after a revoked device would start its tracking numbers' sequence again and
 * repeat numbers. Asks the view `_design/meja-aduan-stages/_view/devices` (shared/couch/
 * stages-design-doc: the device codes of the complaints' tracking numbers and of the devices that
 * wrote events), grouped, by key.
 *
 * Asked with `update=lazy` like ./closed-complaints: the index answers as it is (never held up by
 * a build of a large unit) and says which sequence it reflects (`update_seq=true`); the changes
 * since are read, ids only (`MAX_BEHIND` at most, one request), and a complaint or event among
 * them that carries the code counts too. The answer:
 *   true    the code is in use (the view's row, or an id changed since its sequence);
 *   false   it is surely not;
 *   null    the central cannot tell: no such view (404, or 400 from a server without
 *           `update=lazy`), the index further behind than `MAX_BEHIND`, or a request failed. The
 *           caller then waits for the whole download and checks the ids on the device.
 */
import { DEVICES_VIEW, STAGES_DESIGN_NAME } from '../../../shared/couch/stages-design-doc';
import { deviceCodeInUse } from '../../../shared/unit/join-unit';
import { MAX_BEHIND } from './closed-complaints';
import { getJson, listChanges, type RemoteRequest } from './download-protocol';

export async function deviceCodeUsedOnCentral(
  request: RemoteRequest,
  deviceCode: string,
  signal?: AbortSignal,
): Promise<boolean | null> {
  try {
    const query = new URLSearchParams({
      key: JSON.stringify(deviceCode),
      group: 'true',
      update: 'lazy',
      update_seq: 'true',
    });
    const body = await getJson(
      request,
      `_design/${STAGES_DESIGN_NAME}/_view/${DEVICES_VIEW}?${query.toString()}`,
      signal,
    );
    const rows = Array.isArray(body.rows) ? (body.rows as readonly Readonly<{ value?: unknown }>[]) : [];
    if (rows.some((row) => typeof row.value === 'number' && row.value > 0)) return true;
    const seq = body.update_seq;
    // A server that does not say what its index reflects has brought it up to date first.
    if (typeof seq !== 'number' && typeof seq !== 'string') return false;
    const page = await listChanges(request, seq, MAX_BEHIND, signal);
    if (!page.last) return null;
    return deviceCodeInUse(
      page.rows.map((row) => row.id),
      deviceCode,
    );
  } catch {
    // No view (404), no `update=lazy` (400), the central unreachable or refusing: cannot tell.
    return null;
  }
}
