import { describe, expect, it } from 'vitest';
import { chasedDeadline } from './chased-deadline';
import type { Deadline } from './deadlines';

const deadline = (over: Partial<Deadline>): Deadline => ({
  stage: 'verify',
  dueDate: '2026-11-26',
  state: 'on-time',
  workingDaysLeft: 3,
  rule: 'sp4n-lapor.verify-dispatch',
  ...over,
});

describe('chasedDeadline: the reply window is not chased', () => {
  it('chases every running deadline but the reply window', () => {
    const verify = deadline({});
    expect(chasedDeadline({ deadline: verify })).toBe(verify);
    const followUp = deadline({ stage: 'follow-up', state: 'overdue', workingDaysLeft: -2 });
    expect(chasedDeadline({ deadline: followUp })).toBe(followUp);
  });

  it('does not chase the reply window after a response, even when it is due soon', () => {
    expect(chasedDeadline({ deadline: deadline({ stage: 'reply-window', state: 'due-soon' }) })).toBeNull();
  });

  it('chases nothing when no deadline runs', () => {
    expect(chasedDeadline({ deadline: null })).toBeNull();
  });
});
