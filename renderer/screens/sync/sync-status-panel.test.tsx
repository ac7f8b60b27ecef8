// @vitest-environment happy-dom
/**
 * Sinkronisasi's status panel during a new device's first download: the three stages in order,
 * those before the running one done, the running one with its documents and time left in the
 * language's numbers, the later ones waiting; the whole download beside the progress bar. No stage
 * list once the download is over. English when chosen.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StageProgress, SyncStatus } from '../../../shared/sync/sync-status';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import { SyncStatusPanel } from './sync-status-panel';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(async () => {
  cleanup();
  const { changeLanguage } = await import('../../i18n/i18n');
  await changeLanguage('id');
});

function downloading(stage: StageProgress): SyncStatus {
  return {
    state: 'syncing',
    progress: { docsDone: 3_456, docsTotal: 10_000, percent: 34, stage },
    pendingLocalChanges: 0,
    lastSyncedAt: null,
    rejectedDocuments: [],
  };
}

function setUp() {
  const core = fakeCore();
  core.store.getState().setSyncServerUrl('https://pusat.example.go.id');
  render(withCore(core, <SyncStatusPanel />));
  return (status: SyncStatus) => act(() => core.store.getState().setSyncStatus(status));
}

const rows = () =>
  within(screen.getByTestId('first-sync-stages'))
    .getAllByRole('listitem')
    .map((item) => [item.dataset.stage, item.dataset.stageState, item.textContent]);

describe('SyncStatusPanel: the first download in stages', () => {
  it('lists the stages, done, running with its documents and time left, and waiting', () => {
    const show = setUp();
    show(downloading({ stage: 'open', docsDone: 1_234, docsTotal: 5_000, percent: 24, secondsLeft: 130 }));
    expect(rows()).toEqual([
      ['unit', 'done', 'Tahap 1/3: data unit selesai'],
      ['open', 'running', 'Tahap 2/3: pengaduan terbuka 1.234/5.000 dokumen (24%) · sisa ± 2 menit'],
      ['history', 'waiting', 'Tahap 3/3: riwayat menunggu'],
    ]);
    expect(screen.getByRole('list', { name: 'Tahap unduhan pertama' })).toBeTruthy();
    expect(
      screen
        .getByTestId('first-sync-stages')
        .querySelector('[aria-current="step"]')
        ?.getAttribute('data-stage'),
    ).toBe('open');
    expect(screen.getByText('Seluruh unduhan: 3.456/10.000 dokumen (34%)')).toBeTruthy();
  });

  it('says the history stage without a total while it is unknown, and drops the list once up to date', () => {
    const show = setUp();
    show(
      downloading({ stage: 'history', docsDone: 2_500, docsTotal: null, percent: null, secondsLeft: null }),
    );
    expect(rows().map((row) => row[1])).toEqual(['done', 'done', 'running']);
    expect(rows()[2]?.[2]).toBe('Tahap 3/3: riwayat 2.500 dokumen');
    show({
      state: 'up-to-date',
      pendingLocalChanges: 0,
      lastSyncedAt: '2026-12-07T06:00:00.000Z',
      rejectedDocuments: [],
    });
    expect(screen.queryByTestId('first-sync-stages')).toBeNull();
  });

  it('speaks English when English is chosen', async () => {
    const show = setUp();
    const { changeLanguage } = await import('../../i18n/i18n');
    await act(() => changeLanguage('en'));
    show(downloading({ stage: 'unit', docsDone: 3, docsTotal: 12, percent: 25, secondsLeft: null }));
    expect(rows()).toEqual([
      ['unit', 'running', 'Stage 1/3: unit data 3/12 documents (25%)'],
      ['open', 'waiting', 'Stage 2/3: open complaints waiting'],
      ['history', 'waiting', 'Stage 3/3: history waiting'],
    ]);
    expect(screen.getByRole('list', { name: 'First download stages' })).toBeTruthy();
  });
});
