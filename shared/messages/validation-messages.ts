/**
 * Validation messages, Indonesian first, keyed for i18next.
 *
 * Domain code reports problems as `ValidationIssue`s that carry a `MessageKey` and parameters,
 * never text: the renderer translates them with i18next (`{{name}}` interpolation, the same
 * syntax as here), and non-UI callers (exports, logs, tests) use `formatMessage`.
 */

import { ENROLMENT_MESSAGES } from './enrolment-messages';
import { KEY_TRANSFER_MESSAGES } from './key-transfer-messages';
import { SECRET_MESSAGES } from './secret-messages';
import { SETTINGS_MESSAGES } from './settings-messages';
import { SYNC_MESSAGES } from './sync-messages';
import { WORKFLOW_MESSAGES } from './workflow-messages';

const MESSAGES = {
  ...WORKFLOW_MESSAGES,
  ...SETTINGS_MESSAGES,
  ...SYNC_MESSAGES,
  ...ENROLMENT_MESSAGES,
  ...KEY_TRANSFER_MESSAGES,
  ...SECRET_MESSAGES,
  'validation.required': { id: 'Kolom ini wajib diisi.', en: 'This field is required.' },
  'validation.invalid': { id: 'Isian ini tidak valid.', en: 'This value is not valid.' },
  'validation.tooLong': {
    id: 'Isian terlalu panjang, maksimal {{max, number}} karakter.',
    en: 'Too long: at most {{max, number}} characters.',
  },
  'validation.title.required': { id: 'Judul pengaduan wajib diisi.', en: 'Please enter a title.' },
  'validation.title.tooLong': {
    id: 'Judul terlalu panjang, maksimal {{max, number}} karakter.',
    en: 'The title is too long: at most {{max, number}} characters.',
  },
  'validation.chronology.required': {
    id: 'Kronologi (uraian kejadian) wajib diisi.',
    en: 'Please describe what happened.',
  },
  'validation.chronology.tooLong': {
    id: 'Kronologi terlalu panjang, maksimal {{max, number}} karakter.',
    en: 'The description is too long: at most {{max, number}} characters.',
  },
  'validation.channel.unknown': {
    id: 'Kanal pengaduan tidak dikenal. Silakan pilih dari daftar.',
    en: 'Unknown channel. Please choose one from the list.',
  },
  'validation.reportType.unknown': {
    id: 'Jenis laporan tidak dikenal. Silakan pilih dari daftar.',
    en: 'Unknown report type. Please choose one from the list.',
  },
  'validation.privacyMode.unknown': {
    id: 'Mode identitas pelapor tidak dikenal. Silakan pilih: bernama, anonim, atau rahasia.',
    en: 'Unknown privacy mode. Please choose named, anonymous or confidential.',
  },
  'validation.incidentDate.required': {
    id: 'Tanggal kejadian atau tanggal pelayanan wajib diisi.',
    en: 'Please enter the date of the incident or of the service.',
  },
  'validation.incidentDate.invalid': {
    id: 'Tanggal kejadian tidak valid. Mohon periksa kembali tanggalnya.',
    en: 'The incident date is not a valid date. Please check it.',
  },
  'validation.incidentDate.future': {
    id: 'Tanggal kejadian tidak boleh setelah hari ini.',
    en: 'The incident date cannot be later than today.',
  },
  // A warning, not an error (Perpres 76/2013: complaints are made up to 30 days after the service).
  'validation.incidentDate.late': {
    id: 'Kejadian lebih dari {{days}} hari sebelum pengaduan diterima (batas menurut Perpres 76/2013). Pengaduan tetap dapat disimpan.',
    en: 'The incident is more than {{days}} days before intake (the Perpres 76/2013 limit). The complaint can still be saved.',
  },
  'validation.category.required': { id: 'Kategori wajib dipilih.', en: 'Please choose a category.' },
  'validation.reporter.nameRequired': {
    id: 'Nama pelapor (sesuai KTP) wajib diisi untuk pelapor bernama atau rahasia.',
    en: "Please enter the reporter's name (as on the ID card) for a named or confidential reporter.",
  },
  'validation.reporter.contactRequired': {
    id: 'Mohon isi paling sedikit satu kontak pelapor: telepon, email, atau alamat.',
    en: 'Please enter at least one way to reach the reporter: phone, email or address.',
  },
  'validation.reporter.anonymousHasIdentity': {
    id: 'Pengaduan anonim tidak boleh memuat identitas pelapor. Kosongkan nama, NIK, telepon, email, dan alamat, atau pilih mode rahasia.',
    en: 'An anonymous complaint cannot hold the reporter’s identity. Clear name, NIK, phone, email and address, or choose confidential.',
  },
  'validation.reporter.nikInvalid': {
    id: 'NIK harus terdiri dari 16 angka.',
    en: 'The NIK (national ID number) must be 16 digits.',
  },
  'validation.reporter.phoneInvalid': {
    id: 'Nomor telepon tidak valid. Gunakan 8–15 angka, boleh diawali + (contoh: 0812-3456-7890).',
    en: 'Invalid phone number. Use 8–15 digits, optionally starting with + (e.g. 0812-3456-7890).',
  },
  'validation.reporter.emailInvalid': {
    id: 'Alamat email tidak valid (contoh: nama@contoh.go.id).',
    en: 'Invalid email address (e.g. name@example.go.id).',
  },
  'validation.attachment.tooLarge': {
    id: 'Lampiran "{{name}}" terlalu besar. Ukuran maksimal {{maxMb}} MB per berkas.',
    en: 'Attachment "{{name}}" is too large. Each file may be at most {{maxMb}} MB.',
  },
  'validation.attachment.tooMany': {
    id: 'Lampiran terlalu banyak. Maksimal {{max}} berkas.',
    en: 'Too many attachments: at most {{max}} files.',
  },
  'validation.attachment.totalTooLarge': {
    id: 'Total ukuran lampiran melebihi {{maxMb}} MB.',
    en: 'The attachments together exceed {{maxMb}} MB.',
  },
  'validation.attachment.typeNotAllowed': {
    id: 'Jenis berkas "{{name}}" tidak didukung. Gunakan PDF, gambar (JPEG, PNG, WebP), teks, Word, Excel, atau OpenDocument (ODT, ODS).',
    en: 'The file type of "{{name}}" is not supported. Use PDF, images (JPEG, PNG, WebP), text, Word, Excel or OpenDocument (ODT, ODS).',
  },
  // The bytes of a file are not of the type its name or the browser gives (checked at intake).
  'validation.attachment.contentMismatch': {
    id: 'Isi berkas "{{name}}" bukan berkas {{type}} seperti yang ditunjukkan nama atau jenisnya. Pengaduan belum disimpan: pastikan berkasnya benar, atau hapus lampiran ini.',
    en: 'The content of "{{name}}" is not a {{type}} file, as its name or type says. The complaint was not saved: check that it is the right file, or remove this attachment.',
  },
  'validation.attachment.unreadable': {
    id: 'Berkas "{{name}}" tidak dapat dibaca (mungkin sudah dipindahkan atau dihapus). Pengaduan belum disimpan: pilih berkas itu lagi, atau hapus lampiran ini.',
    en: 'The file "{{name}}" could not be read (it may have been moved or deleted). The complaint was not saved: choose the file again, or remove this attachment.',
  },
  'validation.unitCode.invalid': {
    id: 'Kode unit harus 2–10 karakter dari huruf A–Z dan angka 2–9, tanpa I, L, O, 0, dan 1.',
    en: 'The unit code must be 2–10 characters from A–Z and 2–9, without I, L, O, 0 and 1.',
  },
  'validation.deviceCode.invalid': {
    id: 'Kode perangkat harus tepat 3 karakter dari huruf A–Z dan angka 2–9, tanpa I, L, O, 0, dan 1.',
    en: 'The device code must be exactly 3 characters from A–Z and 2–9, without I, L, O, 0 and 1.',
  },
  'validation.unitName.required': { id: 'Nama unit wajib diisi.', en: 'Please enter the unit name.' },
  'validation.agency.required': { id: 'Nama instansi wajib diisi.', en: 'Please enter the agency name.' },
  'validation.entityType.unknown': {
    id: 'Jenis instansi tidak dikenal. Silakan pilih dari daftar.',
    en: 'Unknown entity type. Please choose one from the list.',
  },
  'validation.unitContact.required': {
    id: 'Kontak unit (telepon, WhatsApp, atau email) wajib diisi.',
    en: "Please enter the unit's contact (phone, WhatsApp or email).",
  },
  'validation.officerName.required': {
    id: 'Nama petugas wajib diisi.',
    en: "Please enter the officer's name.",
  },
  'validation.serverUrl.invalid': {
    id: 'Alamat server harus diawali http:// atau https:// dan tanpa nama pengguna atau sandi.',
    en: 'The server address must start with http:// or https:// and hold no user name or password.',
  },
  'validation.password.required': {
    id: 'Mohon isi sandi unit dari admin pusat.',
    en: 'Please enter the unit password from the central administrator.',
  },
  'validation.deviceCode.taken': {
    id: 'Kode perangkat ini sudah dipakai perangkat lain di unit ini. Pilih kode lain.',
    en: 'Another device of this unit already uses this device code. Choose another.',
  },
  'validation.unit.notOnServer': {
    id: 'Unit ini belum memiliki profil di server pusat. Siapkan sebagai unit baru di salah satu perangkat, lalu sinkronkan.',
    en: 'This unit has no profile on the central server yet. Set it up as a new unit on one device, then sync.',
  },
  'validation.location.tooLong': {
    id: 'Lokasi terlalu panjang, maksimal {{max, number}} karakter.',
    en: 'The location is too long: at most {{max, number}} characters.',
  },
} as const satisfies Record<string, Readonly<{ id: string; en: string }>>;

