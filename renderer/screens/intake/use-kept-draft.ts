/**
 * Nothing typed is lost: the intake form is kept on this device (through `core.intake.keepDraft`,
 * never synced) while the officer types, 300 ms after the last change, and at once when the form
 * is left (another screen, "Ganti petugas", a reload or closing the window). A form with nothing
 * typed is not a draft: clearing every field deletes the kept one.
 */
import { useEffect, useRef } from 'react';
import { useCore } from '../../app/core-context';
import type { IntakeDraft } from './intake-draft';

/** Long enough not to write on every keystroke, short enough that a reload rarely loses a word. */
export const KEEP_DELAY_MS = 300;

/** Nothing typed or picked (the channel alone is a default, not something typed). */
export function isBlankDraft(draft: IntakeDraft): boolean {
  const texts = [
    draft.title,
    draft.chronology,
    draft.incidentDate,
    draft.location,
    draft.category,
    draft.targetOffice,
    ...Object.values(draft.reporter),
  ];
  return (
    texts.every((text) => text.trim() === '') &&
    draft.files.length === 0 &&
    draft.reportType === 'complaint' &&
    draft.privacyMode === 'named'
  );
}

/**
 * Keeps `draft` for `officerId` once `ready` (the kept draft has been read back, so an empty form
 * never overwrites it), with `fileNames`: every file picked and not saved, those of a restored
 * draft not picked again included, so the form can still name them after another restore. `paused` (a save running, which deletes the draft itself once the
 * complaint is stored) drops a pending write; a failed save resumes writing.
 */
export function useKeptDraft(
  officerId: string | undefined,
  draft: IntakeDraft,
  fileNames: readonly string[],
  ready: boolean,
  paused: boolean,
): void {
  const core = useCore();
  const pending = useRef<(() => void) | undefined>(undefined);

  useEffect(() => {
    if (paused) pending.current = undefined;
    if (!ready || paused || !officerId) return;
    const write = (): void => {
      pending.current = undefined;
      if (isBlankDraft(draft)) return void core.intake.discardDraft(officerId);
      const { files: _files, ...fields } = draft;
      void core.intake.keepDraft(officerId, fields, fileNames);
    };
    pending.current = write;
    const timer = setTimeout(write, KEEP_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [core, officerId, draft, fileNames, ready, paused]);

  // Leaving the form (unmount) or the page: write what is pending now.
  useEffect(() => {
    const flush = (): void => pending.current?.();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
}
