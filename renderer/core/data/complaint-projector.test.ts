/**
 * Never half a complaint in the lists: a sync (the first download above all) brings documents in
 * batches, so a complaint can arrive before its received event or its reporter document. The
 * projector gives it no index row until they are here too, and indexes it as soon as they arrive.
 * Memory PouchDB and Dexie over fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { buildIntakeDocuments, type IntakeDocuments } from '../../../shared/complaint/intake-documents';
import { retentionDeletionEvent } from '../../../shared/retention/retention-event';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import { memoryDatabase } from '../../../test/support/memory-database';
import { putAll } from '../../../test/support/unit-writes';
import type { ReporterVault } from '../keys/reporter-vault';
import { testVault } from '../keys/test-unit-key.fixtures';
import type { ComplaintIndexRow } from './complaint-index';
import { ComplaintProjector, type Summarise } from './complaint-projector';
import { ComplaintRepository } from './complaint-repository';
import type { UnitDatabase } from './database';
import { DeviceDatabase } from './device-database';

let vault: ReporterVault;
beforeAll(async () => {
  vault = await testVault();
});

const opened: { db: UnitDatabase; device: DeviceDatabase; projector: ComplaintProjector }[] = [];
afterEach(async () => {
  for (const { db, device, projector } of opened.splice(0)) {
    projector.stop();
    await device.delete();
    await db.destroy();
  }
});

/** The row fields the lists need, without deadlines (no settings here). */
const summarise: Summarise = (complaint, events) => {
  const state = reduceComplaint(complaint, events);
  return {
    id: complaint._id,
    trackingNumber: complaint.trackingNumber,
    receivedAt: complaint.receivedAt,
    channel: state.current.channel,
    title: state.current.title,
    status: state.status,
    autoClosed: 0,
    privacyMode: state.privacyMode,
    office: '',
    open: 0,
    dueDate: '',
    stage: '',
    category: state.current.category,
    reportType: state.current.reportType,
    receivedDate: complaint.receivedLocalDate,
  } satisfies ComplaintIndexRow;
};

function intake(sequence: number, privacyMode: 'named' | 'anonymous'): IntakeDocuments {
  const input: IntakeInput = {
    channel: 'walk-in',
    reportType: 'complaint',
    privacyMode,
    reporter:
      privacyMode === 'named'
        ? { name: 'Siti Aminah', nik: '', phone: '081234567890', email: '', address: '' }
        : { name: '', nik: '', phone: '', email: '', address: '' },
    title: `Antrean puskesmas ${sequence}`,
    chronology: 'Antrean lebih dari empat jam.',
    incidentDate: '2026-11-20',
    location: '',
    category: 'health',
    targetOffice: '',
    attachments: [],
  };
  return buildIntakeDocuments(input, {
    unitCode: 'KBM',
    deviceCode: 'X7Q',
    sequence,
    eventSequence: sequence,
    officer: { officerId: 'officer-1', name: 'Rina' },
    receivedAt: new Date(Date.parse('2026-11-23T01:00:00.000Z') + sequence * 60_000),
    localDate: '2026-11-23',
  });
}

function setUp() {
  const db = memoryDatabase();
  const device = new DeviceDatabase(`projector-test-${crypto.randomUUID()}`);
  const projector = new ComplaintProjector(
    new ComplaintRepository(db, vault),
    device,
    'index-checkpoint:KBM',
    summarise,
    () => undefined,
  );
  opened.push({ db, device, projector });
  /** Follows every change written so far (a start resolves once they are applied). */
  const caughtUp = async (): Promise<void> => {
    projector.stop();
    await projector.start();
  };
  const indexed = async (): Promise<string[]> => (await device.complaintIndex.toArray()).map((row) => row.id);
  return { db, caughtUp, indexed };
}

it('indexes a complaint only once its received event is here', async () => {
  const { db, caughtUp, indexed } = setUp();
  const anonymous = intake(1, 'anonymous');
  await putAll(db, [anonymous.complaint]);
  await caughtUp();
  expect(await indexed()).toEqual([]);

  await putAll(db, [anonymous.received]);
  await caughtUp();
  expect(await indexed()).toEqual([anonymous.complaint._id]);
});

it('indexes a named complaint only once its reporter document is here too', async () => {
  const { db, caughtUp, indexed } = setUp();
  const named = intake(2, 'named');
  if (!named.reporter) throw new Error('a named intake has a reporter document');
  await putAll(db, [named.complaint, named.received]);
  await caughtUp();
  expect(await indexed()).toEqual([]);

  await putAll(db, [await vault.seal(named.reporter)]);
  await caughtUp();
  expect(await indexed()).toEqual([named.complaint._id]);
});

it('indexes a named complaint whose identity was deleted for retention without its reporter document', async () => {
  // The central purges a deleted reporter's tree after a grace period: a device that joins later
  // never receives the tombstone, and the complaint must not wait for it.
  const { db, caughtUp, indexed } = setUp();
  const named = intake(5, 'named');
  const deleted = retentionDeletionEvent(
    reduceComplaint(named.complaint, [named.received]),
    { unitCode: 'KBM', deviceCode: 'X7Q', officer: { officerId: 'officer-1', name: 'Rina' } },
    { at: new Date('2029-01-10T03:00:00.000Z'), eventSequence: 50 },
    24,
  );
  await putAll(db, [named.complaint, named.received, deleted]);
  await caughtUp();
  expect(await indexed()).toEqual([named.complaint._id]);
});

it('indexes the whole complaints of a batch and leaves the half ones out', async () => {
  const { db, caughtUp, indexed } = setUp();
  const whole = intake(3, 'anonymous');
  const half = intake(4, 'anonymous');
  await putAll(db, [whole.complaint, whole.received, half.complaint]);
  await caughtUp();
  expect(await indexed()).toEqual([whole.complaint._id]);
});
