import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { saveFileName } from '../shared/complaint/file-names';

/**
 * Dialog options for saving `suggestedName` into `documentsDir`, the name cleaned as the renderer
 * cleans it (`saveFileName`: the contract already refuses anything else, so this only ever keeps a
 * name inside `documentsDir`). The filter keeps the file's own extension so that a PDF packet is
 * not saved without `.pdf` on Windows.
 */
export function saveDialogOptions(documentsDir: string, suggestedName: string): SaveDialogOptions {
  const name = saveFileName(suggestedName);
  const extension = path.extname(name).slice(1);
  return {
    defaultPath: path.join(documentsDir, name),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    ...(extension === '' ? {} : { filters: [{ name: extension.toUpperCase(), extensions: [extension] }] }),
  };
}
