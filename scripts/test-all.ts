/**
 * `npm test`: every tier in one command (typecheck, lint, dependency rules, unit, integration,
 * E2E), failing if any fails. Runs the steps in order and ends with one plain summary line of the test
 * counts, after a line per failed test (file, name, the first line of its error): the end of a long
 * run's output, which is what a CI log keeps, names what failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { failedTestLines, type Report } from './failed-tests';

type Step = Readonly<{ name: string; command: string; report?: string }>;

const reportDir = join('.tmp', 'test-reports');
const vitest = (project: string): Step => ({
  name: project,
  command: `npx vitest run --project ${project} --reporter=default --reporter=json --outputFile.json=${join(reportDir, `${project}.json`)}`,
  report: join(reportDir, `${project}.json`),
});

const steps: readonly Step[] = [
  { name: 'typecheck', command: 'npm run typecheck' },
  { name: 'lint', command: 'npm run lint' },
  { name: 'dependency rules', command: 'npm run lint:deps' },
  { name: 'format', command: 'npm run format:check' },
  vitest('unit'),
  { name: 'poppler', command: 'npx tsx scripts/ensure-poppler.ts' },
  vitest('integration'),
  { name: 'build renderer', command: 'npm run build:renderer -- --logLevel warn' },
  { name: 'build electron', command: 'npm run build:electron' },
  { name: 'chromium', command: 'npx tsx scripts/ensure-chromium.ts' },
  vitest('e2e'),
];

rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];
const failedTests: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command}`);
  const result = spawnSync(step.command, { shell: true, stdio: 'inherit' });
  if (step.report) {
    try {
      const report = JSON.parse(readFileSync(step.report, 'utf8')) as Report;
      failedTests.push(...failedTestLines(step.name, report));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      skipped += report.numPendingTests + report.numTodoTests;
    } catch {
      // no report: the step failed before running tests; its exit status says so below
    }
  }
  if (result.status !== 0) {
    failures.push(step.name);
    if (!step.report) break; // typecheck, lint or build broken: later tiers would only repeat it
  }
}

console.log('');
for (const line of failedTests) console.log(line);
if (failures.length > 0) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failures.length > 0 || failed > 0 ? 1 : 0;
