/**
 * `npm start`: Electron where its binary is present; otherwise the browser host on loopback.
 *
 * Electron's binary is downloaded by its own install script, which this repo does not run at
 * `npm install` (see .npmrc): on a machine with internet access the first start fetches it here.
 * Set MEJA_ADUAN_HOST=browser to skip Electron altogether.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startBrowserHost } from './browser-host';

const DEFAULT_PORT = 4310;
const require = createRequire(import.meta.url);

function electronBinary(): string | undefined {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function tryInstallElectron(): void {
  let installer: string;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return;
  }
  console.log('Electron binary not found; trying to download it (MEJA_ADUAN_HOST=browser skips this) …');
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 });
  if (result.status !== 0) console.log('Electron could not be downloaded here; using the browser host.');
}

function run(command: string): void {
  const result = spawnSync(command, { shell: true, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error(`"${command}" failed.`);
    process.exit(result.status ?? 1);
  }
}

async function main(): Promise<void> {
  const wantBrowser = process.env.MEJA_ADUAN_HOST === 'browser';
  if (!wantBrowser && !electronBinary()) tryInstallElectron();
  const binary = wantBrowser ? undefined : electronBinary();

  run('npm run build:renderer -- --logLevel warn');
  if (binary) {
    run('npm run build:electron');
    console.log('Starting Meja Aduan in Electron …');
    const child = spawn(binary, ['.'], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (0-65535), not "${process.env.PORT}".`);
    process.exit(1);
  }
  const host = await startBrowserHost({ rootDir: join('dist', 'renderer'), port }).catch((error: unknown) => {
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    console.error(
      inUse ? `Port ${port} is in use: start with another one, e.g. PORT=4311 npm start.` : String(error),
    );
    process.exit(1);
  });
  console.log(`Meja Aduan running at ${host.url}`);
  const stop = (): void => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
