/**
 * What `npm test` (./test-all) prints of a vitest JSON report when tests failed: a line per failed
 * test (its file, its name, the first line of its error), so that the end of a long run's output,
 * which is what a CI log keeps, names what failed.
 */
import { relative } from 'node:path';

/** The parts of vitest's JSON report read here. */
export type Report = Readonly<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: readonly Readonly<{
    name: string;
    message?: string;
    assertionResults?: readonly Readonly<{
      fullName?: string;
      title: string;
      status: string;
      failureMessages?: readonly string[];
    }>[];
  }>[];
}>;

/** A line per failed test, and per file that failed outside its tests (a hook, an import). */
export function failedTestLines(step: string, report: Report, cwd = process.cwd()): string[] {
  const firstLine = (text: string | undefined): string => (text ?? '').split('\n')[0]?.slice(0, 300) ?? '';
  return (report.testResults ?? []).flatMap((file) => {
    const path = relative(cwd, file.name);
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    const lines = failedTests.map(
      (test) =>
        `FAILED ${step}: ${path} > ${test.fullName ?? test.title}: ${firstLine(test.failureMessages?.[0])}`,
    );
    if (lines.length === 0 && file.message) lines.push(`FAILED ${step}: ${path}: ${firstLine(file.message)}`);
    return lines;
  });
}
