/**
 * `core.search` through the real core (fake-indexeddb, memory PouchDB): Indonesian words with
 * affixes, diacritics and a typo; phones in every common notation; NIKs; tracking fragments; a
 * confidential complaint hidden from an officer's words but not a supervisor's; a complaint that
 * arrives by replication; an index deleted on disk rebuilt with progress; filters and sorts.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore, SearchIndexStatus, SearchPage, SearchQuery } from '../client-core';
import { ComplaintRepository } from '../data/complaint-repository';
import { memoryDatabase } from '../../../test/support/memory-database';
import { editDistance, type QueryWord } from '../../../shared/search/indonesian-text';
import {
  CONTENT_FIELDS,
  contentRow,
  identityRow,
  PREFIX_MIN_LENGTH,
} from '../../../shared/search/search-keys';
import { DeviceDatabase } from '../data/device-database';
import { SearchIndex, SNAPSHOT_ID, withinOneEdit } from './search-index';
import { searchCheckpointKey, SearchIndexer } from './search-indexer';
import { SearchQueries } from './search-query';
import {
  TEST_NOW as NOW,
  TEST_SETUP as SETUP,
  signInAs,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';
import { installTestUnitKey, testKeyring, testVault } from '../keys/test-unit-key.fixtures';
import { createUnitKey } from '../../../shared/crypto/unit-key';
import { reporterId } from '../../../shared/ids/document-ids';
import { ReporterVault } from '../keys/reporter-vault';
import { UnitKeyring } from '../keys/unit-keyring';
import { searchIdentityKey, type IdentityState } from './search-indexer';

afterEach(stopTestCores);

/** The search index's identity hasher over `keyring` (as the core's, through its records' vault). */
const hasherOf = (keyring: UnitKeyring) => {
  const vault = new ReporterVault(keyring);
  return () => vault.identityHasher();
};

const NO_REPORTER = { name: '', nik: '', phone: '', email: '', address: '' };

function intake(overrides: Partial<IntakeInput>): IntakeInput {
  return {
    channel: 'walk-in',
    reportType: 'complaint',
    privacyMode: 'named',
    reporter: { ...NO_REPORTER, name: 'Warga', phone: '0811000000' },
    title: 'Aduan',
    chronology: 'Isi aduan.',
    incidentDate: '2026-02-27',
    location: '',
    category: 'other',
    targetOffice: '',
    attachments: [],
    ...overrides,
  };
}

/** 1: named, pungutan in Yogyakarta; 2: named, road damage; 3: confidential, bribery; 4: anonymous. */
const COMPLAINTS: readonly IntakeInput[] = [
  intake({
    title: 'Pungutan liar di loket perizinan',
    chronology: 'Petugas memungut biaya Rp50.000 untuk surat izin di Yogyakarta.',
    location: 'Kantor DPMPTSP Yogyakarta',
    category: 'illegal-levies',
    reporter: { ...NO_REPORTER, name: 'Budi Santoso', phone: '+62 812 3456 7890', nik: '3305123456780001' },
  }),
  intake({
    channel: 'phone',
    title: 'Kerusakan jalan di Kebumen',
    chronology: 'Jalan berlubang besar di depan pasar, sudah dua bulan.',
    location: 'Jl. Pemuda, Kebumen',
    category: 'infrastructure',
    reporter: { ...NO_REPORTER, name: 'Siti Aminah', phone: '0813-9999-0000' },
  }),
  intake({
    privacyMode: 'confidential',
    title: 'Dugaan suap dalam pelayanan',
    chronology: 'Oknum meminta gratifikasi; uang dipungut tanpa kwitansi.',
    location: 'Loket rahasia',
    category: 'abuse-of-authority',
    reporter: { ...NO_REPORTER, name: 'Wati Rahasia', phone: '0857 1111 2222', nik: '3305999988887777' },
  }),
  intake({
    privacyMode: 'anonymous',
    title: 'Lampu jalan mati',
    chronology: 'Gelap sejak seminggu.',
    reporter: NO_REPORTER,
  }),
];

