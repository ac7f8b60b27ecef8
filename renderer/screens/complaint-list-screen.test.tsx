// @vitest-environment happy-dom
/**
 * Daftar Pengaduan with a fake client core: the rows of a page of the index, the next page by its
 * cursor, the status filter (kept in the UI store), and the tracking-number search, which jumps
 * to the complaint found or says that none was.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { ComplaintStatus } from '../../shared/complaint/vocabulary';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import type { ClientCore, ComplaintIndexRow, IndexPage } from '../core/client-core';
import { ComplaintListScreen, PAGE_SIZE } from './complaint-list-screen';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const row = (n: number, status: ComplaintStatus = 'new'): ComplaintIndexRow => ({
  id: `complaint:2026-03-0${n}T03:00:00.000Z:KTB-26030${n}-A2C-000${n}`,
  trackingNumber: `KTB-26030${n}-A2C-000${n}`,
  receivedAt: `2026-03-0${n}T03:00:00.000Z`,
  channel: 'walk-in',
  title: `Aduan ${n}`,
  status,
  autoClosed: 0,
  privacyMode: 'named',
  office: '',
  open: 1,
  dueDate: '2026-03-12',
  stage: 'verify',
  category: 'health',
  reportType: 'complaint',
  receivedDate: `2026-03-0${n}`,
});

const COUNTS = {
  new: 2,
  'on-hold': 0,
  verified: 1,
  'followed-up': 0,
  answered: 0,
  closed: 0,
  archived: 0,
  forwarded: 0,
};

function setUp(pages: (status: string, cursor?: string) => IndexPage, found?: string) {
  const core = fakeCore({
    complaints: {
      page: vi.fn((status: ComplaintStatus | 'all', _limit: number, cursor?: string) =>
        Promise.resolve(pages(status, cursor)),
      ),
      countByStatus: () => Promise.resolve(COUNTS),
      findByTrackingNumber: vi.fn(() => Promise.resolve(found)),
    },
  });
  const location = memoryLocation({ path: '/pengaduan', record: true });
  render(
    withCore(
      core,
      <Router hook={location.hook}>
        <ComplaintListScreen />
      </Router>,
    ),
  );
  return { core, location, user: userEvent.setup() };
}

const pageOf = (core: ClientCore) => core.complaints.page as ReturnType<typeof vi.fn>;
const trackingNumbers = (): string[] =>
  within(screen.getByTestId('complaint-table'))
    .getAllByRole('row')
    .slice(1)
    .map((tr) => tr.getAttribute('data-tracking-number') ?? '');

describe('ComplaintListScreen', () => {
  it('shows a page of the index and follows its cursor to the next', async () => {
    const { core, user } = setUp((_status, cursor) =>
      cursor ? { rows: [row(1)] } : { rows: [row(3), row(2)], nextCursor: row(2).id },
    );
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260303-A2C-0003', 'KTB-260302-A2C-0002']));
    expect(pageOf(core)).toHaveBeenCalledWith('all', PAGE_SIZE, undefined);
    await user.click(screen.getByRole('button', { name: /berikut/i }));
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260301-A2C-0001']));
    expect(pageOf(core)).toHaveBeenLastCalledWith('all', PAGE_SIZE, row(2).id);
  });

  it('filters by status through the index and keeps the filter in the UI store', async () => {
    const { core, user } = setUp((status) => ({
      rows: status === 'verified' ? [row(2, 'verified')] : [row(1)],
    }));
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260301-A2C-0001']));
    await user.selectOptions(screen.getByLabelText(/status/i), 'verified');
    await waitFor(() => expect(trackingNumbers()).toEqual(['KTB-260302-A2C-0002']));
    expect(pageOf(core)).toHaveBeenLastCalledWith('verified', PAGE_SIZE, undefined);
    expect(core.store.getState().listStatus).toBe('verified');
  });

  it('opens the complaint a tracking number names, and says when there is none', async () => {
    const found = row(2).id;
    const { core, user, location } = setUp(() => ({ rows: [row(2)] }), found);
    const search = document.getElementById('tracking-search') as HTMLElement;
    await user.type(search, 'bukan nomor{Enter}');
    expect(await screen.findByText(/.+/, { selector: '#tracking-search-message' })).toBeTruthy();
    expect(core.complaints.findByTrackingNumber).not.toHaveBeenCalled();
    await user.clear(search);
    await user.type(search, 'ktb-260302-a2c-0002{Enter}');
    await waitFor(() => expect(location.history.at(-1)).toBe(`/pengaduan/${encodeURIComponent(found)}`));
  });
});
