// flood (rate-limit): one token flooded past its limit (closed model) while a second token reads
// at a modest arrival rate. Measures limit leakage, the share of 429s with a valid Retry-After,
// how long until the flooded token is served again, and the second token's latency and success
// while the first is throttled (isolation under load).
import { runPhase, type CompletedRequest } from '../autocannon-runner.js';
import { sleep } from '../clock.js';
import { LoadError } from '../load-error.js';
import { limitLeakage, type LimitSample } from '../limit-leakage.js';
import type { RawRecord } from '../raw-record.js';
import { LoadRecorder } from '../recorder.js';
import { RequestMix } from '../request-mix.js';
import type { RunContext } from '../run-context.js';
import { measureRecovery } from './recovery.js';
import { tokenBudget } from '../token-budget.js';
import { validRetryAfter } from '../valid-retry-after.js';

const isOk = (status: number): boolean => status >= 200 && status < 300;

export async function runFlood(context: RunContext): Promise<RawRecord> {
  const { scenario, settings, rateLimit, progress } = context;
  const [floodToken, steadyToken] = context.tokens;
  if (floodToken === undefined || steadyToken === undefined) {
    throw new LoadError(`${scenario.name} needs two tokens (one flooded, one reading alongside), and this run has ${context.tokens.length}`);
  }
  const windowMs = rateLimit.windowSeconds * 1000;

  // A fresh window: the flooded token must not have been used for a whole window, so the
  // first window starts with the flood's first request.
  progress.say(`${scenario.name}: waiting ${rateLimit.windowSeconds}s so the flooded token starts a fresh rate-limit window`);
  await sleep(windowMs + 100);

  const samples: LimitSample[] = [];
  const floodRecorder = new LoadRecorder((status) => isOk(status) || status === 429);
  let lastLimited: CompletedRequest | undefined;
  // Every request of the flooded token, for the leakage analysis.
  const onFloodResponse = (completed: CompletedRequest): void => {
    samples.push({ sentAt: completed.sentAt, completedAt: completed.completedAt, ok: isOk(completed.status), limited: completed.status === 429 });
    if (completed.status === 429) {
      floodRecorder.count('retry_after_checked');
      if (validRetryAfter(completed.headers['retry-after'], rateLimit.windowSeconds)) floodRecorder.count('retry_after_valid_count');
      if (!lastLimited || completed.completedAt > lastLimited.completedAt) lastLimited = completed;
    }
  };

  const steadyRecorder = new LoadRecorder();
  const steadyBudget = tokenBudget(1, rateLimit);
  const steadyRate = Math.min(settings.isolationRate ?? 1, steadyBudget);
  if (steadyRate < (settings.isolationRate ?? 1)) {
    context.notes.push(`The second token's rate was lowered from ${settings.isolationRate}/s to ${steadyRate.toFixed(2)}/s to stay under its own rate limit.`);
  }

  progress.watch(`${scenario.name} (${context.size}) flood`, floodRecorder, settings.seconds);
  let flood;
  let steady;
  try {
    [flood, steady] = await Promise.all([
      runPhase({
        baseUrl: context.baseUrl,
        connections: settings.connections,
        seconds: settings.seconds,
        source: new RequestMix(scenario.requests, context.data, [floodToken], context.basePath, context.seed),
        recorder: floodRecorder,
        timeoutSeconds: scenario.timeoutSeconds,
        signal: context.signal,
        onResponse: onFloodResponse,
      }),
      runPhase({
        baseUrl: context.baseUrl,
        connections: Math.max(2, Math.ceil(steadyRate / 50)),
        seconds: settings.seconds,
        rate: steadyRate,
        source: new RequestMix(scenario.requests, context.data, [steadyToken], context.basePath, context.seed + 1),
        recorder: steadyRecorder,
        timeoutSeconds: scenario.timeoutSeconds,
        signal: context.signal,
      }),
    ]);
  } finally {
    progress.stop();
  }

  // Recovery: a 429 with nothing else in flight, then exactly the wait it asked for.
  if (!lastLimited) context.notes.push('The flooded token never got a 429: the rate limit was not enforced (or the flood was too weak to reach it).');
  progress.say(`${scenario.name}: checking that the flooded token is served again when Retry-After says`);
  const recovery = await measureRecovery(context.client, floodToken, rateLimit.windowSeconds, rateLimit.limit, lastLimited?.headers['retry-after'], context.signal);
  samples.push(...recovery.samples);
  if (recovery.refusedAt === undefined) {
    floodRecorder.count('recovery_failures', 0);
  } else if (recovery.resumedAt === undefined) {
    floodRecorder.count('recovery_failures');
    context.notes.push(`After a 429 whose Retry-After asked for ${((recovery.promisedMs ?? 0) / 1000).toFixed(0)}s, the token was not served again within ${(((recovery.promisedMs ?? 0) + 2 * windowMs + 1000) / 1000).toFixed(1)}s.`);
  } else {
    floodRecorder.count('recovery_failures', 0);
    const resumeMs = recovery.resumedAt - recovery.refusedAt;
    floodRecorder.worst('resume_time', resumeMs * 1000);
    floodRecorder.worst('resume_delay', (resumeMs - (recovery.promisedMs ?? 0)) * 1000);
  }

  const leakage = limitLeakage(samples, rateLimit.limit, windowMs);
  floodRecorder.count('limit_leakage', leakage.leakage);
  floodRecorder.worst('worst_window_2xx', leakage.worstWindow);
  floodRecorder.count('flood_2xx', samples.filter((sample) => sample.ok).length);
  floodRecorder.count('flood_429', samples.filter((sample) => sample.limited).length);

  const record = floodRecorder.finish(flood.startedAt, flood.finishedAt);
  record.groups = { isolation: steadyRecorder.finish(steady.startedAt, steady.finishedAt, steady.schedule) };
  return record;
}
