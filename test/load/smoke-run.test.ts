// A real smoke run of one scenario against the reference target in this process, its three
// reports, and the HTML report opened in headless Chromium (Debian's package).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { loadProfile, type Profile } from '../../core/profile.js';
import { buildApp } from '../../target/app.js';
import { buildResult } from '../../load/build-result.js';
import type { LoadResult } from '../../load/load-result.js';
import { Progress } from '../../load/progress.js';
import { runScenario } from '../../load/run-scenario.js';
import { loadScenario } from '../../load/scenario.js';
import { parseThreshold } from '../../load/threshold.js';
import { writeReports } from '../../load/write-reports.js';

const CHROMIUM = '/usr/bin/chromium';
const RATE_LIMIT = { limit: 200, windowSeconds: 1 };

let app: FastifyInstance;
let profile: Profile;
let result: LoadResult;
let files: string[];

before(async () => {
  app = await buildApp({ rateLimit: RATE_LIMIT });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  profile = { ...loadProfile('targets/local.yaml', {}), baseUrl: `${address}/api`, rateLimit: RATE_LIMIT };
  // The target shares this process's event loop, so timing thresholds would judge the test
  // harness; the figures that must hold anyway are judged.
  const thresholds = ['error_rate == 0', 'achieved_ratio > 90%', 'requests >= 200'].map((text) => parseThreshold(text, 'smoke test'));
  result = await runScenario({
    scenario: loadScenario('read-mix'),
    size: 'smoke',
    profile,
    embedded: false,
    shard: { index: 1, count: 1 },
    seconds: 2,
    runId: 'lrtest',
    seed: 1,
    judging: { thresholds, regressions: [] },
    progress: new Progress({ quiet: true }),
    signal: new AbortController().signal,
  });
  files = writeReports(result, mkdtempSync(join(tmpdir(), 'load-reports-')));
});

after(() => app.close());

describe('smoke run of read-mix against the reference target', () => {
  it('measures an open-model run at the planned rate', () => {
    assert.equal(result.model, 'open');
    assert.equal(result.metrics.planned_rate, 100);
    assert.equal(result.metrics.requests, 200);
    assert.equal(result.metrics.error_rate, 0);
    assert.ok((result.metrics.p50 ?? 0) > 0);
    assert.equal(result.passed, true, result.thresholds.map((t) => t.message).join('; '));
    assert.ok(Object.keys(result.record.operations).length >= 5);
  });

  it('writes <scenario>.json, .md and .html, none of them holding a token', () => {
    assert.deepEqual(files.map((file) => file.split('/').pop()), ['read-mix.json', 'read-mix.md', 'read-mix.html']);
    const tokens = [profile.tokens.admin, ...profile.tokens.pool, profile.tokens.member ?? ''].filter(Boolean);
    for (const file of files) {
      assert.ok(existsSync(file));
      const text = readFileSync(file, 'utf8');
      for (const token of tokens) assert.ok(!text.includes(token.split('|')[1] as string), `${file} holds a token`);
    }
    const json = JSON.parse(readFileSync(files[0] as string, 'utf8')) as LoadResult;
    assert.equal(json.metrics.requests, 200);
    assert.ok(json.record.histogram.length > 10);
    assert.ok(json.timeline.length >= 2 && json.timeline.every((point) => typeof point.statuses === 'object'));
    const markdown = readFileSync(files[1] as string, 'utf8');
    assert.match(markdown, /^## Load: read-mix \(smoke\): PASS/);
    assert.match(markdown, /Model: open \(arrival rate\)\. Planned 100\/s, achieved/);
    assert.match(markdown, /not sent on time/);
  });

  it('the same run judged against an impossible threshold fails and says why', () => {
    const strict = buildResult(
      { ...result, notes: [] },
      result.record,
      { thresholds: [parseThreshold('p99 < 1us', 'test')], regressions: [] },
    );
    assert.equal(strict.passed, false);
    assert.match(strict.thresholds[0]?.message ?? '', /^p99 < 1us: measured [\d.]+(µs|ms), limit 1µs$/);
  });

  it('the HTML report draws its charts offline in Chromium without console errors', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install -y chromium)` }, async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) problems.push(`network: ${request.url()}`);
      });
      await page.goto(`file://${files[2] as string}`);
      await page.waitForFunction("document.querySelectorAll('.chart canvas').length >= 4", undefined, { timeout: 10_000 });
      const sizes = await page.$$eval('.chart', (charts) =>
        charts.map((chart) => {
          const canvas = chart.querySelector('canvas');
          const box = canvas?.getBoundingClientRect();
          return { id: chart.id, width: box?.width ?? 0, height: box?.height ?? 0 };
        }),
      );
      assert.deepEqual(sizes.map((size) => size.id), ['chart-latency', 'chart-rps', 'chart-status', 'chart-distribution']);
      for (const size of sizes) assert.ok(size.width > 100 && size.height > 100, `${size.id} is ${size.width}×${size.height}`);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
