/**
 * Reading a profiled cold start (./profile-start): a Chromium trace (the page's main thread, the
 * app's and the probe's `performance.mark`s) and a V8 CPU profile of the same start, cut into
 * the start's phases by those marks. For each phase: how long it took, how much of it the main
 * thread was busy, the trace's own work by kind (script compile and evaluation, GC, layout,
 * paint, …) and the CPU profile's samples by where the code came from (the app's folders or the
 * package in node_modules, through the build's source maps).
 */

/** A trace event as Chromium's DevTools protocol reports it (`Tracing.dataCollected`). */
export type TraceEvent = Readonly<{
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Readonly<Record<string, unknown>>;
}>;

/** The parts of a V8 CPU profile (`Profiler.stop`) read here. */
export type CpuProfile = Readonly<{
  nodes: readonly Readonly<{
    id: number;
    callFrame: Readonly<{ functionName: string; url: string; lineNumber: number; columnNumber: number }>;
  }>[];
  startTime: number;
  endTime: number;
  samples?: readonly number[];
  timeDeltas?: readonly number[];
}>;

/** A source map's parts read here. */
export type SourceMap = Readonly<{ sources: readonly string[]; mappings: string }>;

export type Phase = Readonly<{ name: string; from: string; to: string }>;

export type PhaseFigures = Readonly<{
  name: string;
  ms: number;
  /** Time the main thread ran tasks (top-level trace tasks) within the phase. */
  mainThreadBusyMs: number;
  /** The trace's work on the main thread by kind, self time, largest first. */
  byKind: readonly Readonly<{ kind: string; ms: number }>[];
  /** The CPU profile's samples by origin (app folder or package), largest first. */
  byOrigin: readonly Readonly<{ origin: string; ms: number }>[];
  /** The CPU profile's samples by source file (the app's own files, and each package as a whole), largest first. */
  bySource: readonly Readonly<{ source: string; ms: number }>[];
  /** The heaviest functions by self time (origin: name). */
  topFunctions: readonly Readonly<{ fn: string; ms: number }>[];
}>;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map(Array.from(BASE64, (char, index) => [char, index]));

/** Per generated line, the segments' columns and source indexes (a source map's VLQ mappings). */
export function decodeMappings(mappings: string): { columns: number[]; sources: number[] }[] {
  const lines: { columns: number[]; sources: number[] }[] = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const decoded = { columns: [] as number[], sources: [] as number[] };
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64_VALUE.get(char) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1] ?? 0;
        decoded.columns.push(column);
        decoded.sources.push(source);
      }
      // Line and column of the source are not needed (only which file).
    }
    lines.push(decoded);
  }
  return lines;
}

/** The origin of a source path: `node_modules/<package>`, or the app's first two folders. */
export function originOf(sourcePath: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(sourcePath);
  if (inModules?.[1]) return inModules[1];
  const parts = sourcePath.replace(/^(\.\.\/)+/, '').split('/');
  const top = parts.findIndex((part) => part === 'renderer' || part === 'shared' || part === 'bench');
  const from = parts.slice(Math.max(0, top));
  return from.slice(0, Math.min(2, from.length - 1)).join('/') || sourcePath;
}

/** Looks up which source file a generated position comes from, per script URL. */
export function sourceLookup(
  maps: ReadonlyMap<string, SourceMap>,
): (url: string, line: number, column: number) => string | undefined {
  const decoded = new Map<string, { sources: readonly string[]; lines: ReturnType<typeof decodeMappings> }>();
  return (url, line, column) => {
    let entry = decoded.get(url);
    if (!entry) {
      const map = maps.get(url);
      if (!map) return undefined;
      entry = { sources: map.sources, lines: decodeMappings(map.mappings) };
      decoded.set(url, entry);
    }
    const segments = entry.lines[line];
    if (!segments || segments.columns.length === 0) return undefined;
    let found = -1;
    let low = 0;
    let high = segments.columns.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((segments.columns[middle] ?? 0) <= column) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const index = segments.sources[Math.max(0, found)];
    return index === undefined ? undefined : entry.sources[index];
  };
}

const top = <K extends string>(totals: Map<string, number>, key: K, limit: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([name, us]) => ({ [key]: name, ms: Math.round(us / 100) / 10 }) as Record<K, string> & { ms: number },
    );

/** The marks in the trace (name → first time, µs), of the page's renderer whose marks start with `prefix`. */
export function marksOf(events: readonly TraceEvent[], prefixes: readonly string[]): Map<string, number> {
  const marks = new Map<string, number>();
  for (const event of events) {
    if (!event.cat.includes('blink.user_timing')) continue;
    if (!prefixes.some((prefix) => event.name.startsWith(prefix))) continue;
    if (!marks.has(event.name)) marks.set(event.name, event.ts);
  }
  return marks;
}

