/**
 * Messages of unit settings (deadlines, holidays, offices), merged into VALIDATION_MESSAGES.
 * Keys start with `unitSettings.` (not `settings.`: the UI strings own that i18next key); Indonesian first.
 */
export const SETTINGS_MESSAGES = {
  'unitSettings.timeZone.unknown': {
    id: 'Zona waktu tidak dikenal. Pilih WIB (Asia/Jakarta), WITA (Asia/Makassar), atau WIT (Asia/Jayapura).',
    en: 'Unknown time zone. Choose WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura).',
  },
  'unitSettings.deadline.notWholeNumber': {
    id: 'Isi dengan bilangan bulat antara {{min}} dan {{max}}.',
    en: 'Enter a whole number from {{min}} to {{max}}.',
  },
  'unitSettings.deadline.outOfRange': {
    id: 'Nilai harus antara {{min}} dan {{max}}.',
    en: 'The value must be from {{min}} to {{max}}.',
  },
  'unitSettings.rule.invalid': {
    id: 'Pilihan aturan tidak valid. Pilih aktif atau tidak aktif.',
    en: 'Invalid rule choice. Choose on or off.',
  },
  'unitSettings.holiday.yearInvalid': {
    id: 'Tahun "{{year}}" tidak valid. Gunakan tahun empat angka antara {{min}} dan {{max}}.',
    en: 'The year "{{year}}" is not valid. Use a four-digit year from {{min}} to {{max}}.',
  },
  'unitSettings.holiday.dateInvalid': {
    id: 'Tanggal libur tidak valid. Mohon periksa kembali tanggalnya.',
    en: 'The holiday date is not a valid date. Please check it.',
  },
  'unitSettings.holiday.wrongYear': {
    id: 'Tanggal {{date}} tidak berada di tahun {{year}}. Masukkan ke daftar libur tahun yang benar.',
    en: 'The date {{date}} is not in {{year}}. Put it in the list of the right year.',
  },
  'unitSettings.holiday.duplicate': {
    id: 'Tanggal {{date}} tercantum lebih dari satu kali.',
    en: 'The date {{date}} is listed more than once.',
  },
  'unitSettings.holiday.nameRequired': {
    id: 'Nama hari libur wajib diisi.',
    en: 'Please enter the name of the holiday.',
  },
  'unitSettings.holiday.nameTooLong': {
    id: 'Nama hari libur terlalu panjang, maksimal {{max}} karakter.',
    en: 'The holiday name is too long: at most {{max}} characters.',
  },
  'unitSettings.holiday.kindUnknown': {
    id: 'Jenis hari libur tidak dikenal. Pilih libur nasional atau cuti bersama.',
    en: 'Unknown kind of holiday. Choose national holiday or collective leave.',
  },
  'unitSettings.office.nameRequired': {
    id: 'Nama kantor/OPD wajib diisi.',
    en: 'Please enter the name of the office.',
  },
  'unitSettings.office.nameTooLong': {
    id: 'Nama kantor/OPD terlalu panjang, maksimal {{max}} karakter.',
    en: 'The office name is too long: at most {{max}} characters.',
  },
  'unitSettings.office.codeInvalid': {
    id: 'Kode kantor harus 1–{{max}} huruf atau angka, boleh dipisah tanda hubung (contoh: dinkes, DPMPTSP, dinas-pu).',
    en: 'The office code must be 1–{{max}} letters or digits, optionally joined by hyphens (e.g. dinkes, DPMPTSP, dinas-pu).',
  },
  'unitSettings.office.codeDuplicate': {
    id: 'Kode kantor "{{code}}" sudah dipakai oleh kantor lain.',
    en: 'The office code "{{code}}" is already used by another office.',
  },
  'unitSettings.office.nameDuplicate': {
    id: 'Nama kantor "{{name}}" sudah ada dalam daftar.',
    en: 'The office name "{{name}}" is already in the list.',
  },
  'unitSettings.office.activeInvalid': {
    id: 'Status aktif kantor tidak valid. Pilih aktif atau tidak aktif.',
    en: 'Invalid office status. Choose active or inactive.',
  },
  'unitSettings.idleLock.invalid': {
    id: 'Isi dengan jumlah menit, bilangan bulat antara {{min}} dan {{max}}.',
    en: 'Enter the minutes as a whole number from {{min}} to {{max}}.',
  },
  'unitSettings.retention.invalid': {
    id: 'Isi dengan jumlah bulan, bilangan bulat antara {{min}} dan {{max}}.',
    en: 'Enter the months as a whole number from {{min}} to {{max}}.',
  },
  'unitSettings.deviceBudget.invalid': {
    id: 'Isi dengan jumlah bulan, bilangan bulat antara {{min}} dan {{max}}, atau pilih simpan semua pengaduan.',
    en: 'Enter the months as a whole number from {{min}} to {{max}}, or choose to keep every complaint.',
  },
} as const satisfies Record<string, Readonly<{ id: string; en: string }>>;
