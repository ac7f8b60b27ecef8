/**
 * Devices for the sync integration tests (sync-*.test.ts): each a unit database in memory
 * (pouchdb-core with the memory adapter, as the app's IndexedDB build minus the browser), the
 * app's own SyncService talking real HTTP (Node's fetch) to the central started by
 * ../support/central-server, a network the test switches on and off, and the status stream it
 * published. Documents are made by the app's own code: buildIntakeDocuments for intake,
 * decideAction + reduceComplaint for actions.
 */
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { expect } from 'vitest';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import type { ComplaintDoc } from '../../shared/complaint/complaint-schema';
import type { IntakeInput } from '../../shared/complaint/intake';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import type { PrivacyMode } from '../../shared/complaint/vocabulary';
import { eventIdRange } from '../../shared/ids/document-ids';
import type { SyncMachineConfig } from '../../shared/sync/sync-machine';
import type { SyncStatus } from '../../shared/sync/sync-status';
import { reduceComplaint } from '../../shared/workflow/complaint-state';
import type { ComplaintState } from '../../shared/workflow/complaint-state-types';
import { decideAction, type Actor } from '../../shared/workflow/decide-action';
import type { EventDoc } from '../../shared/workflow/events';
import type { WorkflowAction } from '../../shared/workflow/workflow-actions';
import type { FetchFunction, NetworkSource } from '../../renderer/core/sync/sync-dependencies';
import { SyncService } from '../../renderer/core/sync/sync-service';
import { centralDeviceCredentials, TEST_ADMIN, type CentralServer } from '../support/central-server';
import { databaseUrl, unitSyncConfig, type SyncConfig } from '../../shared/sync/sync-config';
import type { RemoteRequest } from '../../renderer/core/sync/download-protocol';
import { putAll } from '../support/unit-writes';
import { resealed } from '../../shared/ids/content-id.fixtures';
import { testVault } from '../../renderer/core/keys/test-unit-key.fixtures';

PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);

export const UNIT = 'KBM';
export const DAY = '2026-11-23';
const DAY_START = Date.parse(`${DAY}T01:00:00.000Z`);

export type Db = PouchDB.Database;
type StoredDoc = Readonly<
  { _id: string; _rev: string; _conflicts?: string[]; type?: string } & Record<string, unknown>
>;

/** navigator.onLine as the test sets it. */
export class ScriptedNetwork implements NetworkSource {
  #online: boolean;
  readonly #listeners = new Set<(online: boolean) => void>();

  constructor(online: boolean) {
    this.#online = online;
  }

  isOnline(): boolean {
    return this.#online;
  }

