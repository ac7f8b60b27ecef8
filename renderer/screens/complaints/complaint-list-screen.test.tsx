// @vitest-environment happy-dom
/**
 * Daftar Pengaduan with a fake client core (`fakeSearch` over a few rows): the search box's text and
 * the filters and sort go to the URL and come back from it; the matched words are marked and other
 * matched fields named (never for a masked title); the keyboard moves from the search box through
 * the rows and Enter opens one; a whole tracking number opens its complaint; the index's build
 * progress; the officer's remembered search; the empty states; the next page as the end nears;
 * while the first download runs, the note under the results and a number not here fetched from
 * the central (or named as not on this device yet).
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { ComplaintStatus, PrivacyMode } from '../../../shared/complaint/vocabulary';
import { defaultUnitSettings, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { Role } from '../../../shared/workflow/roles';
import { fakeCore, fakeSearch, withCore, type FakeCoreParts } from '../../app/fake-core.fixtures';
import { useHashLocation } from '../../app/hash-location';
import { complaintPath } from '../../app/routes';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import type {
  ComplaintIndexRow,
  SearchIndexStatus,
  SearchPage,
  SearchQuery,
  TrackingNumberLookup,
} from '../../core/client-core';
import { ComplaintListScreen } from './complaint-list-screen';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
  // happy-dom lays nothing out: the results' scroller shows 10 rows of 40 px, so the virtualiser
  // renders those and its overscan, as in Chromium.
  const size = (of: (element: HTMLElement) => number) => ({
    configurable: true,
    get(this: HTMLElement) {
      return of(this);
    },
  });
  Object.defineProperties(HTMLElement.prototype, {
    clientHeight: size((element) => (element.classList.contains('list__scroller') ? 400 : 0)),
    clientWidth: size((element) => (element.classList.contains('list__scroller') ? 1000 : 0)),
    offsetHeight: size((element) => (element.tagName === 'TR' ? 40 : 0)),
  });
});
afterEach(cleanup);

const row = (
  n: number,
  title = `Aduan ${n}`,
  status: ComplaintStatus = 'new',
  privacyMode: PrivacyMode = 'named',
): ComplaintIndexRow => {
  const day = String(n).padStart(2, '0');
  return {
    id: `complaint:2026-03-${day}T03:00:00.000Z:KTB-2603${day}-A2C-00${day}`,
    trackingNumber: `KTB-2603${day}-A2C-00${day}`,
    receivedAt: `2026-03-${day}T03:00:00.000Z`,
    channel: 'walk-in',
    title,
    status,
    autoClosed: 0,
    privacyMode,
    office: '',
    open: 1,
    dueDate: '2026-03-30',
    stage: 'verify',
    category: 'health',
    reportType: 'complaint',
    receivedDate: `2026-03-${day}`,
  };
};

const ROWS = [
  row(1, 'Lampu jalan mati di Jl. Kenanga'),
  row(2, 'Sampah menumpuk di pasar', 'verified'),
  row(3, 'Jalan berlubang dekat sekolah'),
];

type SetUp = Readonly<{
  rows?: readonly ComplaintIndexRow[];
  path?: string;
  role?: Role;
  search?: FakeCoreParts['search'];
  found?: string;
  /** What the core's lookup of a tracking number answers (else `found`, or not found). */
  lookup?: (text: string) => Promise<TrackingNumberLookup>;
  /** The sync status in the store (the first download's progress). */
  syncStatus?: SyncStatus;
  /** The unit's settings in the store (the device budget). */
  unitSettings?: UnitSettingsDoc;
  /** The app's hash location (history entries and their state, as in the browser) instead of a memory one. */
  hash?: boolean;
}>;

