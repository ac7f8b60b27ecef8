/**
 * Where saved files went, for the message after an export or a save: the file names and the
 * folder the officer chose (Electron's dialog), or the browser's downloads folder (the browser
 * host never learns which folder that is). Never a host's internal form of a location.
 */
import type { TFunction } from 'i18next';

export type SavedFile = Readonly<{ fileName: string; folder: string | null }>;

export function savedFilesText(t: TFunction, files: readonly SavedFile[]): string {
  const byFolder = new Map<string | null, string[]>();
  for (const file of files) byFolder.set(file.folder, [...(byFolder.get(file.folder) ?? []), file.fileName]);
  return [...byFolder]
    .map(([folder, names]) =>
      folder === null
        ? t('common.savedFiles.downloads', { names: names.join(', ') })
        : t('common.savedFiles.folder', { names: names.join(', '), folder }),
    )
    .join('; ');
}
