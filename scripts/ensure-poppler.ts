/**
 * Makes sure poppler's `pdftoppm` and `pdftotext` are there for the packet PDF render test
 * (test/integration/packet-pdf-render.test.ts). Where they are missing and we run as root on
 * Debian, installs `poppler-utils` with apt-get (and says so). Elsewhere it only says that the
 * render check will be skipped: the rest of the suite does not need poppler.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL_COMMAND = 'apt-get update && apt-get install -y poppler-utils';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function main(): number {
  if (has('pdftoppm') && has('pdftotext')) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version')) {
    console.log(
      `poppler not found: installing Debian's poppler-utils for the PDF render test (${INSTALL_COMMAND}) …`,
    );
    const result = spawnSync('sh', ['-c', `${INSTALL_COMMAND} >/dev/null`], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status === 0 && has('pdftoppm')) return 0;
    console.error('Installing poppler-utils failed: the PDF render check will be skipped.');
    return 0;
  }
  console.log(
    `poppler-utils is not installed (Debian: sudo ${INSTALL_COMMAND}): the PDF render check will be skipped.`,
  );
  return 0;
}

process.exitCode = main();
