import type { Widen } from '../locale-types';
import type { dashboard as source } from '../id/dashboard';

/** English strings for the home dashboard and the needs-attention list: typed against the Indonesian file, so a missing or extra key is a compile error. */
export const dashboard: Widen<typeof source> = {
  dashboard: {
    title: 'Home',
    greeting: 'Good work today, {{name}}.',
    today: 'Received today',
    thisMonth: 'Received this month',
    thisYear: 'Received this year',
    recent: 'Latest complaints',
    startIntake: 'Log a new complaint (Ctrl+N)',
    byStatus: 'Complaints by status',
    needsAttention: 'Need attention ({{overdue}} overdue)',
  },
  attention: {
    title: 'Needs attention',
    intro_one: 'Complaints due within {{count}} working day or already overdue, most urgent first.',
    intro_other: 'Complaints due within {{count}} working days or already overdue, most urgent first.',
    empty: 'No complaint is due soon or overdue. Well done!',
    summary_one: '{{count}} complaint needs attention, {{overdue}} overdue.',
    summary_other: '{{count}} complaints need attention, {{overdue}} overdue.',
    caption: 'Complaints that need attention, most urgent first',
  },
};
