/** A complaint's index row: its reduced state and deadline, in a few indexable fields. */
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar';
import { chasedDeadline } from '../../../shared/sla/chased-deadline';
import { complaintSla } from '../../../shared/sla/complaint-sla';
import type { SlaSettings } from '../../../shared/sla/deadline-settings';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import type { Summarise } from './complaint-projector';

export function summariser(settings: SlaSettings, calendar: WorkingCalendar, now: () => Date): Summarise {
  return (complaint, events) => {
    const state = reduceComplaint(complaint, events);
    const sla = complaintSla(state, settings, calendar, now());
    const chased = chasedDeadline(sla);
    return {
      id: complaint._id,
      trackingNumber: complaint.trackingNumber,
      receivedAt: complaint.receivedAt,
      channel: state.current.channel,
      title: state.current.title,
      status: sla.status,
      autoClosed: sla.autoClose ? 1 : 0,
      privacyMode: state.privacyMode,
      office: state.currentOffice ?? '',
      open: chased ? 1 : 0,
      dueDate: chased ? chased.dueDate : '',
      stage: sla.deadline?.stage ?? '',
      category: state.current.category,
      reportType: state.current.reportType,
      receivedDate: complaint.receivedLocalDate,
    };
  };
}
