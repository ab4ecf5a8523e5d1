import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import {
  rateLimitBurst, rateLimitHeaders, rateLimitIsolation, rateLimitRecovery, rateLimitRetryAfter,
} from '../../../core/checks/rate-limit.js';
import type { Exchange } from '../../../core/exchange.js';
import type { RateLimitBurst, RateLimitIsolation, RateLimitRetry } from '../../../core/checks/observations.js';
import { buildApp } from '../../../target/app.js';
import { brokenProxy } from './_support/broken-proxy.js';
import { faultyLimiter } from './_support/faulty-limiter.js';
import { handBuilt } from './_support/hand-built.js';
import { injectSend } from './_support/inject-send.js';
import { assertObservationFail, assertObservationPass, assertObservationSkip, operation, semanticContext } from './_support/semantic-fixtures.js';

const me = operation('GET /me');
const LIMIT = 5;
const WINDOW = 2;
const context = semanticContext({ limit: LIMIT, windowSeconds: WINDOW });

/** One hand-built answer on `role` at `at` ms: served with `remaining`, or a 429. */
function answer(at: number, remaining: number | null, options: { role?: string; retryAfter?: string; limit?: string } = {}): Exchange {
  const refused = remaining === null;
  return handBuilt({
    operation: me,
    role: options.role ?? 'pool[0]',
    status: refused ? 429 : 200,
    startedAt: 1_000_000 + at,
    durationMs: 3,
    headers: {
      'x-ratelimit-limit': options.limit ?? String(LIMIT),
      'x-ratelimit-remaining': String(remaining ?? 0),
      ...(refused && options.retryAfter !== '' ? { 'retry-after': options.retryAfter ?? String(WINDOW) } : {}),
    },
    body: refused ? { message: 'Too Many Attempts.' } : { data: {} },
  });
}
const burstOf = (remainings: Array<number | null>, extra: Partial<RateLimitBurst> = {}): RateLimitBurst => ({
  kind: 'rate-limit-burst',
  role: 'pool[0]',
  waves: remainings.map((remaining, index) => [answer(index * 10, remaining)]),
  ...extra,
});

