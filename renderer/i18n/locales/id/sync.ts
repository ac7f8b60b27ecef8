/** Indonesian strings (the source of truth) for synchronisation with the central server, conflicts and tamper warnings. */
export const sync = {
  syncUi: {
    title: 'Sinkronisasi',
    statusSection: 'Status',
    progressLabel: 'Kemajuan unduhan pertama',
    rejectedTitle: 'Dokumen yang ditolak server (tetap tersimpan di perangkat ini)',
    localOnly_one:
      'Belum ada server pusat: tidak ada yang dikirim. {{count}} dokumen hanya ada di perangkat ini.',
    localOnly_other:
      'Belum ada server pusat: tidak ada yang dikirim. {{count}} dokumen hanya ada di perangkat ini.',
    localOnlyUncounted:
      'Belum ada server pusat: tidak ada yang dikirim. Semua data hanya ada di perangkat ini.',
    syncNow: 'Sinkronkan sekarang',
    conflictsLink_one: 'Konflik data: {{count}}',
    conflictsLink_other: 'Konflik data: {{count}}',
    settingsSection: 'Server pusat',
    enrolmentCode: 'Kode pendaftaran perangkat',
    enrolmentCodeHint:
      'Satu baris untuk perangkat ini dari admin pusat (npm run central -- device add), berawalan MA1-: memuat alamat server, unit, perangkat, dan sandi sekali pakai. Perangkat menggantinya dengan sandinya sendiri.',
    currentServer: 'Server pusat: {{server}}',
    serverUrl: 'Alamat server pusat',
    serverUrlHint: 'Alamat CouchDB unit dari admin pusat, misalnya https://pusat.example.go.id',
    serverUrlInvalid: 'Alamat server harus diawali http:// atau https:// dan tanpa nama pengguna atau sandi.',
    password: 'Sandi unit',
    passwordRequired: 'Mohon isi sandi unit dari admin pusat.',
    test: 'Uji koneksi',
    testing: 'Menguji…',
    save: 'Simpan dan sinkronkan',
    connecting: 'Menghubungkan…',
    stop: 'Hentikan sinkronisasi di perangkat ini',
    enabled: 'Sinkronisasi aktif. Data unit dikirim dan diterima setiap ada jaringan.',
    disabled: 'Sinkronisasi dihentikan. Data tetap tersimpan di perangkat ini.',
    failed: 'Sinkronisasi belum dapat diatur: {{reason}}',
    managersOnly: 'Hanya manajer yang dapat mengatur sinkronisasi.',
    browserStorageWarning:
      'Mode peramban menyimpan sandi perangkat ini di penyimpanan peramban, yang kurang aman dibanding aplikasi desktop (yang memakai penyimpanan kunci sistem operasi). Pakai aplikasi desktop bila memungkinkan.',
    plainFileWarning:
      'Sistem operasi perangkat ini tidak menyediakan penyimpanan kunci, sehingga sandi perangkat ini disimpan tanpa enkripsi yang kuat. Lindungi akun komputer ini dengan sandi.',
    storageSection: 'Penyimpanan perangkat',
    localDocuments: 'Dokumen di perangkat ini',
    storageUsed: 'Terpakai',
    storageOf: '{{used}} dari {{quota}}',
  },
  conflicts: {
    title: 'Konflik data',
    intro:
      'Data berikut diubah di dua perangkat sebelum sempat tersinkron. Kedua versi disimpan; pilih versi yang benar. Tidak ada yang dihapus tanpa keputusan Anda.',
    managersOnly: 'Hanya manajer yang dapat memilih versi yang dipakai.',
    none: 'Tidak ada konflik data.',
    field: 'Isian',
    version: 'Versi {{number}}',
    changedBy: 'diubah oleh {{name}}, {{at}}',
    changedByOnDevice: 'diubah oleh {{name}} di perangkat {{device}}, {{at}}',
    differs: 'berbeda',
    keep: 'Pakai versi {{number}}',
    resolved: '{{document}}: versi {{number}} dipakai.',
    changedMeanwhile: 'Data ini baru saja berubah lagi. Periksa versi terbaru lalu pilih lagi.',
    failed: 'Konflik belum terselesaikan: {{reason}}',
    packetDraft: 'Draf paket P4 {{name}}',
    document: {
      'unit-profile': 'Profil unit',
      'unit-settings': 'Pengaturan unit',
      'unit-offices': 'Daftar kantor/OPD',
    },
  },
  tamper: {
    warning:
      'Peringatan: perangkat ini juga menerima versi lain dari {{count}} dokumen pengaduan ini yang tidak sesuai dengan isinya (kemungkinan dipalsukan). Yang ditampilkan adalah isi asli. Laporkan ke pengelola server.',
    listTitle: 'Dokumen yang diduga dipalsukan: {{count}} pengaduan',
    listExplanation:
      'Perangkat ini menerima versi lain dari dokumen berikut yang tidak sesuai dengan isinya. Isi asli tetap disimpan dan ditampilkan; laporkan ke pengelola server.',
    documents: '({{count}} dokumen)',
  },
  /** The first download's stages on the status bar (shared/sync/sync-status FIRST_SYNC_STAGES). */
  firstSync: {
    label: 'Unduhan pertama',
    stage: 'Tahap {{number}}/{{stages}}: {{name}}',
    stageName: { unit: 'data unit', open: 'pengaduan terbuka', history: 'riwayat' },
    documents: '{{done}}/{{total}} dokumen ({{percent}}%)',
    documentsUnknownTotal: '{{done}} dokumen',
    overall: 'Seluruh unduhan: {{done}}/{{total}} dokumen ({{percent}}%)',
    overallUnknownTotal: 'Seluruh unduhan: {{done}} dokumen',
    timeLeftUnderMinute: 'sisa < 1 menit',
    timeLeftMinutes: 'sisa ± {{minutes}} menit',
    timeLeftHours: 'sisa ± {{hours}} jam {{minutes}} menit',
    stagesTitle: 'Tahap unduhan pertama',
    stageDone: 'selesai',
    stageWaiting: 'menunggu',
    deskReady: 'Perangkat siap menerima pengaduan; riwayat masih diunduh.',
  },
} as const;
