// The conformance run's own reporter: reports/summary.json and reports/summary.md from the
// findings and coverage the tests attach and the reports the workers leave at teardown. It
// only writes files (printsToStdio: false), and decides two things Playwright cannot:
// - an operation whose test ran but never got a 2xx fails the run (onEnd overrides the status);
// - a run whose tests never ran because setup failed (the target's start command) cannot be
//   judged: exit code 2.
// In a sharded run it also keeps the worker reports beside the blob report (shard-files.ts), and
// `npm run gate:merge` replays every shard's blob through it with those reports put back.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { loadProfile, type Profile } from '../../core/profile.js';
import { createRedactor, type Redactor } from '../../core/redact.js';
import { loadSpec } from '../../core/spec/load-spec.js';
import { OPERATION_ANNOTATION, SKIPPED_OPERATION_ANNOTATION } from '../support/annotations.js';
import { COVERAGE_ATTACHMENT, type CoverageRecord } from '../support/coverage.js';
import { FINDINGS_ATTACHMENT, type FindingRecord } from '../support/finding-record.js';
import { readRunSettings, type RunSettings } from '../support/run-settings.js';
import { runStateDir, takeWorkerReports } from '../support/worker-report.js';
import { buildSummary } from './build-summary.js';
import { renderSummary } from './render-summary.js';
import { shardWorkersFile, type ShardOfRun } from './shard-files.js';

