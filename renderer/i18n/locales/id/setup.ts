/** Indonesian strings (the source of truth) for first-run setup and joining an existing unit. */
export const setup = {
  lost: {
    title: 'Data perangkat ini hilang',
    held: 'Perangkat ini sebelumnya dipakai unit {{unitCode}} dengan kode perangkat {{deviceCode}} (disiapkan {{setUpAt}}).',
    cause:
      'Browser menemukan penyimpanannya rusak, misalnya setelah listrik padam, lalu menghapus seluruh data perangkat ini. Pengaduan yang sudah tersinkron ke server pusat tetap aman di sana.',
    central:
      'Jika unit memakai server pusat: pilih "Unit yang sudah ada" dan bergabung lagi dengan kode perangkat baru. Semua yang tersinkron akan diunduh kembali.',
    backup:
      'Yang belum tersinkron hanya dapat dipulihkan dari berkas cadangan: pilih "Pulihkan perangkat ini dari berkas cadangan".',
    newCode:
      'Jangan memakai lagi kode perangkat {{deviceCode}} untuk penyiapan baru: nomor tiket yang sudah dibagikan dengan kode itu bisa terulang.',
  },
  setup: {
    title: 'Penyiapan Awal',
    intro:
      'Isi data unit pengelola pengaduan dan perangkat ini. Data ini dipakai pada nomor tiket dan tanda terima, dan hanya perlu diisi sekali.',
    unitSection: 'Unit pengelola pengaduan',
    deviceSection: 'Perangkat dan petugas',
    unitCode: 'Kode unit',
    unitCodeHint:
      '2–10 huruf/angka, tanpa O, I, L, 0 dan 1 (agar tidak tertukar saat dibacakan). Contoh: KTB, DPMPTSP7.',
    unitName: 'Nama unit',
    agency: 'Instansi',
    entityType: 'Jenis instansi',
    chooseEntityType: '— Pilih jenis instansi —',
    contact: 'Kontak unit untuk menanyakan status',
    contactHint: 'Telepon, WhatsApp atau email yang dicetak di tanda terima.',
    address: 'Alamat unit',
    deviceCode: 'Kode perangkat',
    deviceCodeHint: '3 huruf/angka, harus berbeda untuk setiap perangkat di unit ini.',
    officerName: 'Nama petugas',
    officerRole: 'Peran petugas',
    officerRoleHint:
      'Yang menyiapkan perangkat biasanya manajer unit; petugas lain ditambahkan di Pengaturan.',
    timeZone: 'Zona waktu unit',
    firstManagerHint:
      'Yang menyiapkan perangkat pertama menjadi manajer unit. Petugas lain ditambahkan di Pengaturan, masing-masing dengan PIN pertama.',
    officerSecret: 'PIN manajer',
    officerSecretConfirm: 'Ulangi PIN manajer',
    submit: 'Simpan dan mulai',
  },
  join: {
    modeLegend: 'Perangkat ini untuk',
    mode: {
      'new-unit': 'Unit baru (perangkat pertama unit)',
      'join-unit': 'Unit yang sudah ada (bergabung lewat server pusat)',
    },
    title: 'Bergabung ke unit yang sudah ada',
    intro:
      'Perangkat ini akan masuk ke basis data unit di server pusat dan mengunduh semua data unit (profil, pengaturan, kantor, pengaduan) sebelum dipakai.',
    enrolmentCode: 'Kode pendaftaran perangkat',
    enrolmentCodeHint:
      'Satu baris dari admin pusat (npm run central -- device add), berawalan MA1-. Tempel atau ketik seluruhnya; kode perangkat terisi sendiri.',
    unitSection: 'Unit dan server pusat',
    downloading: 'Mengunduh data unit dari server pusat…',
    joining: 'Bergabung…',
    submit: 'Bergabung dan unduh data unit',
  },
} as const;
