/**
 * The device-code check on the central, with a scripted central: the view's row says yes; no row
 * and nothing changed since the index says no; an id changed since the index's sequence that
 * carries the code says yes; an index further behind than MAX_BEHIND, no view, or a failed request
 * says it cannot tell. (Against CouchDB 3.5: test/integration/device-code-check.)
 */
import { describe, expect, it } from 'vitest';
import { intakeDocuments, workflowEvents } from '../../../shared/couch/documents.fixtures';
import { MAX_BEHIND } from './closed-complaints';
import { deviceCodeUsedOnCentral } from './device-code-check';
import type { RemoteRequest } from './download-protocol';

type Answer = Readonly<{ status?: number; body: unknown }>;

/** A central answering the view and the changes feed as scripted; records the paths asked. */
function central(view: Answer, changes?: Answer): { request: RemoteRequest; asked: string[] } {
  const asked: string[] = [];
  const request: RemoteRequest = (path) => {
    asked.push(path);
    const answer = path.startsWith('_changes') ? changes : view;
    if (!answer) return Promise.reject(new Error(`not scripted: ${path}`));
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  };
  return { request, asked };
}

const intake = intakeDocuments('KBM', 1, 'named', { deviceCode: 'X7Q' });
const verified = workflowEvents(intake, ['verify'])[0];

describe('deviceCodeUsedOnCentral', () => {
  it('says yes when the view has a row for the code, asking it by key, grouped, lazily', async () => {
    const { request, asked } = central({ body: { rows: [{ key: 'A23', value: 12 }], update_seq: '9-x' } });
    expect(await deviceCodeUsedOnCentral(request, 'A23')).toBe(true);
    expect(asked).toHaveLength(1);
    const [path = ''] = asked;
    expect(path.startsWith('_design/meja-aduan-stages/_view/devices?')).toBe(true);
    const query = new URLSearchParams(path.slice(path.indexOf('?') + 1));
    expect(Object.fromEntries(query)).toEqual({
      key: '"A23"',
      group: 'true',
      update: 'lazy',
      update_seq: 'true',
    });
  });

  it('says no when the view has no row and nothing changed since its sequence uses the code', async () => {
    const { request, asked } = central(
      { body: { rows: [], update_seq: '7-x' } },
      {
        body: {
          results: [{ id: intake.complaint._id, seq: '8-x', changes: [] }],
          last_seq: '8-x',
          pending: 0,
        },
      },
    );
    expect(await deviceCodeUsedOnCentral(request, 'Z9X')).toBe(false);
    expect(asked[1]).toBe(`_changes?style=all_docs&since=7-x&limit=${MAX_BEHIND}`);
  });

  it('says yes for a code in an id changed since the index’s sequence (a complaint, or an event’s writer)', async () => {
    if (!verified) throw new Error('no event');
    const changed = { body: { results: [{ id: verified._id, seq: '8-x', changes: [] }], pending: 0 } };
    // The verification was written on A23 on a complaint logged on X7Q.
    expect(
      await deviceCodeUsedOnCentral(
        central({ body: { rows: [], update_seq: '7-x' } }, changed).request,
        'A23',
      ),
    ).toBe(true);
    expect(
      await deviceCodeUsedOnCentral(
        central({ body: { rows: [], update_seq: '7-x' } }, changed).request,
        'X7Q',
      ),
    ).toBe(true);
  });

  it('cannot tell when the index is further behind than MAX_BEHIND changes', async () => {
    const { request } = central(
      { body: { rows: [], update_seq: 0 } },
      { body: { results: [{ id: 'unit-profile', seq: 1, changes: [] }], last_seq: 1, pending: 5 } },
    );
    expect(await deviceCodeUsedOnCentral(request, 'Z9X')).toBeNull();
  });

  it('cannot tell without the view (404, or 400 from a server without update=lazy) or when the request fails', async () => {
    const missing = { status: 404, body: { error: 'not_found', reason: 'missing_named_view' } };
    expect(await deviceCodeUsedOnCentral(central(missing).request, 'Z9X')).toBeNull();
    const old = { status: 400, body: { error: 'query_parse_error', reason: 'update' } };
    expect(await deviceCodeUsedOnCentral(central(old).request, 'Z9X')).toBeNull();
    const failing: RemoteRequest = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await deviceCodeUsedOnCentral(failing, 'Z9X')).toBeNull();
  });

  it('says no from a server that brings its index up to date before it answers (no update_seq)', async () => {
    const { request, asked } = central({ body: { rows: [] } });
    expect(await deviceCodeUsedOnCentral(request, 'Z9X')).toBe(false);
    expect(asked).toHaveLength(1);
  });
});
