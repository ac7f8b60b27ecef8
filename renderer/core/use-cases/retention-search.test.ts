/**
 * The retention task through a whole core (fake-indexeddb, memory PouchDB, the search index): a
 * named complaint received and closed in January 2023 is found by its complainant's name, phone and
 * NIK; after `retention.runNow()` its reporter document is gone, its trail ends with the
 * identity-deleted event, and nothing is found by the name, the phone or the NIK any more, while
 * the complaint itself still is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { workflowEvents } from '../../../shared/couch/documents.fixtures';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { WorkflowAction } from '../../../shared/workflow/workflow-actions';
import { TEST_NOW, TEST_SETUP, stopTestCores, testCore } from '../test-core.fixtures';

afterEach(stopTestCores);

const CLOSE: readonly WorkflowAction[] = ['verify', 'follow-up', 'respond', 'close'];

describe('the retention task in a whole core', () => {
  it('leaves nothing of a deleted identity findable by name, phone or NIK', async () => {
    const { core, unitDatabases } = testCore();
    const setup = validateSetup(TEST_SETUP);
    if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
    await core.device.setup(setup.value, TEST_NOW);
    const input: IntakeInput = {
      channel: 'walk-in',
      reportType: 'complaint',
      privacyMode: 'named',
      reporter: {
        name: 'Wiryo Kusumaningrat',
        nik: '3305123456780001',
        phone: '0813-7777-2468',
        email: '',
        address: 'Jl. Dahlia 3',
      },
      title: 'Antrean panjang',
      chronology: 'Antrean empat jam.',
      incidentDate: '2023-01-09',
      location: '',
      category: 'health',
      targetOffice: '',
      attachments: [],
    };
    const receivedAt = new Date('2023-01-10T03:00:00.000Z');
    const id = await core.intake.save({ input, files: [], receivedAt, localDate: '2023-01-10' });
    const detail = await core.complaints.detail(id);
    const [db] = unitDatabases;
    if (!detail || !db) throw new Error('not stored');
    // Closed in January 2023 (on another device, arriving by sync).
    const received = detail.events[0];
    if (received?.kind !== 'received') throw new Error('no received event');
    const closing = workflowEvents(
      { complaint: detail.complaint, reporter: null, clearReporter: null, received },
      CLOSE,
    );
    await db.bulkDocs(closing as PouchDB.Core.PutDocument<object>[], { new_edits: false });

    const hits = async (text: string): Promise<number> =>
      (await core.search.query({ text, limit: 20 })).hits.length;
    await expect
      .poll(async () => (await core.complaints.page('closed', 10)).rows.length, { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => hits('wiryo kusumaningrat'), { timeout: 10_000 }).toBe(1);
    expect(await hits('7777 2468')).toBe(1);
    expect(await hits('3305123456780001')).toBe(1);

    expect(await core.retention.runNow()).toBe('done');
    const after = await core.complaints.detail(id);
    expect(after?.reporter).toBeNull();
    expect(after?.state.trail.at(-1)).toMatchObject({
      kind: 'identity-deleted',
      details: { reason: 'retention' },
    });
    await expect.poll(() => hits('wiryo kusumaningrat'), { timeout: 10_000 }).toBe(0);
    expect(await hits('7777 2468')).toBe(0);
    expect(await hits('3305123456780001')).toBe(0);
    expect(await hits('0813')).toBe(0);
    // The complaint itself is still found.
    expect(await hits('antrean panjang')).toBe(1);
  });
});
