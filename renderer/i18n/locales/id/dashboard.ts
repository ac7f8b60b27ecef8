/** Indonesian strings (the source of truth) for the home dashboard and the needs-attention list. */
export const dashboard = {
  dashboard: {
    title: 'Beranda',
    greeting: 'Selamat bekerja, {{name}}.',
    today: 'Diterima hari ini',
    thisMonth: 'Diterima bulan ini',
    thisYear: 'Diterima tahun ini',
    recent: 'Pengaduan terbaru',
    startIntake: 'Catat pengaduan baru (Ctrl+N)',
    byStatus: 'Pengaduan menurut status',
    needsAttention: 'Perlu perhatian ({{overdue}} terlambat)',
  },
  attention: {
    title: 'Perlu Perhatian',
    intro_one:
      'Pengaduan yang jatuh tempo dalam {{count}} hari kerja atau sudah terlambat, yang paling mendesak di atas.',
    intro_other:
      'Pengaduan yang jatuh tempo dalam {{count}} hari kerja atau sudah terlambat, yang paling mendesak di atas.',
    empty: 'Tidak ada pengaduan yang mendekati atau melewati tenggat. Kerja bagus!',
    summary_one: '{{count}} pengaduan perlu perhatian, {{overdue}} terlambat.',
    summary_other: '{{count}} pengaduan perlu perhatian, {{overdue}} terlambat.',
    caption: 'Pengaduan yang perlu perhatian, paling mendesak di atas',
  },
} as const;
