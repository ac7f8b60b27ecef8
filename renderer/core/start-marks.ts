/**
 * Marks of the app's start in the page's performance timeline (`meja-aduan:<step>`), for a
 * profile of a start (DevTools, bench/profile-start.ts). Nothing in the app reads them.
 */
export function markStart(step: string): void {
  performance.mark(`meja-aduan:${step}`);
}
