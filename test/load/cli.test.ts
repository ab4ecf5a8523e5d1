// The commands as people run them: separate processes for `npm run load` (two shards side by
// side), `npm run load:merge`, and the refusals that must exit 2 without sending anything.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { decodeHistogram, mergeHistograms, summarize } from '../../load/histogram.js';
import type { LoadResult } from '../../load/load-result.js';
import { buildApp } from '../../target/app.js';

const RATE_LIMIT = { limit: 200, windowSeconds: 1 };
const dir = mkdtempSync(join(tmpdir(), 'load-cli-'));

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, THERE_THERE_BASE_URL: '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A copy of targets/local.yaml pointing at `baseUrl`, with allowLoad as given. */
function profileFile(name: string, baseUrl: string, allowLoad: boolean): string {
  const text = readFileSync('targets/local.yaml', 'utf8')
    .replace(/^baseUrl:.*$/m, `baseUrl: ${baseUrl}`)
    .replace(/^start:.*$/m, '')
    .replace(/^rateLimit:.*$/m, `rateLimit: { limit: ${RATE_LIMIT.limit}, windowSeconds: ${RATE_LIMIT.windowSeconds} }`)
    .replace(/^allowLoad:.*$/m, `allowLoad: ${allowLoad}`);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

let app: FastifyInstance;
let baseUrl = '';
/** Counts every request, to prove a refused run sent nothing. */
let hits = 0;
const counter: Server = createServer((_request, response) => {
  hits += 1;
  response.end('{}');
});
let counterUrl = '';

before(async () => {
  app = await buildApp({ rateLimit: RATE_LIMIT });
  baseUrl = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api`;
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  counterUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}/api`;
});

after(async () => {
  await app.close();
  await new Promise<void>((resolve) => counter.close(() => resolve()));
});

describe('npm run load and npm run load:merge', () => {
  it('two shards run as separate processes merge into one report with exact percentiles', async () => {
    const profile = profileFile('shards', baseUrl, true);
    const common = ['--scenario', 'read-mix', '--duration', '2s', '--profile', profile, '--out', dir, '--quiet', '--run-id', 'lr-shards'];
    const shards = await Promise.all([run('load/cli.ts', [...common, '--shard', '1/2']), run('load/cli.ts', [...common, '--shard', '2/2'])]);
    for (const shard of shards) assert.equal(shard.stderr, '');
    const parts = [1, 2].map((index) => JSON.parse(readFileSync(join(dir, `read-mix.shard-${index}-of-2.json`), 'utf8')) as LoadResult);
    assert.deepEqual(parts.map((part) => part.metrics.planned_rate), [50, 50]);

    const merged = await run('load/merge-cli.ts', ['--out', dir, '--thresholds', writeThresholds('read-mix: [error_rate < 1%, requests >= 190]'), ...parts.map((_, index) => join(dir, `read-mix.shard-${index + 1}-of-2.json`))]);
    assert.equal(merged.code, 0, merged.stdout + merged.stderr);
    assert.match(merged.stdout, /^PASS read-mix \(smoke, 2 shards merged\)/);
    const result = JSON.parse(readFileSync(join(dir, 'read-mix.json'), 'utf8')) as LoadResult;
    assert.equal(result.mergedFrom, 2);
    assert.equal(result.metrics.requests, (parts[0]?.metrics.requests ?? 0) + (parts[1]?.metrics.requests ?? 0));
    assert.equal(result.metrics.planned_rate, 100);
    // Shards side by side: their rates add up, whenever each of them started.
    assert.ok(Math.abs((result.metrics.rps ?? 0) - ((parts[0]?.metrics.rps ?? 0) + (parts[1]?.metrics.rps ?? 0))) < 0.01);
    const expected = summarize(mergeHistograms(parts.map((part) => part.record.histogram)));
    assert.equal(result.metrics.p99, expected.p99);
    assert.equal(result.metrics.p50, expected.p50);
    assert.deepEqual(summarize(decodeHistogram(result.record.histogram)), expected);
  });

  it('a breached threshold exits 1 naming the threshold, the measured value and the limit', async () => {
    const strict = writeThresholds('read-mix: [p99 < 1us]');
    const merged = await run('load/merge-cli.ts', ['--out', join(dir, 'strict'), '--thresholds', strict, join(dir, 'read-mix.shard-1-of-2.json'), join(dir, 'read-mix.shard-2-of-2.json')]);
    assert.equal(merged.code, 1);
    assert.match(merged.stdout, /^FAIL read-mix/);
    assert.match(merged.stdout, /threshold breached: p99 < 1us: measured [\d.]+(µs|ms), limit 1µs/);
  });

  it('a regression against a baseline exits 1; the same figures as baseline pass', async () => {
    const shardFiles = [join(dir, 'read-mix.shard-1-of-2.json'), join(dir, 'read-mix.shard-2-of-2.json')];
    const baseline = JSON.parse(readFileSync(join(dir, 'read-mix.json'), 'utf8')) as LoadResult;
    const lenient = writeThresholds('read-mix: [error_rate < 1%]');
    const same = await run('load/merge-cli.ts', ['--out', join(dir, 'same'), '--thresholds', lenient, '--baseline', join(dir, 'read-mix.json'), ...shardFiles]);
    assert.equal(same.code, 0, same.stdout);
    const faster = join(dir, 'faster-baseline.json');
    writeFileSync(faster, JSON.stringify({ ...baseline, metrics: { ...baseline.metrics, p99: (baseline.metrics.p99 ?? 0) / 2 } }));
    const slower = await run('load/merge-cli.ts', ['--out', join(dir, 'regressed'), '--thresholds', lenient, '--baseline', faster, ...shardFiles]);
    assert.equal(slower.code, 1);
    assert.match(slower.stdout, /regression against .*faster-baseline\.json: p99: .* \(\+100\.0%, allowed \+25%\)/);
  });

  it('refuses a profile without allowLoad: exit 2, one sentence, no request sent', async () => {
    hits = 0;
    const refused = await run('load/cli.ts', ['--scenario', 'read-mix', '--profile', profileFile('no-load', counterUrl, false), '--out', join(dir, 'refused')]);
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^Profile "local" \(.*no-load\.yaml\) does not allow load: set allowLoad: true in it to run load scenarios against http:\/\/127\.0\.0\.1:\d+\/api\.\n$/);
    assert.equal(hits, 0);
  });

  it('bad arguments and unknown scenarios exit 2 with one sentence', async () => {
    const profile = profileFile('args', counterUrl, true);
    for (const [args, message] of [
      [['--size', 'medium'], /^--size must be smoke or full, not "medium"\.\n$/],
      [['--scenario', 'nope', '--profile', profile], /^Unknown scenario "nope" \(available: capacity, rate-limit, read-mix, soak, write-mix\)\.\n$/],
      [['--shard', '3/2'], /^--shard must be i\/n/],
      [['--bogus'], /^Unknown or incomplete option --bogus/],
      [['--profile', join(dir, 'missing.yaml')], /missing\.yaml: cannot be read \(no such file\)\.\n$/],
    ] as Array<[string[], RegExp]>) {
      const ran = await run('load/cli.ts', args);
      assert.equal(ran.code, 2, `${args.join(' ')}: ${ran.stderr}`);
      assert.match(ran.stderr, message);
    }
    const merge = await run('load/merge-cli.ts', [join(dir, 'missing.json')]);
    assert.equal(merge.code, 2);
    assert.match(merge.stderr, /^The shard result .*missing\.json cannot be read: no such file\.\n$/);
  });
});

function writeThresholds(readMix: string): string {
  const file = join(dir, `thresholds-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `scenarios:\n  ${readMix}\nregressions:\n  p99: +25%\n  rps: -10%\n`);
  return file;
}
