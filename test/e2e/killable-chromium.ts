/**
 * Debian's Chromium started as a process of the test's own, on a profile folder that outlives it,
 * so that a test can cut it off as a power cut would: every process of the browser killed with
 * SIGKILL at the same moment (no shutdown, no flush), then started again on the same profile.
 * Playwright drives it over the DevTools protocol (`connectOverCDP`); its own launchers close the
 * browser themselves and do not hand out the process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium';

export type KillableChromium = Readonly<{
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  problems: () => readonly string[];
  /** The page's last 50 console messages of any kind, for a failure's report. */
  consoleTail: () => readonly string[];
  /** Chromium's own log lines (its stderr) that name storage, for a failure's report. */
  storageLog: () => readonly string[];
  /** SIGKILL to the browser and every process it started, at once; resolves once none is alive. */
  kill: () => Promise<void>;
  /** A clean close (the browser shuts down as a person closing it would). */
  close: () => Promise<void>;
}>;

const VIEWPORT = { width: 1366, height: 768 };
const DEVTOOLS_LINE = /DevTools listening on (ws:\/\/\S+)/;
const STORAGE_LINE = /indexed_?db|leveldb|corrupt|quota|bucket|storage/i;

/** The pids of `root`'s living descendants (Linux /proc; none elsewhere). */
function descendants(root: number): number[] {
  if (!existsSync('/proc')) return [];
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = processStat(Number(entry));
    if (stat && stat.state !== 'Z') parents.set(Number(entry), stat.parent);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [pid, ppid] of parents) {
      if (ppid === parent && !found.includes(pid)) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

/** State and parent of a process from /proc/<pid>/stat, or undefined once it is gone. */
function processStat(pid: number): { state: string; parent: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses; the last ')' ends it.
    const [state, parent] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return state === undefined || parent === undefined ? undefined : { state, parent: Number(parent) };
  } catch {
    return undefined;
  }
}

const isAlive = (pid: number): boolean => {
  const stat = processStat(pid);
  return stat !== undefined && stat.state !== 'Z';
};

function devtoolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      const match = DEVTOOLS_LINE.exec(text);
      if (match?.[1]) {
        child.stderr?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new Error(`Chromium exited before it listened (${code ?? signal}): ${text.slice(-2000)}`)),
    );
  });
}

/** Starts Chromium on `profile` (kept as it is), opens `url` in its first page at 1366×768. */
export async function launchKillableChromium(profile: string, url: string): Promise<KillableChromium> {
  const executable = findChromium();
  if (!executable) throw new Error('Chromium not found: run `npx tsx scripts/ensure-chromium.ts`.');
  const child = spawn(
    executable,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      '--lang=id-ID',
      // Chromium's log on stderr: what its storage did at a start after a kill (storageLog).
      '--enable-logging=stderr',
      '--log-level=0',
      'about:blank',
    ],
    {
      // Its own process group, so that nothing of it is left when the test kills it.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TZ: 'Asia/Jakarta', LANG: 'id_ID.UTF-8' },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Every line read (Chromium blocks on a full pipe); those naming storage kept.
  const storageLines: string[] = [];
  let partial = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!STORAGE_LINE.test(line)) continue;
      storageLines.push(line);
      if (storageLines.length > 100) storageLines.shift();
    }
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium did not start');
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(await devtoolsUrl(child));
  } catch (error) {
    process.kill(-pid, 'SIGKILL');
    throw error;
  }
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(VIEWPORT);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    consoleLines.push(`${message.type()}: ${message.text()}`);
    if (consoleLines.length > 50) consoleLines.shift();
  });
  await page.goto(url);

  const kill = async (): Promise<void> => {
    // The whole tree at one moment: the process group, and any process that left it.
    const tree = [pid, ...descendants(pid)];
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
    for (const member of tree) {
      try {
        process.kill(member, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    await exited;
    // Every process of it dead (a zombie holds no file) before the profile is used again.
    while (tree.some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const close = async (): Promise<void> => {
    const session = await browser.newBrowserCDPSession();
    await session.send('Browser.close').catch(() => undefined); // the connection drops as it closes
    await exited;
  };
  return {
    page,
    problems: () => problems,
    consoleTail: () => consoleLines,
    storageLog: () => storageLines,
    kill,
    close,
  };
}
