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
    search: 'Search complaints',
    searchPlaceholder: 'Tracking number, title, account, location, reporter name or phone…',
    searchHint: 'Ctrl+K or / from any screen. ↓ to the results, Enter opens, Esc clears.',
    searchNotFound: 'No complaint has tracking number {{number}}.',
    notOnDevice: {
      offline:
        'Complaint {{number}} is not on this device yet: the first download has not finished; connect to the network to fetch it from the central server.',
      offlinePercent:
        'Complaint {{number}} is not on this device yet: the first download is still running ({{percent}}%); connect to the network to fetch it from the central server.',
      unreachable:
        'Complaint {{number}} is not on this device yet: the first download has not finished; the central server cannot be reached, try again later.',
      unreachablePercent:
        'Complaint {{number}} is not on this device yet: the first download is still running ({{percent}}%); the central server cannot be reached, try again later.',
    },
    firstDownload: 'The first download has not finished: older complaints may not show yet.',
    firstDownloadPercent:
      'The first download has not finished ({{percent}}%): older complaints may not show yet.',
    fetchHint:
      'Tracking number {{number}} may be on the central server but not downloaded to this device yet.',
    outsideBudget: {
      offline:
        'Complaint {{number}} is not on this device: it may be outside what this device keeps and be on the central server only; connect to the network to fetch it.',
      unreachable:
        'Complaint {{number}} is not on this device: it may be outside what this device keeps and be on the central server only; the central server cannot be reached, try again later.',
    },
    budgetNote:
      'This device keeps the complaints received in the last {{months}} months and every open one. Older closed complaints are on the central server only: type a tracking number to fetch one.',
    budgetFetchHint:
      'Tracking number {{number}} may be on the central server, outside what this device keeps.',
    fetchingOutsideBudget: 'Fetching from the central server (outside what this device keeps)…',
    fetchFromCentral: 'Fetch from the central server',
    central: {
      search: 'Search the central too',
      searching: 'Searching the central…',
      hint: "Looks for the words typed in the older complaints that are only on the central (title, chronology, location, tracking number; not the complainant's identity).",
      found_one: '{{count}} older complaint only on the central',
      found_other: '{{count}} older complaints only on the central',
      onlyThere: 'Only on the central',
      fetch: 'Fetch {{number}} from the central server',
      none: 'No older complaint on the central matches these words.',
      notSearched: {
        offline: 'The central could not be searched: the device is not connected. Connect it and try again.',
        unreachable: 'The central could not be searched: the central server did not answer. Try again later.',
        'no-budget': 'This device keeps every complaint of the unit: the results above are complete.',
      },
    },
    fetchingFromCentral: 'Fetching from the central server…',
    caption: 'Complaints',
    results_one: '{{count}} complaint',
    results_other: '{{count}} complaints',
    resultsMore: '{{count}}+ complaints',
    loadingMore: 'Loading more…',
    indexBuilding: 'Preparing the search index… {{percent}}%',
    indexIncomplete: 'Text search results are incomplete until the index is ready.',
    noMatch: 'No complaint matches this search and these filters.',
    clearAll: 'Clear the search and filters',
    matchedIn: 'Matched in: {{fields}}',
    field: {
      trackingNumber: 'tracking number',
      title: 'title',
      chronology: 'account',
      location: 'location',
      category: 'category',
      office: 'office',
      laporId: 'LAPOR! number',
      name: 'reporter name',
      phone: 'reporter phone',
      nik: 'reporter NIK',
    },
    filters: 'Filters',
    moreFilters: 'More filters',
    filterAttention: 'Needs attention',
    filterOverdue: 'Overdue',
    filterChannel: 'Channel',
    filterCategory: 'Category',
    filterReportType: 'Report type',
    filterOffice: 'Office',
    filterPrivacy: 'Reporter mode',
    filterFrom: 'Received from',
    filterTo: 'Received until',
    any: 'Any',
    clearFilters: 'Clear filters',
    sort: 'Sort by',
    sortBy: {
      relevance: 'Best match',
      received: 'Newest received',
      deadline: 'Nearest deadline',
      status: 'Status',
    },
    office: 'Office',
    deadline: 'Deadline',
    autoClosed: 'Closed by rule',
    filterStatus: 'Filter by status',
    allStatuses: 'All statuses',
    emptyStatus: 'No complaints with this status.',
  },
};
