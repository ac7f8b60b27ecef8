// @vitest-environment happy-dom
/**
 * "Cari juga di pusat" under the list on a device with a budget: nothing without words; the button
 * asks the core for the typed words and lists what it names as only on the central, each with its
 * own "Ambil … dari pusat" (which opens it); says why when the central could not be searched, or
 * that nothing matched; a result for other words is not shown once the words change.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { CentralSearchOutcome } from '../../core/client-core';
import { CentralSearch } from './central-search';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const HIT = {
  complaintId: 'complaint:2024-12-07T13:23:00.000Z:KTB-241207-X7Q-0016:hash',
  trackingNumber: 'KTB-241207-X7Q-0016',
  receivedAt: '2024-12-07T13:23:00.000Z',
  title: 'Antrean puskesmas 16',
  status: 'closed',
} as const;

function renderSearch(text: string, outcome: CentralSearchOutcome) {
  const searchCentral = vi.fn(() => Promise.resolve(outcome));
  const onOpen = vi.fn();
  const core = fakeCore({ complaints: { searchCentral } });
  const view = render(withCore(core, <CentralSearch text={text} onOpen={onOpen} opening={false} />));
  return { searchCentral, onOpen, core, view };
}

describe('CentralSearch', () => {
  it('shows nothing without words', () => {
    renderSearch('  ', { status: 'searched', hits: [] });
    expect(screen.queryByTestId('central-search')).toBeNull();
  });

  it('lists what the central alone holds for the words, each fetched with its own button', async () => {
    const { searchCentral, onOpen } = renderSearch('antrean puskesmas ', { status: 'searched', hits: [HIT] });
    fireEvent.click(screen.getByRole('button', { name: 'Cari juga di pusat' }));
    expect(searchCentral).toHaveBeenCalledWith('antrean puskesmas');
    const heading = await screen.findByRole('heading', { name: '1 pengaduan lama hanya ada di pusat' });
    expect(heading).toBeTruthy();
    const hit = screen.getByTestId('central-results').querySelector('li');
    expect(hit?.textContent).toContain('KTB-241207-X7Q-0016');
    expect(hit?.textContent).toContain('Antrean puskesmas 16');
    expect(hit?.textContent).toContain('Hanya di pusat');
    expect(hit?.textContent).toContain('Selesai');
    fireEvent.click(screen.getByRole('button', { name: 'Ambil KTB-241207-X7Q-0016 dari pusat' }));
    expect(onOpen).toHaveBeenCalledWith('KTB-241207-X7Q-0016');
  });

  it('says when nothing matched, and why the central could not be searched', async () => {
    renderSearch('jembatan', { status: 'searched', hits: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Cari juga di pusat' }));
    expect((await screen.findByTestId('central-search-outcome')).textContent).toBe(
      'Tidak ada pengaduan lama di pusat yang cocok dengan kata-kata ini.',
    );
    cleanup();
    renderSearch('jembatan', { status: 'not-searched', reason: 'offline' });
    fireEvent.click(screen.getByRole('button', { name: 'Cari juga di pusat' }));
    expect((await screen.findByTestId('central-search-outcome')).textContent).toBe(
      'Pusat tidak dapat dicari: perangkat tidak tersambung. Sambungkan ke jaringan lalu coba lagi.',
    );
  });

  it('does not show what was found for other words', async () => {
    const { core, view } = renderSearch('puskesmas', { status: 'searched', hits: [HIT] });
    fireEvent.click(screen.getByRole('button', { name: 'Cari juga di pusat' }));
    await screen.findByTestId('central-results');
    view.rerender(withCore(core, <CentralSearch text="jembatan" onOpen={() => undefined} opening={false} />));
    expect(screen.queryByTestId('central-results')).toBeNull();
    expect(screen.getByRole('button', { name: 'Cari juga di pusat' })).toBeTruthy();
  });
});
