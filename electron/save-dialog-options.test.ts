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

  it('offers no filter for a name without an extension', () => {
    expect(saveDialogOptions('/docs', 'README').filters).toBeUndefined();
  });
});
