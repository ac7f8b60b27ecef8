import type { Widen } from '../locale-types';
import type { list as source } from '../id/list';

/** English strings for the complaint list: typed against the Indonesian file, so a missing or extra key is a compile error. */
export const list: Widen<typeof source> = {
  list: {
    title: 'Complaints',
    empty: 'No complaints yet.',
    trackingNumber: 'Tracking number',
    receivedAt: 'Received',
    channel: 'Channel',
    titleColumn: 'Title',
    status: 'Status',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {{page}}',
    search: 'Find tracking number',
    searchButton: 'Find',
    searchNotFound: 'No complaint has tracking number {{number}}.',
    searchInvalid: 'That is not a tracking number. Example: KTB-261123-ABC-0001.',
    caption: 'Complaints, newest first',
    office: 'Office',
    deadline: 'Deadline',
    autoClosed: 'Closed by rule',
    filterStatus: 'Filter by status',
    allStatuses: 'All statuses',
    emptyStatus: 'No complaints with this status.',
  },
};
