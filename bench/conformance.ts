// What generating and checking cost on top of the HTTP client. Against the reference target (a
// child process, rate limit out of reach), one stream of requests each, side by side:
//   checked   property runs of every read operation, as operations.spec.ts does them
//             (generation, path bindings, sending, every check), requests per second;
//   bare      the very same requests replayed through the same client (the worker client over
//             Playwright's request API), without generation or checks;
//   autocannon the same requests again, one connection.
// The goal is checked/bare ≥ 0.67: generation and checks cost at most half again the client.
// Checked and bare alternate operation by operation, for a few rounds; each figure is the
// median round, so a busy machine skews them alike.

import autocannon from 'autocannon';
import { fileURLToPath } from 'node:url';
import { profileFacts } from '../core/checks/profile-facts.js';
import { specForChecks } from '../core/checks/spec-for-checks.js';
import type { SentRequest } from '../core/exchange.js';
import { loadProfile, type Profile } from '../core/profile.js';
import { profileTokens } from '../core/redact.js';
import { loadSpec } from '../core/spec/load-spec.js';
import { resourceFamilies } from '../generators/resource-families.js';
import { OPERATION_CHECKS } from '../specs/support/check-sets.js';
import { CreatedRegistry } from '../specs/support/created-registry.js';
import { Harvest } from '../specs/support/harvest.js';
import { createJudge } from '../specs/support/judge.js';
import { runOperation, type RunnerDeps } from '../specs/support/operation-runner.js';
import { PathBinder } from '../specs/support/path-binder.js';
import { ResourceFactory } from '../specs/support/resource-factory.js';
import { WorkerClient } from '../specs/support/worker-client.js';
import { spawnServer } from './_internals/spawn-server.js';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const UNREACHABLE_RATE = { limit: 1_000_000, windowSeconds: 1 };

interface Figure {
  label: string;
  requests: number;
  seconds: number;
}

export async function benchConformance(cases = Number(process.env.BENCH_CONFORMANCE_CASES ?? 100), rounds = 3): Promise<string> {
  const target = await spawnServer(root('target/server.ts'), ['--port', '0', '--rate-limit', String(UNREACHABLE_RATE.limit), '--rate-window', '1']);
  try {
    const profile: Profile = { ...loadProfile(root('targets/local.yaml'), {}), baseUrl: `${target.url}/api`, rateLimit: UNREACHABLE_RATE, mode: 'read-only' };
    const spec = loadSpec(root('openapi.yaml'));
    spec.validators.compileAll();
    const reads = spec.operations.filter((operation) => operation.method === 'GET');

    const client = await WorkerClient.create({ profile, slot: 0, workers: 1 });
    const families = resourceFamilies(spec);
    const harvest = new Harvest(client, families, client.poolRoles);
    const created = new CreatedRegistry(client, families, {});
    const factory = new ResourceFactory(client, created, () => harvest.context(), (_key, body) => body, 1);
    const binder = new PathBinder(families, harvest, factory, created, () => client.nextPoolRole(), false);
    await harvest.collect();
    let recorded: SentRequest[] = [];
    const context = { spec: specForChecks(spec), profile: profileFacts(profile) };
    const judge = createJudge(context, (exchange) => recorded.push(exchange.request));
    // The runner's client, timed: what the checked run spends outside it is generation, bindings and checks.
    let inClientMs = 0;
    const timed: WorkerClient = Object.assign(Object.create(client) as WorkerClient, {
      send: async (request: Parameters<WorkerClient['send']>[0]) => {
        const started = performance.now();
        const exchange = await client.send(request);
        inClientMs += performance.now() - started;
        return exchange;
      },
    });
    const deps: RunnerDeps = {
      client: timed,
      binder,
      harvest,
      created,
      families,
      judge,
      stamp: (_key, body) => body,
      writesAllowed: false,
      requestValidator: (key) => spec.validators.requestBody(key, 'application/json'),
    };
    // Checked and bare alternate operation by operation, so a busy machine weighs on both alike.
    const round = async (count: number): Promise<{ checked: Figure; bare: Figure; requests: SentRequest[]; ownMs: number }> => {
      const all: SentRequest[] = [];
      let checkedMs = 0;
      inClientMs = 0;
      let bareMs = 0;
      for (const [index, operation] of reads.entries()) {
        recorded = [];
        const started = performance.now();
        await runOperation(deps, operation, { validity: 'valid', cases: count, seed: 1000 + index, checks: OPERATION_CHECKS });
        checkedMs += performance.now() - started;
        const sent = recorded;
        const replayed = performance.now();
        for (const request of sent) {
          await client.send({ method: request.method, path: request.path, query: request.query, headers: request.headers, auth: request.auth, ...(request.body === undefined ? {} : { rawBody: request.body }) });
        }
        bareMs += performance.now() - replayed;
        all.push(...sent);
      }
      return {
        checked: { label: 'checked: generation, bindings, client, every check', requests: all.length, seconds: checkedMs / 1000 },
        bare: { label: 'bare: the same client, the same requests replayed', requests: all.length, seconds: bareMs / 1000 },
        requests: all,
        ownMs: checkedMs - inClientMs,
      };
    };

    await round(2); // warm-up: arbitraries built, validators and JIT warm
    const figures: Array<[Figure, Figure, Figure]> = [];
    const own: number[] = [];
    for (let index = 0; index < rounds; index += 1) {
      const { checked, bare, requests, ownMs } = await round(cases);
      figures.push([checked, bare, await autocannonFigure(target.url, requests, profile)]);
      own.push(ownMs / requests.length);
    }
    const ownMsPerRequest = [...own].sort((a, b) => a - b)[Math.floor(own.length / 2)] as number;
    await client.dispose();
    const [checked, bare, cannon] = [0, 1, 2].map((column) => median(figures.map((round) => round[column] as Figure))) as [Figure, Figure, Figure];
    return render(checked, bare, cannon, ownMsPerRequest, reads.length, cases, rounds);
  } finally {
    await target.stop();
  }
}

