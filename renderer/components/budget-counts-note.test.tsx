// @vitest-environment happy-dom
/**
 * The note above figures computed on a device with a budget: it names the months the device keeps,
 * and how far the figures count the older complaints only on the central (all of them with when
 * they were read, part of them and why, or when they are read before any computation); nothing
 * where the unit keeps everything.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultUnitSettings } from '../../shared/unit/unit-settings';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import type { CentralCounts } from '../core/client-core';
import { formatDateTime } from '../format/format-date';
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

const KEPT =
  'Perangkat ini hanya menyimpan pengaduan yang diterima 18 bulan terakhir dan yang masih terbuka (simpanan perangkat).';

function renderNote(deviceBudgetMonths?: number, counts: CentralCounts | null = null): void {
  const core = fakeCore();
  core.store.getState().setUnitDocs({
    unitSettings: deviceBudgetMonths === undefined ? SETTINGS : { ...SETTINGS, deviceBudgetMonths },
  });
  core.store.getState().setCentralCounts(counts);
  render(withCore(core, <BudgetCountsNote />));
}

const noteText = (): string | null => screen.getByTestId('budget-counts-note').textContent;

describe('BudgetCountsNote', () => {
  it('before any computation: says the older complaints are read from the central when connected', () => {
    renderNote(18);
    expect(noteText()).toBe(
      `${KEPT} Pengaduan lama yang hanya ada di pusat dibaca dari pusat saat angka dihitung, bila perangkat tersambung.`,
    );
  });

  it('all read: says the figures count every complaint, how many only on the central and when read', () => {
    renderNote(18, {
      complaints: 12_345,
      complete: true,
      share: 1,
      readAt: '2026-12-07T02:30:00.000Z',
      notRead: null,
    });
    expect(noteText()).toBe(
      `${KEPT} Angka di sini menghitung semua pengaduan unit, termasuk 12.345 pengaduan lama yang hanya ada di pusat (dibaca dari pusat ${formatDateTime('2026-12-07T02:30:00.000Z', 'id')}).`,
    );
  });

  it('part read: says the figures are incomplete, how far, and why', () => {
    renderNote(18, {
      complaints: 1_200,
      complete: false,
      share: 0.426,
      readAt: null,
      notRead: 'unreachable',
    });
    expect(noteText()).toBe(
      `${KEPT} Angka di sini belum lengkap: pengaduan lama yang hanya ada di pusat baru terbaca 42% (1.200 pengaduan), karena server pusat tidak menjawab. Hitung ulang saat perangkat tersambung ke pusat.`,
    );
  });

  it('says nothing where the unit keeps everything', () => {
    renderNote(undefined, { complaints: 3, complete: true, share: 1, readAt: null, notRead: null });
    expect(screen.queryByTestId('budget-counts-note')).toBeNull();
  });
});
