/**
 * Reducer and indicator throughput (pure, in Node): `reduceComplaint` over every sample complaint
 * (./sample-records: ~6 events each) and `computeIndicators` over the whole set, each against the
 * baseline of `JSON.parse` of the same documents (every complaint and event document parsed from
 * its JSON text, as a store hands them over). Each figure is the median of several rounds; the
 * order of the three alternates between rounds.
 */
import { DEFAULT_HOLIDAYS } from '../shared/calendar/indonesian-holidays';
import { computeIndicators, type IndicatorsInput } from '../shared/indicators/compute-indicators';
import { DEFAULT_DEADLINES, DEFAULT_SLA_RULES } from '../shared/sla/deadline-settings';
import { localDateOf } from '../shared/time/local-date';
import { reduceComplaint } from '../shared/workflow/complaint-state';
import type { BenchScale } from './bench-scale';
import { BENCH_UNIT, sampleComplaint, TIME_ZONE, type SampleComplaint } from './sample-records';
import { median, ratio, round, timeSync } from './timing';

export type ReducerFigures = Readonly<{
  complaints: number;
  events: number;
  eventsPerComplaint: number;
  rounds: number;
  generateMs: number;
  jsonParse: Readonly<{ medianMs: number; docsPerSecond: number }>;
  reduceComplaint: Readonly<{
    medianMs: number;
    microsecondsPerComplaint: number;
    ratioToJsonParse: number | null;
  }>;
  computeIndicators: Readonly<{
    medianMs: number;
    period: Readonly<{ from: string; to: string }>;
    ratioToJsonParse: number | null;
  }>;
}>;

type Round = Readonly<{ parse: number; reduce: number; indicators: number }>;

export function benchReducer(scale: BenchScale, log: (message: string) => void): ReducerFigures {
  log(`reducer: building ${scale.reducerComplaints} complaints with their events`);
  const generated = timeSync(() => {
    const samples: SampleComplaint[] = [];
    for (let index = 0; index < scale.reducerComplaints; index += 1) samples.push(sampleComplaint(index));
    return samples;
  });
  const samples = generated.result;
  const texts = samples.map((sample) =>
    [sample.complaint, ...sample.events].map((doc) => JSON.stringify(doc)),
  );
  const events = samples.flatMap((sample) => sample.events);
  const documents = samples.length + events.length;
  const lastReceived = samples.at(-1)?.complaint.receivedAt ?? '2026-01-05T00:00:00.000Z';
  const period = { from: '2026-01-01', to: localDateOf(new Date(lastReceived), TIME_ZONE) };
  const indicatorsInput: IndicatorsInput = {
    complaints: samples.map((sample) => sample.complaint),
    events,
    unit: { code: BENCH_UNIT, name: 'Unit Pengaduan Kota Kebumen' },
    settings: {
      timeZone: TIME_ZONE,
      deadlines: DEFAULT_DEADLINES,
      rules: DEFAULT_SLA_RULES,
      holidays: Object.fromEntries(Object.entries(DEFAULT_HOLIDAYS)),
    },
    period,
    computedAt: new Date(`${period.to}T12:00:00.000Z`),
  };

  const parseAll = (): number => {
    let fields = 0;
    for (const docs of texts)
      for (const text of docs) fields += Object.keys(JSON.parse(text) as object).length;
    return fields;
  };
  const reduceAll = (): number => {
    let trail = 0;
    for (const sample of samples) trail += reduceComplaint(sample.complaint, sample.events).trail.length;
    return trail;
  };
  const indicatorsOnce = (): number => computeIndicators(indicatorsInput).totals.received;

  // One unmeasured pass of each (JIT).
  parseAll();
  reduceAll();
  indicatorsOnce();
  const rounds: Round[] = [];
  for (let index = 0; index < scale.reducerRounds; index += 1) {
    const figures: Partial<Record<keyof Round, number>> = {};
    const steps: [keyof Round, () => number][] = [
      ['parse', parseAll],
      ['reduce', reduceAll],
      ['indicators', indicatorsOnce],
    ];
    if (index % 2 === 1) steps.reverse();
    for (const [name, work] of steps) figures[name] = timeSync(work).ms;
    rounds.push({
      parse: figures.parse ?? Number.NaN,
      reduce: figures.reduce ?? Number.NaN,
      indicators: figures.indicators ?? Number.NaN,
    });
    log(
      `reducer: round ${index + 1}/${scale.reducerRounds}: parse ${Math.round(figures.parse ?? 0)} ms, ` +
        `reduce ${Math.round(figures.reduce ?? 0)} ms, indicators ${Math.round(figures.indicators ?? 0)} ms`,
    );
  }
  const parseMs = median(rounds.map((entry) => entry.parse));
  const reduceMs = median(rounds.map((entry) => entry.reduce));
  const indicatorsMs = median(rounds.map((entry) => entry.indicators));
  return {
    complaints: samples.length,
    events: events.length,
    eventsPerComplaint: round(events.length / Math.max(1, samples.length), 2),
    rounds: scale.reducerRounds,
    generateMs: Math.round(generated.ms),
    jsonParse: { medianMs: round(parseMs, 1), docsPerSecond: Math.round((documents * 1000) / parseMs) },
    reduceComplaint: {
      medianMs: round(reduceMs, 1),
      microsecondsPerComplaint: round((reduceMs * 1000) / Math.max(1, samples.length), 2),
      ratioToJsonParse: ratio(reduceMs, parseMs),
    },
    computeIndicators: {
      medianMs: round(indicatorsMs, 1),
      period,
      ratioToJsonParse: ratio(indicatorsMs, parseMs),
    },
  };
}
