// @vitest-environment happy-dom
/**
 * Beranda's period picker and filter with a fake core: the period asked of
 * core.dashboard.indicators (this month up to today first, then last month, a typed range, one
 * office, one category), typed dates refused with a message and nothing computed, the progress
 * while reading, and the figures written as text.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { computeIndicators } from '../../../shared/indicators/compute-indicators';
import type { Indicators } from '../../../shared/indicators/indicators-types';
import { DEFAULT_DEADLINES, DEFAULT_SLA_RULES } from '../../../shared/sla/deadline-settings';
import { defaultUnitOffices, defaultUnitSettings } from '../../../shared/unit/unit-settings';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { DashboardProgress, DashboardQuery } from '../../core/client-core';
import { DashboardScreen } from './dashboard-screen';

// The charts (Recharts SVG) are checked in Chromium (test/e2e/dashboard.test.ts); here they would
// only slow every re-render down.
vi.mock('./dashboard-charts', () => ({ default: () => null }));

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const NOW = new Date('2026-03-02T03:00:00Z');
const BY = { officerId: 'officer-1', name: 'Sari' };

/** Real (empty) indicators for the query's period, with a few figures filled in. */
function indicatorsFor(query: DashboardQuery): Indicators {
  const empty = computeIndicators({
    complaints: [],
    events: [],
    unit: { code: 'KTB', name: 'Dinas Uji' },
    settings: {
      timeZone: 'Asia/Jakarta',
      deadlines: DEFAULT_DEADLINES,
      rules: DEFAULT_SLA_RULES,
      holidays: {},
    },
    period: query.period,
    computedAt: NOW,
  });
  return {
    ...empty,
    totals: { ...empty.totals, received: 1234 },
    backlog: { open: 7, overdue: 2 },
    backlogDueSoon: 3,
    verifiedWithin3WorkingDays: { count: 617, share: 0.5 },
  };
}

function setUp(
  indicators?: (
    query: DashboardQuery,
    onProgress?: (progress: DashboardProgress) => void,
  ) => Promise<Indicators>,
) {
  const asked: DashboardQuery[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const core = fakeCore({
    dashboard: {
      indicators: vi.fn((query: DashboardQuery, onProgress?: (progress: DashboardProgress) => void) => {
        const { signal, ...rest } = query;
        asked.push(rest);
        signals.push(signal);
        return indicators ? indicators(query, onProgress) : Promise.resolve(indicatorsFor(query));
      }),
    },
    complaints: {
      countSince: () => Promise.resolve([0, 0, 0]),
      page: () => Promise.resolve({ rows: [], hasMore: false }),
      needsAttention: () => Promise.resolve({ rows: [], overdue: 0 }),
    },
  });
  const state = core.store.getState();
  state.openDesk({
    device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role: 'manager', createdAt: '2026-01-05T01:00:00.000Z' },
  });
  const offices = defaultUnitOffices('KTB', NOW, BY);
  state.setUnitDocs({
    unitSettings: defaultUnitSettings('KTB', 'Asia/Jakarta', NOW, BY),
    unitOffices: { ...offices, offices: [{ code: 'DPU', name: 'Dinas PU', active: true }] },
  });
  render(withCore(core, <Router hook={memoryLocation({ path: '/' }).hook}>{<DashboardScreen />}</Router>));
  return { asked, signals };
}

const lastPeriod = (asked: readonly DashboardQuery[]) => asked.at(-1);