  subscribe(listener: (online: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  set(online: boolean): void {
    if (online === this.#online) return;
    this.#online = online;
    for (const listener of this.#listeners) listener(online);
  }
}

/** Fast back-off for tests: 50 ms doubling to 1 s (the app: 2 s to 5 minutes). */
export const TEST_MACHINE: Partial<SyncMachineConfig> = { backoff: { baseMs: 50, capMs: 1_000 } };

export type Device = Readonly<{
  code: string;
  db: Db;
  network: ScriptedNetwork;
  service: SyncService<Db>;
  statuses: SyncStatus[];
  counters: { sequence: number; eventSequence: number };
}>;

export function createDevice(
  code: string,
  options: Readonly<{ online?: boolean; machine?: Partial<SyncMachineConfig>; fetch?: FetchFunction }> = {},
): Device {
  const db = new PouchDB<object>(`device-${code}-${crypto.randomUUID()}`, { adapter: 'memory' });
  const network = new ScriptedNetwork(options.online ?? true);
  const service = new SyncService<Db>({
    PouchDB,
    localDb: db,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    network,
    machine: options.machine ?? TEST_MACHINE,
  });
  const statuses: SyncStatus[] = [];
  service.subscribe((status) => statuses.push(status));
  return { code, db, network, service, statuses, counters: { sequence: 0, eventSequence: 0 } };
}

/**
 * The account of device `code` on `central` (`central device add` once per central and device:
 * its one-time password, which signs in until the device enrols) and the device's sync
 * configuration with it. `serverUrl`:
 * another address of the same central (a proxy in front of it).
 */
export async function deviceSyncConfig(
  central: Pick<CentralServer, 'adminUrl' | 'url'>,
  code: string,
  options: Readonly<{ unitCode?: string; serverUrl?: string }> = {},
): Promise<SyncConfig> {
  const unitCode = options.unitCode ?? UNIT;
  const { password } = await centralDeviceCredentials(central, unitCode, code);
  return unitSyncConfig(options.serverUrl ?? central.url, unitCode, code, password);
}

/** Requests to the unit database as the app's sync sends them (a path under it, with the device's credentials). */
export function remoteRequest(config: SyncConfig): RemoteRequest {
  const authorization = `Basic ${btoa(`${config.username}:${config.password}`)}`;
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    return fetch(`${databaseUrl(config)}/${path}`, { ...init, headers });
  };
}

/** The unit database on the central, read as the server admin. */
export function centralDatabase(central: CentralServer, unitCode = UNIT): Db {
  return new PouchDB<object>(`${central.url}${encodeURIComponent(unitDatabaseName(unitCode))}`, {
    adapter: 'http',
    auth: { username: TEST_ADMIN.name, password: TEST_ADMIN.password },
    skip_setup: true,
    fetch: (url, init) => fetch(url, init),
  });
}

const INPUT: IntakeInput = {
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Siti Aminah', nik: '', phone: '081234567890', email: '', address: '' },
  title: 'Antrean puskesmas',
  chronology: 'Antrean di puskesmas lebih dari empat jam.',
  incidentDate: '2026-11-20',
  location: '',
  category: 'health',
  targetOffice: '',
  attachments: [],
};

/**
 * Logs one complaint on `device` as the intake screen would: complaint, reporter, received event.
 * `tamper` is merged into the complaint document before it is written (to make a bad one).
 */
export async function logComplaint(
  device: Device,
  privacyMode: PrivacyMode = 'named',
  tamper: Readonly<Record<string, unknown>> = {},
): Promise<ComplaintDoc> {
  device.counters.sequence += 1;
  device.counters.eventSequence += 1;
  const anonymous = privacyMode === 'anonymous';
  const docs = buildIntakeDocuments(
    {
      ...INPUT,
      privacyMode,
      title: `${INPUT.title} ${device.code}-${device.counters.sequence}`,
      reporter: anonymous ? { name: '', nik: '', phone: '', email: '', address: '' } : INPUT.reporter,
    },
    {
      unitCode: UNIT,
      deviceCode: device.code,
      sequence: device.counters.sequence,
      eventSequence: device.counters.eventSequence,
      officer: { officerId: `officer-${device.code}`, name: 'Rina' },
      receivedAt: new Date(DAY_START + device.counters.sequence * 60_000),
      localDate: DAY,
    },
  );
  // A tampered complaint is sealed again (a new id for its content), so the server judges the
  // tampered field rather than the content hash.
  const complaint =
    Object.keys(tamper).length > 0 ? resealed({ ...docs.complaint, ...tamper }) : docs.complaint;
  // The reporter as the app stores it: sealed with the unit key (the tests' key, which every test
  // device shares: renderer/core/keys/test-unit-key.fixtures).
  const reporter = docs.reporter ? await (await testVault()).seal(docs.reporter) : undefined;
  const written = [complaint, docs.received, ...(reporter ? [reporter] : [])];
  await putAll(device.db, written);
  return complaint;
}

export async function eventsOf(db: Db, complaint: ComplaintDoc): Promise<EventDoc[]> {
  const { rows } = await db.allDocs({ ...eventIdRange(complaint.trackingNumber), include_docs: true });
  return rows.flatMap((row) => (row.doc ? [row.doc as unknown as EventDoc] : []));
}

export async function stateOf(db: Db, complaint: ComplaintDoc): Promise<ComplaintState> {
  return reduceComplaint(complaint, await eventsOf(db, complaint));
}

/** Takes `action` on `complaint` on `device` as a manager, as the action panel would; returns the event. */
export async function act(
  device: Device,
  complaint: ComplaintDoc,
  action: WorkflowAction,
  input: unknown,
  at: Date,
): Promise<EventDoc> {
  device.counters.eventSequence += 1;
  const actor: Actor = {
    officer: { officerId: `manager-${device.code}`, name: 'Maya' },
    role: 'manager',
    deviceCode: device.code,
    unitCode: UNIT,
  };
  const decision = decideAction(await stateOf(device.db, complaint), action, input, actor, {
    at,
    eventSequence: device.counters.eventSequence,
    localDate: DAY,
  });
  if (!decision.ok) expect.fail(`${action} refused: ${JSON.stringify(decision.issues)}`);
  await putAll(device.db, [decision.event]);
  return decision.event;
}

/** Every document of `db` except design documents, with its conflicts listed. */
export async function documentsOf(db: Db): Promise<Map<string, StoredDoc>> {
  const { rows } = await db.allDocs({ include_docs: true, conflicts: true });
  const docs = new Map<string, StoredDoc>();
  for (const row of rows) {
    if (row.id.startsWith('_design/') || !row.doc) continue;
    docs.set(row.id, row.doc as unknown as StoredDoc);
  }
  return docs;
}

/** Polls `check` until it returns true (or throws after `timeoutMs`, with `describe()` in the message). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string | Promise<string> = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) expect.fail(`Timed out after ${timeoutMs} ms. ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function summary(device: Device): string {
  const status = device.service.status();
  return `${device.code}: ${JSON.stringify(status)}`;
}

/** Waits until every device shows up to date with nothing pending, and all hold `expectedIds`. */
export async function waitUntilConverged(
  devices: readonly Device[],
  central: Db,
  expectedIds: ReadonlySet<string>,
  timeoutMs: number,
): Promise<void> {
  const holdsAll = async (db: Db): Promise<boolean> => {
    const docs = await documentsOf(db);
    return docs.size === expectedIds.size && [...expectedIds].every((id) => docs.has(id));
  };
  await waitFor(
    async () => {
      for (const device of devices) {
        const status = device.service.status();
        if (status.state !== 'up-to-date' || status.pendingLocalChanges !== 0) return false;
        if (!(await holdsAll(device.db))) return false;
      }
      return holdsAll(central);
    },
    timeoutMs,
    async () => {
      const counts = await Promise.all(
        [...devices.map((device) => device.db), central].map(async (db) => (await documentsOf(db)).size),
      );
      return `expected ${expectedIds.size} documents; held ${counts.join(', ')}; ${devices.map(summary).join('; ')}`;
    },
  );
}

/** Checks that `dbs` hold exactly `expectedIds`, in the same revisions, none in conflict. */
export async function expectIdentical(dbs: readonly Db[], expectedIds: ReadonlySet<string>): Promise<void> {
  const all = await Promise.all(dbs.map(documentsOf));
  const [first] = all;
  if (!first) return;
  expect(new Set(first.keys())).toEqual(expectedIds);
  for (const docs of all) {
    expect(docs.size).toBe(expectedIds.size);
    for (const [id, doc] of docs) {
      expect(doc._conflicts ?? [], `conflicts on ${id}`).toEqual([]);
      expect(doc._rev, `revision of ${id}`).toBe(first.get(id)?._rev);
    }
  }
}

/** A fetch that counts the document revisions asked for by `_bulk_get` (what was downloaded). */
export function bulkGetCountingFetch(): { fetch: FetchFunction; fetched: () => number } {
  let fetched = 0;
  return {
    fetch: (input, init) => {
      const url = typeof input === 'string' ? input : input.url;
      // A request aborted before it was sent fetched nothing.
      if (url.includes('/_bulk_get') && typeof init?.body === 'string' && init.signal?.aborted !== true) {
        fetched += (JSON.parse(init.body) as { docs: unknown[] }).docs.length;
      }
      return fetch(input, init);
    },
    fetched: () => fetched,
  };
}
