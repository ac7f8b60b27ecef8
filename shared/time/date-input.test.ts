import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput } from './date-input';

describe('parseDateInput', () => {
  it.each([
    ['20/11/2026', '2026-11-20'],
    ['20-11-2026', '2026-11-20'],
    ['20.11.2026', '2026-11-20'],
    ['20 11 2026', '2026-11-20'],
    ['5/1/2026', '2026-01-05'],
    ['20112026', '2026-11-20'],
    ['20/11/26', '2026-11-20'],
    [' 2026-11-20 ', '2026-11-20'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateInput(text)).toBe(iso);
  });

  it.each([
    '',
    'kemarin',
    '31/11/2026',
    '29/02/2026',
    '00/01/2026',
    '20/13/2026',
    '2026/11/20',
    '2011202',
    '11/20/2026x',
  ])('refuses %s', (text) => {
    expect(parseDateInput(text)).toBeNull();
  });

  it('round-trips with formatDateInput', () => {
    expect(parseDateInput(formatDateInput('2027-03-09'))).toBe('2027-03-09');
    expect(formatDateInput('2027-03-09')).toBe('09/03/2027');
  });
});
