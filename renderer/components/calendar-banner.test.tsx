// @vitest-environment happy-dom
/**
 * The calendar banner: shown with the years whose national list changed, asked again when a
 * national calendar arrives in the store, closed by its button (remembered by the core).
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { CalendarBanner } from './calendar-banner';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

describe('CalendarBanner', () => {
  it('says which years changed and why deadlines moved, until closed', async () => {
    let changed: string[] = [];
    const acknowledgeChanges = vi.fn(() => {
      changed = [];
      return Promise.resolve();
    });
    const core = fakeCore({ calendar: { changedYears: () => Promise.resolve(changed), acknowledgeChanges } });
    render(withCore(core, <CalendarBanner />));
    await act(() => Promise.resolve());
    expect(screen.queryByTestId('calendar-banner')).toBeNull();

    // The central's 2027 calendar arrives by sync.
    changed = ['2027'];
    act(() => core.store.getState().setUnitDocs({ nationalCalendars: [] }));
    const banner = await screen.findByTestId('calendar-banner');
    expect(banner.textContent).toContain('Hari libur 2027 diperbarui: tenggat dihitung ulang.');

    await userEvent.click(screen.getByRole('button', { name: 'Tutup pemberitahuan hari libur' }));
    expect(acknowledgeChanges).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('calendar-banner')).toBeNull();
  });
});
