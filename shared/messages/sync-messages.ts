/**
 * Messages of central sync, merged into VALIDATION_MESSAGES. Keys start with `sync.`;
 * Indonesian first. Every error reason has two keys: `sync.error.*` says what happened,
 * `sync.advice.*` what to do and whether the app retries by itself (see ../sync/sync-status for
 * the reason → key tables, and ../sync/sync-machine for which reasons are retried).
 *
 * UI strings of the Sinkronisasi screen belong in the renderer's locales under another top-level
 * key (e.g. `syncUi`): i18next resources are merged shallowly, so a locale key `sync` would
 * replace these messages, or be replaced by them.
 */
export const SYNC_MESSAGES = {
  'sync.state.disabled': { id: 'Sinkronisasi belum diatur', en: 'Sync not set up' },
  'sync.state.offline': { id: 'Luring (tanpa jaringan)', en: 'Offline' },
  'sync.state.connecting': { id: 'Menghubungkan ke server pusat…', en: 'Connecting to the central server…' },
  'sync.state.syncing': { id: 'Menyinkronkan…', en: 'Syncing…' },
  'sync.state.upToDate': { id: 'Tersinkron', en: 'Up to date' },
  'sync.state.error': { id: 'Sinkronisasi terhenti', en: 'Sync stopped' },

  'sync.pending': {
    id: '{{count}} perubahan belum terkirim ke server pusat.',
    en: '{{count}} changes not yet on the central server.',
  },
  'sync.lastSynced': { id: 'Terakhir tersinkron: {{time}}.', en: 'Last synced: {{time}}.' },
  'sync.nextRetry': { id: 'Dicoba lagi pada {{time}}.', en: 'Trying again at {{time}}.' },
  'sync.progress': {
    id: 'Mengunduh data unit: {{done}} dari {{total}} dokumen ({{percent}}%).',
    en: 'Downloading the unit’s records: {{done}} of {{total}} documents ({{percent}}%).',
  },
  'sync.progressUnknownTotal': {
    id: 'Mengunduh data unit: {{done}} dokumen.',
    en: 'Downloading the unit’s records: {{done}} documents.',
  },
  'sync.test.ok': {
    id: 'Terhubung. Server pusat {{server}} menjawab, dan basis data unit berisi {{docCount}} dokumen.',
    en: 'Connected. The central server {{server}} answered, and the unit database holds {{docCount}} documents.',
  },

  'sync.error.unreachable': {
    id: 'Server pusat tidak dapat dihubungi.',
    en: 'The central server cannot be reached.',
  },
  'sync.advice.unreachable': {
    id: 'Periksa sambungan internet dan alamat server di pengaturan sinkronisasi. Data tetap aman di perangkat ini, dan sinkronisasi dicoba lagi otomatis.',
    en: 'Check the internet connection and the server address in the sync settings. The records are safe on this device, and sync tries again by itself.',
  },
  'sync.error.unauthorized': {
    id: 'Server pusat menolak akun perangkat ini (nama pengguna atau kata sandi).',
    en: 'The central server refused this device’s account (user name or password).',
  },
  'sync.advice.unauthorized': {
    id: 'Periksa kata sandi perangkat di pengaturan sinkronisasi; bila akun perangkat ini dicabut atau diganti, mintalah kode pendaftaran baru untuk perangkat ini kepada admin pusat. Sinkronisasi tidak dicoba lagi sampai pengaturan diperbaiki atau Anda menekan "Sinkronkan sekarang".',
    en: 'Check the device password in the sync settings; if this device’s account was revoked or replaced, ask the central administrator for a new enrolment code for this device. Sync does not try again until the settings are fixed or you press "Sync now".',
  },
  'sync.error.forbidden': {
    id: 'Akun perangkat ini tidak mempunyai akses ke basis data unit di server pusat.',
    en: 'This device’s account has no access to the unit database on the central server.',
  },
  'sync.advice.forbidden': {
    id: 'Pastikan alamat server dan kode unit benar. Bila sudah benar, mintalah admin pusat memeriksa akun perangkat ini. Sinkronisasi tidak dicoba lagi sampai pengaturan diperbaiki atau Anda menekan "Sinkronkan sekarang".',
    en: 'Make sure the server address and the unit code are right. If they are, ask the central administrator to check this device’s account. Sync does not try again until the settings are fixed or you press "Sync now".',
  },
  'sync.error.lockedOut': {
    id: 'Terlalu banyak kata sandi salah: server mengunci akun perangkat ini selama beberapa menit.',
    en: 'Too many wrong passwords: the server locked this device’s account for a few minutes.',
  },
  'sync.advice.lockedOut': {
    id: 'Tunggu, lalu periksa kata sandi. Selama akun terkunci, kata sandi yang benar pun ditolak. Sinkronisasi tidak dicoba lagi otomatis: setelah beberapa menit, simpan kata sandi yang benar atau tekan "Sinkronkan sekarang" sekali. Perangkat lain unit ini tidak terpengaruh: setiap perangkat mempunyai akunnya sendiri.',
    en: 'Wait, then check the password. While the account is locked, even the right password is refused. Sync does not try again by itself: after a few minutes, save the right password or press "Sync now" once. The unit’s other devices are not affected: each device has its own account.',
  },
  'sync.error.notFound': {
    id: 'Basis data unit ini tidak ditemukan di server pusat.',
    en: 'This unit’s database was not found on the central server.',
  },
  'sync.advice.notFound': {
    id: 'Pastikan alamat server dan kode unit benar, atau mintalah admin pusat menyiapkan unit ini di server. Sinkronisasi dicoba lagi otomatis.',
    en: 'Make sure the server address and the unit code are right, or ask the central administrator to set this unit up on the server. Sync tries again by itself.',
  },
  'sync.error.tls': {
    id: 'Sertifikat keamanan (TLS) server pusat tidak dapat dipercaya.',
    en: 'The central server’s security certificate (TLS) cannot be trusted.',
  },
  'sync.advice.tls': {
    id: 'Periksa tanggal dan jam perangkat, dan pastikan alamat server benar. Pada Wi-Fi umum, masuklah dahulu melalui halaman login jaringannya. Bila masih gagal, hubungi admin pusat. Sinkronisasi dicoba lagi otomatis.',
    en: 'Check the device’s date and time, and that the server address is right. On public Wi-Fi, sign in on the network’s login page first. If it still fails, contact the central administrator. Sync tries again by itself.',
  },
  'sync.error.tooLarge': {
    id: 'Data yang dikirim terlalu besar untuk diterima server pusat.',
    en: 'The data sent is too large for the central server to accept.',
  },
  'sync.advice.tooLarge': {
    id: 'Biasanya karena lampiran yang besar. Mintalah admin pusat menaikkan batas ukuran permintaan di server (atau di proxy di depannya). Data tetap aman di perangkat ini, dan sinkronisasi dicoba lagi otomatis.',
    en: 'Usually a large attachment is the cause. Ask the central administrator to raise the request size limit of the server (or of the proxy in front of it). The records are safe on this device, and sync tries again by itself.',
  },
  'sync.error.server': {
    id: 'Server pusat sedang bermasalah.',
    en: 'The central server has a problem.',
  },
  'sync.advice.server': {
    id: 'Tidak ada yang perlu Anda lakukan: sinkronisasi dicoba lagi otomatis. Bila berlangsung lama, hubungi admin pusat.',
    en: 'Nothing to do on your side: sync tries again by itself. If it lasts, contact the central administrator.',
  },
  'sync.error.rejectedDocument': {
    id: 'Server pusat menolak sebuah dokumen dari perangkat ini.',
    en: 'The central server refused a document from this device.',
  },
  'sync.advice.rejectedDocument': {
    id: 'Dokumen itu tetap tersimpan di perangkat ini dan tidak hilang. Catat nomor tiketnya dan hubungi admin pusat. Dokumen dikirim ulang setiap kali sinkronisasi dimulai, misalnya dengan "Sinkronkan sekarang".',
    en: 'The document stays on this device and is not lost. Note its tracking number and contact the central administrator. It is sent again every time sync starts, for example with "Sync now".',
  },
  'sync.error.unknown': {
    id: 'Sinkronisasi gagal karena kesalahan yang tidak dikenal.',
    en: 'Sync failed with an unknown error.',
  },
  'sync.advice.unknown': {
    id: 'Data tetap aman di perangkat ini, dan sinkronisasi dicoba lagi otomatis. Bila terus terjadi, hubungi admin pusat dan sebutkan waktu kejadiannya.',
    en: 'The records are safe on this device, and sync tries again by itself. If it keeps happening, contact the central administrator and say when it happened.',
  },

  'sync.rejection.schema': {
    id: 'Isi dokumen tidak sesuai aturan data server (mungkin versi aplikasi berbeda). Perbarui aplikasi bila ada versi baru.',
    en: 'The document does not match the server’s data rules (perhaps a different app version). Update the app if a new version exists.',
  },
  'sync.rejection.immutable': {
    id: 'Pengaduan dan catatan tindakan tidak boleh diubah atau dihapus setelah tersimpan di server.',
    en: 'Complaints and action records cannot be changed or deleted once they are on the server.',
  },
  'sync.rejection.unit': {
    id: 'Dokumen milik unit lain, atau akun ini bukan akun unit tersebut.',
    en: 'The document belongs to another unit, or this account is not that unit’s account.',
  },
  'sync.rejection.design': {
    id: 'Hanya admin pusat yang boleh mengubah pengaturan basis data server.',
    en: 'Only central administrators may change the server database’s settings.',
  },
  'sync.rejection.server': {
    id: 'Pengaturan aturan data di server rusak. Hubungi admin pusat.',
    en: 'The server’s data rules are broken. Contact the central administrator.',
  },
  'sync.rejection.privacy': {
    id: 'Data ini tidak boleh keluar dari unit (identitas pelapor atau berkas).',
    en: 'This data must not leave the unit (reporter identity or files).',
  },
  'sync.rejection.device': {
    id: 'Data ini tercatat dari perangkat lain, atau tidak mencatat perangkatnya: server hanya menerima data yang ditulis perangkat ini atas namanya sendiri.',
    en: 'This record names another device, or none: the server accepts only what this device writes in its own name.',
  },
} as const satisfies Record<string, Readonly<{ id: string; en: string }>>;