describe('rate-limit checks, hand-built', () => {
  it('pass on exactly the limit then 429s, counting down to 0, with a sane Retry-After', () => {
    const burst = burstOf([4, 3, 2, 1, 0, null, null, null]);
    for (const check of [rateLimitBurst, rateLimitHeaders, rateLimitRetryAfter]) assertObservationPass(check, burst, context);
  });

  it('pass on a window already partly used (the first Remaining tells how much)', () => {
    const burst = burstOf([2, 1, 0, null, null]);
    assertObservationPass(rateLimitBurst, burst, context);
    assertObservationPass(rateLimitHeaders, burst, context);
  });

  it('rate-limit-burst fails on one request too many, and on a 429 before the limit', () => {
    const [beyond] = assertObservationFail(rateLimitBurst, burstOf([4, 3, 2, 1, 0, 0, null]), context);
    assert.match(beyond?.title ?? '', /1 request\(s\) served beyond the limit of 5/);
    const [early] = assertObservationFail(rateLimitBurst, burstOf([4, 3, null, null]), context);
    assert.match(early?.dedupKey ?? '', /refused before the limit/);
  });

  /** A burst on one token whose answers come at the given ms: [at, remaining or null for a 429]. */
  const timed = (answers: Array<[number, number | null]>): RateLimitBurst => ({
    kind: 'rate-limit-burst',
    role: 'pool[0]',
    waves: answers.map(([at, remaining]) => [answer(at, remaining, { retryAfter: '1' })]),
  });

  it('rate-limit-burst passes a burst that straddles a window boundary on a fixed-window limiter', () => {
    // Begun with 2 slots left; the window ends mid-burst and Remaining jumps back to limit - 1.
    const straddle = timed([[0, 1], [10, 4], [20, 3], [30, 2], [40, 1], [50, 0], [60, null], [70, null]]);
    assertObservationPass(rateLimitBurst, straddle, context);
    assertObservationPass(rateLimitBurst, timed([[0, 1], [10, 0], [20, null], [30, 4], [40, 3], [50, 2], [60, 1], [70, 0], [80, null]]), context);
    // Two boundaries: the second window is a window old when the third begins.
    assertObservationPass(rateLimitBurst, timed([[0, 0], [10, 4], [20, 3], [30, 2], [40, 1], [50, 0], [60, null], [2100, 4], [2110, 3], [2120, 2], [2130, 1], [2140, 0], [2150, null]]), context);
    // Without Remaining going up: a 2xx sent once the 429's Retry-After has elapsed.
    assertObservationPass(rateLimitBurst, timed([[0, 0], [10, null], [1100, 0], [1110, 0], [1120, 0], [1130, 0], [1140, 0], [1150, null]]), context);
  });

  it('rate-limit-burst still fails one request too many per window, also across a boundary', () => {
    const cause = /served beyond the limit/;
    // Leak in the old window, then in the new one.
    const [leak] = assertObservationFail(rateLimitBurst, timed([[0, 1], [10, 0], [20, 0], [30, null], [40, 4], [50, 3], [60, 2], [70, 1], [80, 0], [90, 0], [100, null]]), context);
    assert.match(leak?.dedupKey ?? '', cause);
    assert.match(leak?.title ?? '', /2 request\(s\) served beyond/);
    // Leak only in the window begun mid-burst.
    assert.match(assertObservationFail(rateLimitBurst, timed([[0, 1], [10, 4], [20, 3], [30, 2], [40, 1], [50, 0], [60, 0], [70, null]]), context)[0]?.dedupKey ?? '', cause);
    // A Remaining that goes up too soon after a window began is no new window.
    assert.match(assertObservationFail(rateLimitBurst, timed([[0, 4], [10, 3], [20, 2], [30, 1], [40, 0], [50, 4], [60, null]]), context)[0]?.dedupKey ?? '', cause);
    assert.match(assertObservationFail(rateLimitBurst, timed([[0, 1], [10, 4], [20, 3], [30, 2], [40, 1], [50, 0], [60, 4], [70, null]]), context)[0]?.dedupKey ?? '', cause);
    // Remaining never goes up and the server keeps serving.
    assert.match(assertObservationFail(rateLimitBurst, burstOf([4, 3, 2, 1, 0, 0, 0, 0, 0]), context)[0]?.dedupKey ?? '', cause);
    assert.match(assertObservationFail(rateLimitBurst, burstOf([1, 0, 0, 0]), context)[0]?.dedupKey ?? '', cause);
  });

  it('rate-limit-burst fails when parallel requests slip past the slots left', () => {
    const parallel = (served: number): RateLimitBurst => ({
      kind: 'rate-limit-burst',
      role: 'pool[0]',
      waves: [[answer(0, 4)], [answer(5, 3)], [answer(10, 2)], Array.from({ length: 5 }, (_, index) => answer(20, index < served ? 1 : null))],
    });
    assertObservationPass(rateLimitBurst, parallel(2), context);
    const [finding] = assertObservationFail(rateLimitBurst, parallel(4), context);
    assert.match(finding?.title ?? '', /5 parallel requests with 2 slot\(s\) left: 4 served/);
  });

  it('rate-limit-headers fails on a wrong limit, a Remaining that does not move, and a 429 with Remaining left', () => {
    const wrongLimit = { ...burstOf([4]), waves: [[answer(0, 4, { limit: '60' })]] };
    assert.match(assertObservationFail(rateLimitHeaders, wrongLimit, context)[0]?.dedupKey ?? '', /Limit is not the limit/);
    assert.match(assertObservationFail(rateLimitHeaders, burstOf([4, 4, 4, 4, 4, null]), context)[0]?.dedupKey ?? '', /does not count down by one/);
    const nonZero = { ...burstOf([4, 3, 2, 1, 0]), waves: [...burstOf([4, 3, 2, 1, 0]).waves, [handBuilt({ operation: me, role: 'pool[0]', status: 429, startedAt: 1_000_100, headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '3', 'retry-after': '1' }, body: { message: 'x' } })]] };
    assert.match(assertObservationFail(rateLimitHeaders, nonZero, context)[0]?.dedupKey ?? '', /Remaining not 0 on a 429/);
  });

  it('rate-limit-retry-after fails on a missing, fractional, zero or too long Retry-After', () => {
    for (const [value, cause] of [['', 'absent'], ['1.5', 'not whole seconds'], ['0', 'below 1'], ['61', 'longer than the window']]) {
      const burst = { kind: 'rate-limit-burst' as const, role: 'pool[0]', waves: [[answer(0, null, { retryAfter: value })]] };
      assert.match(assertObservationFail(rateLimitRetryAfter, burst, context)[0]?.dedupKey ?? '', new RegExp(`Retry-After ${cause}`), value);
    }
  });

  it('rate-limit-retry-after judges retries only when clearly before or after the deadline', () => {
    const throttled = answer(0, null, { retryAfter: '2' });
    const retry = (early: Exchange | undefined, late: Exchange | undefined): RateLimitRetry => ({
      kind: 'rate-limit-retry',
      throttled,
      ...(early === undefined ? {} : { early }),
      ...(late === undefined ? {} : { late }),
    });
    assertObservationPass(rateLimitRetryAfter, retry(answer(100, null), answer(2100, 4)), context);
    assert.match(assertObservationFail(rateLimitRetryAfter, retry(answer(100, 4), undefined), context)[0]?.dedupKey ?? '', /served before Retry-After elapsed/);
    assert.match(assertObservationFail(rateLimitRetryAfter, retry(undefined, answer(2100, null)), context)[0]?.dedupKey ?? '', /refused after Retry-After elapsed/);
    // 1500 ms after a "2": the window may end at any moment from 1000 ms on, so nothing is judged.
    assertObservationPass(rateLimitRetryAfter, retry(answer(1500, 4), answer(1500, null)), context);
  });

  it('rate-limit-recovery wants the full limit after the wait, and skips a burst sent too soon', () => {
    const after = answer(0, null, { retryAfter: '2' });
    const later = (remainings: Array<number | null>, start: number): RateLimitBurst => ({
      ...burstOf(remainings),
      waves: remainings.map((remaining, index) => [answer(start + index * 10, remaining)]),
      after,
    });
    assertObservationPass(rateLimitRecovery, later([4, 3, 2, 1, 0, null], 2100), context);
    assert.match(assertObservationFail(rateLimitRecovery, later([1, 0, null], 2100), context)[0]?.dedupKey ?? '', /not the full limit after the window/);
    assert.match(assertObservationSkip(rateLimitRecovery, later([null], 500), context), /before its Retry-After/);
    assert.match(assertObservationSkip(rateLimitRecovery, burstOf([4]), context), /not a burst after/);
  });

  it('rate-limit-isolation fails when another token is refused while one is throttled', () => {
    const throttled = answer(0, null, { retryAfter: '2' });
    const isolation = (others: Exchange[]): RateLimitIsolation => ({ kind: 'rate-limit-isolation', throttled, others });
    assertObservationPass(rateLimitIsolation, isolation([answer(50, 4, { role: 'admin' }), answer(60, 4, { role: 'other' })]), context);
    const causes = assertObservationFail(rateLimitIsolation, isolation([answer(50, null, { role: 'admin' }), answer(60, null, { role: 'other' })]), context).map(
      (finding) => finding.dedupKey,
    );
    assert.ok(causes.some((key) => key.includes('another token throttled (same workspace)')), causes.join('\n'));
    assert.ok(causes.some((key) => key.includes('another token throttled (other workspace)')));
    // Sent after the window may have ended: not judged.
    assertObservationPass(rateLimitIsolation, isolation([answer(1500, null, { role: 'admin' })]), context);
  });
});

