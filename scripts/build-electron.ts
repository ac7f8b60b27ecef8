/**
 * Bundles the Electron main process and preload into dist-electron/ (`npm run build:electron`).
 *
 * Both are single CommonJS files: the sandboxed preload can `require` nothing but `electron`,
 * so zod and the shared contract are bundled in; the main process is bundled the same way so the
 * packaged app needs no node_modules at all.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist-electron`;

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  minify: false,
  metafile: true,
  logLevel: 'warning',
};

type Entry = Readonly<{
  entry: string;
  outfile: string;
  target: readonly string[];
  /** What the bundle may still `require` at runtime. */
  mayRequire: (specifier: string) => boolean;
}>;

const entries: readonly Entry[] = [
  {
    entry: 'electron/main.ts',
    outfile: 'dist-electron/main.cjs',
    target: ['node20'],
    mayRequire: (specifier) => specifier === 'electron' || specifier.startsWith('node:'),
  },
  {
    // Runs in the renderer process (Chromium); a sandboxed preload's `require` knows only a few
    // modules, and a Node built-in slipping in would fail only at runtime, in the window.
    entry: 'electron/preload.ts',
    outfile: 'dist-electron/preload.cjs',
    target: ['node20', 'chrome120'],
    mayRequire: (specifier) => specifier === 'electron',
  },
];

function assertRuntimeRequires(metafile: Metafile, { outfile, mayRequire }: Entry): void {
  const output = metafile.outputs[outfile];
  if (output === undefined) throw new Error(`esbuild produced no ${outfile}.`);
  const unexpected = output.imports
    .filter((entry) => entry.external && !mayRequire(entry.path))
    .map((entry) => entry.path);
  if (unexpected.length > 0) {
    throw new Error(`${outfile} would require ${[...new Set(unexpected)].join(', ')} at runtime.`);
  }
}

async function main(): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  for (const entry of entries) {
    const result = await build({
      ...common,
      entryPoints: [entry.entry],
      outfile: entry.outfile,
      target: [...entry.target],
    });
    if (result.metafile === undefined) throw new Error('esbuild returned no metafile.');
    assertRuntimeRequires(result.metafile, entry);
    console.log(`built ${entry.outfile}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
