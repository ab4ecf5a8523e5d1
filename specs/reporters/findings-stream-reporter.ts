// Findings as they happen: one JSON line per finding in reports/findings.ndjson, appended when
// the test that saw it ends. The summary waits for the end of the run; this file is for whoever
// watches a run live (`tail -f`), and for a runner that stops a run at its first finding of a
// kind (the mutation run stops a fault's run once an expected check has fired). Records come
// from the tests' findings attachments, already redacted.

import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { FINDINGS_ATTACHMENT, type FindingRecord } from '../support/finding-record.js';
import { readRunSettings } from '../support/run-settings.js';

export const FINDINGS_STREAM_FILE = 'findings.ndjson';

/** One line of the stream. */
export interface StreamedFinding {
  checkId: string;
  operationKey: string;
  title: string;
  dedupKey: string;
  count: number;
  /** The test that saw it. */
  test: string;
  /** Epoch milliseconds when its test ended. */
  at: number;
}

export default class FindingsStreamReporter implements Reporter {
  private readonly file = join(readRunSettings().reportsDir, FINDINGS_STREAM_FILE);

  printsToStdio(): boolean {
    return false;
  }

  onBegin(): void {
    mkdirSync(readRunSettings().reportsDir, { recursive: true });
    writeFileSync(this.file, ''); // a stream of this run only, there from the start for `tail -f`
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const at = Date.now();
    const lines: string[] = [];
    for (const attachment of result.attachments) {
      if (attachment.name !== FINDINGS_ATTACHMENT || attachment.body === undefined) continue;
      for (const finding of JSON.parse(attachment.body.toString('utf8')) as FindingRecord[]) {
        const line: StreamedFinding = {
          checkId: finding.checkId,
          operationKey: finding.operationKey,
          title: finding.title,
          dedupKey: finding.dedupKey,
          count: finding.count,
          test: test.titlePath().slice(1).join(' › '),
          at,
        };
        lines.push(`${JSON.stringify(line)}\n`);
      }
    }
    if (lines.length > 0) appendFileSync(this.file, lines.join(''));
  }
}
