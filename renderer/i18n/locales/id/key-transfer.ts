/**
 * Indonesian strings (the source of truth) for moving the unit key to another device: the code a
 * manager shows under Pengaturan, and the field where a device without the key types it. The
 * code's messages themselves are shared (shared/messages/key-transfer-messages, `keyTransfer.*`),
 * so these UI strings live under another top-level key.
 */
export const keyTransferUi = {
  keyTransferUi: {
    sectionTitle: 'Pindahkan kunci unit',
    sectionHint:
      'Perangkat baru unit ini menerima kunci unit dari perangkat ini, bukan dari server pusat. Tampilkan kode di sini, lalu ketik kode itu di perangkat baru setelah petugasnya masuk. Kode hanya berlaku sekali dan selama {{minutes}} menit; server pusat hanya meneruskan kunci yang tersandi.',
    noKey:
      'Perangkat ini belum memegang kunci unit, jadi tidak dapat memberikannya. Pindahkan kunci dari perangkat lain yang sudah memegangnya.',
    managersOnly: 'Hanya manajer yang dapat memindahkan kunci unit.',
    show: 'Tampilkan kode pemindahan',
    making: 'Membuat kode…',
    codeLabel: 'Kode pemindahan kunci',
    codeHint:
      'Bacakan atau tunjukkan kode ini langsung kepada petugas di perangkat baru. Jangan kirim lewat pesan atau surel.',
    expiresAt: 'Berlaku sampai {{time}}',
    remaining: 'Sisa waktu: {{minutes}} menit {{seconds}} detik',
    expired: 'Kode sudah kedaluwarsa dan dihapus. Tampilkan kode baru bila masih perlu.',
    cancel: 'Batalkan kode',
    cancelled: 'Kode pemindahan kunci dibatalkan.',
    failed: 'Kode tidak dapat dibuat: {{reason}}',
    notAllowed: 'Hanya manajer di perangkat yang memegang kunci unit yang dapat membuat kode.',
    sealedTitle: 'Identitas tersegel',
    sealedHint:
      'Perangkat ini belum memegang kunci unit: nama, NIK dan telepon pelapor tersegel. Minta manajer membuka Pengaturan → Pindahkan kunci unit di perangkatnya, lalu masukkan kode pemindahan kunci di sini.',
    receiveLabel: 'Kode pemindahan kunci',
    receiveHint:
      'Bentuknya UNIT-XXXXX-XXXXX-XXXXX. Huruf besar/kecil, spasi dan tanda hubung boleh diabaikan.',
    receive: 'Terima kunci',
    waiting: 'Menunggu kunci dari perangkat manajer lewat sinkronisasi… ({{sync}})',
    checking: 'Memeriksa kode…',
    stop: 'Berhenti menunggu',
    received: 'Kunci unit terpasang di perangkat ini. Identitas pelapor kini dapat dibaca dan dicatat.',
    receiveFailed: 'Kunci belum dapat diterima: {{reason}}',
  },
} as const;
