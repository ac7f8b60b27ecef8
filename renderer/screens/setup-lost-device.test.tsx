// @vitest-environment happy-dom
/**
 * The setup screen on a device whose browser deleted its storage (renderer/core/data/device-mark):
 * an alert says which unit and device code it held and how to get the data back, above the three
 * ways to set it up; on a device never set up there is no such alert.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { SetupScreen } from './setup-screen';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

describe('SetupScreen', () => {
  it('says the device’s data is gone, which unit and device code it held, and the ways back', () => {
    const core = fakeCore();
    core.store
      .getState()
      .needSetup({ unitCode: 'KTB', deviceCode: 'A1B', setUpAt: '2026-03-02T03:00:00.000Z' });
    render(withCore(core, <SetupScreen />));
    const alert = screen.getByRole('alert', { name: 'Data perangkat ini hilang' });
    expect(alert.textContent).toContain('unit KTB dengan kode perangkat A1B');
    expect(alert.textContent).toContain('Unit yang sudah ada');
    expect(alert.textContent).toContain('berkas cadangan');
    expect(alert.textContent).toContain('Jangan memakai lagi kode perangkat A1B');
    // The ways to set it up stay below it.
    expect(screen.getByRole('radio', { name: /Unit yang sudah ada/ })).toBeTruthy();
  });

  it('shows no such alert on a device never set up', () => {
    const core = fakeCore();
    core.store.getState().needSetup();
    render(withCore(core, <SetupScreen />));
    expect(screen.queryByRole('alert', { name: 'Data perangkat ini hilang' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Penyiapan Awal' })).toBeTruthy();
  });
});
