/**
 * The stored packet draft an editor works on, and the bytes of its evidence files. Loaded once per
 * draft (and again on `reload`), not on every database change: a manager's unsaved edits must not
 * be replaced under their hands when sync brings something in. `latestRev` follows the database,
 * so the editor can say that a newer version arrived.
 */
import { useCallback, useEffect, useState } from 'react';
import { useCore } from '../../app/core-context';
import type { StoredPacketDraft } from '../../core/client-core';
import { useRecords, type Loaded } from '../../hooks/use-records';

export type PacketDraftState = Readonly<{
  stored: Loaded<StoredPacketDraft | undefined>;
  /** Counts loads from the database (not `replace`): an editor keyed by it starts afresh on each. */
  loadCount: number;
  /** Bytes of the stored revision's files, by evidence id (empty until read). */
  savedBytes: ReadonlyMap<string, Uint8Array>;
  /** The current revision in the database (null when the draft was deleted), once known. */
  latestRev: string | null | undefined;
  /** Replaces the loaded draft (after a save, or to take a newer version). */
  replace: (stored: StoredPacketDraft) => void;
  reload: () => void;
}>;

export function usePacketDraft(id: string): PacketDraftState {
  const core = useCore();
  const [stored, setStored] = useState<Loaded<StoredPacketDraft | undefined>>({ status: 'loading' });
  const [savedBytes, setSavedBytes] = useState<ReadonlyMap<string, Uint8Array>>(new Map());
  const [generation, setGeneration] = useState(0);
  const [loadCount, setLoadCount] = useState(0);

  useEffect(() => {
    let live = true;
    core.packet
      .drafts()
      .load(id)
      .then(
        (value) => {
          if (!live) return;
          setStored({ status: 'ready', value });
          setLoadCount((count) => count + 1);
        },
        (error: unknown) =>
          live &&
          setStored({ status: 'failed', reason: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [id, generation, core]);

  const rev = stored.status === 'ready' ? stored.value?.rev : undefined;
  useEffect(() => {
    if (!rev) return undefined;
    let live = true;
    core.packet
      .drafts()
      .evidenceBytes(id, rev)
      .then(
        (bytes) => live && setSavedBytes(bytes),
        () => live && setSavedBytes(new Map()),
      );
    return () => {
      live = false;
    };
  }, [id, rev, core]);

  const latest = useRecords(async () => (await core.packet.drafts().load(id))?.rev ?? null, [id]);
  const replace = useCallback((value: StoredPacketDraft) => setStored({ status: 'ready', value }), []);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return {
    stored,
    loadCount,
    savedBytes,
    latestRev: latest.status === 'ready' ? latest.value : undefined,
    replace,
    reload,
  };
}
