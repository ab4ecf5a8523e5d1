// The rate limit as the profile states it (limit per window, per token): bursts, parallel
// requests, Retry-After, recovery after the window, and isolation between tokens. These tests
// send without pacing and without waiting out 429s (a client of their own), on pool tokens this
// worker owns: no other worker uses them, and this worker runs one test at a time, so nothing
// else spends their budget meanwhile. Each test waits its windows out before it ends, so later
// tests on the same tokens start fresh.

import { setTimeout as sleep } from 'node:timers/promises';
import { skipOperation, test } from './fixtures.js';
import { ApiClient } from '../core/client/api-client.js';
import { runObservationChecks, type Observation, type RateLimitBurst, type RateLimitIsolation, type RateLimitRetry } from '../core/checks/observations.js';
import { observationChecksById } from '../core/checks/registry.js';
import { findingsOf } from '../core/checks/run-checks.js';
import type { CheckContext } from '../core/checks/context.js';
import type { Exchange } from '../core/exchange.js';
import type { Finding } from '../core/findings.js';
import type { Profile } from '../core/profile.js';
import type { OperationModel } from '../core/spec/model.js';
import { laneOf } from './support/lanes.js';
import type { WorkerClient } from './support/worker-client.js';

test.describe.configure({ mode: 'parallel' });

const PROBE = 'GET /me';

test('a burst on one token: exactly the limit served, then 429s with Retry-After, headers counting down', async ({ client, profile, spec, checkContext, coverage, expectNoFindings }) => {
  const [role] = ownTokens(client, 1);
  const operation = spec.operation(PROBE);
  if (role === undefined || operation === undefined) return skipOperation(PROBE, 'no pool token of its own for this worker (the pool needs a token per worker)');
  await withUnpacedClient(profile, async (raw) => {
    const burst = await sendBurst(raw, operation, role, profile.rateLimit.limit + 3);
    await waitOut(burst.waves.flat(), profile);
    await expectNoFindings(judged(checkContext, burst, ['rate-limit-burst', 'rate-limit-headers', 'rate-limit-retry-after'], coverage));
  });
});

test('parallel requests on a token with r requests left: at most r served', async ({ client, profile, spec, checkContext, coverage, expectNoFindings }) => {
  const [role] = ownTokens(client, 2).slice(1);
  const operation = spec.operation(PROBE);
  if (role === undefined || operation === undefined) return skipOperation(PROBE, 'no second pool token of its own for this worker');
  await withUnpacedClient(profile, async (raw) => {
    const burst = await sendBurst(raw, operation, role, 2, profile.rateLimit.limit);
    await waitOut(burst.waves.flat(), profile);
    await expectNoFindings(judged(checkContext, burst, ['rate-limit-burst', 'rate-limit-headers'], coverage));
  });
});

test('Retry-After tells the truth, and the token gets its full limit after the window', async ({ client, profile, spec, checkContext, coverage, expectNoFindings }) => {
  const [role] = ownTokens(client, 3).slice(2);
  const operation = spec.operation(PROBE);
  if (role === undefined || operation === undefined) return skipOperation(PROBE, 'no third pool token of its own for this worker');
  const { limit } = profile.rateLimit;
  await withUnpacedClient(profile, async (raw) => {
    const first = await sendBurst(raw, operation, role, limit + 1);
    const throttled = lastRefusal(first.waves.flat());
    if (throttled === undefined) {
      // Never throttled: rate-limit-burst says why; nothing else can be judged.
      await expectNoFindings(judged(checkContext, first, ['rate-limit-burst'], coverage));
      return;
    }
    const early = await send(raw, operation, role);
    await sleep(Math.max(0, retryDeadline(throttled, profile) + 100 - Date.now()));
    const recovery = await sendBurst(raw, operation, role, limit + 1);
    await waitOut(recovery.waves.flat(), profile);
    const retry: RateLimitRetry = { kind: 'rate-limit-retry', throttled, early, ...(recovery.waves[0]?.[0] === undefined ? {} : { late: recovery.waves[0][0] }) };
    await expectNoFindings([
      ...judged(checkContext, first, ['rate-limit-burst', 'rate-limit-retry-after'], coverage),
      ...judged(checkContext, retry, ['rate-limit-retry-after'], coverage),
      ...judged(checkContext, { ...recovery, after: throttled }, ['rate-limit-recovery', 'rate-limit-burst', 'rate-limit-headers'], coverage),
    ]);
  });
});

