/**
 * Indonesian strings (the source of truth) for the unit key's recovery passphrase: Pengaturan →
 * Kunci unit (a manager sets or replaces it), the status bar's reminder while the unit has none,
 * and the field where a device without the key recovers it when no device holding it is left.
 */
export const keyRecoveryUi = {
  keyRecoveryUi: {
    sectionTitle: 'Kunci unit',
    recoveryTitle: 'Frasa pemulihan',
    recoveryHint:
      'Bila semua perangkat yang memegang kunci unit hilang, perangkat baru unit ini dapat memulihkan kunci dengan frasa ini. Server pusat menyimpan salinan kunci yang tersandi dengan frasa ini dan tidak dapat membukanya. Tulis frasa di kertas dan simpan di brankas kantor; jangan simpan di komputer dan jangan kirim lewat pesan.',
    rule: 'Minimal 16 karakter, atau 4 kata yang masing-masing minimal 3 huruf. Huruf besar dan kecil dibedakan; spasi berlebih diabaikan.',
    notSet:
      'Frasa pemulihan belum dibuat. Tanpa frasa ini, identitas pelapor hilang untuk selamanya bila semua perangkat yang memegang kunci unit hilang.',
    setAt: 'Frasa pemulihan dibuat {{time}} dari perangkat {{device}} (versi kunci {{versions}}).',
    passphraseLabel: 'Frasa pemulihan baru',
    confirmLabel: 'Ketik ulang frasa pemulihan',
    save: 'Simpan frasa pemulihan',
    replace: 'Ganti frasa pemulihan',
    saving: 'Menyandikan kunci unit…',
    saved:
      'Frasa pemulihan disimpan. Salinan kunci yang tersandi dikirim ke server pusat pada sinkronisasi berikutnya.',
    noKey: 'Perangkat ini belum memegang kunci unit, jadi frasa pemulihan tidak dapat dibuat di sini.',
    tooShort: 'Frasa terlalu pendek: minimal 16 karakter, atau 4 kata yang masing-masing minimal 3 huruf.',
    tooSimple: 'Frasa terlalu mudah ditebak: pakai lebih banyak huruf yang berbeda.',
    tooLong: 'Frasa terlalu panjang: paling banyak 1.024 karakter.',
    mismatch: 'Kedua frasa tidak sama. Ketik ulang dengan teliti.',
    notAllowed: 'Hanya manajer di perangkat yang memegang kunci unit yang dapat membuat frasa pemulihan.',
    failed: 'Frasa pemulihan belum tersimpan: {{reason}}',
    reminder: 'Frasa pemulihan belum dibuat',
    recoverTitle: 'Pulihkan kunci unit dengan frasa pemulihan',
    recoverHint:
      'Hanya bila tidak ada lagi perangkat yang memegang kunci unit. Ketik frasa pemulihan yang dibuat manajer unit.',
    recoverLabel: 'Frasa pemulihan',
    recover: 'Pulihkan kunci',
    recovering: 'Membuka salinan kunci…',
    recovered: 'Kunci unit dipulihkan di perangkat ini. Identitas pelapor kini dapat dibaca dan dicatat.',
    empty: 'Ketik frasa pemulihan.',
    wrong: 'Frasa pemulihan salah.',
    wrongWait: 'Frasa pemulihan salah. Percobaan berikutnya setelah {{until}}.',
    wait: 'Terlalu banyak frasa yang salah. Coba lagi setelah {{until}}.',
    notFound:
      'Perangkat ini belum menerima salinan kunci untuk pemulihan. Pastikan sinkronisasi selesai. Bila unit belum pernah membuat frasa pemulihan, kunci hanya dapat dipindahkan dari perangkat yang memegangnya.',
    notSynced: 'Data kunci unit belum lengkap di perangkat ini. Tunggu sinkronisasi selesai, lalu coba lagi.',
    mismatchKey: 'Salinan ini bukan kunci unit ini; tidak ada yang dipasang. Hubungi pengelola server pusat.',
    recoverFailed: 'Kunci belum dapat dipulihkan: {{reason}}',
    rotateTitle: 'Ganti kunci unit',
    currentVersion: 'Versi kunci unit di perangkat ini: {{version}}.',
    rotateHint:
      'Membuat versi kunci baru. Perangkat unit yang memegang kunci sekarang menerimanya lewat sinkronisasi, tanpa kode pemindahan; identitas pelapor dipindahkan ke kunci baru di latar belakang. Bila perangkat hilang atau dicuri: cabut dulu akun perangkat itu di server pusat, baru ganti kunci.',
    rotate: 'Ganti kunci unit…',
    rotateConfirm:
      'Buat versi kunci unit yang baru sekarang? Perangkat lain menerimanya saat sinkronisasi berikutnya.',
    rotateYes: 'Ya, ganti kunci unit',
    rotateNo: 'Batal',
    rotating: 'Membuat kunci baru…',
    rotated:
      'Kunci unit versi {{version}} dibuat. Identitas pelapor dipindahkan ke kunci baru di latar belakang.',
    rotateExists:
      'Perangkat lain sudah membuat versi kunci yang lebih baru. Tunggu sinkronisasi; kunci itu akan diterima perangkat ini.',
    rotateUnreachable:
      'Server pusat tidak dapat dihubungi. Kunci baru hanya dibuat saat server pusat terhubung, agar tidak ada dua kunci baru.',
    rotateNotAllowed: 'Hanya manajer yang dapat mengganti kunci unit.',
    rotateFailed: 'Kunci unit belum diganti: {{reason}}',
    rewrapProgress: 'Memindahkan identitas ke kunci versi {{version}}: {{done}} dari {{total}}',
  },
} as const;
