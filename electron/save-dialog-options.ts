import path from 'node:path';
import type { SaveDialogOptions } from 'electron';

/**
 * Dialog options for saving `suggestedName` into `documentsDir`. The filter keeps the file's own
 * extension so that a PDF packet is not saved without `.pdf` on Windows.
 */
export function saveDialogOptions(documentsDir: string, suggestedName: string): SaveDialogOptions {
  const extension = path.extname(suggestedName).slice(1);
  return {
    defaultPath: path.join(documentsDir, suggestedName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    ...(extension === '' ? {} : { filters: [{ name: extension.toUpperCase(), extensions: [extension] }] }),
  };
}
