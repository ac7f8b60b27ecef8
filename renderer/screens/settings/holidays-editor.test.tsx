// @vitest-environment happy-dom
/**
 * Hari libur in Pengaturan: each date of the year with where it comes from (the decree via the
 * central, the app's list, the unit), which list the year follows, and the unit's own dates as the
 * only ones a manager edits; saving stores only those, never the seeded copies of a national list.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarYears } from '../../../shared/calendar/calendar-precedence';
import { DEFAULT_HOLIDAYS } from '../../../shared/calendar/indonesian-holidays';
import { nationalCalendarDoc, weekdayOf } from '../../../shared/calendar/national-calendar';
import { defaultUnitSettings, type ValidSettings } from '../../../shared/unit/unit-settings';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import { HolidaysEditor } from './holidays-editor';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const seeded = defaultUnitSettings('KBM', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
  officerId: 'officer-1',
  name: 'Siti',
});
/** The unit's settings: the seeded copies, plus its own city day. */
const SETTINGS = {
  ...seeded,
  holidays: {
    ...seeded.holidays,
    '2026': [
      ...(seeded.holidays['2026'] ?? []),
      {
        date: '2026-03-05',
        name: { id: 'Hari Jadi Kota', en: 'City Day' },
        kind: 'national-holiday' as const,
      },
    ],
  },
};
/** The central's 2026 list: the decree plus Tuesday 24 November. */
const CENTRAL = nationalCalendarDoc(
  {
    year: '2026',
    source: 'SKB 3 Menteri 1497/2025, as amended',
    entries: [
      ...(DEFAULT_HOLIDAYS[2026] ?? []).map((holiday) => ({
        date: holiday.date,
        weekday: weekdayOf(holiday.date),
        name: holiday.name,
        kind: holiday.kind === 'national-holiday' ? ('holiday' as const) : ('cuti-bersama' as const),
      })),
      {
        date: '2026-11-24',
        weekday: weekdayOf('2026-11-24'),
        name: { id: 'Libur tambahan', en: 'Extra' },
        kind: 'holiday' as const,
      },
    ].sort((a, b) => (a.date < b.date ? -1 : 1)),
  },
  2,
  '2026-11-20T01:00:00.000Z',
);

function renderEditor() {
  const save = vi.fn((_value: ValidSettings) => Promise.resolve('saved' as const));
  const core = fakeCore({
    calendar: { today: () => '2026-03-02', years: () => calendarYears(SETTINGS.holidays, [CENTRAL]) },
    settings: { save },
  });
  render(withCore(core, <HolidaysEditor settings={SETTINGS} editable />));
  return { save, user: userEvent.setup() };
}

const rowOf = (date: string): HTMLElement =>
  within(screen.getByTestId('holidays-effective')).getByText(date).closest('tr') as HTMLElement;

describe('HolidaysEditor', () => {
  it('names where each date comes from and which list the year follows', async () => {
    const { user } = renderEditor();
    expect(screen.getByTestId('holidays-base').textContent).toBe(
      'Tahun 2026 mengikuti daftar dari pusat, versi 2: SKB 3 Menteri 1497/2025, as amended.',
    );
    expect(rowOf('24/11/2026').textContent).toContain('Keputusan via pusat');
    expect(rowOf('05/03/2026').textContent).toContain('Unit');
    expect(rowOf('01/01/2026').textContent).toContain('Keputusan via pusat');
    // 2027: no list from the central yet, the app's.
    await user.selectOptions(screen.getByLabelText('Tahun'), '2027');
    expect(screen.getByTestId('holidays-base').textContent).toContain(
      'mengikuti daftar bawaan aplikasi: SKB 3 Menteri 1205/2026',
    );
    expect(rowOf('10/03/2027').textContent).toContain('Bawaan aplikasi');
  });

  it('edits only the unit’s own dates and stores only those', async () => {
    const { save, user } = renderEditor();
    // One editable row: the city day (the seeded copies are not the unit's).
    expect(screen.getByLabelText('Tanggal baris 1')).toHaveProperty('value', '05/03/2026');
    expect(screen.queryByLabelText('Tanggal baris 2')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Simpan hari libur 2026' }));
    expect(save).toHaveBeenCalledOnce();
    const stored = save.mock.calls[0]?.[0].holidays;
    expect(stored).toEqual({
      '2026': [
        {
          date: '2026-03-05',
          name: { id: 'Hari Jadi Kota', en: 'City Day' },
          kind: 'national-holiday',
          confirmed: true,
        },
      ],
    });
  });
});