describe('rate-limit checks against the reference target in-process', () => {
  let target: FastifyInstance;
  let roomy: FastifyInstance;
  before(async () => {
    target = await buildApp({ rateLimit: { limit: LIMIT, windowSeconds: WINDOW } });
    roomy = await buildApp({ rateLimit: { limit: 100_000, windowSeconds: 60 } });
  });
  after(async () => {
    await target.close();
    await roomy.close();
  });

  type Send = ReturnType<typeof injectSend>;
  const hit = (send: Send, role: string) => send({ operation: me, path: '/me', auth: role });
  async function burst(send: Send, role: string, sequential: number, parallel = 0): Promise<RateLimitBurst> {
    const waves: Exchange[][] = [];
    for (let index = 0; index < sequential; index += 1) waves.push([await hit(send, role)]);
    if (parallel > 0) waves.push(await Promise.all(Array.from({ length: parallel }, () => hit(send, role))));
    return { kind: 'rate-limit-burst', role, waves };
  }
  /** Throttles `role`, retries early and late, then bursts again after the wait. */
  async function cycle(send: Send, role: string): Promise<{ first: RateLimitBurst; retry: RateLimitRetry; recovery: RateLimitBurst }> {
    const first = await burst(send, role, LIMIT + 1);
    const throttled = first.waves[LIMIT]?.[0] as Exchange;
    const early = await hit(send, role);
    const seconds = Number(throttled.response?.headers['retry-after'] ?? WINDOW);
    await sleep(Math.max(0, throttled.startedAt + (throttled.response?.durationMs ?? 0) + seconds * 1000 + 50 - Date.now()));
    const recovery = await burst(send, role, LIMIT + 1);
    const late = recovery.waves[0]?.[0] as Exchange;
    return { first, retry: { kind: 'rate-limit-retry', throttled, early, late }, recovery: { ...recovery, after: throttled } };
  }
  async function isolation(send: Send): Promise<RateLimitIsolation> {
    const throttled = (await burst(send, 'pool[4]', LIMIT + 1)).waves[LIMIT]?.[0] as Exchange;
    const others = [await hit(send, 'admin'), await hit(send, 'other'), await hit(send, 'pool[5]')];
    return { kind: 'rate-limit-isolation', throttled, others, stillThrottled: await hit(send, 'pool[4]') };
  }

  it('pass on the clean target: burst, headers, parallel, retry, recovery and isolation', async () => {
    const send = injectSend(target);
    const [sequential, parallel, cycled, isolated] = await Promise.all([
      burst(send, 'pool[0]', LIMIT + 3),
      burst(send, 'pool[1]', 3, 6),
      cycle(send, 'pool[2]'),
      isolation(send),
    ]);
    for (const check of [rateLimitBurst, rateLimitHeaders, rateLimitRetryAfter]) {
      assertObservationPass(check, sequential, context);
      assertObservationPass(check, cycled.first, context);
      assertObservationPass(check, cycled.recovery, context);
    }
    assertObservationPass(rateLimitBurst, parallel, context);
    assertObservationPass(rateLimitRetryAfter, cycled.retry, context);
    assertObservationPass(rateLimitRecovery, cycled.recovery, context);
    assertObservationPass(rateLimitIsolation, isolated, context);
  });

  it('rate-limit-burst passes a burst straddling a window boundary on the target, and fails a leaky limiter', async () => {
    const proxy = await brokenProxy(roomy, faultyLimiter(LIMIT, WINDOW, { leaky: true }));
    /** Uses up `before` slots outside the burst, sends `head` requests, waits the window out, then `tail` more. */
    async function straddle(send: Send, role: string, before: number, head: number, tail: number): Promise<RateLimitBurst> {
      const opened = await hit(send, role);
      for (let index = 1; index < before; index += 1) await hit(send, role);
      const first = await burst(send, role, head);
      await sleep(Math.max(0, opened.startedAt + WINDOW * 1000 + 100 - Date.now()));
      const rest = await burst(send, role, tail);
      return { kind: 'rate-limit-burst', role, waves: [...first.waves, ...rest.waves] };
    }
    const [clean, leaky, leakyLate] = await Promise.all([
      straddle(injectSend(target), 'pool[6]', 3, 1, LIMIT + 2),
      straddle(injectSend(proxy), 'pool[6]', 3, 3, LIMIT + 3),
      straddle(injectSend(proxy), 'pool[7]', 3, 1, LIMIT + 3),
    ]);
    assertObservationPass(rateLimitBurst, clean, context);
    assertObservationPass(rateLimitHeaders, clean, context);
    assert.match(assertObservationFail(rateLimitBurst, leaky, context)[0]?.dedupKey ?? '', /served beyond the limit/);
    assert.match(assertObservationFail(rateLimitBurst, leakyLate, context)[0]?.dedupKey ?? '', /served beyond the limit/);
    await proxy.close();
  });

  it('fail on faulty limiters, each on the check of its rule', async () => {
    const proxies = await Promise.all([
      brokenProxy(roomy, faultyLimiter(LIMIT, WINDOW, { global: true })),
      brokenProxy(roomy, faultyLimiter(LIMIT, WINDOW, { racy: true })),
      brokenProxy(roomy, faultyLimiter(LIMIT, 3, { retryAfter: 1 })),
      brokenProxy(roomy, faultyLimiter(LIMIT, WINDOW, { neverRecovers: true })),
      brokenProxy(roomy, faultyLimiter(LIMIT, WINDOW, { stuckRemaining: true })),
    ]);
    const [global, racy, lying, stuck, frozen] = proxies.map((proxy) => injectSend(proxy)) as Send[];
    const [isolated, parallel, lied, neverRecovers, frozenBurst] = await Promise.all([
      isolation(global as Send),
      burst(racy as Send, 'pool[1]', 3, 6),
      cycle(lying as Send, 'pool[2]'),
      cycle(stuck as Send, 'pool[3]'),
      burst(frozen as Send, 'pool[0]', LIMIT + 2),
    ]);
    assert.match(assertObservationFail(rateLimitIsolation, isolated, context)[0]?.dedupKey ?? '', /another token throttled/);
    assert.match(assertObservationFail(rateLimitBurst, parallel, context)[0]?.dedupKey ?? '', /parallel requests slip past the limit/);
    assert.match(assertObservationFail(rateLimitRetryAfter, lied.retry, context)[0]?.dedupKey ?? '', /refused after Retry-After elapsed/);
    assert.match(assertObservationFail(rateLimitRecovery, neverRecovers.recovery, context)[0]?.dedupKey ?? '', /still throttled after the window/);
    assert.match(assertObservationFail(rateLimitHeaders, frozenBurst, context)[0]?.dedupKey ?? '', /does not count down by one/);
    // The burst rule itself holds on these limiters: each breaks only its own rule.
    assertObservationPass(rateLimitBurst, frozenBurst, context);
    await Promise.all(proxies.map((proxy) => proxy.close()));
  });
});
