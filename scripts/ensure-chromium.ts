/**
 * Makes sure Chromium is there for the E2E tests. Where it is missing and we run as root on
 * Debian, installs it with apt-get (and says so); otherwise stops with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_INSTALL_COMMAND, findChromium } from './chromium';

function main(): number {
  const found = findChromium();
  if (found) return 0;
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
    return 1;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version')) {
    console.log(
      `Chromium not found: installing Debian's chromium for the E2E tests (${CHROMIUM_INSTALL_COMMAND}) …`,
    );
    const result = spawnSync('sh', ['-c', `${CHROMIUM_INSTALL_COMMAND} >/dev/null`], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status === 0 && findChromium()) return 0;
    console.error('Installing Chromium failed.');
    return 1;
  }
  console.error(
    `The E2E tests need Chromium. Install it (Debian: sudo ${CHROMIUM_INSTALL_COMMAND}) or set CHROMIUM_PATH.`,
  );
  return 1;
}

process.exitCode = main();