function setUp(options: SetUp = {}) {
  const query = vi.fn(fakeSearch(options.rows ?? ROWS));
  const core = fakeCore({
    complaints: {
      countByStatus: () =>
        Promise.resolve({
          new: 2,
          'on-hold': 0,
          verified: 1,
          'followed-up': 0,
          answered: 0,
          closed: 0,
          archived: 0,
          forwarded: 0,
        }),
      findByTrackingNumber: vi.fn(
        options.lookup ??
          (() =>
            Promise.resolve<TrackingNumberLookup>(
              options.found === undefined
                ? { status: 'not-found' }
                : { status: 'found', complaintId: options.found, fetched: false },
            )),
      ),
    },
    search: { query, remember: vi.fn(() => Promise.resolve()), ...options.search },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: {
      id: 'officer-1',
      name: 'Sari',
      role: options.role ?? 'supervisor',
      createdAt: '2026-01-05T01:00:00.000Z',
    },
  });
  if (options.syncStatus) core.store.getState().setSyncStatus(options.syncStatus);
  if (options.unitSettings) core.store.getState().setUnitDocs({ unitSettings: options.unitSettings });
  const location = memoryLocation({ path: options.path ?? '/pengaduan', record: true });
  render(
    withCore(
      core,
      <Router hook={options.hash ? useHashLocation : location.hook}>
        <ComplaintListScreen />
      </Router>,
    ),
  );
  return { core, query, location, user: userEvent.setup() };
}

const searchBox = (): HTMLInputElement => screen.getByRole('searchbox', { name: 'Cari pengaduan' });
const trackingNumbers = (): string[] =>
  within(screen.getByTestId('complaint-table'))
    .queryAllByRole('row')
    .map((tr) => tr.getAttribute('data-tracking-number') ?? '')
    .filter(Boolean);
const lastQuery = (query: ReturnType<typeof vi.fn>): SearchQuery =>
  query.mock.calls.at(-1)?.[0] as SearchQuery;
const lastUrl = (location: { history?: string[] }): string => location.history?.at(-1) ?? '';

