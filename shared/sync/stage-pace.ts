/**
 * Time left in one stage of the first download (the stages: ./sync-status FIRST_SYNC_STAGES), from
 * the stage's own pace in the current run: the documents written and the time they took over a
 * sliding window of the last PACE_WINDOW_MS. Pure: the sync machine keeps a `StagePace` in its
 * state and feeds it every `first-sync-progress` (./sync-machine).
 *
 * - A stage's pace starts afresh when the stage changes and when a new run starts (after a failure,
 *   the network coming back, "sync now"): a pace of another stage or run says nothing about this one.
 * - The first batch of a stage is left out: its time holds the stage's start-up (asking the server
 *   what to fetch, the first round trip), which would make the first estimate wild. The window
 *   starts at the end of the first batch.
 * - No estimate until the window spans PACE_MIN_SPAN_MS and holds at least one batch after the
 *   first one; none while the stage's total is unknown; never negative.
 */
import type { FirstSyncStage } from './sync-status';

/** The pace is measured over the batches of about the last 30 s (older ones are dropped). */
export const PACE_WINDOW_MS = 30_000;
/** No estimate from a window shorter than this (two batches a few ms apart say little). */
export const PACE_MIN_SPAN_MS = 2_000;

/** Documents written in the stage by `at` (epoch ms). */
export type PaceSample = Readonly<{ at: number; docsDone: number }>;

export type StagePace = Readonly<{
  runId: number;
  stage: FirstSyncStage;
  /** The stage's documents when this run first reported it (its start, or where a resumed stage stood). */
  startDocs: number;
  /**
   * Written batches from the end of the first one on, oldest first: the oldest is the last one at
   * or before the window's start, so that the window covers PACE_WINDOW_MS once it can.
   */
  samples: readonly PaceSample[];
}>;

/** The pace after a progress report of `stage` in run `runId`: `previous` carried on, or a fresh one. */
export function nextStagePace(
  previous: StagePace | null,
  report: Readonly<{ runId: number; stage: FirstSyncStage; at: number; docsDone: number }>,
): StagePace {
  const { runId, stage, at, docsDone } = report;
  const fresh: StagePace = { runId, stage, startDocs: docsDone, samples: [] };
  if (previous === null || previous.runId !== runId || previous.stage !== stage) return fresh;
  const last = previous.samples.at(-1);
  // Documents never go back within a stage, nor does the clock: if they seem to, start again.
  if (docsDone < (last?.docsDone ?? previous.startDocs) || (last !== undefined && at < last.at)) {
    return fresh;
  }
  // Nothing written since the start: the first batch has not ended yet.
  if (last === undefined && docsDone === previous.startDocs) return previous;
  const sample: PaceSample = { at, docsDone };
  const samples =
    last !== undefined && last.at === at
      ? [...previous.samples.slice(0, -1), sample]
      : [...previous.samples, sample];
  let first = 0;
  // Keep the newest sample at or before the window's start as the window's oldest.
  while (first + 1 < samples.length - 1 && (samples[first + 1]?.at ?? at) <= at - PACE_WINDOW_MS) first += 1;
  return { ...previous, samples: first === 0 ? samples : samples.slice(first) };
}

/**
 * Whole seconds left in the stage at its pace (rounded up), 0 once its documents are all here, or
 * null while there is no pace yet or the total is unknown.
 */
export function stageSecondsLeft(pace: StagePace, docsDone: number, docsTotal: number | null): number | null {
  if (docsTotal === null || docsTotal <= 0) return null;
  const left = Math.max(0, docsTotal - docsDone);
  if (left === 0) return 0;
  const oldest = pace.samples[0];
  const newest = pace.samples.at(-1);
  if (oldest === undefined || newest === undefined || pace.samples.length < 2) return null;
  const span = newest.at - oldest.at;
  const written = newest.docsDone - oldest.docsDone;
  if (span < PACE_MIN_SPAN_MS || written <= 0) return null;
  return Math.ceil((left * span) / written / 1000);
}
