// @vitest-environment happy-dom
/**
 * Pengaturan → Log akses with a fake core: a manager sees who did what on which device and when,
 * in Indonesian, pages back and forth with the keyboard, and filters by kind and officer (each a
 * query to the core); a refusal by the core is told; Pengaturan shows the section to managers only.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { AccessLogQuery, AccessLogRow, ClientCore, RosterEntry } from '../../core/client-core';
import { AccessLogSection } from './access-log-section';
import { SettingsScreen } from './settings-screen';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const SITI: RosterEntry = {
  id: 'officer-siti',
  name: 'Siti Rahma',
  role: 'manager',
  createdAt: '2026-01-05T01:00:00.000Z',
  active: true,
  hasSecret: true,
  mustChangeSecret: false,
};
const ANI: RosterEntry = { ...SITI, id: 'officer-ani', name: 'Ani', role: 'officer' };

/** 20 records, newest first: Ani's wrong PINs and sign-ins, and Siti adding Ani. */
const RECORDS: AccessLogRow[] = Array.from({ length: 20 }, (_, index): AccessLogRow => {
  const at = new Date(Date.UTC(2026, 2, 2, 9, 59 - index)).toISOString();
  const base = { id: `access:${at}:X7Q:0000000${String(index % 10)}`, at, deviceCode: 'X7Q' };
  if (index === 19) {
    return {
      ...base,
      kind: 'officer-added',
      officerId: SITI.id,
      officerName: SITI.name,
      subjectId: ANI.id,
      subjectName: ANI.name,
      role: 'officer',
    };
  }
  if (index === 0) return { ...base, kind: 'sign-in-failed' };
  return {
    ...base,
    kind: index % 2 === 0 ? 'sign-in' : 'sign-in-failed',
    officerId: ANI.id,
    officerName: ANI.name,
  };
});

function desk(role: 'manager' | 'officer' = 'manager'): { core: ClientCore; queries: AccessLogQuery[] } {
  const queries: AccessLogQuery[] = [];
  const core = fakeCore({
    officers: { list: () => Promise.resolve([ANI, SITI]) },
    accessLog: {
      page: (query) => {
        queries.push(query);
        if (role !== 'manager') return Promise.resolve({ ok: false, problem: 'not-allowed' });
        const matching = RECORDS.filter(
          (row) =>
            (!query.kind || row.kind === query.kind) &&
            (!query.officerId || row.officerId === query.officerId || row.subjectId === query.officerId),
        );
        const start = query.cursor ? matching.findIndex((row) => row.id === query.cursor) + 1 : 0;
        const rows = matching.slice(start, start + query.limit);
        const last = rows.at(-1);
        const more = start + query.limit < matching.length;
        return Promise.resolve({
          ok: true,
          page: { rows, tampered: 0, ...(more && last ? { nextCursor: last.id } : {}) },
        });
      },
    },
    receipt: { paper: () => Promise.resolve('a5') },
    host: {
      appInfo: () =>
        Promise.resolve({ name: 'Meja Aduan', version: '1.0.0', host: 'browser', platform: 'linux' }),
    },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: role === 'manager' ? SITI : ANI,
  });
  return { core, queries };
}

const bodyRows = (): HTMLElement[] =>
  within(screen.getByTestId('access-log-rows')).getAllByRole('row').slice(1);

describe('AccessLogSection', () => {
  it('shows who, what, which device and when, newest first, in Indonesian', async () => {
    const { core } = desk();
    render(withCore(core, <AccessLogSection />));
    expect(await screen.findByRole('heading', { name: 'Log akses' })).toBeTruthy();
    await screen.findByTestId('access-log-rows');
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Waktu', 'Petugas', 'Kejadian', 'Perangkat']);
    const rows = bodyRows();
    expect(rows).toHaveLength(15);
    const cells = (row: HTMLElement): string[] =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    // A wrong PIN for nobody the roster holds; then Ani's sign-in (newest first).
    expect(cells(rows[0] as HTMLElement).slice(1)).toEqual(['Tidak dikenal', 'PIN salah', 'X7Q']);
    expect(cells(rows[0] as HTMLElement)[0]).toMatch(/2026/);
    expect(rows[0]?.querySelector('time')?.getAttribute('dateTime')).toBe(RECORDS[0]?.at);
    expect(cells(rows[1] as HTMLElement).slice(1, 3)).toEqual(['Ani', 'PIN salah']);
    expect(cells(rows[2] as HTMLElement).slice(1, 3)).toEqual(['Ani', 'Masuk']);
    expect(screen.getByText('Halaman 1')).toBeTruthy();
  });

  it('pages to older and back to newer records with the keyboard', async () => {
    const { core, queries } = desk();
    const user = userEvent.setup();
    render(withCore(core, <AccessLogSection />));
    await screen.findByTestId('access-log-rows');
    const newer = screen.getByRole<HTMLButtonElement>('button', { name: 'Lebih baru' });
    expect(newer.disabled).toBe(true);
    screen.getByRole('button', { name: 'Lebih lama' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByText('Halaman 2');
    expect(queries.at(-1)).toMatchObject({ limit: 15, cursor: RECORDS[14]?.id });
    const rows = bodyRows();
    expect(rows).toHaveLength(5);
    expect(within(rows[4] as HTMLElement).getByText('Petugas ditambahkan: Ani (Petugas)')).toBeTruthy();
    expect(within(rows[4] as HTMLElement).getByText('Siti Rahma')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Lebih lama' }).disabled).toBe(true);
    screen.getByRole('button', { name: 'Lebih baru' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByText('Halaman 1');
    expect(bodyRows()).toHaveLength(15);
  });

  it('filters by kind and by officer through the core', async () => {
    const { core, queries } = desk();
    const user = userEvent.setup();
    render(withCore(core, <AccessLogSection />));
    await screen.findByTestId('access-log-rows');
    await user.selectOptions(screen.getByLabelText('Jenis kejadian'), 'Petugas ditambahkan');
    await screen.findByText('Petugas ditambahkan: Ani (Petugas)');
    expect(queries.at(-1)).toEqual({ limit: 15, kind: 'officer-added' });
    expect(bodyRows()).toHaveLength(1);
    await user.selectOptions(screen.getByLabelText('Jenis kejadian'), 'Semua jenis');
    await user.selectOptions(screen.getByLabelText('Petugas'), 'Siti Rahma');
    await screen.findByText('Halaman 1');
    expect(queries.at(-1)).toEqual({ limit: 15, officerId: SITI.id });
    await screen.findByText('Petugas ditambahkan: Ani (Petugas)');
    expect(bodyRows()).toHaveLength(1);
  });

  it('tells a refusal by the core (only managers see the log)', async () => {
    const { core } = desk('officer');
    render(withCore(core, <AccessLogSection />));
    expect(await screen.findByText('Hanya manajer yang dapat melihat log akses.')).toBeTruthy();
    expect(screen.queryByTestId('access-log-rows')).toBeNull();
  });
});

describe('Pengaturan', () => {
  it('shows Log akses to a manager and not to an officer', async () => {
    const manager = desk('manager');
    render(withCore(manager.core, <SettingsScreen />));
    expect(await screen.findByRole('heading', { name: 'Log akses' })).toBeTruthy();
    cleanup();
    const officer = desk('officer');
    render(withCore(officer.core, <SettingsScreen />));
    await screen.findByRole('heading', { name: 'Pengaturan' });
    await screen.findByRole('cell', { name: 'Ani' });
    expect(screen.queryByRole('heading', { name: 'Log akses' })).toBeNull();
    expect(officer.queries).toEqual([]);
  });
});