describe('ComplaintListScreen', () => {
  it('shows the newest complaints first, with the search box focused', async () => {
    const { query } = setUp();
    await waitFor(() =>
      expect(trackingNumbers()).toEqual([
        'KTB-260303-A2C-0003',
        'KTB-260302-A2C-0002',
        'KTB-260301-A2C-0001',
      ]),
    );
    expect(document.activeElement).toBe(searchBox());
    expect(lastQuery(query)).toMatchObject({ text: '', limit: 20 });
    expect(screen.getByTestId('result-count').textContent).toBe('3 pengaduan');
  });

  it('searches as the officer types, puts the text in the URL and marks the matched words', async () => {
    const { query, location, user } = setUp();
    await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
    await user.type(searchBox(), 'jalan');
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260303-A2C-0003', 'KTB-260301-A2C-0001']));
    expect(lastQuery(query)).toMatchObject({ text: 'jalan' });
    expect(lastUrl(location)).toBe('/pengaduan?q=jalan');
    const marks = Array.from(screen.getByTestId('complaint-table').querySelectorAll('mark')).map(
      (mark) => mark.textContent,
    );
    expect(marks).toEqual(['Jalan', 'jalan']);
  });

  it('empties the search box with Esc, and the URL with it', async () => {
    const { location, user } = setUp({ path: '/pengaduan?q=sampah' });
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260302-A2C-0002']));
    await user.keyboard('{Escape}');
    expect(searchBox().value).toBe('');
    expect(lastUrl(location)).toBe('/pengaduan');
    await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
  });

  it('puts the filters and sort in the URL, and reads them back from it', async () => {
    const { query, location, user } = setUp();
    await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
    await user.selectOptions(screen.getByLabelText('Saring status'), 'verified');
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260302-A2C-0002']));
    expect(lastUrl(location)).toBe('/pengaduan?status=verified');
    expect(lastQuery(query).filters).toEqual({ status: ['verified'] });
    await user.click(screen.getByLabelText('Lewat tenggat'));
    await user.selectOptions(screen.getByLabelText('Urutkan'), 'deadline');
    expect(lastUrl(location)).toBe('/pengaduan?status=verified&overdue=1&sort=deadline');
    await waitFor(() =>
      expect(lastQuery(query)).toMatchObject({
        filters: { status: ['verified'], overdue: true },
        sort: 'deadline',
      }),
    );

    // Back to an earlier URL (as back/forward do): the controls and the query follow it.
    act(() => location.navigate('/pengaduan?q=sampah&channel=phone'));
    await waitFor(() =>
      expect(lastQuery(query)).toMatchObject({ text: 'sampah', filters: { channel: ['phone'] } }),
    );
    expect(searchBox().value).toBe('sampah');
    expect(screen.getByLabelText<HTMLSelectElement>('Saring status').value).toBe('all');
    expect(screen.getByLabelText<HTMLSelectElement>('Kanal').value).toBe('phone');
    expect(screen.getByLabelText<HTMLInputElement>('Lewat tenggat').checked).toBe(false);
    expect(lastQuery(query).sort).toBeUndefined();
  });

  it('moves from the search box through the rows with ↓/↑ and opens one with Enter', async () => {
    const { location, user } = setUp();
    await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
    await user.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(document.activeElement?.closest('tr')?.dataset.trackingNumber).toBe('KTB-260303-A2C-0003'),
    );
    await user.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(document.activeElement?.closest('tr')?.dataset.trackingNumber).toBe('KTB-260302-A2C-0002'),
    );
    await user.keyboard('{ArrowUp}{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(lastUrl(location)).toBe(complaintPath(row(2).id)));
  });

  it('opens a whole tracking number with Enter, and says when no complaint has it', async () => {
    const found = row(2).id;
    const { core, location, user } = setUp({ found });
    await user.type(searchBox(), 'ktb-260302-a2c-0002{Enter}');
    await waitFor(() => expect(lastUrl(location)).toBe(complaintPath(found)));
    expect(core.complaints.findByTrackingNumber).toHaveBeenCalledWith('ktb-260302-a2c-0002');
  });

  it("does not keep a tracking number opened with Enter as the officer's search, nor in the list Back returns to", async () => {
    const found = row(2).id;
    const { core, location, user } = setUp({ found, path: '/pengaduan?status=new' });
    await user.type(searchBox(), 'ktb-260302-a2c-0002');
    // Left a moment, it is remembered as any search is...
    await waitFor(
      () =>
        expect(core.search.remember).toHaveBeenLastCalledWith({
          text: 'ktb-260302-a2c-0002',
          filters: { status: ['new'] },
        }),
      { timeout: 2000 },
    );
    // ...until Enter opens the complaint: then the officer's search is the one without the number.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(lastUrl(location)).toBe(complaintPath(found)));
    expect(location.history.at(-2)).toBe('/pengaduan?status=new');
    expect(core.search.remember).toHaveBeenLastCalledWith({ text: '', filters: { status: ['new'] } });
  });

  it("shows the officer's own search, not the one in a history entry another officer made (Back after the desk changed hands)", async () => {
    // The entry Back returned to: the last officer's search.
    history.replaceState({ searchBy: 'officer-2' }, '', '#/pengaduan?q=sampah');
    try {
      const remembered = vi.fn(() => Promise.resolve({ text: 'lampu' }));
      const { query } = setUp({ hash: true, search: { remembered } });
      await waitFor(() => expect(location.hash).toBe('#/pengaduan?q=lampu'));
      expect(history.state).toEqual({ searchBy: 'officer-1' });
      await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260301-A2C-0001']));
      expect(searchBox().value).toBe('lampu');
      expect(query.mock.calls.map(([q]) => q.text)).not.toContain('sampah');
      expect(screen.queryByDisplayValue('sampah')).toBeNull();
    } finally {
      history.replaceState(null, '', '#');
    }
  });

  it('keeps the search of a history entry the officer at the desk made', async () => {
    history.replaceState({ searchBy: 'officer-1' }, '', '#/pengaduan?q=sampah');
    try {
      const remembered = vi.fn(() => Promise.resolve({ text: 'lampu' }));
      setUp({ hash: true, search: { remembered } });
      await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260302-A2C-0002']));
      expect(searchBox().value).toBe('sampah');
      expect(location.hash).toBe('#/pengaduan?q=sampah');
      expect(remembered).not.toHaveBeenCalled();
    } finally {
      history.replaceState(null, '', '#');
    }
  });

  it('names a tracking number that is not found', async () => {
    const { user } = setUp();
    await user.type(searchBox(), 'KTB-260309-A2C-0009{Enter}');
    expect(
      await screen.findByText('Tidak ada pengaduan dengan nomor tiket KTB-260309-A2C-0009.'),
    ).toBeTruthy();
  });

  it('names the other fields that matched, and never marks a masked title', async () => {
    const secret = row(4, 'Pungutan di loket', 'new', 'confidential');
    const page: SearchPage = {
      hits: [
        {
          row: secret,
          exactTrackingNumber: false,
          matches: [{ field: 'title', ranges: [[0, 8]] }],
        },
        {
          row: ROWS[0] as ComplaintIndexRow,
          exactTrackingNumber: false,
          matches: [{ field: 'phone', ranges: [] }],
        },
      ],
      total: 2,
      complete: true,
    };
    setUp({ role: 'officer', search: { query: vi.fn(() => Promise.resolve(page)) } });
    await waitFor(() => expect(trackingNumbers()).toHaveLength(2));
    const [masked, named] = within(screen.getByTestId('complaint-table')).getAllByRole('row').slice(1);
    expect(masked?.textContent).not.toContain('Pungutan');
    expect(masked?.querySelector('mark')).toBeNull();
    expect(named?.textContent).toContain('Cocok di: telepon pelapor');
  });

  it('shows the search index being built, then ready', () => {
    let status: SearchIndexStatus = { state: 'building', done: 42, total: 100 };
    const listeners = new Set<(next: SearchIndexStatus) => void>();
    setUp({
      search: {
        status: () => status,
        onStatus: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    });
    expect(screen.getByTestId('index-progress').textContent).toBe('Menyiapkan indeks pencarian… 42%');
    act(() => {
      status = { state: 'ready', total: 100 };
      for (const listener of listeners) listener(status);
    });
    expect(screen.queryByTestId('index-progress')).toBeNull();
  });

  it("restores the officer's last search when the list opens without one, and remembers a new one", async () => {
    const remembered = vi.fn(() =>
      Promise.resolve({ text: 'sampah', filters: { status: ['verified' as const] } }),
    );
    const { core, location, user } = setUp({ search: { remembered } });
    await waitFor(() => expect(lastUrl(location)).toBe('/pengaduan?q=sampah&status=verified'));
    expect(searchBox().value).toBe('sampah');
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260302-A2C-0002']));
    await user.clear(searchBox());
    await waitFor(
      () =>
        expect(core.search.remember).toHaveBeenLastCalledWith({
          text: '',
          filters: { status: ['verified'] },
        }),
      { timeout: 2000 },
    );
  });

  it('keeps the search in the URL over a remembered one', async () => {
    const remembered = vi.fn(() => Promise.resolve({ text: 'lampu' }));
    setUp({ path: '/pengaduan?q=sampah', search: { remembered } });
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260302-A2C-0002']));
    expect(remembered).not.toHaveBeenCalled();
  });

  it('says when nothing matches, and clears the search and filters on request', async () => {
    const { location, user } = setUp({ path: '/pengaduan?q=banjir&overdue=1' });
    expect((await screen.findByTestId('list-empty')).textContent).toContain(
      'Tidak ada pengaduan yang cocok dengan pencarian dan saringan ini.',
    );
    await user.click(screen.getByRole('button', { name: 'Hapus pencarian dan saringan' }));
    await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
    expect(lastUrl(location)).toBe('/pengaduan');
    expect(document.activeElement).toBe(searchBox());
  });

  it('says when the unit has no complaints yet', async () => {
    setUp({ rows: [] });
    expect((await screen.findByTestId('list-empty')).textContent).toBe('Belum ada pengaduan.');
  });

  it('reads a first page of 20 that fills the view, and the next page only as the officer scrolls', async () => {
    const many = Array.from({ length: 28 }, (_, index) => row(index + 1));
    const { query } = setUp({ rows: [...many, ...many.map((r) => ({ ...r, id: `${r.id}-b` }))] });
    await waitFor(() => expect(trackingNumbers().length).toBeGreaterThan(0));
    expect(query.mock.calls.every(([q]) => q.limit === 20)).toBe(true);
    const firstCursor = (): boolean => query.mock.calls.some(([q]) => q.cursor !== undefined);
    // The 10 rows in view and the overscan below them: all 20 read, and no more is asked for.
    const rendered = trackingNumbers().length;
    expect(rendered).toBe(20);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(firstCursor()).toBe(false);
    // The officer scrolls down 6 rows (the view ends at the 16th of the 20 read): the next 20 are asked for.
    const scroller = screen.getByTestId('complaint-scroller');
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 6 * 40 });
    act(() => {
      scroller.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(firstCursor()).toBe(true));
    const [, second] = query.mock.calls.filter(([q]) => q.text === '');
    expect(second?.[0].limit).toBe(20);
    await waitFor(() => expect(trackingNumbers().length).toBeGreaterThan(rendered));
  });
  describe('while the first download is under way', () => {
    const common = { pendingLocalChanges: 0, lastSyncedAt: null, rejectedDocuments: [] } as const;
    const downloading: SyncStatus = {
      ...common,
      state: 'syncing',
      progress: { docsDone: 450, docsTotal: 1000, percent: 45, stage: null },
    };
    const note = (): HTMLElement => screen.getByTestId('first-download');

    it('says under the results, as plain text, that older complaints may be missing; nothing once the device holds its unit', async () => {
      setUp({ syncStatus: downloading });
      await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
      expect(note().textContent).toBe(
        'Unduhan pertama belum selesai (45%): pengaduan lama mungkin belum muncul.',
      );
      expect(note().closest('[aria-live],[role=status],[role=alert]')).toBeNull();
      // Below the results, not among them.
      expect(
        screen.getByTestId('complaint-table').compareDocumentPosition(note()) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      cleanup();
      setUp({ syncStatus: { ...common, state: 'offline' } });
      expect(note().textContent).toBe('Unduhan pertama belum selesai: pengaduan lama mungkin belum muncul.');
      cleanup();
      setUp({ syncStatus: { ...common, lastSyncedAt: '2026-03-02T03:00:00.000Z', state: 'offline' } });
      await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
      expect(screen.queryByTestId('first-download')).toBeNull();
    });

    it('offers a whole tracking number no result has from the central, by keyboard, and opens it once fetched', async () => {
      const fetched = 'complaint:2026-02-10T03:00:00.000Z:KTB-260210-A2C-0042:' + 'f'.repeat(64);
      let answer: (lookup: TrackingNumberLookup) => void = () => undefined;
      const lookup = vi.fn(
        () =>
          new Promise<TrackingNumberLookup>((resolve) => {
            answer = resolve;
          }),
      );
      const { location, user } = setUp({ syncStatus: downloading, lookup });
      // A number the list holds is not offered.
      await user.type(searchBox(), 'KTB-260301-A2C-0001');
      await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260301-A2C-0001']));
      expect(screen.queryByRole('button', { name: 'Ambil dari pusat' })).toBeNull();
      await user.clear(searchBox());
      await user.type(searchBox(), 'ktb-260210-a2c-0042');
      const button = await screen.findByRole('button', { name: 'Ambil dari pusat' });
      expect(
        screen.getByText(
          'Nomor tiket KTB-260210-A2C-0042 mungkin ada di pusat tetapi belum diunduh ke perangkat ini.',
        ),
      ).toBeTruthy();
      // Reached with Tab from the search box (past the filters), pressed with Enter.
      for (let tabs = 0; tabs < 40 && document.activeElement !== button; tabs += 1) await user.tab();
      expect(document.activeElement).toBe(button);
      await user.keyboard('{Enter}');
      expect(lookup).toHaveBeenCalledWith('ktb-260210-a2c-0042');
      expect(await screen.findByRole('button', { name: 'Mengambil dari pusat…' })).toBeTruthy();
      act(() => answer({ status: 'found', complaintId: fetched, fetched: true }));
      await waitFor(() => expect(lastUrl(location)).toBe(complaintPath(fetched)));
    });

    it('names a number not on this device yet: offline, or the central not answering, with the progress', async () => {
      const answers: TrackingNumberLookup[] = [
        { status: 'not-on-device', reason: 'offline', percent: 45 },
        { status: 'not-on-device', reason: 'unreachable', percent: null },
        { status: 'not-found' },
      ];
      const lookup = vi.fn(() =>
        Promise.resolve<TrackingNumberLookup>(answers.shift() ?? { status: 'not-found' }),
      );
      const { user } = setUp({ syncStatus: downloading, lookup });
      await user.type(searchBox(), 'KTB-260210-A2C-0042{Enter}');
      expect(
        await screen.findByText(
          'Pengaduan KTB-260210-A2C-0042 belum ada di perangkat ini: unduhan pertama masih berjalan (45%); sambungkan ke jaringan untuk mengambilnya dari pusat.',
        ),
      ).toBeTruthy();
      await user.click(await screen.findByRole('button', { name: 'Ambil dari pusat' }));
      expect(
        await screen.findByText(
          'Pengaduan KTB-260210-A2C-0042 belum ada di perangkat ini: unduhan pertama belum selesai; server pusat tidak dapat dihubungi, coba lagi nanti.',
        ),
      ).toBeTruthy();
      await user.click(await screen.findByRole('button', { name: 'Ambil dari pusat' }));
      expect(
        await screen.findByText('Tidak ada pengaduan dengan nomor tiket KTB-260210-A2C-0042.'),
      ).toBeTruthy();
      expect(lookup).toHaveBeenCalledTimes(3);
    });
  });

  describe('on a device with a budget', () => {
    const caughtUp: SyncStatus = {
      pendingLocalChanges: 0,
      lastSyncedAt: '2026-03-02T03:00:00.000Z',
      rejectedDocuments: [],
      state: 'up-to-date',
    };
    const settings = (months?: number): UnitSettingsDoc => ({
      ...defaultUnitSettings('KTB', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
        officerId: 'officer-1',
        name: 'Siti',
      }),
      ...(months === undefined ? {} : { deviceBudgetMonths: months }),
    });

    it('says older closed complaints are on the central only, and nothing of the kind without a budget', async () => {
      setUp({ syncStatus: caughtUp, unitSettings: settings(6) });
      await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
      expect(screen.getByTestId('budget-note').textContent).toContain(
        'Perangkat ini menyimpan pengaduan yang diterima 6 bulan terakhir dan semua yang masih terbuka. Pengaduan lama yang sudah ditutup hanya ada di pusat',
      );
      cleanup();
      setUp({ syncStatus: caughtUp, unitSettings: settings() });
      await waitFor(() => expect(trackingNumbers()).toHaveLength(3));
      expect(screen.queryByTestId('budget-note')).toBeNull();
    });

    it('offers a whole number no result has from the central, naming why, and says why it did not come', async () => {
      const answers: TrackingNumberLookup[] = [
        { status: 'outside-budget', reason: 'offline' },
        { status: 'outside-budget', reason: 'unreachable' },
      ];
      const lookup = vi.fn(() =>
        Promise.resolve<TrackingNumberLookup>(answers.shift() ?? { status: 'not-found' }),
      );
      const { user } = setUp({ syncStatus: caughtUp, unitSettings: settings(6), lookup });
      await user.type(searchBox(), 'ktb-240210-a2c-0042');
      await screen.findByRole('button', { name: 'Ambil dari pusat' });
      screen.getByText(
        'Nomor tiket KTB-240210-A2C-0042 mungkin ada di pusat, di luar simpanan perangkat ini.',
      );
      await user.keyboard('{Enter}');
      expect(
        await screen.findByText(
          'Pengaduan KTB-240210-A2C-0042 tidak ada di perangkat ini: mungkin di luar simpanan perangkat ini dan hanya ada di pusat; sambungkan ke jaringan untuk mengambilnya.',
        ),
      ).toBeTruthy();
      await user.click(screen.getByRole('button', { name: 'Ambil dari pusat' }));
      expect(
        await screen.findByText(
          'Pengaduan KTB-240210-A2C-0042 tidak ada di perangkat ini: mungkin di luar simpanan perangkat ini dan hanya ada di pusat; server pusat tidak dapat dihubungi, coba lagi nanti.',
        ),
      ).toBeTruthy();
      expect(lookup).toHaveBeenCalledTimes(2);
    });
  });
});
