import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/platform/platform-contract';

export type MenuTemplateOptions = Readonly<{
  isDevelopment: boolean;
  isMac: boolean;
  /** Delivers a command to the renderer; the renderer decides what it means. */
  send: (command: MenuCommand) => void;
}>;

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The Indonesian application menu. Items that belong to the app send a menu command to the
 * renderer; editing, zoom and quitting use Electron's roles so the OS conventions hold.
 */
export function applicationMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const command = (
    label: string,
    menuCommand: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => {
      options.send(menuCommand);
    },
  });

  const developmentItems: MenuItemConstructorOptions[] = options.isDevelopment
    ? [
        separator,
        { role: 'reload', label: 'Muat Ulang' },
        { role: 'forceReload', label: 'Muat Ulang Paksa' },
        { role: 'toggleDevTools', label: 'Alat Pengembang' },
      ]
    : [];

  return [
    ...(options.isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'Berkas',
      submenu: [
        command('Cetak…', 'print', 'CmdOrCtrl+P'),
        separator,
        command('Pengaturan', 'settings'),
        separator,
        options.isMac ? { role: 'close', label: 'Tutup Jendela' } : { role: 'quit', label: 'Keluar' },
      ],
    },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        separator,
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih Semua' },
      ],
    },
    {
      label: 'Pengaduan',
      submenu: [
        command('Pengaduan Baru', 'new-complaint', 'CmdOrCtrl+N'),
        command('Daftar Pengaduan', 'complaint-list'),
        command('Perlu Perhatian', 'needs-attention'),
        command('Sinkronisasi', 'sync'),
        command('Paket P4', 'packet'),
        separator,
        command('Dasbor', 'dashboard'),
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        {
          label: 'Bahasa',
          submenu: [command('Bahasa Indonesia', 'language-id'), command('English', 'language-en')],
        },
        separator,
        { role: 'resetZoom', label: 'Ukuran Asli' },
        { role: 'zoomIn', label: 'Perbesar' },
        { role: 'zoomOut', label: 'Perkecil' },
        separator,
        { role: 'togglefullscreen', label: 'Layar Penuh' },
        ...developmentItems,
      ],
    },
    {
      label: 'Bantuan',
      submenu: [
        command('Pintasan Papan Ketik', 'shortcuts', 'F1'),
        separator,
        { role: 'about', label: 'Tentang Meja Aduan' },
      ],
    },
  ];
}
