import { describe, expect, it } from 'vitest';
import { failedTestLines, type Report } from './failed-tests';

const report = (testResults: Report['testResults']): Report => ({
  numPassedTests: 1,
  numFailedTests: 1,
  numPendingTests: 0,
  numTodoTests: 0,
  testResults,
});

describe('failedTestLines', () => {
  it('names each failed test with its file and the first line of its error, and nothing that passed', () => {
    const lines = failedTestLines(
      'unit',
      report([
        {
          name: '/repo/shared/a.test.ts',
          assertionResults: [
            { title: 'passes', fullName: 'a passes', status: 'passed' },
            {
              title: 'adds',
              fullName: 'a adds',
              status: 'failed',
              failureMessages: ['AssertionError: expected 3 to be 4\n    at a.test.ts:5:3'],
            },
          ],
        },
      ]),
      '/repo',
    );
    expect(lines).toEqual(['FAILED unit: shared/a.test.ts > a adds: AssertionError: expected 3 to be 4']);
  });

  it('names a file that failed outside its tests (an import, a hook)', () => {
    const lines = failedTestLines(
      'e2e',
      report([
        {
          name: '/repo/test/e2e/b.test.ts',
          message: 'Hook timed out in 120000ms\nmore',
          assertionResults: [],
        },
      ]),
      '/repo',
    );
    expect(lines).toEqual(['FAILED e2e: test/e2e/b.test.ts: Hook timed out in 120000ms']);
  });
});
