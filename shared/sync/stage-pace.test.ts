/**
 * Time left in a stage of the first download: worked examples (the first batch left out, the
 * window sliding, a fresh pace per stage and per run, unknown totals) and properties over
 * generated batch sequences (never negative, whole seconds, exact at a steady pace).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextStagePace,
  PACE_MIN_SPAN_MS,
  PACE_WINDOW_MS,
  stageSecondsLeft,
  type StagePace,
} from './stage-pace';
import type { FirstSyncStage } from './sync-status';

const T0 = Date.parse('2026-12-07T03:00:00.000Z');

type Report = Readonly<{ at: number; docsDone: number; stage?: FirstSyncStage; runId?: number }>;

/** Feeds the reports in order; returns the pace and the seconds left after each one. */
function feed(
  reports: readonly Report[],
  docsTotal: number | null,
): { pace: StagePace; left: (number | null)[] } {
  let pace: StagePace | null = null;
  const left: (number | null)[] = [];
  for (const report of reports) {
    pace = nextStagePace(pace, {
      runId: report.runId ?? 1,
      stage: report.stage ?? 'open',
      at: report.at,
      docsDone: report.docsDone,
    });
    left.push(stageSecondsLeft(pace, report.docsDone, docsTotal));
  }
  if (pace === null) throw new Error('no reports');
  return { pace, left };
}

/** A stage started at T0 and then a batch of `size` every `everyMs`, the first after `firstMs`. */
function steady(batches: number, size: number, everyMs: number, firstMs = everyMs): Report[] {
  const reports: Report[] = [{ at: T0, docsDone: 0 }];
  for (let batch = 1; batch <= batches; batch += 1) {
    reports.push({ at: T0 + firstMs + (batch - 1) * everyMs, docsDone: batch * size });
  }
  return reports;
}

describe('stage pace: worked examples', () => {
  it('leaves the first batch out, waits for a span of a few seconds, then counts at the pace since', () => {
    // 5,000 documents; the first batch of 500 took 8 s (asking what to fetch), then 500 a second.
    const { left } = feed(steady(4, 500, 1_000, 8_000), 5_000);
    expect(left).toEqual([
      null, // the stage starts: nothing written
      null, // the first batch: its time is the start-up
      null, // one batch after it: a span of 1 s is too short
      7, // 2 s after the first batch, 1,000 more: 500/s, 3,500 left
      6, // 1,500 in 3 s, 3,000 left
    ]);
    // Counting the stage's start-up, 1,500 in 10 s would have said 24 s where 7 s were left.
  });

  it('follows a change of pace within about the last 30 s', () => {
    // 100 documents a second for a minute, then 400 a second.
    const slow = steady(60, 100, 1_000);
    const last = slow.at(-1) ?? { at: T0, docsDone: 0 };
    const fast: Report[] = Array.from({ length: 40 }, (_, index) => ({
      at: last.at + (index + 1) * 1_000,
      docsDone: last.docsDone + (index + 1) * 400,
    }));
    const total = 100_000;
    const { left, pace } = feed([...slow, ...fast], total);
    expect(left[slow.length - 1]).toBe(Math.ceil((total - 6_000) / 100));
    // 40 s after the change the window holds only the new pace.
    const done = last.docsDone + 40 * 400;
    expect(left.at(-1)).toBe(Math.ceil((total - done) / 400));
    const oldest = pace.samples[0];
    expect(oldest && (pace.samples.at(-1)?.at ?? 0) - oldest.at).toBeLessThanOrEqual(PACE_WINDOW_MS + 1_000);
    expect(pace.samples.length).toBeLessThanOrEqual(PACE_WINDOW_MS / 1_000 + 2);
  });

  it('starts afresh at the next stage and in a new run', () => {
    const open = feed(steady(5, 500, 1_000), 5_000);
    expect(open.left.at(-1)).not.toBeNull();
    const next = nextStagePace(open.pace, { runId: 1, stage: 'history', at: T0 + 6_000, docsDone: 0 });
    expect(next).toEqual({ runId: 1, stage: 'history', startDocs: 0, samples: [] });
    expect(stageSecondsLeft(next, 0, 20_000)).toBeNull();
    // Run 2 after a failure resumes the same stage at 2,500: its pace is its own.
    const resumed = nextStagePace(open.pace, { runId: 2, stage: 'open', at: T0 + 60_000, docsDone: 2_500 });
    expect(resumed).toEqual({ runId: 2, stage: 'open', startDocs: 2_500, samples: [] });
    expect(stageSecondsLeft(resumed, 2_500, 5_000)).toBeNull();
  });

  it('says nothing without a total, 0 once every document is here, never less', () => {
    const { pace } = feed(steady(5, 500, 1_000), null);
    expect(stageSecondsLeft(pace, 2_500, null)).toBeNull();
    expect(stageSecondsLeft(pace, 2_500, 0)).toBeNull();
    expect(stageSecondsLeft(pace, 2_500, 2_500)).toBe(0);
    // The total is an estimate while the stage runs: more may come than it said.
    expect(stageSecondsLeft(pace, 2_600, 2_500)).toBe(0);
  });

  it('starts again when the documents or the clock go back', () => {
    const { pace } = feed(steady(5, 500, 1_000), 5_000);
    expect(nextStagePace(pace, { runId: 1, stage: 'open', at: T0 + 9_000, docsDone: 100 }).samples).toEqual(
      [],
    );
    expect(nextStagePace(pace, { runId: 1, stage: 'open', at: T0, docsDone: 3_000 }).samples).toEqual([]);
  });
});

/** Batches: each a pause and a number of documents (0 is a report without a new write). */
const batches = fc.array(
  fc.record({ pauseMs: fc.integer({ min: 0, max: 20_000 }), docs: fc.integer({ min: 0, max: 1_000 }) }),
  { maxLength: 120 },
);

describe('stage pace: properties', () => {
  it('is null or a whole number of seconds, never negative, and keeps only about 30 s of batches', () => {
    fc.assert(
      fc.property(batches, fc.option(fc.integer({ min: 0, max: 200_000 })), (steps, total) => {
        let at = T0;
        let done = 0;
        const reports: Report[] = [{ at, docsDone: done }];
        for (const step of steps) {
          at += step.pauseMs;
          done += step.docs;
          reports.push({ at, docsDone: done });
        }
        const { left, pace } = feed(reports, total);
        for (const value of left) {
          if (value === null) continue;
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        const second = pace.samples[1];
        if (second) expect(second.at).toBeGreaterThan(at - PACE_WINDOW_MS);
      }),
      { numRuns: 500 },
    );
  });

  it('is exact at a steady pace, once the window spans a few seconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 200, max: 5_000 }),
        fc.integer({ min: 3, max: 80 }),
        fc.integer({ min: 0, max: 60_000 }),
        (size, everyMs, count, firstMs) => {
          const total = size * (count + 50);
          const { left } = feed(steady(count, size, everyMs, firstMs), total);
          for (let batch = 1; batch <= count; batch += 1) {
            const span = (batch - 1) * everyMs;
            const value = left[batch];
            if (span < PACE_MIN_SPAN_MS) expect(value).toBeNull();
            else expect(value).toBe(Math.ceil(((total - batch * size) * everyMs) / size / 1_000));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
