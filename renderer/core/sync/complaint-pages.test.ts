/**
 * The event ranges a page of complaints is read with: one per device and day, from the first of
 * its complaints' events to the last, never another day's or device's (the whole protocol is
 * ./initial-download.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { eventRanges } from './complaint-pages';

describe('eventRanges', () => {
  it('gives one range per device and day, spanning exactly its complaints', () => {
    expect(
      eventRanges([
        'KBM-261123-X7Q-0034',
        'KBM-261124-X7Q-0002',
        'KBM-261123-X7Q-0012',
        'KBM-261123-A23-0003',
      ]),
    ).toEqual([
      { startkey: 'event:KBM-261123-X7Q-0012:', endkey: 'event:KBM-261123-X7Q-0034:\ufff0' },
      { startkey: 'event:KBM-261124-X7Q-0002:', endkey: 'event:KBM-261124-X7Q-0002:\ufff0' },
      { startkey: 'event:KBM-261123-A23-0003:', endkey: 'event:KBM-261123-A23-0003:\ufff0' },
    ]);
  });
});
