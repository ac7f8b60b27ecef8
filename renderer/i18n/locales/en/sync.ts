import type { Widen } from '../locale-types';
import type { sync as source } from '../id/sync';

/** English strings for synchronisation with the central server, conflicts and tamper warnings: typed against the Indonesian file, so a missing or extra key is a compile error. */
export const sync: Widen<typeof source> = {
  syncUi: {
    title: 'Sync',
    statusSection: 'Status',
    progressLabel: 'Progress of the first download',
    rejectedTitle: 'Documents the server refused (kept on this device)',
    localOnly_one:
      'No central server yet: nothing is being sent. {{count}} document exists only on this device.',
    localOnly_other:
      'No central server yet: nothing is being sent. {{count}} documents exist only on this device.',
    localOnlyUncounted: 'No central server yet: nothing is being sent. All data exists only on this device.',
    syncNow: 'Sync now',
    conflictsLink_one: 'Data conflicts: {{count}}',
    conflictsLink_other: 'Data conflicts: {{count}}',
    settingsSection: 'Central server',
    enrolmentCode: 'Device enrolment code',
    enrolmentCodeHint:
      'One line for this device from the central administrator (npm run central -- device add), starting with MA1-: it holds the server address, unit, device and a one-time password. The device replaces it with its own password.',
    currentServer: 'Central server: {{server}}',
    serverUrl: 'Central server address',
    serverUrlHint:
      "The unit's CouchDB address from the central administrator, e.g. https://central.example.go.id",
    serverUrlInvalid: 'The address must start with http:// or https:// and hold no user name or password.',
    password: 'Unit password',
    passwordRequired: 'Please enter the unit password from the central administrator.',
    test: 'Test connection',
    testing: 'Testing…',
    save: 'Save and sync',
    connecting: 'Connecting…',
    stop: 'Stop syncing on this device',
    enabled: "Sync is on. The unit's records are sent and received whenever there is a network.",
    disabled: 'Sync stopped. Records stay on this device.',
    failed: 'Sync could not be set up: {{reason}}',
    managersOnly: 'Only a manager can set up sync.',
    browserStorageWarning:
      "The browser host keeps this device's password in the browser's storage, which is less safe than the desktop app (which uses the operating system's keychain). Use the desktop app where you can.",
    plainFileWarning:
      "This computer's operating system offers no keychain, so this device's password is stored without strong encryption. Protect this computer account with a password.",
    storageSection: 'Device storage',
    localDocuments: 'Documents on this device',
    storageUsed: 'Used',
    storageOf: '{{used}} of {{quota}}',
  },
  conflicts: {
    title: 'Data conflicts',
    intro:
      'These were changed on two devices before they could sync. Both versions are kept; choose the right one. Nothing is removed without your decision.',
    managersOnly: 'Only a manager can choose the version to keep.',
    none: 'No data conflicts.',
    field: 'Field',
    version: 'Version {{number}}',
    changedBy: 'changed by {{name}}, {{at}}',
    changedByOnDevice: 'changed by {{name}} on device {{device}}, {{at}}',
    differs: 'differs',
    keep: 'Keep version {{number}}',
    resolved: '{{document}}: version {{number}} kept.',
    changedMeanwhile: 'This has just changed again. Check the latest versions and choose again.',
    failed: 'Conflict not resolved: {{reason}}',
    packetDraft: 'P4 packet draft {{name}}',
    document: {
      'unit-profile': 'Unit profile',
      'unit-settings': 'Unit settings',
      'unit-offices': 'Office list',
    },
  },
  tamper: {
    warning:
      'Warning: this device also received another version of {{count}} document(s) of this complaint that does not match its content (probably forged). The original content is shown. Report it to the server administrator.',
    listTitle: 'Documents that look forged: {{count}} complaint(s)',
    listExplanation:
      'This device received other versions of the documents below that do not match their content. The original content is kept and shown; report it to the server administrator.',
    documents: '({{count}} document(s))',
  },
  firstSync: {
    label: 'First download',
    stage: 'Stage {{number}}/{{stages}}: {{name}}',
    stageName: { unit: 'unit data', open: 'open complaints', history: 'history' },
    documents: '{{done}}/{{total}} documents ({{percent}}%)',
    documentsUnknownTotal: '{{done}} documents',
    overall: 'Whole download: {{done}}/{{total}} documents ({{percent}}%)',
    overallUnknownTotal: 'Whole download: {{done}} documents',
    timeLeftUnderMinute: 'under a minute left',
    timeLeftMinutes: 'about {{minutes}} min left',
    timeLeftHours: 'about {{hours}} h {{minutes}} min left',
    stagesTitle: 'First download stages',
    stageDone: 'done',
    stageWaiting: 'waiting',
    deskReady: 'This device can take complaints now; the history is still downloading.',
  },
};