async function autocannonFigure(origin: string, requests: SentRequest[], profile: Profile): Promise<Figure> {
  const tokens = new Map(profileTokens(profile).map(({ role, token }) => [role, token]));
  const list = requests.map((request) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = { ...request.headers };
    if (request.auth.kind === 'token') headers.authorization = `Bearer ${tokens.get(request.auth.role) ?? ''}`;
    return { method: request.method as 'GET', path: url.pathname + url.search, headers };
  });
  const started = performance.now();
  const result = await autocannon({ url: origin, connections: 1, amount: list.length, requests: list });
  // Wall clock, as for the others (autocannon's own duration is in whole seconds).
  return { label: 'autocannon, 1 connection, same requests', requests: result.requests.total, seconds: (performance.now() - started) / 1000 };
}

/** The round with the median rate. */
function median(figures: Figure[]): Figure {
  const sorted = [...figures].sort((a, b) => a.requests / a.seconds - b.requests / b.seconds);
  return sorted[Math.floor(sorted.length / 2)] as Figure;
}

function render(checked: Figure, bare: Figure, cannon: Figure, ownMs: number, operations: number, cases: number, rounds: number): string {
  const rate = (figure: Figure): number => figure.requests / figure.seconds;
  const msPer = (figure: Figure): number => (figure.seconds * 1000) / figure.requests;
  const perRequest = (figure: Figure): string => msPer(figure).toFixed(2);
  const ratio = rate(checked) / rate(bare);
  const lines = [
    `## Conformance run vs its client (${operations} read operations × ${cases} cases, one stream, target in a child process, median of ${rounds} rounds)`,
    '',
    '| what | requests | req/s | ms per request | vs bare client |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...[checked, bare, cannon].map((figure) => `| ${figure.label} | ${figure.requests} | ${Math.round(rate(figure))} | ${perRequest(figure)} | ${(rate(figure) / rate(bare)).toFixed(2)} |`),
    '',
    `Checked/bare = ${ratio.toFixed(2)} (goal ≥ 0.67): the checked run takes ${(msPer(checked) - msPer(bare)).toFixed(2)} ms per request more than the bare replay. ` +
      `Of that, ${ownMs.toFixed(2)} ms is spent outside the client (generation, bindings, every check); the rest is spent inside it: the same requests take longer ` +
      `while generation and checks run between them than when replayed back to back (the process's garbage collection and the target share the machine's cores). ` +
      `Counting only the time outside the client, the ratio would be ${(msPer(bare) / (msPer(bare) + ownMs)).toFixed(2)}. ` +
      `The bare client against autocannon on the same requests: ${(rate(bare) / rate(cannon)).toFixed(2)}` +
      `${rate(bare) / rate(cannon) < 0.67 ? ' — the client, not the checks, limits the gate; a leaner client for bulk property runs would pay off' : ' — with one connection, Playwright\'s request API is not what limits the gate'}.`,
  ];
  return lines.join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchConformance().then(
    (table) => process.stdout.write(`${table}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
