// @vitest-environment happy-dom
/**
 * The status bar's storage persistence warning: shown, with what to do, only once the browser has
 * refused to make this device's storage persistent (none while unknown or granted); in the
 * language chosen, Indonesian first; the desktop host's own advice.
 * The first download's stages: the stage, its documents and time left in id-ID numbers (the whole
 * download in the title), in plain text; once past the unit's own documents, said once through
 * the notices that the desk can take complaints.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StageProgress, SyncStatus } from '../../shared/sync/sync-status';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { Notices } from './notices';
import { StatusBar } from './status-bar';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(async () => {
  cleanup();
  const { changeLanguage } = await import('../i18n/i18n');
  await changeLanguage('id');
});

function setUp(isDesktop = false) {
  const core = fakeCore({ host: { isDesktop } });
  render(withCore(core, <StatusBar />));
  type Persistence = ReturnType<typeof core.store.getState>['storagePersistence'];
  const answer = (persistence: Persistence) =>
    act(() => core.store.getState().setStoragePersistence(persistence));
  return { answer };
}

const warning = () => screen.queryByTestId('storage-not-persistent');

describe('StatusBar: persistent storage', () => {
  it('warns in Indonesian, saying what to do, once the browser refused persistent storage', () => {
    const { answer } = setUp();
    expect(warning()).toBeNull(); // not known yet: no warning
    answer('not-persistent');
    const text = warning()?.textContent ?? '';
    expect(text).toContain('Penyimpanan belum permanen: browser dapat menghapus data');
    expect(text).toContain('Pakai aplikasi desktop Meja Aduan');
    expect(text).toContain('sinkronkan secara rutin');
    expect(warning()?.classList.contains('status-bar__warning')).toBe(true);
    // A lasting state, not an event: no second live region beside the notices.
    expect(warning()?.closest('[aria-live], [role="alert"]')).toBeNull();
  });

  it('shows nothing when the storage is persistent or the runtime cannot say', () => {
    const { answer } = setUp();
    answer('persistent');
    expect(warning()).toBeNull();
    answer('unknown');
    expect(warning()).toBeNull();
  });

  it('warns in English when English is chosen', async () => {
    const { answer } = setUp();
    const { changeLanguage } = await import('../i18n/i18n');
    await act(() => changeLanguage('en'));
    answer('not-persistent');
    expect(warning()?.textContent).toContain('Storage is not persistent: the browser may delete');
  });

  it("gives the desktop app's own advice there", () => {
    const { answer } = setUp(true);
    answer('not-persistent');
    expect(warning()?.textContent).toContain('Sinkronkan secara rutin dan hubungi admin');
    expect(warning()?.textContent).not.toContain('aplikasi desktop');
  });
});

/** The status while the first download is in `stage`, 10,000 documents in all. */
function downloading(stage: StageProgress, overallDone = 1_246): Extract<SyncStatus, { state: 'syncing' }> {
  return {
    state: 'syncing',
    progress: { docsDone: overallDone, docsTotal: 10_000, percent: Math.floor(overallDone / 100), stage },
    pendingLocalChanges: 0,
    lastSyncedAt: null,
    rejectedDocuments: [],
  };
}

const OPEN: StageProgress = {
  stage: 'open',
  docsDone: 1_234,
  docsTotal: 5_000,
  percent: 24,
  secondsLeft: 130,
};

