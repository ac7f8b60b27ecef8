/** The app's routes (hash-based, so every host serves a single index.html). */
export const ROUTES = {
  dashboard: '/',
  newComplaint: '/baru',
  complaints: '/pengaduan',
  needsAttention: '/perlu-perhatian',
  complaint: '/pengaduan/:id',
  receipt: '/pengaduan/:id/tanda-terima',
  saved: '/tersimpan/:id',
  settings: '/pengaturan',
  sync: '/sinkronisasi',
  conflicts: '/sinkronisasi/konflik',
  packet: '/paket',
} as const;

export const complaintPath = (id: string): string => `/pengaduan/${encodeURIComponent(id)}`;
export const receiptPath = (id: string): string => `/pengaduan/${encodeURIComponent(id)}/tanda-terima`;
export const savedPath = (id: string): string => `/tersimpan/${encodeURIComponent(id)}`;
