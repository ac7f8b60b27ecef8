/**
 * Messages of the enrolment code (../enrolment/enrolment-code), merged into VALIDATION_MESSAGES.
 * Keys start with `enrolment.`; Indonesian first.
 */
export const ENROLMENT_MESSAGES = {
  'enrolment.code.required': {
    id: 'Mohon isi kode pendaftaran perangkat dari admin pusat.',
    en: 'Please enter the device enrolment code from the central administrator.',
  },
  'enrolment.code.malformed': {
    id: 'Ini bukan kode pendaftaran Meja Aduan. Kode berbentuk MA1-UNIT-PERANGKAT-…@https://… ; salin lagi seluruh baris dari admin pusat.',
    en: 'This is not a Meja Aduan enrolment code. It looks like MA1-UNIT-DEVICE-…@https://… ; copy the whole line from the central administrator again.',
  },
  'enrolment.code.checksum': {
    id: 'Kode pendaftaran salah ketik: periksa setiap huruf dan angka (tanpa I, L, O, 0, dan 1) atau tempel ulang kodenya.',
    en: 'The enrolment code has a typo: check each letter and digit (there is no I, L, O, 0 or 1) or paste the code again.',
  },
  'enrolment.code.serverUrl': {
    id: 'Alamat server di dalam kode pendaftaran tidak valid. Minta kode baru dari admin pusat.',
    en: 'The server address inside the enrolment code is not valid. Ask the central administrator for a new code.',
  },
  'enrolment.code.expired': {
    id: 'Kode pendaftaran ini sudah kedaluwarsa ({{expiresAt}}). Minta kode baru dari admin pusat.',
    en: 'This enrolment code expired ({{expiresAt}}). Ask the central administrator for a new code.',
  },
  'enrolment.code.refused': {
    id: 'Server pusat menolak kode pendaftaran ini: kode sudah dipakai, dicabut, atau sandi sekali pakainya salah. Minta kode baru dari admin pusat.',
    en: 'The central server refused this enrolment code: it was already used, revoked, or its one-time password is wrong. Ask the central administrator for a new code.',
  },
  'enrolment.code.expiredOnServer': {
    id: 'Server pusat menolak kode pendaftaran ini karena sudah kedaluwarsa. Minta kode baru dari admin pusat.',
    en: 'The central server refused this enrolment code because it expired. Ask the central administrator for a new code.',
  },
  'enrolment.code.otherUnit': {
    id: 'Kode pendaftaran ini untuk unit {{unitCode}}, bukan untuk unit perangkat ini ({{deviceUnit}}).',
    en: 'This enrolment code is for unit {{unitCode}}, not for this device’s unit ({{deviceUnit}}).',
  },
  'enrolment.code.otherDevice': {
    id: 'Kode pendaftaran ini untuk perangkat {{deviceCode}}, bukan untuk perangkat ini ({{thisDevice}}). Minta admin pusat membuat kode untuk perangkat {{thisDevice}}.',
    en: 'This enrolment code is for device {{deviceCode}}, not for this device ({{thisDevice}}). Ask the central administrator for a code for device {{thisDevice}}.',
  },
} as const satisfies Record<string, Readonly<{ id: string; en: string }>>;
