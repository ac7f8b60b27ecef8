/**
 * Messages of the unit key's transfer code (../enrolment/transfer-code) and of receiving the key
 * with it, merged into VALIDATION_MESSAGES. Keys start with `keyTransfer.`; Indonesian first.
 */
export const KEY_TRANSFER_MESSAGES = {
  'keyTransfer.code.required': {
    id: 'Mohon isi kode pemindahan kunci yang tampil di perangkat manajer.',
    en: 'Please enter the key transfer code shown on the manager’s device.',
  },
  'keyTransfer.code.malformed': {
    id: 'Ini bukan kode pemindahan kunci. Kode berbentuk UNIT-XXXXX-XXXXX-XXXXX (kode unit lalu 15 huruf/angka).',
    en: 'This is not a key transfer code. It looks like UNIT-XXXXX-XXXXX-XXXXX (the unit code, then 15 letters and digits).',
  },
  'keyTransfer.code.character': {
    id: 'Huruf "{{character}}" tidak dipakai dalam kode pemindahan kunci (tidak ada I, L, O, 0 atau 1). Periksa lagi kodenya.',
    en: 'The character "{{character}}" is not used in key transfer codes (there is no I, L, O, 0 or 1). Check the code again.',
  },
  'keyTransfer.code.checksum': {
    id: 'Kode pemindahan kunci salah ketik: periksa setiap huruf dan angka pada layar perangkat manajer.',
    en: 'The key transfer code has a typo: check each letter and digit against the manager’s screen.',
  },
  'keyTransfer.code.otherUnit': {
    id: 'Kode ini untuk unit {{unitCode}}, bukan untuk unit perangkat ini ({{deviceUnit}}). Minta kode dari manajer unit {{deviceUnit}}.',
    en: 'This code is for unit {{unitCode}}, not for this device’s unit ({{deviceUnit}}). Ask a manager of unit {{deviceUnit}} for a code.',
  },
  'keyTransfer.code.wrong': {
    id: 'Kode tidak cocok dengan kunci yang dikirim unit ini: mungkin salah, sudah dipakai, sudah dibatalkan, atau sudah kedaluwarsa. Minta manajer menampilkan kode baru. Tidak ada yang disimpan.',
    en: 'The code does not match any key this unit has sent: it may be wrong, already used, cancelled or expired. Ask the manager to show a new code. Nothing was stored.',
  },
  'keyTransfer.code.expired': {
    id: 'Kode ini sudah kedaluwarsa ({{expiresAt}}). Minta manajer menampilkan kode baru. Tidak ada yang disimpan.',
    en: 'This code expired ({{expiresAt}}). Ask the manager to show a new code. Nothing was stored.',
  },
  'keyTransfer.code.fingerprint': {
    id: 'Kunci yang diterima tidak sesuai dengan kunci unit ini (sidik jari berbeda). Tidak ada yang disimpan. Beri tahu manajer unit.',
    en: 'The key received does not match this unit’s key (different fingerprint). Nothing was stored. Tell the unit’s manager.',
  },
  'keyTransfer.code.locked': {
    id: 'Lima kode salah berturut-turut: kolom kode dikunci sampai {{until}}. Pastikan kode dibaca langsung dari layar perangkat manajer.',
    en: 'Five wrong codes in a row: the code field is locked until {{until}}. Make sure the code is read straight from the manager’s screen.',
  },
} as const satisfies Record<string, Readonly<{ id: string; en: string }>>;
