import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDialogOptions } from './save-dialog-options';

describe('saveDialogOptions', () => {
  it('proposes the suggested name in the Documents folder, filtered by its extension', () => {
    const options = saveDialogOptions('/home/petugas/Documents', 'Laporan Triwulan I.pdf');
    expect(options.defaultPath).toBe(path.join('/home/petugas/Documents', 'Laporan Triwulan I.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('cleans the name as the renderer does: no path, no direction overrides', () => {
    const options = saveDialogOptions('/docs', '../../KTP Budi\u202egpj.exe');
    expect(options.defaultPath).toBe(path.join('/docs', '..-..-KTP Budigpj.exe'));
    expect(saveDialogOptions('/docs', 'Laporan: Jan?.pdf').defaultPath).toBe(
      path.join('/docs', 'Laporan- Jan-.pdf'),
    );
  });

  it('offers no filter for a name without an extension', () => {
    expect(saveDialogOptions('/docs', 'README').filters).toBeUndefined();
  });
});