describe('StatusBar: the first download in stages', () => {
  function setUpDownload() {
    const core = fakeCore();
    render(
      withCore(
        core,
        <>
          <StatusBar />
          <Notices />
        </>,
      ),
    );
    const show = (status: SyncStatus) => act(() => core.store.getState().setSyncStatus(status));
    return { core, show };
  }
  const sync = () => screen.getByTestId('status-sync');

  it('shows the stage, its documents in Indonesian numbers and the time left; the whole download in the title', () => {
    const { show } = setUpDownload();
    show(downloading(OPEN));
    expect(sync().textContent).toBe(
      'Unduhan pertama · Tahap 2/3: pengaduan terbuka · 1.234/5.000 dokumen (24%) · sisa ± 2 menit',
    );
    expect(sync().getAttribute('title')).toBe('Seluruh unduhan: 1.246/10.000 dokumen (12%)');
    expect(sync().dataset.firstSyncStage).toBe('open');
    // A lasting state, not an event: the notices stay the one live region.
    expect(sync().closest('[aria-live], [role="alert"], [role="status"]')).toBeNull();
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(1);
  });

  it('names each stage, leaves out what is not known yet, and says hours and under a minute', () => {
    const { show } = setUpDownload();
    show(downloading({ stage: 'unit', docsDone: 3, docsTotal: 12, percent: 25, secondsLeft: null }, 3));
    expect(sync().textContent).toBe('Unduhan pertama · Tahap 1/3: data unit · 3/12 dokumen (25%)');
    show(
      downloading({ stage: 'history', docsDone: 2_500, docsTotal: null, percent: null, secondsLeft: null }),
    );
    expect(sync().textContent).toBe('Unduhan pertama · Tahap 3/3: riwayat · 2.500 dokumen');
    show(downloading({ ...OPEN, stage: 'history', secondsLeft: 40 }));
    expect(sync().textContent).toMatch(/· sisa < 1 menit$/);
    show(downloading({ ...OPEN, stage: 'history', secondsLeft: 2 * 3600 + 5 * 60 }));
    expect(sync().textContent).toMatch(/· sisa ± 2 jam 5 menit$/);
    // Every document of the stage is here, the next stage not begun: no time left to tell.
    show(downloading({ ...OPEN, docsDone: 5_000, percent: 99, secondsLeft: 0 }));
    expect(sync().textContent).toBe(
      'Unduhan pertama · Tahap 2/3: pengaduan terbuka · 5.000/5.000 dokumen (99%)',
    );
  });

  it('says it in English when English is chosen', async () => {
    const { core, show } = setUpDownload();
    const { changeLanguage } = await import('../i18n/i18n');
    await act(async () => {
      await changeLanguage('en');
      core.store.getState().setLanguage('en');
    });
    show(downloading(OPEN));
    expect(sync().textContent).toBe(
      'First download · Stage 2/3: open complaints · 1,234/5,000 documents (24%) · about 2 min left',
    );
  });

  it('says once, through the notices, that the desk can take complaints once the unit’s documents are here', () => {
    const { core, show } = setUpDownload();
    const notices = () => screen.getByTestId('notices');
    show(downloading({ stage: 'unit', docsDone: 3, docsTotal: 12, percent: 25, secondsLeft: null }, 3));
    expect(notices().textContent).toBe('');
    show(downloading({ ...OPEN, docsDone: 0, percent: 0, secondsLeft: null }, 12));
    expect(notices().textContent).toContain('Perangkat siap menerima pengaduan; riwayat masih diunduh.');
    const said = core.store.getState().notices;
    expect(said).toHaveLength(1);
    // Later progress, the next stage, and a moment of connecting again say nothing new.
    show(downloading(OPEN));
    show({ ...downloading(OPEN), state: 'connecting' });
    show(downloading({ ...OPEN, stage: 'history' }));
    expect(core.store.getState().notices).toBe(said);
    // The shell mounted again (after a sign-in): its new status bar says nothing new either.
    cleanup();
    render(withCore(core, <StatusBar />));
    show(downloading({ ...OPEN, stage: 'history' }));
    expect(core.store.getState().notices).toBe(said);
    // The history here, up to date: the notice no longer says it is downloading.
    show({
      state: 'up-to-date',
      pendingLocalChanges: 0,
      lastSyncedAt: '2026-12-07T02:00:00.000Z',
      rejectedDocuments: [],
    });
    expect(core.store.getState().notices).toEqual([]);
  });

  it('keeps the plain percentage of a download that is not staged', () => {
    const { show } = setUpDownload();
    show({ ...downloading(OPEN), progress: { docsDone: 250, docsTotal: 1_000, percent: 25, stage: null } });
    expect(sync().textContent).toBe('Menyinkronkan… 25%');
    expect(sync().hasAttribute('title')).toBe(false);
  });
});
