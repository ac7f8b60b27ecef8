/**
 * The one error a backup file's reader throws (./backup-format `openBackupFile`), and what the
 * restore refuses before anything is written. The screen tells each `code` apart
 * (`backup.error.<code>` in renderer/i18n/locales/*\/backup.ts, Indonesian first).
 */

/** The parts of a backup's container (./backup-format BACKUP_PARTS). */
export type BackupPart = 'records' | 'fileIndex' | 'files' | 'device';

export const BACKUP_ERROR_CODES = [
  /** Not a backup file of this app (no magic). */
  'not-a-backup',
  /** Made by a newer version of the app (format version above this app's). */
  'newer-format',
  /** The passphrase does not open it. */
  'wrong-passphrase',
  /** Cut short or changed: the header, the GCM tag or the container does not hold. */
  'damaged',
  /** A part's SHA-256, size or count differs from the manifest's. */
  'part-mismatch',
  /** Made for another unit than this device's. */
  'other-unit',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

const ENGLISH: Readonly<Record<BackupErrorCode, string>> = {
  'not-a-backup': 'This file is not a Meja Aduan backup.',
  'newer-format': 'This backup was made by a newer version of Meja Aduan.',
  'wrong-passphrase': 'The passphrase does not open this backup.',
  damaged: 'The backup file is damaged or incomplete.',
  'part-mismatch': 'A part of the backup does not match its checksum.',
  'other-unit': 'This backup belongs to another unit.',
};

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    /** The part concerned, when one is (a checksum that differs, a part that does not parse). */
    readonly part?: BackupPart,
  ) {
    super(part ? `${ENGLISH[code]} (${part})` : ENGLISH[code]);
  }
}

export function isBackupError(error: unknown): error is BackupError {
  return error instanceof BackupError;
}
