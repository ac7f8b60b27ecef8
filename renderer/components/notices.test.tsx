// @vitest-environment happy-dom
/**
 * The notice area: one polite live region, the newest notice replacing an older one (they never
 * pile up), dismissed by its button or by Escape (but not while a dialog has Escape).
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { Notices } from './notices';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

function setUp() {
  const core = fakeCore();
  render(withCore(core, <Notices />));
  const notify = (text: string) => act(() => core.store.getState().notify('success', text));
  return { core, notify };
}

describe('Notices', () => {
  it('keeps one polite live region and shows only the newest notice', () => {
    const { notify } = setUp();
    notify('Petugas ditambahkan');
    notify('Pengaturan tersimpan');
    notify('Petugas berganti');
    const regions = document.querySelectorAll('[aria-live]');
    expect(regions).toHaveLength(1);
    expect(regions[0]?.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('notices').querySelectorAll('.notice')).toHaveLength(1);
    expect(screen.getByTestId('notices').textContent).toContain('Petugas berganti');
    expect(screen.getByTestId('notices').textContent).not.toContain('Petugas ditambahkan');
  });

  it('is dismissed by Escape', async () => {
    const { core, notify } = setUp();
    notify('Pengaturan tersimpan');
    await userEvent.keyboard('{Escape}');
    expect(core.store.getState().notices).toEqual([]);
    expect(screen.getByTestId('notices').textContent).toBe('');
  });

  it('is dismissed by its button', async () => {
    const { core, notify } = setUp();
    notify('Pengaturan tersimpan');
    await userEvent.click(screen.getByRole('button', { name: 'Tutup pemberitahuan' }));
    expect(core.store.getState().notices).toEqual([]);
  });

  it('leaves Escape to an open dialog', async () => {
    const { core, notify } = setUp();
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    notify('Pengaturan tersimpan');
    await userEvent.keyboard('{Escape}');
    expect(core.store.getState().notices).toHaveLength(1);
    dialog.remove();
  });
});
