// @vitest-environment happy-dom
/**
 * The note above figures computed on a device with a budget: it names the months the device keeps
 * and that older closed complaints are left out; nothing where the unit keeps everything.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultUnitSettings } from '../../shared/unit/unit-settings';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { BudgetCountsNote } from './budget-counts-note';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const SETTINGS = defaultUnitSettings('KBM', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
  officerId: 'officer-1',
  name: 'Siti',
});

function renderNote(deviceBudgetMonths?: number): void {
  const core = fakeCore();
  core.store.getState().setUnitDocs({
    unitSettings: deviceBudgetMonths === undefined ? SETTINGS : { ...SETTINGS, deviceBudgetMonths },
  });
  render(withCore(core, <BudgetCountsNote />));
}

describe('BudgetCountsNote', () => {
  it('says the figures leave out older closed complaints on a device with a budget', () => {
    renderNote(18);
    expect(screen.getByTestId('budget-counts-note').textContent).toBe(
      'Perangkat ini hanya menyimpan pengaduan yang diterima 18 bulan terakhir dan yang masih terbuka (simpanan perangkat): angka di sini tidak menghitung pengaduan lama yang sudah ditutup. Untuk indikator dan paket P4 yang lengkap, gunakan perangkat yang menyimpan semua pengaduan.',
    );
  });

  it('says nothing where the unit keeps everything', () => {
    renderNote();
    expect(screen.queryByTestId('budget-counts-note')).toBeNull();
  });
});
