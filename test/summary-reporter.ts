/**
 * Prints one plain closing line, `N passed, N failed`, after vitest's own
 * report (as the very last line), so CI can read the totals. A test file that fails to load counts as
 * one failure, and so does any unhandled error.
 */
import type { Reporter, TestModule, TestCase } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private line = '';

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      let testsInModule = 0;
      for (const testCase of testModule.children.allTests() as Iterable<TestCase>) {
        testsInModule += 1;
        const state = testCase.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (testsInModule === 0 && testModule.state() === 'failed') failed += 1;
    }
    failed += unhandledErrors.length;
    const skippedPart = skipped > 0 ? `, ${skipped} skipped` : '';
    this.line = `${passed} passed, ${failed} failed${skippedPart}`;
  }

  /** called after every reporter's onTestRunEnd, and after the default reporter's summary */
  onFinished(): void {
    if (this.line !== '') process.stdout.write(`\n${this.line}\n`);
  }
}