const TRACKING = ['KTB-260302-A2C-0001', 'KTB-260302-A2C-0002', 'KTB-260302-A2C-0003', 'KTB-260302-A2C-0004'];

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${what}: not reached; last ${JSON.stringify(last)}`);
}

async function ready(core: ClientCore): Promise<void> {
  await waitFor(
    () => Promise.resolve(core.search.status()),
    (status) => status.state === 'ready',
    'search index ready',
  );
}

/** A set-up unit with the four complaints, indexed; the manager at the desk. */
async function unitWithComplaints() {
  const built = testCore();
  const { core } = built;
  const setup = validateSetup(SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const ids: string[] = [];
  for (const input of COMPLAINTS) {
    ids.push(await core.intake.save({ input, files: [], receivedAt: NOW, localDate: '2026-03-02' }));
  }
  await ready(core);
  // All four in the search index, and their list rows written by the projector.
  await waitFor(
    () => search(core, '260302'),
    (page) => page.hits.length === 4,
    'all indexed',
  );
  return { ...built, ids };
}

function search(core: ClientCore, text: string, more: Partial<SearchQuery> = {}): Promise<SearchPage> {
  return core.search.query({ text, limit: 20, ...more });
}

async function trackingNumbersFound(core: ClientCore, text: string): Promise<string[]> {
  return (await search(core, text)).hits.map((hit) => hit.row.trackingNumber).sort();
}

describe('core.search', () => {
  it('finds Indonesian words through affixes, diacritics, prefixes as typed and one typo', async () => {
    const { core } = await unitWithComplaints();
    const [one, two, three] = TRACKING;
    // The manager may see confidential complaints: "dipungut" in complaint 3 meets "memungut".
    expect(await trackingNumbersFound(core, 'memungut ')).toEqual([one, three]);
    expect(await trackingNumbersFound(core, 'pungutan ')).toEqual([one, three]);
    expect(await trackingNumbersFound(core, 'pungu')).toEqual([one, three]);
    expect(await trackingNumbersFound(core, 'pungtan ')).toEqual([one]);
    expect(await trackingNumbersFound(core, 'perizinan ')).toEqual([one]);
    expect(await trackingNumbersFound(core, 'izin ')).toEqual([one]);
    expect(await trackingNumbersFound(core, 'YOGYAKÁRTÀ')).toEqual([one]);
    expect(await trackingNumbersFound(core, 'yogyakrta ')).toEqual([one]);
    expect(await trackingNumbersFound(core, 'kerusakan jalan')).toEqual([two]);
    expect(await trackingNumbersFound(core, 'rusak di kebumen ')).toEqual([two]);
    expect(await trackingNumbersFound(core, 'layanan ')).toEqual([three]);
    expect(await trackingNumbersFound(core, 'pungli kebumen ')).toEqual([]);

    const page = await search(core, 'pungutan liar ');
    const first = page.hits[0];
    expect(first?.row.trackingNumber).toBe(one);
    expect(first?.matches.find((match) => match.field === 'title')?.ranges).toEqual([
      [0, 8],
      [9, 13],
    ]);
    expect(page.total).toBe(1);
  });

  it('finds a phone in every common notation, a NIK fragment, and names the field without its value', async () => {
    const { core } = await unitWithComplaints();
    const [one] = TRACKING;
    for (const phone of ['0812-3456-7890', '+62 812 3456 7890', '6281234567890', '3456 78', '081234567890']) {
      expect(await trackingNumbersFound(core, phone)).toEqual([one]);
    }
    const byPhone = await search(core, '0812-3456-7890');
    expect(byPhone.hits[0]?.matches).toEqual([{ field: 'phone', ranges: [] }]);
    expect(await trackingNumbersFound(core, '56780001')).toEqual([one]);
    expect((await search(core, '56780001')).hits[0]?.matches).toEqual([{ field: 'nik', ranges: [] }]);
    expect(await trackingNumbersFound(core, 'budi')).toEqual([one]);
    expect(JSON.stringify(byPhone)).not.toContain('3456');
  });

  it('finds tracking numbers by any fragment, any case, with or without dashes; the exact one first', async () => {
    const { core, ids } = await unitWithComplaints();
    expect(await trackingNumbersFound(core, 'a2c-0002')).toEqual([TRACKING[1]]);
    expect(await trackingNumbersFound(core, 'A2C0002')).toEqual([TRACKING[1]]);
    expect((await trackingNumbersFound(core, '260302-a2c')).length).toBe(4);
    const exact = await search(core, 'ktb260302a2c0002');
    expect(exact.hits[0]).toMatchObject({ exactTrackingNumber: true, row: { id: ids[1] } });
    expect(exact.hits[0]?.matches[0]).toEqual({ field: 'trackingNumber', ranges: [[0, 19]] });
    const fragment = await search(core, 'A2C-0002');
    expect(fragment.hits[0]?.matches[0]).toEqual({ field: 'trackingNumber', ranges: [[11, 19]] });
  });

  it('never finds a confidential complaint by its identity or content for an officer, but by its tracking number; a supervisor finds it', async () => {
    const { core } = await unitWithComplaints();
    const three = TRACKING[2];
    await signInAs(core, 'Rina', 'officer');
    for (const text of [
      'suap',
      'gratifikasi',
      'dipungut ',
      'rahasia',
      'Wati',
      '0857 1111 2222',
      '11112222',
      '3305999988',
    ]) {
      const page = await search(core, text);
      expect(page.hits.map((hit) => hit.row.trackingNumber)).not.toContain(three);
      expect(page.total ?? 0).toBe(page.hits.length);
    }
    expect((await search(core, 'suap')).total).toBe(0);
    const byNumber = await search(core, three ?? '');
    expect(byNumber.hits.map((hit) => hit.row.trackingNumber)).toEqual([three]);
    expect(byNumber.hits[0]?.matches).toEqual([{ field: 'trackingNumber', ranges: [[0, 19]] }]);

    await signInAs(core, 'Agus', 'supervisor');
    expect(await trackingNumbersFound(core, 'suap')).toEqual([three]);
    expect(await trackingNumbersFound(core, 'Wati')).toEqual([three]);
    const byPhone = await search(core, '0857 1111 2222');
    expect(byPhone.hits.map((hit) => [hit.row.trackingNumber, hit.matches])).toEqual([
      [three, [{ field: 'phone', ranges: [] }]],
    ]);
  });

  it('forgets an identity deleted by a move to anonymous, and hides content once a complaint turns confidential', async () => {
    const { core, ids } = await unitWithComplaints();
    const [one, two] = TRACKING;
    const detail = await core.complaints.detail(ids[0] ?? '');
    if (!detail) throw new Error('no complaint');
    expect(
      await core.complaints.act(detail.state, 'change-privacy', {
        to: 'anonymous',
        reason: 'Diminta pelapor',
      }),
    ).toEqual({
      ok: true,
    });
    await waitFor(
      () => trackingNumbersFound(core, 'budi'),
      (found) => found.length === 0,
      'name forgotten',
    );
    expect(await trackingNumbersFound(core, '0812-3456-7890')).toEqual([]);
    expect(await trackingNumbersFound(core, 'pungutan liar')).toEqual([one]);

    const second = await core.complaints.detail(ids[1] ?? '');
    if (!second) throw new Error('no complaint');
    await core.complaints.act(second.state, 'change-privacy', { to: 'confidential', reason: 'Ancaman' });
    await signInAs(core, 'Rina', 'officer');
    await waitFor(
      () => trackingNumbersFound(core, 'kerusakan'),
      (found) => found.length === 0,
      'content hidden',
    );
    expect(await trackingNumbersFound(core, 'siti')).toEqual([]);
    expect(await trackingNumbersFound(core, two ?? '')).toEqual([two]);
  });

  it('finds the identity recorded after intake for a complaint anonymous at intake', async () => {
    const { core, ids } = await unitWithComplaints();
    const four = TRACKING[3];
    const id = ids[3] ?? '';
    const detail = await core.complaints.detail(id);
    if (!detail) throw new Error('no complaint');
    expect(
      await core.complaints.act(detail.state, 'change-privacy', { to: 'named', reason: 'Pelapor bersedia' }),
    ).toEqual({ ok: true });
    expect(
      await core.complaints.correctReporter(id, {
        rev: '',
        values: { name: 'Joko Widodo', phone: '0821 7777 6666' },
      }),
    ).toEqual({ outcome: 'saved', fields: ['name', 'phone'] });
    await waitFor(
      () => trackingNumbersFound(core, '7777 66'),
      (found) => found.length === 1,
      'recorded phone indexed',
    );
    expect(await trackingNumbersFound(core, '7777 66')).toEqual([four]);
    expect(await trackingNumbersFound(core, 'joko')).toEqual([four]);
  });

  it('finds a complaint that arrived by replication without a restart', async () => {
    const { core, unitDatabases } = await unitWithComplaints();
    const other = memoryDatabase();
    await new ComplaintRepository(other, await testVault()).saveIntake(
      intake({ title: 'Banjir di perumahan', chronology: 'Saluran tersumbat sampah.', location: 'Gombong' }),
      [],
      {
        unitCode: 'KTB',
        deviceCode: 'B3D',
        sequence: 1,
        eventSequence: 1,
        officer: { officerId: 'officer-b', name: 'Joko' },
        receivedAt: new Date('2026-03-02T04:00:00Z'),
        localDate: '2026-03-02',
      },
    );
    const local = unitDatabases[0];
    if (!local) throw new Error('no unit database');
    await other.replicate.to(local);
    const found = await waitFor(
      () => trackingNumbersFound(core, 'banjir gombong'),
      (tracking) => tracking.length === 1,
      'replicated complaint found',
    );
    expect(found).toEqual(['KTB-260302-B3D-0001']);
    await other.destroy();
  });

  it('rebuilds an index deleted on disk, in the background, with progress', async () => {
    const { core, device } = await unitWithComplaints();
    await core.device.stop();
    // Work already under way when the index stopped ends first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await device.searchContent.clear();
    await device.searchIdentity.clear();
    const seen: SearchIndexStatus[] = [];
    const stop = core.search.onStatus((status) => seen.push(status));
    await core.device.start();
    await ready(core);
    stop();
    // A start asks who is at the desk: the manager signs in again (and sees the confidential one).
    await signInAs(core, SETUP.officerName);
    expect(seen).toContainEqual({ state: 'building', done: 0, total: 4 });
    expect(seen).toContainEqual({ state: 'building', done: 4, total: 4 });
    expect(seen.at(-1)).toEqual({ state: 'ready', total: 4 });
    expect(await trackingNumbersFound(core, 'pungutan')).toEqual([TRACKING[0], TRACKING[2]]);
  });

  it('does not rebuild an index that is there: a restart catches up from its checkpoint', async () => {
    const { core } = await unitWithComplaints();
    await core.device.stop();
    const seen: SearchIndexStatus[] = [];
    const stop = core.search.onStatus((status) => seen.push(status));
    await core.device.start();
    await ready(core);
    stop();
    expect(seen.some((status) => status.state === 'building')).toBe(false);
    expect(await trackingNumbersFound(core, 'kebumen')).toEqual([TRACKING[1]]);
  });

  it('combines the text with filters and sorts, pages with a cursor, and browses without text', async () => {
    const { core } = await unitWithComplaints();
    const [one, two, three, four] = TRACKING;
    expect(
      (await search(core, 'jalan', { filters: { channel: ['phone'] } })).hits.map(
        (hit) => hit.row.trackingNumber,
      ),
    ).toEqual([two]);
    expect(
      (await search(core, '', { filters: { privacyMode: ['confidential', 'anonymous'] } })).hits.map(
        (hit) => hit.row.trackingNumber,
      ),
    ).toEqual([four, three]);
    expect(
      (
        await search(core, '', { filters: { category: ['infrastructure'], reportType: ['complaint'] } })
      ).hits.map((hit) => hit.row.trackingNumber),
    ).toEqual([two]);
    expect((await search(core, '', { filters: { receivedFrom: '2026-03-03' } })).hits).toEqual([]);
    expect((await search(core, '', { filters: { receivedTo: '2026-03-02' } })).hits).toHaveLength(4);
    expect((await search(core, '', { filters: { overdue: true } })).hits).toEqual([]);

    const first = await search(core, '', { limit: 3 });
    expect(first.total).toBe(4);
    expect(first.hits.map((hit) => hit.row.trackingNumber)).toEqual([four, three, two]);
    const next = await search(core, '', {
      limit: 3,
      ...(first.nextCursor ? { cursor: first.nextCursor } : {}),
    });
    expect(next.hits.map((hit) => hit.row.trackingNumber)).toEqual([one]);

    const byDeadline = await search(core, '', { sort: 'deadline', limit: 2 });
    expect(byDeadline.hits).toHaveLength(2);
    expect(byDeadline.nextCursor).toBe('#2');
    const rest = await search(core, '', { sort: 'deadline', limit: 2, cursor: '#2' });
    expect(rest.hits).toHaveLength(2);
    expect(rest.nextCursor).toBeUndefined();

    const textPaged = await search(core, '260302', { limit: 3 });
    expect(textPaged.total).toBe(4);
    expect(textPaged.nextCursor).toBeDefined();
    const textRest = await search(core, '260302', {
      limit: 3,
      ...(textPaged.nextCursor ? { cursor: textPaged.nextCursor } : {}),
    });
    expect(textRest.hits).toHaveLength(1);
  });

  it('remembers the last search of each officer at the desk, its text sealed', async () => {
    const { core, device } = await unitWithComplaints();
    await core.search.remember({ text: 'pungli', filters: { status: ['new'] }, sort: 'deadline' });
    // A search is often a name, a phone or a NIK: its text is kept sealed (decision 023).
    const stored = await device.settings.get(`search:${core.store.getState().officer?.id ?? ''}`);
    expect(JSON.stringify(stored)).not.toContain('pungli');
    expect(JSON.stringify(stored)).toContain('sealedText');
    expect(await core.search.remembered()).toEqual({
      text: 'pungli',
      filters: { status: ['new'] },
      sort: 'deadline',
    });
    await signInAs(core, 'Rina', 'officer');
    expect(await core.search.remembered()).toBeUndefined();
  });
});

describe('the search index in memory, loaded from its rows', () => {
  const databases: DeviceDatabase[] = [];
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.delete();
  });

  async function deviceDatabase(): Promise<DeviceDatabase> {
    const db = new DeviceDatabase(`search-${crypto.randomUUID()}`);
    databases.push(db);
    await db.open();
    return db;
  }

  const id = (n: number): string => `complaint:2026-03-0${n}T01:00:00.000Z:KTB-26030${n}-A2C-000${n}`;
  const row = (n: number, title: string, confidential = false) =>
    contentRow({
      id: id(n),
      trackingNumber: `KTB-26030${n}-A2C-000${n}`,
      laporId: '',
      confidential,
      title,
      chronology: '',
      location: '',
      category: '',
      offices: [],
    });
  /** The identity hasher of the tests' unit key (the core's is the same key). */
  const testHasher = async () => hasherOf(await testKeyring());
  const person = async (n: number, name: string, phone: string, confidential = false) =>
    identityRow({ id: id(n), confidential, name, phone, nik: '' }, (await (await testHasher())()) ?? fail());
  const fail = (): never => {
    throw new Error('no identity hasher');
  };
  const found = async (index: SearchIndex, text: string, seeConfidential = false): Promise<string[]> => [
    ...(await index.candidates(text, seeConfidential)).ids,
  ];

  it('answers the same after a restart (a new index over the same rows) as the index that wrote them', async () => {
    const { core, device } = await unitWithComplaints();
    const queries = [
      'pungutan',
      'pungtan ',
      'jalan',
      'kebu',
      '0812',
      '+62 813 9999',
      '3305123456',
      'A2C-0003',
      'suap',
      'wati',
      'lampu jalan',
    ];
    // From the rows, then from the snapshot the first one saves.
    const hasher = await testHasher();
    const fromRows = new SearchIndex(device, hasher);
    await fromRows.load();
    expect(await fromRows.saveSnapshot()).toBe(true);
    for (const [role, index] of [
      ['officer', fromRows],
      ['supervisor', fromRows],
      ['officer', new SearchIndex(device, hasher)],
      ['supervisor', new SearchIndex(device, hasher)],
    ] as const) {
      await signInAs(core, role === 'officer' ? 'Rina' : 'Agus', role);
      const restarted = new SearchQueries(device, index);
      for (const text of queries) {
        const before = await search(core, text);
        const after = await restarted.query(
          { text, limit: 20 },
          { seeConfidential: role === 'supervisor', day: undefined, complete: true },
        );
        expect({ text, role, hits: after.hits, total: after.total }).toEqual({
          text,
          role,
          hits: before.hits,
          total: before.total,
        });
      }
    }
  });

  it('at a restart, the indexer loads the index kept on the device with progress, not rebuilding it', async () => {
    const { core, device, unitDatabases } = await unitWithComplaints();
    const local = unitDatabases[0];
    if (!local) throw new Error('no unit database');
    const index = new SearchIndex(device);
    const indexer = new SearchIndexer(device, index);
    const seen: SearchIndexStatus[] = [];
    indexer.onStatus((status) => seen.push(status));
    try {
      await indexer.start(new ComplaintRepository(local, await testVault()), SETUP.unitCode);
      expect(seen).toContainEqual({ state: 'building', done: 7, total: 7, loading: true });
      expect(seen.some((status) => status.state === 'building' && status.loading !== true)).toBe(false);
      expect(seen.at(-1)).toEqual({ state: 'ready', total: 4 });
      expect((await index.candidates('kebumen', false)).ids).toEqual([
        (await search(core, 'kebumen')).hits[0]?.row.id,
      ]);
    } finally {
      indexer.stop();
    }
  });

  it('keeps its snapshot through a change that touches no complaint (the roster, settings, an access record)', async () => {
    const { core, device, unitDatabases } = await unitWithComplaints();
    const local = unitDatabases[0];
    if (!local) throw new Error('no unit database');
    await core.device.stop();
    const index = new SearchIndex(device);
    const indexer = new SearchIndexer(device, index);
    try {
      await indexer.start(new ComplaintRepository(local, await testVault()), SETUP.unitCode);
      expect(await index.saveSnapshot()).toBe(true);
      await local.put({ _id: 'officer:not-a-complaint', name: 'Dewi' });
      const { update_seq: seq } = await local.info();
      await waitFor(
        () => device.settings.get(searchCheckpointKey(SETUP.unitCode)),
        (checkpoint) => checkpoint?.value === seq,
        'the change followed',
      );
      // The next start loads the snapshot, not every row.
      expect(await device.searchSnapshot.get(SNAPSHOT_ID)).toBeDefined();
    } finally {
      indexer.stop();
    }
  });

  it("replaces a complaint's keys when it is indexed again and drops them when it is gone, in memory and on disk", async () => {
    const db = await deviceDatabase();
    const hasher = await testHasher();
    const index = new SearchIndex(db, hasher);
    const identities = [await person(1, 'Budi', '0812 1111 2222'), await person(2, 'Siti', '0813 3333 4444')];
    await index.write(
      [row(1, 'Jalan rusak'), row(2, 'Lampu mati'), row(3, 'Banjir')],
      identities.flatMap((one) => (one ? [one] : [])),
      [],
      [],
    );
    expect(await found(index, 'jalan')).toEqual([id(1)]);
    expect(await found(index, '11112222')).toEqual([id(1)]);
    expect(await index.saveSnapshot()).toBe(true);
    expect(await db.searchSnapshot.get(SNAPSHOT_ID)).toBeDefined();

    // Complaint 1 corrected: other title and phone; complaint 2 becomes confidential; 3 is gone.
    const corrected = await person(1, 'Budi', '0857 5555 6666');
    const hidden = await person(2, 'Siti', '0813 3333 4444', true);
    await index.write(
      [row(1, 'Jembatan putus'), row(2, 'Lampu mati', true)],
      [corrected, hidden].flatMap((one) => (one ? [one] : [])),
      [id(3)],
      [id(3)],
    );
    // A write deletes the snapshot with its rows: a start then loads the rows (and saves it again).
    expect(await db.searchSnapshot.count()).toBe(0);
    const fromRows = new SearchIndex(db, hasher);
    await fromRows.load();
    expect(await fromRows.saveSnapshot()).toBe(true);
    const fromSnapshot = new SearchIndex(db, hasher);
    for (const current of [index, fromRows, fromSnapshot]) {
      expect(await found(current, 'jalan')).toEqual([]);
      expect(await found(current, 'jembatan')).toEqual([id(1)]);
      expect(await found(current, '11112222')).toEqual([]);
      expect(await found(current, '0857 5555')).toEqual([id(1)]);
      expect(await found(current, 'lampu')).toEqual([]);
      expect(await found(current, '33334444')).toEqual([]);
      expect(await found(current, 'lampu', true)).toEqual([id(2)]);
      expect(await found(current, '33334444', true)).toEqual([id(2)]);
      expect(await found(current, 'banjir')).toEqual([]);
      expect(await found(current, 'A2C-0003')).toEqual([]);
      // The tracking number still finds every complaint there, newest first.
      expect(await found(current, 'KTB-2603')).toEqual([id(2), id(1)]);
    }
    expect(await db.searchContent.count()).toBe(2);

    // Back once more (a complaint that is gone and comes back by sync gets a new number).
    await fromSnapshot.write([row(3, 'Banjir lagi')], [], [], []);
    expect(await found(fromSnapshot, 'banjir')).toEqual([id(3)]);
    expect(await found(fromSnapshot, 'jembatan')).toEqual([id(1)]);
    expect(await found(fromSnapshot, 'KTB-2603')).toEqual([id(3), id(2), id(1)]);
    // Newest first by id even when an older complaint arrives last (sync) and only its content matches.
    await fromSnapshot.write([row(4, 'Jembatan rusak'), row(0, 'Aduan lain')], [], [], []);
    const text = 'jembatan';
    expect(await found(fromSnapshot, text)).toEqual([id(4), id(1)]);
    expect(await found(fromSnapshot, 'KTB-2603')).toEqual([id(4), id(3), id(2), id(1), id(0)]);
    expect((await fromSnapshot.candidates('KTB-2603', false)).newest()).toEqual([
      id(4),
      id(3),
      id(2),
      id(1),
      id(0),
    ]);
  });

  it('says which content fields matched from the postings in memory, as the content rows say, without reading them', async () => {
    const db = await deviceDatabase();
    const index = new SearchIndex(db);
    const sources = [
      {
        id: id(1),
        trackingNumber: 'KTB-260301-A2C-0001',
        laporId: 'LAP-2026-77881',
        confidential: false,
        title: 'Pungutan liar di loket',
        chronology: 'Petugas memungut biaya perizinan di Yogyakarta; jalan rusak.',
        location: 'Jalan Malioboro, Yogyakarta',
        category: 'Pungutan liar illegal levies',
        offices: ['Dinas Perizinan', 'Inspektorat'],
      },
      {
        id: id(2),
        trackingNumber: 'KTB-260302-A2C-0002',
        laporId: '',
        confidential: false,
        title: 'Jalan berlubang',
        chronology: 'Jalan di depan pasar berlubang; pungutan parkir.',
        location: 'Kebumen',
        category: 'Infrastruktur',
        offices: ['Dinas Pekerjaan Umum'],
      },
      {
        id: id(3),
        trackingNumber: 'KTB-260303-A2C-0003',
        laporId: '',
        confidential: true,
        title: 'Suap di loket',
        chronology: 'Uang dipungut tanpa kwitansi di Yogyakarta.',
        location: 'Loket rahasia',
        category: 'Penyalahgunaan wewenang',
        offices: ['Inspektorat'],
      },
    ] as const;
    await index.write(
      sources.map((source) => contentRow(source)),
      [],
      [],
      [],
    );
    const queries = [
      'pungutan',
      'pungu',
      'pungtan ',
      'memungut',
      'yogyakarta',
      'jalan',
      'jalan rusak',
      'inspektorat',
      'perizinan ',
      'loket',
      'lap-2026',
      '77881',
      'dinas',
      'kebumen pungutan',
    ];
    // The rule the content rows were read with before: a field matches when one of its terms is
    // one a typed word looks for (the same word or stem, the word as a prefix, one typo).
    const termMatches = (term: string, word: QueryWord): boolean =>
      term === word.word ||
      (word.stem !== '' && term === word.stem) ||
      (word.prefix && word.word.length >= PREFIX_MIN_LENGTH && term.startsWith(word.word)) ||
      (word.typos > 0 && editDistance(term, word.word, 1) <= 1);
    const fromRows = async (complaint: string, words: readonly QueryWord[]): Promise<string[]> => {
      const stored = await db.searchContent.get(complaint);
      return CONTENT_FIELDS.filter((field) =>
        (stored?.fields[field] ?? []).some((term) => words.some((word) => termMatches(term, word))),
      );
    };
    const expected = new Map<string, string[]>();
    for (const text of queries) {
      for (const seeConfidential of [false, true]) {
        const candidates = await index.candidates(text, seeConfidential);
        for (const complaint of candidates.ids) {
          expected.set(
            `${text}|${String(seeConfidential)}|${complaint}`,
            await fromRows(complaint, candidates.words),
          );
        }
      }
    }
    expect(expected.size).toBeGreaterThan(20);
    expect(expected.get(`inspektorat|false|${id(1)}`)).toEqual(['office']);
    expect(expected.get(`yogyakarta|false|${id(1)}`)).toEqual(['chronology', 'location']);
    expect(expected.get(`yogyakarta|true|${id(3)}`)).toEqual(['chronology']);
    expect([...expected.values()].some((fields) => fields.includes('laporId'))).toBe(true);
    expect(await index.saveSnapshot()).toBe(true);
    // The index that wrote the rows, one loaded from the rows and one loaded from the snapshot.
    const loadedFromRows = new SearchIndex(db);
    await db.searchSnapshot.clear();
    await loadedFromRows.load();
    expect(await loadedFromRows.saveSnapshot()).toBe(true);
    const loadedFromSnapshot = new SearchIndex(db);
    const bulkGet = vi.spyOn(db.searchContent, 'bulkGet');
    const get = vi.spyOn(db.searchContent, 'get');
    for (const current of [index, loadedFromRows, loadedFromSnapshot]) {
      const actual = new Map<string, string[]>();
      for (const text of queries) {
        for (const seeConfidential of [false, true]) {
          const candidates = await current.candidates(text, seeConfidential);
          for (const complaint of candidates.ids) {
            actual.set(`${text}|${String(seeConfidential)}|${complaint}`, candidates.fields(complaint));
          }
        }
      }
      expect(actual).toEqual(expected);
    }
    expect(bulkGet).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();

    // A complaint indexed again with its words in other fields: the bits follow.
    await loadedFromSnapshot.write(
      [contentRow({ ...sources[1], location: 'Jalan Pemuda', chronology: 'Lubang.' })],
      [],
      [],
      [],
    );
    expect((await loadedFromSnapshot.candidates('jalan', false)).fields(id(2))).toEqual([
      'title',
      'location',
    ]);
    expect((await loadedFromSnapshot.candidates('pungutan', false)).ids).toEqual([id(1)]);
  });

  it('reads no search index row for a page of results, and a second page from the same matches', async () => {
    const { core, device } = await unitWithComplaints();
    const bulkGet = vi.spyOn(device.searchContent, 'bulkGet');
    const first = await search(core, '260302', { limit: 3 });
    expect(first.hits).toHaveLength(3);
    expect(first.nextCursor).toBeDefined();
    expect(bulkGet).not.toHaveBeenCalled();
    const pungutan = await search(core, 'pungutan');
    expect(pungutan.hits[0]?.matches).toEqual([
      { field: 'title', ranges: [[0, 8]] },
      { field: 'chronology', ranges: [] },
      { field: 'category', ranges: [] },
    ]);
    const second = await search(core, '260302', { limit: 3, cursor: first.nextCursor });
    expect(second.hits.map((hit) => hit.row.trackingNumber)).toEqual([TRACKING[0]]);
    expect(second.nextCursor).toBeUndefined();
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('saves the snapshot in parts, the manifest last; loads only a whole one; drops one the writes changed while it was built', async () => {
    const db = await deviceDatabase();
    const hasher = await testHasher();
    const index = new SearchIndex(db, hasher);
    const identity = await person(1, 'Budi', '0812 1111 2222');
    await index.write([row(1, 'Jalan rusak'), row(2, 'Lampu mati')], identity ? [identity] : [], [], []);
    expect(await index.saveSnapshot()).toBe(true);
    const saved = await db.searchSnapshot.toArray();
    const manifest = saved.find((one) => one.id === SNAPSHOT_ID);
    expect(manifest).toMatchObject({ parts: saved.length - 1 });
    expect(new Set(saved.flatMap((one) => ('kind' in one ? [one.kind] : [])))).toEqual(
      new Set(['ids', 'words', 'suffix']),
    );

    // A part missing: the snapshot is not loaded, the rows are (with their progress).
    await db.searchSnapshot.delete(`${SNAPSHOT_ID}:1`);
    const fromRows = new SearchIndex(db, hasher);
    const progress: [number, number][] = [];
    await fromRows.load((done, total) => progress.push([done, total]));
    expect(progress).toContainEqual([0, 3]);
    expect(await found(fromRows, 'jalan')).toEqual([id(1)]);
    expect(await found(fromRows, '11112222')).toEqual([id(1)]);

    // A write while the snapshot is being built: that snapshot is not saved (the write saves a later one).
    const saving = fromRows.saveSnapshot();
    await fromRows.write([row(3, 'Banjir')], [], [], []);
    expect(await saving).toBe(false);
    expect(await db.searchSnapshot.count()).toBe(0);
    expect(await fromRows.saveSnapshot()).toBe(true);
    const fromSnapshot = new SearchIndex(db, hasher);
    expect(await found(fromSnapshot, 'banjir')).toEqual([id(3)]);
    expect(await found(fromSnapshot, 'KTB-2603')).toEqual([id(3), id(2), id(1)]);
  });

  it('makes a query made while the index loads wait for it, with progress of the rows read', async () => {
    const db = await deviceDatabase();
    const identity = await person(1, 'Budi', '0812 1111 2222');
    await new SearchIndex(db).write(
      [row(1, 'Jalan rusak'), row(2, 'Jalan licin')],
      identity ? [identity] : [],
      [],
      [],
    );
    const index = new SearchIndex(db);
    const progress: [number, number][] = [];
    const loading = index.load((done, total) => progress.push([done, total]));
    expect(index.isLoaded()).toBe(false);
    const answer = await found(index, 'jalan');
    expect(index.isLoaded()).toBe(true);
    expect(answer).toEqual([id(2), id(1)]);
    expect(progress.at(-1)).toEqual([3, 3]);
    await loading;
  });
});

/** Every string in the search index's tables and its state (keys and values; typed arrays left out). */
async function storedSearchStrings(db: DeviceDatabase): Promise<string> {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
      for (const [key, inner] of Object.entries(value)) {
        found.push(key);
        walk(inner);
      }
    }
  };
  walk(await db.searchContent.toArray());
  walk(await db.searchIdentity.toArray());
  walk(await db.searchSnapshot.toArray());
  walk((await db.settings.toArray()).filter((row) => row.key.startsWith('search')));
  return found.join('\n');
}

/** Every run of 6 digits of `digits`. */
const sixes = (digits: string): string[] =>
  Array.from({ length: digits.length - 5 }, (_, start) => digits.slice(start, start + 6));

/** The four complaints' identities in clear: name words, every 6 digits of the phones (national form) and NIKs. */
const CLEAR_IDENTITY = [
  'budi',
  'santoso',
  'siti',
  'aminah',
  'wati',
  ...sixes('081234567890'),
  ...sixes('081399990000'),
  ...sixes('085711112222'),
  ...sixes('3305123456780001'),
  ...sixes('3305999988887777'),
];

describe('identity at rest in the search index (decision 023)', () => {
  const databases: DeviceDatabase[] = [];
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.delete();
  });
  const found = async (index: SearchIndex, text: string, seeConfidential = true): Promise<string[]> => [
    ...(await index.candidates(text, seeConfidential)).ids,
  ];

  it('stores no name, phone or NIK in the rows or the snapshot: keyed hashes of the current key version only', async () => {
    const { device, ids } = await unitWithComplaints();
    const hasher = hasherOf(await testKeyring());
    const index = new SearchIndex(device, hasher);
    await index.load();
    expect(await index.saveSnapshot()).toBe(true);
    const parts = await device.searchSnapshot.toArray();
    expect(parts.some((part) => 'kind' in part && part.kind === 'suffix' && part.part === 'p')).toBe(true);
    const stored = (await storedSearchStrings(device)).toLowerCase();
    expect(CLEAR_IDENTITY.filter((secret) => stored.includes(secret))).toEqual([]);
    const rows = await device.searchIdentity.toArray();
    expect(rows.map((row) => row.keyVersion)).toEqual([1, 1, 1]);
    expect((await device.settings.get(searchIdentityKey(SETUP.unitCode)))?.value).toEqual({
      keyVersion: 1,
      pending: [],
      all: false,
    } satisfies IdentityState);
    // Found by the same hashes, from the snapshot too.
    const fromSnapshot = new SearchIndex(device, hasher);
    for (const current of [index, fromSnapshot]) {
      expect(await found(current, 'budi sant')).toEqual([ids[0]]);
      expect(await found(current, 'santosa ')).toEqual([ids[0]]); // one typo
      expect(await found(current, '+62 812-3456')).toEqual([ids[0]]);
      expect(await found(current, '3456 7890')).toEqual([ids[0]]);
      expect(await found(current, '5123456780')).toEqual([ids[0]]);
      expect(await found(current, 'wati')).toEqual([ids[2]]);
      expect(await found(current, 'wati', false)).toEqual([]);
    }
    // Without a key (no hasher) identity is not looked up at all.
    expect(await found(new SearchIndex(device), 'budi')).toEqual([]);
  });

  it('indexes no identity while no key is unlocked; what waited is kept across a restart and indexed at the unlock', async () => {
    const { unitDatabases, ids } = await unitWithComplaints();
    const local = unitDatabases[0];
    if (!local) throw new Error('no unit database');
    const db = new DeviceDatabase(`search-${crypto.randomUUID()}`);
    databases.push(db);
    await db.open();
    const keyring = new UnitKeyring();
    const hasher = hasherOf(keyring);
    const records = new ComplaintRepository(local, new ReporterVault(keyring));
    const first = new SearchIndexer(db, new SearchIndex(db));
    await first.start(records, SETUP.unitCode);
    await first.settled();
    first.stop();
    expect(await db.searchIdentity.count()).toBe(0);
    const waiting = (await db.settings.get(searchIdentityKey(SETUP.unitCode)))?.value as IdentityState;
    expect([...waiting.pending].sort()).toEqual([ids[0], ids[1], ids[2]].sort());

    const index = new SearchIndex(db, hasher);
    const second = new SearchIndexer(db, index);
    try {
      await second.start(records, SETUP.unitCode);
      await second.settled();
      expect(await found(index, 'budi')).toEqual([]);
      await installTestUnitKey(keyring);
      await second.reindexIdentities();
      expect(await found(index, 'budi')).toEqual([ids[0]]);
      expect(await found(index, '0813 9999')).toEqual([ids[1]]);
      expect(await db.searchIdentity.count()).toBe(3);
      expect((await db.settings.get(searchIdentityKey(SETUP.unitCode)))?.value).toEqual({
        keyVersion: 1,
        pending: [],
        all: false,
      });
    } finally {
      second.stop();
    }
  });

  it('rebuilds the identity part under a new unit key version, in the background', async () => {
    const { core, device, unitDatabases, ids } = await unitWithComplaints();
    const local = unitDatabases[0];
    if (!local) throw new Error('no unit database');
    await core.device.stop();
    // Work already under way when the index stopped ends first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const keyring = await testKeyring();
    const hasher = hasherOf(keyring);
    const index = new SearchIndex(device, hasher);
    const indexer = new SearchIndexer(device, index);
    try {
      await indexer.start(new ComplaintRepository(local, new ReporterVault(keyring)), SETUP.unitCode);
      await indexer.settled();
      expect(indexer.identityKeyVersion()).toBe(1);
      const keysOf = async (): Promise<string[]> =>
        (await device.searchIdentity.toArray()).flatMap((row) => [...row.keys]);
      const before = await keysOf();

      const second = await createUnitKey(2);
      expect(keyring.install(second, { version: 2, fingerprint: second.fingerprint })).toEqual({
        ok: true,
        added: true,
      });
      await indexer.reindexIdentities(); // as the core does when a key is unlocked
      expect(indexer.identityKeyVersion()).toBe(2);
      const after = await keysOf();
      expect(after).toHaveLength(before.length);
      expect(after.filter((key) => before.includes(key))).toEqual([]);
      expect((await device.searchIdentity.toArray()).map((row) => row.keyVersion)).toEqual([2, 2, 2]);
      expect((await device.settings.get(searchIdentityKey(SETUP.unitCode)))?.value).toEqual({
        keyVersion: 2,
        pending: [],
        all: false,
      });
      expect(await found(index, 'budi')).toEqual([ids[0]]);
      expect(await found(index, '0857 1111')).toEqual([ids[2]]);
      expect(await found(index, '3305999988')).toEqual([ids[2]]);
      // A restart with both versions unlocked finds the part built with the current one: no rebuild.
      const restarted = new SearchIndexer(device, new SearchIndex(device));
      indexer.stop();
      await restarted.start(new ComplaintRepository(local, new ReporterVault(keyring)), SETUP.unitCode);
      await restarted.settled();
      expect(await keysOf()).toEqual(after);
      restarted.stop();
    } finally {
      indexer.stop();
    }
  });

  it('removes a deleted identity from the index: not found by name, phone or NIK, none of its hashes stored', async () => {
    const { core, device, unitDatabases, ids } = await unitWithComplaints();
    const local = unitDatabases[0];
    if (!local) throw new Error('no unit database');
    const hashesOf = async (id: string): Promise<string[]> =>
      ((await device.searchIdentity.get(id))?.keys ?? []).map((key) => key.slice(key.indexOf(':') + 1));
    const deleted = [...(await hashesOf(ids[0] ?? '')), ...(await hashesOf(ids[1] ?? ''))];
    expect(deleted.length).toBeGreaterThan(20);

    // 1: moved to anonymous (its reporter document deleted with the event); 2: its reporter
    // document deleted alone, a bare tombstone, as the retention task deletes it.
    const detail = await core.complaints.detail(ids[0] ?? '');
    if (!detail) throw new Error('no complaint');
    await core.complaints.act(detail.state, 'change-privacy', { to: 'anonymous', reason: 'Diminta pelapor' });
    await local.remove(await local.get(reporterId(TRACKING[1] ?? '')));
    for (const text of ['budi', 'siti']) {
      await waitFor(
        () => trackingNumbersFound(core, text),
        (tracking) => tracking.length === 0,
        `${text} forgotten`,
      );
    }
    for (const text of [
      'budi santoso',
      'aminah',
      '0812-3456-7890',
      '3456 78',
      '3305123456780001',
      '0813 9999',
    ]) {
      expect(await trackingNumbersFound(core, text)).toEqual([]);
    }
    expect(await trackingNumbersFound(core, 'wati')).toEqual([TRACKING[2]]);
    expect(await device.searchIdentity.bulkGet([ids[0] ?? '', ids[1] ?? ''])).toEqual([undefined, undefined]);

    // The rows, and the snapshot of an index loaded from them, hold none of the deleted hashes.
    const hasher = hasherOf(await testKeyring());
    const index = new SearchIndex(device, hasher);
    await index.load();
    expect(await index.saveSnapshot()).toBe(true);
    let stored = await storedSearchStrings(device);
    expect(deleted.filter((hash) => stored.includes(hash))).toEqual([]);
    // An index that held one (in memory too) and forgets it: its next snapshot holds none either.
    const wati = await hashesOf(ids[2] ?? '');
    await index.write([], [], [], [ids[2] ?? '']);
    expect(await found(index, 'wati')).toEqual([]);
    expect(await found(index, '0857 1111 2222')).toEqual([]);
    expect(await index.saveSnapshot()).toBe(true);
    stored = await storedSearchStrings(device);
    expect(wati.filter((hash) => stored.includes(hash))).toEqual([]);
  });
});

describe('withinOneEdit', () => {
  it('says what editDistance(a, b, 1) <= 1 says', () => {
    const words = [
      'pungutan',
      'pungtan',
      'pungutn',
      'pungutam',
      'punggutan',
      'upngutan',
      'pungut',
      'pungutanx',
      'xpungutan',
      'a',
      '',
      'ab',
      'ba',
      'abc',
    ];
    for (const a of words) {
      for (const b of words) expect([a, b, withinOneEdit(a, b)]).toEqual([a, b, editDistance(a, b, 1) <= 1]);
    }
  });
});
