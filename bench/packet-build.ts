/**
 * The submission packet (target in ./README.md: a submission packet for 10k complaints (PDF,
 * XLSX, CSV, manifest) in ≤ 10 s), in Node as `npm run packet -- build` runs it: `computeIndicators`
 * over the sample complaints (./sample-records), then `buildPacketZip` with a filled draft (every
 * narrative, two evidence files, two example cases: the packet tests' draft). Baseline in the same
 * run: the same complaint and event documents written plainly, as NDJSON zipped into one file with
 * fflate (what a packet costs beyond storing its records). Median of the rounds; the two alternate.
 */
import { zipSync } from 'fflate';
import { computeIndicators } from '../shared/indicators/compute-indicators';
import { buildPacketZip, type PacketInput } from '../shared/packet/build-packet';
import { packetFixture, SETTINGS } from '../shared/packet/packet.fixtures';
import type { BenchScale } from './bench-scale';
import { BENCH_UNIT, sampleComplaint } from './sample-records';
import { median, now, ratio, round, timeSync } from './timing';

export type PacketBuildFigures = Readonly<{
  complaints: number;
  events: number;
  receivedInPeriod: number;
  rounds: number;
  zipBytes: number;
  packet: Readonly<{ medianMs: number; indicatorsMedianMs: number }>;
  rawZip: Readonly<{ medianMs: number; bytes: number }>;
  ratioToRawZip: number | null;
  /** The packet's time scaled linearly to 10,000 complaints (the target's size). */
  projectedMsFor10k: number;
}>;

export async function benchPacketBuild(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<PacketBuildFigures> {
  log(`packet: building ${scale.packetComplaints} complaints with their events`);
  const samples = Array.from({ length: scale.packetComplaints }, (_, index) => sampleComplaint(index));
  const complaints = samples.map((sample) => sample.complaint);
  const events = samples.flatMap((sample) => sample.events);
  const fixture = packetFixture();
  if (fixture.profile.unitCode !== BENCH_UNIT) throw new Error('the packet fixture is of another unit');
  const period = fixture.draft.period;
  const last = complaints.at(-1)?.receivedAt.slice(0, 10) ?? period.to;
  if (last > period.to) log(`packet: complaints after ${period.to} are outside the draft's period`);

  const packetOnce = async (): Promise<{
    ms: number;
    indicatorsMs: number;
    bytes: number;
    received: number;
  }> => {
    const start = now();
    const indicators = computeIndicators({
      complaints,
      events,
      unit: { code: fixture.profile.unitCode, name: fixture.profile.unitName },
      settings: SETTINGS,
      period,
      computedAt: fixture.input.createdAt,
    });
    const indicatorsMs = now() - start;
    const input: PacketInput = { ...fixture.input, complaints, events, indicators };
    const zip = await buildPacketZip(input);
    return { ms: now() - start, indicatorsMs, bytes: zip.length, received: indicators.totals.received };
  };
  const rawOnce = (): number => {
    const lines = samples.map((sample) =>
      [sample.complaint, ...sample.events].map((doc) => JSON.stringify(doc)).join('\n'),
    );
    return zipSync({ 'records.ndjson': new TextEncoder().encode(lines.join('\n')) }).length;
  };

  // One unmeasured pass of each (JIT, lazy imports).
  const first = await packetOnce();
  rawOnce();
  const packetMs: number[] = [];
  const indicatorsMs: number[] = [];
  const rawMs: number[] = [];
  let rawBytes = 0;
  for (let index = 0; index < scale.packetRounds; index += 1) {
    const runPacket = async (): Promise<void> => {
      const round = await packetOnce();
      packetMs.push(round.ms);
      indicatorsMs.push(round.indicatorsMs);
    };
    const runRaw = (): void => {
      const timed = timeSync(rawOnce);
      rawMs.push(timed.ms);
      rawBytes = timed.result;
    };
    if (index % 2 === 0) {
      await runPacket();
      runRaw();
    } else {
      runRaw();
      await runPacket();
    }
    log(
      `packet: round ${index + 1}/${scale.packetRounds}: packet ${Math.round(packetMs.at(-1) ?? 0)} ms, ` +
        `raw zip ${Math.round(rawMs.at(-1) ?? 0)} ms`,
    );
  }
  const packet = median(packetMs);
  return {
    complaints: complaints.length,
    events: events.length,
    receivedInPeriod: first.received,
    rounds: scale.packetRounds,
    zipBytes: first.bytes,
    packet: { medianMs: round(packet, 1), indicatorsMedianMs: round(median(indicatorsMs), 1) },
    rawZip: { medianMs: round(median(rawMs), 1), bytes: rawBytes },
    ratioToRawZip: ratio(packet, median(rawMs)),
    projectedMsFor10k: Math.round((packet * 10_000) / Math.max(1, complaints.length)),
  };
}