/** The pid and tid of the renderer main thread that wrote `markName`. */
function mainThreadOf(events: readonly TraceEvent[], markName: string): { pid: number; tid: number } {
  const mark = events.find((event) => event.name === markName);
  if (!mark) throw new Error(`no mark ${markName} in the trace`);
  const main = events.find(
    (event) =>
      event.ph === 'M' &&
      event.name === 'thread_name' &&
      event.pid === mark.pid &&
      event.args?.name === 'CrRendererMain',
  );
  return { pid: mark.pid, tid: main?.tid ?? mark.tid };
}

const overlap = (from: number, to: number, start: number, end: number): number =>
  Math.max(0, Math.min(to, end) - Math.max(from, start));

/** Every phase's figures from the trace (µs timestamps) and the CPU profile of the same start. */
export function analyseStart(
  events: readonly TraceEvent[],
  profile: CpuProfile,
  maps: ReadonlyMap<string, SourceMap>,
  marks: ReadonlyMap<string, number>,
  phases: readonly Phase[],
  anchorMark: string,
): PhaseFigures[] {
  const { pid, tid } = mainThreadOf(events, anchorMark);
  const onMain = events
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Self time of every complete event (its time minus its children's), and the top-level tasks.
  const selfTimes: { name: string; ts: number; self: number }[] = [];
  const tasks: { ts: number; end: number }[] = [];
  const stack: { event: TraceEvent; end: number; children: number; index: number }[] = [];
  const close = (until: number): void => {
    for (let last = stack.at(-1); last && last.end <= until; last = stack.at(-1)) {
      stack.pop();
      const entry = selfTimes[last.index];
      if (entry) entry.self = Math.max(0, (last.event.dur ?? 0) - last.children);
      const parent = stack.at(-1);
      if (parent) parent.children += last.event.dur ?? 0;
    }
  };
  for (const event of onMain) {
    close(event.ts);
    const end = event.ts + (event.dur ?? 0);
    if (stack.length === 0) tasks.push({ ts: event.ts, end });
    selfTimes.push({ name: event.name, ts: event.ts, self: 0 });
    stack.push({ event, end, children: 0, index: selfTimes.length - 1 });
  }
  close(Number.POSITIVE_INFINITY);

  // The CPU profile's samples with their times and origins.
  const lookup = sourceLookup(maps);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const originOfNode = new Map<number, { origin: string; source: string; fn: string }>();
  const describe = (id: number): { origin: string; source: string; fn: string } => {
    const known = originOfNode.get(id);
    if (known) return known;
    const frame = nodes.get(id)?.callFrame;
    let origin = frame?.url ? 'other scripts' : (frame?.functionName ?? '?');
    let source = origin;
    if (frame?.url) {
      const path = lookup(frame.url, frame.lineNumber, frame.columnNumber);
      origin = path ? originOf(path) : frame.url.replace(/^.*\//, '');
      source =
        path?.includes('node_modules/') || !path
          ? origin
          : path.slice(Math.max(0, path.search(/(renderer|shared)\//)));
    }
    const described = { origin, source, fn: `${source}: ${frame?.functionName || '(anonymous)'}` };
    originOfNode.set(id, described);
    return described;
  };
  const samples: { at: number; ms: number; node: number }[] = [];
  let at = profile.startTime;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((node, index) => {
    at += deltas[index] ?? 0;
    const next = deltas[index + 1] ?? 0;
    samples.push({ at, ms: next, node });
  });

  return phases.flatMap((phase) => {
    const from = marks.get(phase.from);
    const to = marks.get(phase.to);
    if (from === undefined || to === undefined || to < from) return [];
    const busy = tasks.reduce((sum, task) => sum + overlap(from, to, task.ts, task.end), 0);
    const kinds = new Map<string, number>();
    for (const entry of selfTimes) {
      if (entry.ts < from || entry.ts >= to || entry.self <= 0) continue;
      kinds.set(entry.name, (kinds.get(entry.name) ?? 0) + entry.self);
    }
    const origins = new Map<string, number>();
    const sources = new Map<string, number>();
    const functions = new Map<string, number>();
    for (const sample of samples) {
      if (sample.at < from || sample.at >= to) continue;
      const { origin, source, fn } = describe(sample.node);
      origins.set(origin, (origins.get(origin) ?? 0) + sample.ms);
      sources.set(source, (sources.get(source) ?? 0) + sample.ms);
      if (origin !== '(idle)') functions.set(fn, (functions.get(fn) ?? 0) + sample.ms);
    }
    return [
      {
        name: phase.name,
        ms: Math.round((to - from) / 1000),
        mainThreadBusyMs: Math.round(busy / 1000),
        byKind: top(kinds, 'kind', 12),
        byOrigin: top(origins, 'origin', 15),
        bySource: top(sources, 'source', 20),
        topFunctions: top(functions, 'fn', 15),
      },
    ];
  });
}
