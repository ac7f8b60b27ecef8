// @vitest-environment happy-dom
/**
 * Kertas tanda terima in Pengaturan: shows the paper stored on this device, an officer (any role)
 * moves the choice with the arrow keys, "saved" is said only once `core.receipt.setPaper` has
 * stored it, and a choice that could not be stored goes back to the stored one with the reason.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ReceiptPaper } from '../../core/client-core';
import { Notices } from '../../components/notices';
import { ReceiptPaperSection } from './receipt-paper-section';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

function renderSection(stored: ReceiptPaper, setPaper: (paper: ReceiptPaper) => Promise<void>) {
  const core = fakeCore({ receipt: { paper: () => Promise.resolve(stored), setPaper: vi.fn(setPaper) } });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Budi', role: 'officer', createdAt: '2026-01-05T01:00:00.000Z' },
  });
  render(
    withCore(
      core,
      <>
        <Notices />
        <ReceiptPaperSection />
      </>,
    ),
  );
  return { setPaper: core.receipt.setPaper, user: userEvent.setup() };
}

const a5 = (): HTMLInputElement => screen.getByRole('radio', { name: /^A5/ });
const roll = (): HTMLInputElement => screen.getByRole('radio', { name: /^Struk 80 mm/ });

describe('ReceiptPaperSection', () => {
  it('lets an officer choose the 80 mm roll with the keyboard and says saved only once it is stored', async () => {
    let store: () => void = () => undefined;
    const { setPaper, user } = renderSection(
      'a5',
      () =>
        new Promise<void>((resolve) => {
          store = resolve;
        }),
    );
    screen.getByRole('heading', { name: 'Kertas tanda terima: A5 / struk 80 mm' });
    await screen.findByRole('radio', { name: /^A5/ });
    expect(a5().checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Cetak tanda terima pada' })).toBeTruthy();

    await user.tab();
    expect(document.activeElement).toBe(a5());
    await user.keyboard('{ArrowDown}');
    expect(setPaper).toHaveBeenCalledWith('roll80');
    expect(roll().checked).toBe(true);
    // The write has not finished: nothing says saved yet.
    expect(screen.getByTestId('notices').textContent).toBe('');
    await act(async () => {
      store();
      await Promise.resolve();
    });
    await screen.findByText(/Tersimpan: tanda terima dicetak pada struk 80 mm\./);
  });

  it('goes back to the stored paper and says why when the choice cannot be stored', async () => {
    const { user } = renderSection('roll80', () => Promise.reject(new Error('disk penuh')));
    await screen.findByRole('radio', { name: /^Struk 80 mm/ });
    expect(roll().checked).toBe(true);
    await user.click(a5());
    await screen.findByText(/Pilihan kertas belum tersimpan: disk penuh/);
    expect(roll().checked).toBe(true);
    expect(a5().checked).toBe(false);
  });
});
