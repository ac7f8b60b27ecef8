// @vitest-environment happy-dom
/**
 * The status bar's storage persistence warning: shown, with what to do, only once the browser has
 * refused to make this device's storage persistent (none while unknown or granted); in the
 * language chosen, Indonesian first; the desktop host's own advice.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { StatusBar } from './status-bar';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(async () => {
  cleanup();
  const { changeLanguage } = await import('../i18n/i18n');
  await changeLanguage('id');
});

function setUp(isDesktop = false) {
  const core = fakeCore({ host: { isDesktop } });
  render(withCore(core, <StatusBar />));
  type Persistence = ReturnType<typeof core.store.getState>['storagePersistence'];
  const answer = (persistence: Persistence) =>
    act(() => core.store.getState().setStoragePersistence(persistence));
  return { answer };
}

const warning = () => screen.queryByTestId('storage-not-persistent');

describe('StatusBar: persistent storage', () => {
  it('warns in Indonesian, saying what to do, once the browser refused persistent storage', () => {
    const { answer } = setUp();
    expect(warning()).toBeNull(); // not known yet: no warning
    answer('not-persistent');
    const text = warning()?.textContent ?? '';
    expect(text).toContain('Penyimpanan belum permanen: browser dapat menghapus data');
    expect(text).toContain('Pakai aplikasi desktop Meja Aduan');
    expect(text).toContain('sinkronkan secara rutin');
    expect(warning()?.classList.contains('status-bar__warning')).toBe(true);
    // A lasting state, not an event: no second live region beside the notices.
    expect(warning()?.closest('[aria-live], [role="alert"]')).toBeNull();
  });

  it('shows nothing when the storage is persistent or the runtime cannot say', () => {
    const { answer } = setUp();
    answer('persistent');
    expect(warning()).toBeNull();
    answer('unknown');
    expect(warning()).toBeNull();
  });

  it('warns in English when English is chosen', async () => {
    const { answer } = setUp();
    const { changeLanguage } = await import('../i18n/i18n');
    await act(() => changeLanguage('en'));
    answer('not-persistent');
    expect(warning()?.textContent).toContain('Storage is not persistent: the browser may delete');
  });

  it("gives the desktop app's own advice there", () => {
    const { answer } = setUp(true);
    answer('not-persistent');
    expect(warning()?.textContent).toContain('Sinkronkan secara rutin dan hubungi admin');
    expect(warning()?.textContent).not.toContain('aplikasi desktop');
  });
});
