/**
 * Which running deadline officers chase (lists, "Perlu Perhatian", the device-local index): every
 * deadline except the reply window after a response. That window is informational: when it ends
 * without a reply the complaint closes by rule (./deadlines `AutoClose`), so nobody has to act
 * on it and it is never counted as due soon or overdue (docs/domain.md).
 */
import type { ComplaintSla } from './complaint-sla';
import type { Deadline } from './deadlines';

/** The deadline in `sla` someone must act on before it passes, or null when none runs. */
export function chasedDeadline(sla: Pick<ComplaintSla, 'deadline'>): Deadline | null {
  return sla.deadline !== null && sla.deadline.stage !== 'reply-window' ? sla.deadline : null;
}
