// @vitest-environment happy-dom
/**
 * The duplicate panel on Pengaduan Baru with a fake core: looked up once typing pauses (not per
 * keystroke), the count announced politely, each row with its tracking number, date, status and
 * reason, "Buka" linking to the earlier complaint's detail, "Tandai terkait" keeping the mark in the
 * core; the save links the new complaint to the marked one after it is stored.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import { complaintPath } from '../../app/routes';
import type { ComplaintIndexRow, DuplicateCandidate, DuplicateProbe } from '../../core/client-core';
import { IntakeScreen } from './intake-screen';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const EARLIER_ID = 'complaint:2026-02-20T02:00:00.000Z:KTB-260220-A2C-0001:0123456789abcdef0123456789abcdef';
const NEW_ID = 'complaint:2026-03-02T03:00:00.000Z:KTB-260302-A2C-0002:fedcba9876543210fedcba9876543210';

const EARLIER: ComplaintIndexRow = {
  id: EARLIER_ID,
  trackingNumber: 'KTB-260220-A2C-0001',
  receivedAt: '2026-02-20T02:00:00.000Z',
  channel: 'walk-in',
  title: 'Jalan rusak',
  status: 'new',
  autoClosed: 0,
  privacyMode: 'named',
  office: '',
  open: 1,
  dueDate: '2026-02-25',
  stage: 'verify',
  category: 'infrastructure',
  reportType: 'complaint',
  receivedDate: '2026-02-20',
};

function setUp() {
  let marks: readonly string[] = [];
  const possibleDuplicates = vi.fn((probe: DuplicateProbe): Promise<readonly DuplicateCandidate[]> =>
    Promise.resolve(
      probe.phone.replace(/\D/g, '').endsWith('81211112222') ? [{ row: EARLIER, reasons: ['phone'] }] : [],
    ),
  );
  const link = vi.fn(() => Promise.resolve({ outcome: 'linked' as const }));
  const save = vi.fn(() => Promise.resolve(NEW_ID));
  const core = fakeCore({
    intake: {
      lastChannel: () => Promise.resolve(undefined),
      draft: () => Promise.resolve(undefined),
      keepDraft: () => Promise.resolve(undefined),
      discardDraft: () => Promise.resolve(undefined),
      save,
      possibleDuplicates,
      markedRelated: () => marks,
      markRelated: (ids) => {
        marks = ids;
      },
    },
    complaints: { link },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role: 'officer', createdAt: '2026-01-05T01:00:00.000Z' },
  });
  const location = memoryLocation({ path: '/baru', record: true });
  render(
    withCore(
      core,
      <Router hook={location.hook}>
        <IntakeScreen />
      </Router>,
    ),
  );
  return { possibleDuplicates, link, save, location, user: userEvent.setup(), marks: () => marks };
}

const field = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

describe('DuplicatePanel', () => {
  it('lists the earlier complaint with the same phone once typing pauses, announced politely', async () => {
    const { possibleDuplicates, user } = setUp();
    const panel = screen.getByTestId('duplicate-panel');
    const status = within(panel).getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    await user.type(field('field-reporter-phone'), '+62 812-1111-2222');
    await waitFor(() => expect(status.textContent).toBe('1 kemungkinan pengaduan serupa'));
    // Debounced: far fewer look-ups than keystrokes, the last with the whole number.
    expect(possibleDuplicates.mock.calls.length).toBeLessThan(5);
    expect(possibleDuplicates.mock.calls.at(-1)?.[0]).toMatchObject({ phone: '+62 812-1111-2222' });
    const row = within(panel).getByTestId('duplicate-row');
    expect(row.textContent).toContain('KTB-260220-A2C-0001');
    expect(row.textContent).toContain('Baru');
    expect(row.textContent).toContain('telepon sama');
    expect(
      within(row)
        .getByRole('link', { name: /Buka KTB-260220-A2C-0001/ })
        .getAttribute('href'),
    ).toBe(complaintPath(EARLIER_ID));
  });

  it('marks the earlier complaint related and links it to the new one after the save', async () => {
    const { link, save, location, user, marks } = setUp();
    await user.type(field('field-reporter-name'), 'Budi Santoso');
    await user.type(field('field-reporter-phone'), '081211112222');
    const mark = await screen.findByRole('button', { name: 'Tandai KTB-260220-A2C-0001 terkait' });
    expect(mark.getAttribute('aria-pressed')).toBe('false');
    mark.focus();
    await user.keyboard('{Enter}');
    expect(mark.getAttribute('aria-pressed')).toBe('true');
    expect(marks()).toEqual([EARLIER_ID]);
    await user.type(field('field-title'), 'Jalan rusak');
    await user.type(field('field-chronology'), 'Lubang besar di Jl. Melati.');
    await user.type(field('field-incidentDate'), '01-03-2026');
    await user.selectOptions(field('field-category'), 'health');
    expect(link).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: /Simpan/ }));
    await waitFor(() => expect(location.history.at(-1)).toMatch(/^\/tersimpan\//));
    expect(save).toHaveBeenCalledTimes(1);
    expect(link).toHaveBeenCalledWith(NEW_ID, EARLIER_ID);
    expect(marks()).toEqual([]);
    // A whole form typed key by key: ~3 s idle, more than the default 5 s on a loaded CI machine.
  }, 30_000);
});
