/** The dashboard's periods: presets on a given day, and typed dates checked. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, periodOf, presetPeriod } from './dashboard-period';

describe('dashboard periods', () => {
  it('this month and this year run up to today; last month is whole (also across a year)', () => {
    expect(presetPeriod('this-month', '2026-12-06')).toEqual({ from: '2026-12-01', to: '2026-12-06' });
    expect(presetPeriod('last-month', '2026-12-06')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('last-month', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('last-month', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('this-year', '2026-12-06')).toEqual({ from: '2026-01-01', to: '2026-12-06' });
  });

  it('reads typed dates day first and refuses bad, reversed or future ones', () => {
    const custom = (fromText: string, toText: string) =>
      periodOf({ ...DEFAULT_FILTER, choice: 'custom', fromText, toText }, '2026-12-06');
    expect(custom('01/11/2026', '2026-11-30')).toEqual({
      ok: true,
      period: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(custom('31/02/2026', '')).toEqual({ ok: false, problems: ['fromInvalid', 'toInvalid'] });
    expect(custom('30/11/2026', '01/11/2026')).toEqual({ ok: false, problems: ['order'] });
    expect(custom('01/12/2026', '07/12/2026')).toEqual({ ok: false, problems: ['future'] });
  });
});
