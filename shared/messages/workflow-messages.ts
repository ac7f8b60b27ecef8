/**
 * Messages of the complaint workflow (refused actions, action forms), merged into
 * VALIDATION_MESSAGES. Keys start with `workflow.`; Indonesian first.
 *
 * `{{action}}`, `{{status}}` and `{{role}}` receive codes from the domain code ('verify', 'new',
 * 'officer'); the renderer passes the translated words instead when it shows the message.
 */
export const WORKFLOW_MESSAGES = {
  'workflow.refused.notAllowed': {
    id: 'Tindakan "{{action}}" tidak dapat dilakukan pada pengaduan berstatus "{{status}}".',
    en: 'The action "{{action}}" is not possible for a complaint with status "{{status}}".',
  },
  'workflow.refused.role': {
    id: 'Peran "{{role}}" tidak berwenang melakukan tindakan "{{action}}". Mohon minta bantuan penyelia atau kepala unit.',
    en: 'The role "{{role}}" may not take the action "{{action}}". Please ask a supervisor or the unit manager.',
  },
  'workflow.refused.invalid': {
    id: 'Catatan ini tidak diterapkan karena isinya tidak valid.',
    en: 'This entry was not applied because its content is not valid.',
  },
  'workflow.hold.untilRequired': {
    id: 'Mohon isi tanggal batas penundaan.',
    en: 'Please enter the date the hold lasts until.',
  },
  'workflow.hold.untilPast': {
    id: 'Tanggal batas penundaan harus setelah hari ini.',
    en: 'The hold must last until a date after today.',
  },
  'workflow.archive.duplicateOfRequired': {
    id: 'Mohon isi nomor tiket pengaduan yang sama (duplikat).',
    en: 'Please enter the tracking number of the complaint this one duplicates.',
  },
  'workflow.archive.duplicateOfInvalid': {
    id: 'Nomor tiket tidak valid. Mohon periksa kembali (contoh: KBM-261123-X7Q-0042).',
    en: 'Not a valid tracking number. Please check it (e.g. KBM-261123-X7Q-0042).',
  },
  'workflow.archive.duplicateOfSelf': {
    id: 'Pengaduan tidak dapat menjadi duplikat dari dirinya sendiri.',
    en: 'A complaint cannot be a duplicate of itself.',
  },
  'workflow.archive.otherTextRequired': {
    id: 'Mohon jelaskan alasan pengarsipan.',
    en: 'Please describe the reason for archiving.',
  },
  'workflow.related.self': {
    id: 'Pengaduan tidak dapat dikaitkan dengan dirinya sendiri.',
    en: 'A complaint cannot be related to itself.',
  },
  'workflow.satisfaction.scoreRange': {
    id: 'Nilai kepuasan harus bilangan bulat dari {{min}} sampai {{max}}.',
    en: 'The satisfaction score must be a whole number from {{min}} to {{max}}.',
  },
  'workflow.privacy.sameMode': {
    id: 'Mode identitas pelapor yang dipilih sama dengan mode saat ini.',
    en: 'The chosen privacy mode is the same as the current one.',
  },
  'workflow.lapor.identityNotNamed': {
    id: 'Identitas pelapor hanya boleh ikut diteruskan ke LAPOR! untuk pengaduan dengan identitas terbuka (bukan anonim atau rahasia).',
    en: "The complainant's identity may only go to LAPOR! with a named complaint (not anonymous or confidential).",
  },
  'workflow.reporter.role': {
    id: 'Hanya supervisor dan manajer yang dapat mengoreksi data pelapor.',
    en: "Only supervisors and managers may correct the complainant's details.",
  },
  'workflow.reporter.confidential': {
    id: 'Data pelapor pengaduan rahasia hanya dapat dikoreksi oleh peran yang boleh melihatnya.',
    en: "A confidential complaint's complainant details may only be corrected by a role that may see them.",
  },
  'workflow.reporter.anonymous': {
    id: 'Pengaduan anonim tidak menyimpan identitas pelapor: tidak ada yang dapat dikoreksi.',
    en: 'An anonymous complaint holds no identity: there is nothing to correct.',
  },
  'workflow.reporter.missing': {
    id: 'Data identitas pelapor tidak ada di perangkat ini. Mohon sinkronkan dulu.',
    en: "The complainant's details are not on this device. Please sync first.",
  },
  'workflow.correct.unchanged': {
    id: 'Nilai baru sama dengan nilai lama. Tidak ada yang perlu dikoreksi.',
    en: 'The new value is the same as the old one: there is nothing to correct.',
  },
} as const satisfies Record<string, Readonly<{ id: string; en: string }>>;
