/**
 * How the Chromium pages report progress: `console.info` lines with this prefix are shown on the
 * benchmark's stderr by ../chromium-page; other console lines (PouchDB's own notes) are not.
 */
export const PAGE_LOG_PREFIX = '[bench] ';

export function pageLog(message: string): void {
  console.info(`${PAGE_LOG_PREFIX}${message}`);
}