describe('Beranda: period and filter', () => {
  it('shows this month up to today first, its figures as text', async () => {
    const { asked } = setUp();
    await screen.findByTestId('figure-received');
    expect(lastPeriod(asked)).toEqual({
      period: { from: '2026-03-01', to: '2026-03-02' },
      office: null,
      category: null,
    });
    expect(screen.getByTestId('figure-received').textContent).toBe('1.234');
    expect(screen.getByTestId('figure-open').textContent).toBe('7');
    expect(screen.getByTestId('figure-due-soon').textContent).toBe('3');
    expect(screen.getByTestId('figure-overdue').textContent).toBe('2');
    expect(screen.getByTestId('share-verified').textContent).toBe('50% (617 dari 1.234)');
    expect(screen.getByTestId('dashboard-period').textContent).toBe(
      'Dinas Uji · Periode 1 Maret 2026 sampai 2 Maret 2026',
    );
  });

  it('moves between the presets with the arrow keys', async () => {
    const { asked } = setUp();
    const user = userEvent.setup();
    await screen.findByTestId('figure-received');
    const thisMonth = screen.getByRole('radio', { name: 'Bulan ini' });
    act(() => thisMonth.focus());
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Bulan lalu' })).toHaveProperty('checked', true);
    await waitFor(() => expect(lastPeriod(asked)?.period).toEqual({ from: '2026-02-01', to: '2026-02-28' }));
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(lastPeriod(asked)?.period).toEqual({ from: '2026-01-01', to: '2026-03-02' }));
  });

  it('refuses a typed end after today, then shows a typed range on Enter', async () => {
    const { asked } = setUp();
    const user = userEvent.setup();
    await screen.findByTestId('figure-received');
    await user.click(screen.getByRole('radio', { name: 'Pilih tanggal' }));
    await user.type(screen.getByLabelText(/Dari tanggal/), '01/02/2026');
    await user.type(screen.getByLabelText(/Sampai tanggal/), '05/03/2026{Enter}');
    expect(await screen.findByText(/Tanggal akhir tidak boleh setelah hari ini/)).toBeTruthy();
    expect(asked).toHaveLength(1);
    await user.clear(screen.getByLabelText(/Sampai tanggal/));
    await user.type(screen.getByLabelText(/Sampai tanggal/), '28/02/2026{Enter}');
    await waitFor(() => expect(lastPeriod(asked)?.period).toEqual({ from: '2026-02-01', to: '2026-02-28' }));
    expect(screen.queryByText(/Tanggal akhir tidak boleh/)).toBeNull();
  });

  it('filters by one office and by one category', async () => {
    const { asked } = setUp();
    const user = userEvent.setup();
    await screen.findByTestId('figure-received');
    await user.selectOptions(screen.getByLabelText('Kantor/OPD'), 'Dinas PU');
    await waitFor(() => expect(lastPeriod(asked)?.office).toBe('Dinas PU'));
    await user.selectOptions(screen.getByLabelText('Kategori'), 'health');
    await waitFor(() => expect(lastPeriod(asked)).toMatchObject({ office: 'Dinas PU', category: 'health' }));
    await user.selectOptions(screen.getByLabelText('Kantor/OPD'), '');
    await waitFor(() => expect(lastPeriod(asked)).toMatchObject({ office: null, category: 'health' }));
  });

  it('cancels the computation under way when the query changes', async () => {
    const { asked, signals } = setUp(() => new Promise<Indicators>(() => undefined));
    const user = userEvent.setup();
    await waitFor(() => expect(asked).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Kantor/OPD'), 'Dinas PU');
    await waitFor(() => expect(lastPeriod(asked)?.office).toBe('Dinas PU'));
    expect(signals[0]?.aborted).toBe(true);
    expect(signals.at(-1)?.aborted).toBe(false);
  });

  it('says how far the preparing and the reading are while the figures are computed', async () => {
    let finish: (value: Indicators) => void = () => undefined;
    let read: () => void = () => undefined;
    setUp((query, onProgress) => {
      onProgress?.({ phase: 'preparing', done: 2500, total: 100000 });
      read = () => onProgress?.({ phase: 'reading', documentsRead: 12000, total: 100000 });
      return new Promise((resolve) => {
        finish = () => resolve(indicatorsFor(query));
      });
    });
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-progress').textContent).toBe(
        'Menyiapkan data Beranda di perangkat ini… 2.500 dari 100.000 pengaduan.',
      ),
    );
    act(() => read());
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-progress').textContent).toBe(
        'Menghitung dari data pengaduan… 12.000 dari 100.000 pengaduan dibaca.',
      ),
    );
    act(() => finish(indicatorsFor({ period: { from: '2026-03-01', to: '2026-03-02' } })));
    await screen.findByTestId('figure-received');
    expect(screen.getByTestId('dashboard-progress').textContent).toBe('');
  });
});
