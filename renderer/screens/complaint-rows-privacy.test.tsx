// @vitest-environment happy-dom
/**
 * A confidential complaint's row in the list names its privacy mode once: an officer sees the
 * masked title (which says it is confidential) and no second badge; a supervisor sees the title
 * and one "Rahasia". The receipt's title leaves the mode to its own line.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Role } from '../../shared/workflow/roles';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { ComplaintTitle } from '../components/complaint-title';
import type { ComplaintIndexRow } from '../core/client-core';
import { IndexTable } from './complaints/index-table';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const ROW: ComplaintIndexRow = {
  id: 'complaint:2026-03-01T03:00:00.000Z:KTB-260301-A2C-0001',
  trackingNumber: 'KTB-260301-A2C-0001',
  receivedAt: '2026-03-01T03:00:00.000Z',
  channel: 'walk-in',
  title: 'Pungutan di loket',
  status: 'new',
  autoClosed: 0,
  privacyMode: 'confidential',
  office: '',
  open: 1,
  dueDate: '2026-03-12',
  stage: 'verify',
  category: 'health',
  reportType: 'complaint',
  receivedDate: '2026-03-01',
};

function renderAs(role: Role, children: React.ReactNode): void {
  const core = fakeCore();
  core.store.getState().openDesk({
    device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role, createdAt: '2026-01-05T01:00:00.000Z' },
  });
  const { hook } = memoryLocation({ path: '/pengaduan' });
  render(withCore(core, <Router hook={hook}>{children}</Router>));
}

const mentions = (text: string): number => (text.match(/rahasia/gi) ?? []).length;

describe('privacy mode in a row', () => {
  it.each(['officer', 'supervisor'] as const)('is named once for a %s', (role) => {
    renderAs(role, <IndexTable rows={[ROW]} caption="Daftar" testId="table" />);
    const row = within(screen.getByTestId('table')).getAllByRole('row')[1] as HTMLElement;
    expect(mentions(row.textContent)).toBe(1);
    if (role === 'supervisor') expect(row.textContent).toContain('Pungutan di loket');
    else expect(row.textContent).not.toContain('Pungutan di loket');
  });

  it('is left to its own line on the receipt', () => {
    renderAs(
      'supervisor',
      <ComplaintTitle title="Pungutan di loket" privacyMode="confidential" withMode={false} />,
    );
    expect(document.body.textContent.trim()).toBe('Pungutan di loket');
  });
});
