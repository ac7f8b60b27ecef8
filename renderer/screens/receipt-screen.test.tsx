// @vitest-environment happy-dom
/**
 * The receipt screen marks the receipt with the paper chosen on this device (`data-paper`, the
 * class print.css lays out per paper) and says it above the print button; a tracking number past
 * 24 characters (a long unit code) gets the smaller print size that keeps it on one line.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import { RECEIVED_INPUT } from '../../shared/sla/sla.fixtures';
import { initialComplaintState } from '../../shared/workflow/complaint-state';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import type { ComplaintDetail, ReceiptPaper } from '../core/client-core';
import { ReceiptScreen } from './receipt-screen';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

function detailOf(unitCode: string): ComplaintDetail {
  const { complaint, reporter, received } = buildIntakeDocuments(RECEIVED_INPUT, {
    unitCode,
    deviceCode: 'X7Q',
    sequence: 1,
    eventSequence: 1,
    officer: { officerId: 'o1', name: 'Rina' },
    receivedAt: new Date('2026-11-23T03:00:00Z'),
    localDate: '2026-11-23',
  });
  return { complaint, reporter, events: [received], state: initialComplaintState(complaint), tampered: [] };
}

async function renderReceipt(detail: ComplaintDetail, paper: ReceiptPaper): Promise<HTMLElement> {
  const core = fakeCore({
    complaints: { detail: () => Promise.resolve(detail), sla: () => undefined },
    receipt: { paper: () => Promise.resolve(paper) },
  });
  render(withCore(core, <ReceiptScreen complaintId={detail.complaint._id} />));
  await screen.findByRole('heading', { name: 'TANDA TERIMA PENGADUAN' });
  return screen.getByRole('article');
}

describe('ReceiptScreen', () => {
  it('marks the receipt with the paper chosen on this device and says it', async () => {
    const a5 = await renderReceipt(detailOf('KBM'), 'a5');
    expect(a5.dataset.paper).toBe('a5');
    expect(a5.classList.contains('receipt--a5')).toBe(true);
    expect(screen.getByTestId('receipt-paper-note').textContent).toBe(
      'Dicetak pada kertas A5. Ganti kertas di Pengaturan (Alt+7).',
    );
    cleanup();

    const roll = await renderReceipt(detailOf('KBM'), 'roll80');
    expect(roll.dataset.paper).toBe('roll80');
    expect(roll.classList.contains('receipt--roll80')).toBe(true);
    expect(screen.getByTestId('receipt-paper-note').textContent).toBe(
      'Dicetak pada struk 80 mm. Ganti kertas di Pengaturan (Alt+7).',
    );
  });

  it('prints a long tracking number smaller so that it stays on one line', async () => {
    await renderReceipt(detailOf('KBM'), 'roll80');
    const short = screen.getByTestId('receipt-tracking-number');
    expect(short.textContent).toBe('KBM-261123-X7Q-0001');
    expect(short.classList.contains('tracking-number--long')).toBe(false);
    cleanup();

    await renderReceipt(detailOf('KABUPATENX'), 'roll80');
    const long = screen.getByTestId('receipt-tracking-number');
    expect(long.textContent).toBe('KABUPATENX-261123-X7Q-0001');
    expect(long.classList.contains('tracking-number--long')).toBe(true);
  });
});
