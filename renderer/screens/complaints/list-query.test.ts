/** The list's search in the URL: every filter and the sort round-trip; malformed values are left out. */
import { describe, expect, it } from 'vitest';
import { listQueryString, parseListQuery, withFilter, type ListQuery } from './list-query';

describe('list query in the URL', () => {
  it('round-trips text, every filter and the sort', () => {
    const query: ListQuery = {
      text: 'lampu jalan & 0812',
      filters: {
        status: ['new', 'verified'],
        channel: ['phone'],
        category: ['health'],
        reportType: ['aspiration'],
        office: ['Dinas PU Bidang Jalan'],
        privacyMode: ['confidential'],
        needsAttention: true,
        overdue: true,
        receivedFrom: '2026-03-01',
        receivedTo: '2026-03-31',
      },
      sort: 'deadline',
    };
    expect(parseListQuery(listQueryString(query))).toEqual(query);
  });

  it('is empty for no search, and leaves out what it does not know', () => {
    expect(listQueryString({ text: '' })).toBe('');
    expect(parseListQuery('')).toEqual({ text: '' });
    expect(parseListQuery('status=new,lost&channel=pigeon&from=kemarin&sort=random&attention=yes')).toEqual({
      text: '',
      filters: { status: ['new'] },
    });
  });

  it('sets and removes one filter', () => {
    const one = withFilter(undefined, 'overdue', true);
    expect(one).toEqual({ overdue: true });
    expect(withFilter(one, 'channel', ['phone'])).toEqual({ overdue: true, channel: ['phone'] });
    expect(withFilter(one, 'overdue', false)).toBeUndefined();
    expect(withFilter({ overdue: true, status: ['new'] }, 'status', [])).toEqual({ overdue: true });
  });
});
