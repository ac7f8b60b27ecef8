// @vitest-environment happy-dom
/**
 * Pengaduan Baru with a fake client core: fields in the order an officer asks them, reached with
 * Tab; a refused save lists its problems and writes nothing; a valid one is saved through
 * `core.intake.save` (the core takes the sequence numbers) and opens the saved page.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ClientCore, IntakeSave } from '../../core/client-core';
import { IntakeScreen } from './intake-screen';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

function setUp(save: (input: IntakeSave) => Promise<string>) {
  const core = fakeCore({
    intake: { lastChannel: async () => undefined, save: vi.fn(save) },
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
  return { core, location, user: userEvent.setup() };
}

const saveOf = (core: ClientCore) => core.intake.save as ReturnType<typeof vi.fn>;

describe('IntakeScreen', () => {
  it('starts on the channel and tabs through the fields in the order they are asked', async () => {
    const { user } = setUp(async () => 'complaint:x');
    expect(document.activeElement?.id).toBe('field-channel');
    const order: string[] = [];
    for (let step = 0; step < 20; step += 1) {
      await user.tab();
      const active = document.activeElement as HTMLElement | null;
      if (!active || active.tagName === 'BUTTON') break;
      order.push(active.id);
    }
    const expected = [
      'field-reportType',
      'field-privacyMode',
      'field-reporter-name',
      'field-reporter-phone',
      'field-reporter-email',
      'field-reporter-address',
      'field-reporter-nik',
      'field-title',
      'field-chronology',
      'field-incidentDate',
      'field-location',
      'field-category',
      'field-targetOffice',
    ];
    expect(order.filter((id) => expected.includes(id))).toEqual(expected);
  });

  it('lists the problems of a refused save, focuses the first, and saves nothing', async () => {
    const { core, user } = setUp(async () => 'complaint:x');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const summary = await screen.findByRole('alert');
    expect(summary.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(summary.textContent).toMatch(/\S/);
    await waitFor(() => expect(document.activeElement?.id).toBe('field-reporter-name'));
    expect(saveOf(core)).not.toHaveBeenCalled();
  });

  it('saves a valid complaint through the core and opens the saved page', async () => {
    const { core, user, location } = setUp(async () => 'complaint:2026-03-02T03:00:00.000Z:KTB-1');
    await user.type(document.getElementById('field-reporter-name') as HTMLElement, 'Budi Santoso');
    await user.type(document.getElementById('field-reporter-phone') as HTMLElement, '081211112222');
    await user.type(document.getElementById('field-title') as HTMLElement, 'Jalan rusak');
    await user.type(
      document.getElementById('field-chronology') as HTMLElement,
      'Lubang besar di Jl. Melati.',
    );
    await user.type(document.getElementById('field-incidentDate') as HTMLElement, '01-03-2026');
    await user.selectOptions(document.getElementById('field-category') as HTMLElement, 'health');
    await user.click(screen.getByRole('button', { name: /Simpan/ }));
    await waitFor(() => expect(saveOf(core)).toHaveBeenCalledTimes(1));
    const [call] = saveOf(core).mock.calls[0] as [IntakeSave];
    expect(call.input).toMatchObject({
      channel: 'walk-in',
      title: 'Jalan rusak',
      reporter: { name: 'Budi Santoso' },
      incidentDate: '2026-03-01',
    });
    expect(call.files).toEqual([]);
    await waitFor(() => expect(location.history?.at(-1)).toMatch(/^\/tersimpan\//));
  });
});