test('a throttled token leaves other tokens of the same and of another workspace alone', async ({ client, profile, spec, checkContext, coverage, expectNoFindings }) => {
  const [role] = ownTokens(client, 4).slice(3);
  const operation = spec.operation(PROBE);
  if (role === undefined || operation === undefined) return skipOperation(PROBE, 'no fourth pool token of its own for this worker');
  // Tokens of the same workspace (member, admin) and of another one (other), one request each:
  // far below their limit, whatever the other worker spends on them meanwhile.
  const otherRoles = ['member', 'admin', 'other'].filter((name) => client.hasRole(name) && (name !== 'member' || profile.tokens.member !== undefined) && (name !== 'other' || profile.tokens.other !== undefined));
  await withUnpacedClient(profile, async (raw) => {
    const burst = await sendBurst(raw, operation, role, profile.rateLimit.limit + 1);
    const throttled = lastRefusal(burst.waves.flat());
    if (throttled === undefined) {
      await expectNoFindings(judged(checkContext, burst, ['rate-limit-burst'], coverage));
      return;
    }
    const others: Exchange[] = [];
    for (const other of otherRoles) others.push(await send(raw, operation, other));
    const stillThrottled = await send(raw, operation, role);
    await waitOut([throttled, stillThrottled], profile);
    const observation: RateLimitIsolation = { kind: 'rate-limit-isolation', throttled, others, stillThrottled };
    await expectNoFindings([...judged(checkContext, burst, ['rate-limit-burst'], coverage), ...judged(checkContext, observation, ['rate-limit-isolation'], coverage)]);
  });
});

// ---- helpers

/** Pool roles only this worker uses; empty when the pool is shared between workers. */
function ownTokens(client: WorkerClient, count: number): string[] {
  const own = client.poolRoles.filter((role) => role.startsWith('pool['));
  const { config } = test.info();
  const shared = client.profile.tokens.pool.length < laneOf(0, config.workers, config.shard).lanes;
  return shared ? [] : own.slice(0, count);
}

async function withUnpacedClient(profile: Profile, body: (client: ApiClient) => Promise<void>): Promise<void> {
  const raw = await ApiClient.create({ profile, pace: false, maxRateLimitRetries: 0 });
  try {
    await body(raw);
  } finally {
    await raw.dispose();
  }
}

function send(client: ApiClient, operation: OperationModel, role: string): Promise<Exchange> {
  return client.send({ operation, path: operation.path, auth: role });
}

/** `sequential` requests one after the other, then `parallel` at once. */
async function sendBurst(client: ApiClient, operation: OperationModel, role: string, sequential: number, parallel = 0): Promise<RateLimitBurst> {
  const waves: Exchange[][] = [];
  for (let index = 0; index < sequential; index += 1) waves.push([await send(client, operation, role)]);
  if (parallel > 0) waves.push(await Promise.all(Array.from({ length: parallel }, () => send(client, operation, role))));
  return { kind: 'rate-limit-burst', role, waves };
}

function lastRefusal(exchanges: readonly Exchange[]): Exchange | undefined {
  return exchanges.filter((exchange) => exchange.response?.status === 429).at(-1);
}

/** When the window of a 429 is over for sure: its Retry-After, or the profile's window. */
function retryDeadline(throttled: Exchange, profile: Profile): number {
  const text = throttled.response?.headers['retry-after']?.trim() ?? '';
  const seconds = /^\d+$/.test(text) ? Math.min(Number(text), profile.rateLimit.windowSeconds) : profile.rateLimit.windowSeconds;
  return throttled.startedAt + (throttled.response?.durationMs ?? 0) + seconds * 1000;
}

/** Waits until the token is served again: past the Retry-After of the last 429 among `exchanges`. */
async function waitOut(exchanges: readonly Exchange[], profile: Profile): Promise<void> {
  const refusal = lastRefusal(exchanges);
  if (refusal === undefined) return;
  const until = retryDeadline(refusal, profile) + 100;
  if (until > Date.now()) await sleep(until - Date.now());
}

function judged(context: CheckContext, observation: Observation, ids: readonly string[], coverage: { add(exchange: Exchange): void }): Finding[] {
  const exchanges =
    observation.kind === 'rate-limit-burst'
      ? observation.waves.flat()
      : observation.kind === 'rate-limit-retry'
        ? [observation.early, observation.late].filter((exchange): exchange is Exchange => exchange !== undefined)
        : observation.kind === 'rate-limit-isolation'
          ? [...observation.others]
          : [];
  for (const exchange of exchanges) coverage.add(exchange);
  return findingsOf(runObservationChecks(observationChecksById(ids), observation, context));
}