export type MessageKey = keyof typeof MESSAGES;

export const VALIDATION_MESSAGES: Readonly<Record<MessageKey, Readonly<{ id: string; en: string }>>> =
  MESSAGES;
export type MessageLanguage = 'id' | 'en';
export type MessageParams = Readonly<Record<string, string | number>>;

/** One problem found in a form or document: where (a dot path), what (a key) and its parameters. */
export type ValidationIssue = Readonly<{ path: string; key: MessageKey; params?: MessageParams }>;

export const MESSAGE_KEYS = Object.keys(VALIDATION_MESSAGES) as readonly MessageKey[];

export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(VALIDATION_MESSAGES, text);
}

/**
 * The message text for `key` in `lang`, with `{{param}}` placeholders filled in. A placeholder
 * with no matching parameter is left as written, so a missing parameter is visible, not blank.
 */
export function formatMessage(key: MessageKey, lang: MessageLanguage, params?: MessageParams): string {
  const template: string = VALIDATION_MESSAGES[key][lang];
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (placeholder, name: string) => {
    const value = params?.[name];
    return value === undefined ? placeholder : String(value);
  });
}

/**
 * The messages of one language as a nested i18next resource (`validation.title.required` →
 * `{ validation: { title: { required } } }`), for i18next's default `.` key separator.
 */
export function validationResources(lang: MessageLanguage): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of MESSAGE_KEYS) {
    const segments = key.split('.');
    const leaf = segments.pop() as string;
    let node = root;
    for (const segment of segments) {
      const next = (node[segment] ??= {});
      if (typeof next !== 'object') throw new Error(`Message key ${key} collides with a leaf`);
      node = next as Record<string, unknown>;
    }
    if (leaf in node) throw new Error(`Message key ${key} collides with a branch`);
    node[leaf] = VALIDATION_MESSAGES[key][lang];
  }
  return root;
}
