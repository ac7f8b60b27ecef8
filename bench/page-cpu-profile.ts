/**
 * A V8 CPU profile of one measured run in a bench page (`BENCH_CPU_PROFILE=<folder>`): the page's
 * main thread sampled while `work` runs, written as `<name>.cpuprofile` (DevTools opens it), and
 * summed by where the code came from (the app's folders, or the package in node_modules, through
 * the page bundle's source map) and by function, so that a run's log says what the main thread
 * did: idle (waiting on IndexedDB, the network), the browser's own work (`(program)`, `(garbage
 * collector)`, native calls such as IndexedDB's `put`), or which code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { originOf, sourceLookup, type CpuProfile, type SourceMap } from './start-profile-analysis';

export type ProfileSummary = Readonly<{
  ms: number;
  byOrigin: readonly Readonly<{ origin: string; ms: number }>[];
  byFunction: readonly Readonly<{ fn: string; ms: number }>[];
}>;

/** The folder `BENCH_CPU_PROFILE` names, or undefined (no profiling). */
export function profileFolder(value = process.env.BENCH_CPU_PROFILE): string | undefined {
  const folder = value?.trim();
  return folder ? folder : undefined;
}

const sorted = (totals: Map<string, number>, limit: number): [string, number][] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => [name, Math.round(us / 100) / 10]);

/** Self time per origin and per function, from the profile's samples (µs deltas). */
export function summariseProfile(profile: CpuProfile, maps: ReadonlyMap<string, SourceMap>): ProfileSummary {
  const lookup = sourceLookup(maps);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const origins = new Map<string, number>();
  const functions = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => {
    const us = deltas[index + 1] ?? 0;
    const frame = nodes.get(id)?.callFrame;
    const path = frame?.url ? lookup(frame.url, frame.lineNumber, frame.columnNumber) : undefined;
    const origin = frame?.url ? (path ? originOf(path) : 'other scripts') : (frame?.functionName ?? '?');
    const fn = frame?.url ? `${origin}: ${frame.functionName || '(anonymous)'}` : origin;
    origins.set(origin, (origins.get(origin) ?? 0) + us);
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  });
  return {
    ms: Math.round((profile.endTime - profile.startTime) / 1000),
    byOrigin: sorted(origins, 12).map(([origin, ms]) => ({ origin, ms })),
    byFunction: sorted(functions, 15).map(([fn, ms]) => ({ fn, ms })),
  };
}

/** A summary in one line per list, for the run's log. */
export function profileLines(name: string, summary: ProfileSummary): string[] {
  const list = (items: readonly { ms: number }[], key: (item: never) => string): string =>
    items
      .filter((item) => item.ms >= 1)
      .map((item) => `${key(item as never)} ${item.ms} ms`)
      .join(', ');
  return [
    `${name}: main thread over ${summary.ms} ms, by origin: ${list(summary.byOrigin, (item: { origin: string }) => item.origin)}`,
    `${name}: by function: ${list(summary.byFunction, (item: { fn: string }) => item.fn)}`,
  ];
}

/** The page's script source maps: `<script>.map` beside each module script it loaded. */
async function pageSourceMaps(page: Page): Promise<Map<string, SourceMap>> {
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll('script[src]')].map((script) => (script as HTMLScriptElement).src),
  );
  const maps = new Map<string, SourceMap>();
  for (const url of scripts) {
    const response = await fetch(`${url}.map`).catch(() => undefined);
    if (response?.ok) maps.set(url, (await response.json()) as SourceMap);
  }
  return maps;
}

/**
 * Runs `work`; with `folder`, under the CPU profiler of `page`'s main thread, writing the profile
 * as `<folder>/<name>.cpuprofile` and logging its summary.
 */
export async function profiled<T>(
  page: Page,
  folder: string | undefined,
  name: string,
  log: (message: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  if (!folder) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.detach();
    await mkdir(folder, { recursive: true });
    const file = join(folder, `${name.replace(/[^\w@.-]+/g, '_')}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    for (const line of profileLines(name, summariseProfile(profile, await pageSourceMaps(page)))) log(line);
    log(`${name}: CPU profile in ${file}`);
  }
}