export default class SummaryReporter implements Reporter {
  private readonly settings: RunSettings = readRunSettings();
  private readonly profile: Profile | undefined = tryLoadProfile(this.settings.profilePath);
  private readonly redact: Redactor = this.profile === undefined ? (text) => text : createRedactor(this.profile);
  private shard: ShardOfRun | undefined;
  private tests: TestCase[] = [];
  private readonly results = new Map<TestCase, TestResult>();
  private readonly findings: FindingRecord[] = [];
  private readonly coverage: CoverageRecord[] = [];
  /** `key: reason` → the skipped operation, from any spec. */
  private readonly skipped = new Map<string, { operationKey: string; reason: string }>();
  /** Operations whose success test was skipped with a reason: the coverage rule spares them. */
  private readonly exempt = new Set<string>();
  private readonly errors: string[] = [];

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.tests = suite.allTests();
    this.shard = config.shard ?? undefined;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.results.set(test, result);
    let reported = false;
    for (const attachment of result.attachments) {
      if (attachment.body === undefined) continue;
      if (attachment.name === FINDINGS_ATTACHMENT) {
        this.findings.push(...(JSON.parse(attachment.body.toString('utf8')) as FindingRecord[]));
        reported = true;
      }
      if (attachment.name === COVERAGE_ATTACHMENT) this.coverage.push(JSON.parse(attachment.body.toString('utf8')) as CoverageRecord);
    }
    for (const annotation of [...test.annotations, ...(result.annotations ?? [])]) {
      if (annotation.type !== SKIPPED_OPERATION_ANNOTATION || annotation.description === undefined) continue;
      const split = annotation.description.indexOf(': ');
      const operationKey = annotation.description.slice(0, split);
      this.skipped.set(annotation.description, { operationKey, reason: annotation.description.slice(split + 2) });
      if (test.annotations.some((candidate) => candidate.type === OPERATION_ANNOTATION)) this.exempt.add(operationKey);
    }
    if (!reported && (result.status === 'failed' || result.status === 'timedOut')) {
      const message = result.error?.message?.split('\n').find((line) => line.trim() !== '') ?? result.status;
      this.errors.push(this.redact(`${test.titlePath().slice(1).join(' › ')}: ${stripAnsi(message)}`));
    }
  }

  onError(error: TestError): void {
    const message = stripAnsi(error.message ?? error.value ?? 'unknown error').split('\n')[0] ?? '';
    this.errors.push(this.redact(message));
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const workers = takeWorkerReports(runStateDir(this.settings.reportsDir, this.settings.runId));
    if (this.shard !== undefined) {
      const file = shardWorkersFile(this.settings.reportsDir, this.shard);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, this.redact(`${JSON.stringify(workers, null, 2)}\n`));
    }
    // Errors before any test ended: global setup failed (the target's start command, say).
    const cannotJudge = this.results.size === 0 && this.errors.length > 0 ? this.notStarted() : undefined;
    const summary = buildSummary({
      runId: this.settings.runId,
      seed: this.settings.seed,
      target: this.profile?.baseUrl ?? '?',
      profile: this.settings.profilePath,
      mode: this.profile?.mode ?? '?',
      // The run's, not this reporter's: a merge replays shards that ran earlier, side by side.
      startedAt: result.startTime,
      durationMs: result.duration,
      tests: this.counts(),
      findings: this.findings,
      coverage: this.coverage,
      documented: documentedStatuses(this.settings.specPath),
      mustSucceed: this.operationsThatRan(),
      skippedOperations: [...this.skipped.values()],
      exempt: [...this.exempt],
      workers,
      errors: this.errors,
      ...(cannotJudge === undefined ? {} : { cannotJudge }),
      ...(result.status === 'interrupted' || result.status === 'timedout' ? { interrupted: true } : {}),
    });
    mkdirSync(this.settings.reportsDir, { recursive: true });
    writeFileSync(join(this.settings.reportsDir, 'summary.json'), this.redact(`${JSON.stringify(summary, null, 2)}\n`));
    writeFileSync(join(this.settings.reportsDir, 'summary.md'), this.redact(renderSummary(summary)));

    if (cannotJudge !== undefined) {
      process.stderr.write(`${cannotJudge}\n`);
      // Playwright exits with 0 or 1; a run that could not be judged is 2.
      process.once('exit', () => (process.exitCode = 2));
      return { status: 'failed' };
    }
    if (summary.coverageFailures.length > 0) {
      process.stderr.write(`Never answered with a 2xx (each a failure, see ${join(this.settings.reportsDir, 'summary.md')}): ${summary.coverageFailures.join(', ')}\n`);
      return { status: 'failed' };
    }
    return result.status === 'passed' && summary.verdict !== 'conformant' ? { status: 'failed' } : undefined;
  }

  /** The one sentence for a run whose tests never ran. */
  private notStarted(): string {
    const cause = (this.errors[0] ?? 'no test could start').replace(/^Error:\s*/, '').replace(/[.\s]*$/, '');
    const start = this.profile?.start;
    if (start === undefined || !/webServer/.test(cause)) return `The run could not begin: ${cause}.`;
    const code = /Exit code: (\d+)/.exec(cause)?.[1];
    const waited = /Timed out waiting (\d+)ms/.exec(cause)?.[1];
    if (code !== undefined) return `The target did not start: \`${start}\` exited with code ${code}.`;
    if (waited !== undefined) return `The target did not start: nothing answered at ${this.profile?.baseUrl}/me within ${Number(waited) / 1000} s of \`${start}\`.`;
    return `The target did not start with \`${start}\`: ${cause.replace(/config\.webServer/g, 'the start command')}.`;
  }

  private counts(): { total: number; passed: number; failed: number; skipped: number; other: number } {
    const counts = { total: this.tests.length, passed: 0, failed: 0, skipped: 0, other: 0 };
    for (const test of this.tests) {
      const status = this.results.get(test)?.status;
      if (status === 'passed') counts.passed += 1;
      else if (status === 'failed' || status === 'timedOut') counts.failed += 1;
      else if (status === 'skipped') counts.skipped += 1;
      else counts.other += 1;
    }
    return counts;
  }

  /** Operations whose success test ran to an end (not skipped, not cut off by an interrupt). */
  private operationsThatRan(): string[] {
    return this.tests.flatMap((test) => {
      const status = this.results.get(test)?.status;
      if (status !== 'passed' && status !== 'failed' && status !== 'timedOut') return [];
      return test.annotations.filter((annotation) => annotation.type === OPERATION_ANNOTATION).map((annotation) => annotation.description ?? '');
    });
  }
}

function tryLoadProfile(file: string): Profile | undefined {
  try {
    return loadProfile(file);
  } catch {
    return undefined;
  }
}

function documentedStatuses(specPath: string): Record<string, string[]> {
  try {
    return Object.fromEntries(loadSpec(specPath).operations.map((operation) => [operation.key, Object.keys(operation.responses)]));
  } catch {
    return {};
  }
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
