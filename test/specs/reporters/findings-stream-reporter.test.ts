// The live findings stream: one line per finding a test attached, appended as each test ends,
// the file of this run only.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import FindingsStreamReporter, { FINDINGS_STREAM_FILE } from '../../../specs/reporters/findings-stream-reporter.js';
import { FINDINGS_ATTACHMENT } from '../../../specs/support/finding-record.js';

function withRunEnv<T>(reportsDir: string, body: () => T): T {
  const saved = { ...process.env };
  Object.assign(process.env, { THERE_THERE_SEED: '7', THERE_THERE_RUN_ID: 'ttgate-test01', THERE_THERE_REPORTS_DIR: reportsDir });
  try {
    return body();
  } finally {
    for (const key of ['THERE_THERE_SEED', 'THERE_THERE_RUN_ID', 'THERE_THERE_REPORTS_DIR']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

const testCase = (title: string) => ({ titlePath: () => ['', 'specs/operations.spec.ts', title] }) as unknown as TestCase;
const result = (findings: unknown[] | undefined) =>
  ({ attachments: findings === undefined ? [] : [{ name: FINDINGS_ATTACHMENT, contentType: 'application/json', body: Buffer.from(JSON.stringify(findings)) }] }) as unknown as TestResult;
const finding = (checkId: string) => ({ checkId, kind: 'failure', operationKey: 'GET /tags', title: `${checkId} seen`, expected: '', actual: '', count: 2, dedupKey: `${checkId} GET /tags`, curl: '', outcome: '200', text: '' });

describe('the findings stream reporter', () => {
  it('appends a line per finding as each test ends, and starts the file afresh', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-'));
    const file = join(dir, FINDINGS_STREAM_FILE);
    writeFileSync(file, '{"checkId":"left-over","at":1}\n');
    withRunEnv(dir, () => {
      const reporter = new FindingsStreamReporter();
      reporter.onBegin();
      assert.equal(readFileSync(file, 'utf8'), '', 'an earlier run’s stream is gone, an empty one is there to follow');
      reporter.onTestEnd(testCase('GET /tags'), result([finding('envelope'), finding('response-schema')]));
      reporter.onTestEnd(testCase('GET /me'), result(undefined));
      reporter.onTestEnd(testCase('POST /tags'), result([finding('status-documented')]));
    });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { checkId: string; test: string; count: number; at: number });
    assert.deepEqual(lines.map((line) => line.checkId), ['envelope', 'response-schema', 'status-documented']);
    assert.equal(lines[0]?.test, 'specs/operations.spec.ts › GET /tags');
    assert.equal(lines[0]?.count, 2);
    assert.ok(lines.every((line) => typeof line.at === 'number' && line.at > 0));
  });
});
