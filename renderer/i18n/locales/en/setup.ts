import type { Widen } from '../locale-types';
import type { setup as source } from '../id/setup';

/** English strings for first-run setup and joining an existing unit: typed against the Indonesian file, so a missing or extra key is a compile error. */
export const setup: Widen<typeof source> = {
  lost: {
    title: 'This device’s data is gone',
    held: 'This device was used by unit {{unitCode}} with device code {{deviceCode}} (set up {{setUpAt}}).',
    cause:
      'The browser found its storage damaged, for example after a power cut, and deleted all of this device’s data. Complaints already synced to the central server are safe there.',
    central:
      'If the unit uses a central server: choose "An existing unit" and join again with a new device code. Everything synced is downloaded again.',
    backup:
      'What had not synced can only come back from a backup file: choose "Restore this device from a backup file".',
    newCode:
      'Do not use device code {{deviceCode}} again for a new setup: tracking numbers already handed out with it could repeat.',
  },
  setup: {
    title: 'First-run setup',
    intro:
      'Enter the complaint unit and this device. They appear in tracking numbers and on receipts, and are asked only once.',
    unitSection: 'Complaint unit',
    deviceSection: 'Device and officer',
    unitCode: 'Unit code',
    unitCodeHint:
      '2–10 letters/digits, without O, I, L, 0 and 1 (so it cannot be misheard). E.g. KTB, DPMPTSP7.',
    unitName: 'Unit name',
    agency: 'Agency',
    entityType: 'Type of institution',
    chooseEntityType: '— Choose the type —',
    contact: 'Unit contact for status enquiries',
    contactHint: 'Phone, WhatsApp or email printed on receipts.',
    address: 'Unit address',
    deviceCode: 'Device code',
    deviceCodeHint: '3 letters/digits, different for every device of this unit.',
    officerName: 'Officer name',
    officerRole: 'Officer role',
    officerRoleHint:
      "Whoever sets the device up is usually the unit's manager; add other officers in Settings.",
    timeZone: "Unit's time zone",
    firstManagerHint:
      "Whoever sets up the first device becomes the unit's manager. Other officers are added under Settings, each with a first PIN.",
    officerSecret: "Manager's PIN",
    officerSecretConfirm: "Manager's PIN again",
    submit: 'Save and start',
  },
  join: {
    modeLegend: 'This device is for',
    mode: {
      'new-unit': "A new unit (the unit's first device)",
      'join-unit': 'An existing unit (join through the central server)',
    },
    title: 'Join an existing unit',
    intro:
      "This device signs in to the unit's database on the central server and downloads all the unit's records (profile, settings, offices, complaints) before it is used.",
    enrolmentCode: 'Device enrolment code',
    enrolmentCodeHint:
      'One line from the central administrator (npm run central -- device add), starting with MA1-. Paste or type all of it; the device code fills in by itself.',
    unitSection: 'Unit and central server',
    downloading: "Downloading the unit's records from the central server…",
    joining: 'Joining…',
    submit: "Join and download the unit's records",
  },
};
