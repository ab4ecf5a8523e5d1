// The rate limit, per token, as the profile states it (limit per window): exactly `limit`
// requests served per window then 429s, a Retry-After that tells the truth, a fresh window at
// the full limit, headers that count down, parallel requests that cannot slip past the limit,
// and tokens that do not share one budget. Time matters here, so each rule only judges what
// the observed times prove: a window that may have ended is given the benefit of the doubt.

import type { Exchange } from '../exchange.js';
import { skip } from './check.js';
import type { CheckContext } from './context.js';
import {
  defineObservationCheck, type ObservationFailure, type RateLimitBurst, type RateLimitIsolation, type RateLimitRetry,
} from './observations.js';
import { excerpt } from './_internals/excerpt.js';
import { outcomeOf, rateLimitReading, type RateLimitReading } from './_internals/rate-limit-reading.js';

export const rateLimitBurst = defineObservationCheck({
  id: 'rate-limit-burst',
  description: 'A burst on one token gets exactly the slots left in its window (the limit in a fresh one) served, then 429s; parallel requests with r slots left get at most r served.',
  judge: { 'rate-limit-burst': judgeBurst },
});

export const rateLimitHeaders = defineObservationCheck({
  id: 'rate-limit-headers',
  description: 'X-RateLimit-Limit equals the limit; X-RateLimit-Remaining counts down by one per request to 0 and is 0 on a 429.',
  judge: { 'rate-limit-burst': judgeHeaders },
});

export const rateLimitRetryAfter = defineObservationCheck({
  id: 'rate-limit-retry-after',
  description: 'Every 429 carries Retry-After in whole seconds within 1..window; a retry clearly before it is refused and one just after it is served.',
  judge: {
    'rate-limit-burst': (burst, context) => burst.waves.flat().flatMap((exchange) => retryAfterValueFailures(exchange, context)),
    'rate-limit-retry': judgeRetry,
  },
});

export const rateLimitRecovery = defineObservationCheck({
  id: 'rate-limit-recovery',
  description: 'After waiting out Retry-After the token is served again at the full limit.',
  judge: { 'rate-limit-burst': judgeRecovery },
});

export const rateLimitIsolation = defineObservationCheck({
  id: 'rate-limit-isolation',
  description: 'While one token is throttled, other tokens of the same and of another workspace are served.',
  judge: { 'rate-limit-isolation': judgeIsolation },
});

// ---- the window model shared by burst and headers

interface Step {
  exchange: Exchange;
  reading: RateLimitReading;
  /** Index of the wave; waves of more than one request were sent at once. */
  wave: number;
  parallel: boolean;
}

function stepsOf(burst: RateLimitBurst): Step[] {
  return burst.waves.flatMap((wave, index) =>
    wave.map((exchange) => ({ exchange, reading: rateLimitReading(exchange), wave: index, parallel: wave.length > 1 })),
  );
}

/**
 * Whether the window the burst began in may have ended before `step` was counted: a fresh window
 * ends at most one window after the first request; a window already partly used may end at any
 * time, which only the server's own fresh count (limit - 1) shows; and a 429's Retry-After
 * deadline ends it for sure.
 */
function windowMayHaveEnded(step: Step, first: Step, fresh: boolean, lastRefusal: Step | undefined, limit: number, windowMs: number): boolean {
  if (fresh && step.reading.answeredAt >= first.reading.sentAt + windowMs) return true;
  if (!fresh && step.reading.remaining === limit - 1) return true;
  const retry = lastRefusal?.reading.retryAfter;
  return lastRefusal !== undefined && retry !== undefined && step.reading.answeredAt >= lastRefusal.reading.sentAt + (retry - 1) * 1000 && step.reading.remaining === limit - 1;
}

/**
 * Whether the answers show that a new window began by the time `step` was answered: its Remaining
 * went up compared with the answer before it (`previousRemaining`, the highest of that answer's
 * wave), or it was sent after the last 429's Retry-After had elapsed; without Remaining headers, a
 * window whose opening is known may have ended once a window's time has passed. A window whose
 * opening is known (`windowStart`, a lower bound) cannot end before it is a window old, less the
 * one second a limiter counting whole seconds may cut short.
 */
function newWindowShown(step: Step, previousRemaining: number | undefined, lastRefusal: Step | undefined, windowStart: number | undefined, windowMs: number): boolean {
  if (outcomeOf(step.exchange) !== 'served') return false;
  if (windowStart !== undefined && step.reading.answeredAt < windowStart + Math.max(0, windowMs - 1000)) return false;
  const { remaining } = step.reading;
  if (remaining !== undefined && previousRemaining !== undefined && remaining > previousRemaining) return true;
  const retry = lastRefusal?.reading.retryAfter;
  if (lastRefusal !== undefined && retry !== undefined && step.reading.sentAt >= lastRefusal.reading.answeredAt + retry * 1000) return true;
  return (remaining === undefined || previousRemaining === undefined) && windowStart !== undefined && step.reading.answeredAt >= windowStart + windowMs;
}

function judgeBurst(burst: RateLimitBurst, context: CheckContext): ObservationFailure[] | ReturnType<typeof skip> {
  const { limit, windowSeconds } = context.profile.rateLimit;
  const windowMs = windowSeconds * 1000;
  const steps = stepsOf(burst);
  const first = steps[0];
  if (first === undefined) return skip('an empty burst');
  const fresh = burst.after !== undefined || first.reading.remaining === undefined || first.reading.remaining >= limit - 1;
  let slots = outcomeOf(first.exchange) === 'refused' ? 0 : Math.min(limit, fresh ? limit : (first.reading.remaining ?? limit - 1) + 1);
  const startSlots = slots;
  const servedBeyond: Step[] = [];
  const refusedEarly: Array<{ step: Step; slots: number }> = [];
  const parallelBeyond: Array<{ wave: number; served: number; slots: number; size: number; exchange: Exchange }> = [];
  let lastRefusal: Step | undefined;
  let reachedLimit = false;
  // Earliest time the current window can have begun, when its opening is known: the first request
  // opened it when it left limit - 1 (or no header to say otherwise); a new window, at the latest
  // when the first request after the last answer of the old one left.
  let windowStart: number | undefined = fresh && outcomeOf(first.exchange) === 'served' && (first.reading.remaining ?? limit - 1) === limit - 1 ? first.reading.sentAt : undefined;
  let previousRemaining: number | undefined;
  let openAfter: number | undefined; // sentAt of the first request after the last answered wave

  for (let wave = 0; wave < burst.waves.length; wave += 1) {
    const members = steps.filter((step) => step.wave === wave);
    if (members.length === 0) continue;
    const answered = members.filter((step) => outcomeOf(step.exchange) !== 'unknown');
    const waveSent = Math.min(...members.map((step) => step.reading.sentAt));
    openAfter ??= waveSent;
    const isFirst = wave === 0;
    const ended = !isFirst && answered.some((step) => newWindowShown(step, previousRemaining, lastRefusal, windowStart, windowMs));
    const served = answered.filter((step) => outcomeOf(step.exchange) === 'served');
    if (members.length > 1) {
      if (!ended && served.length > slots) {
        parallelBeyond.push({ wave, served: served.length, slots, size: members.length, exchange: (served[slots] ?? served[0] ?? members[0] as Step).exchange });
      }
      if (ended) {
        // Old slots were used first as far as the answers allow: the new window keeps the most.
        slots = Math.max(0, limit - Math.max(0, served.length - slots));
        windowStart = openAfter;
      } else {
        if (members.length >= slots) reachedLimit = true;
        slots = Math.max(0, slots - members.length);
      }
      const refusal = answered.find((step) => outcomeOf(step.exchange) === 'refused');
      if (refusal !== undefined) {
        lastRefusal = refusal;
        reachedLimit = true;
      }
    } else {
      const step = members[0];
      if (step === undefined || answered.length === 0) continue;
      const outcome = outcomeOf(step.exchange);
      if (ended) {
        slots = limit - 1; // a new window began, at the latest with this request
        windowStart = openAfter;
      } else if (isFirst) {
        if (outcome === 'served') slots -= 1;
        else {
          lastRefusal = step;
          reachedLimit = true;
        }
      } else if (outcome === 'served') {
        if (slots > 0) slots -= 1;
        else servedBeyond.push(step);
      } else {
        if (slots > 0) refusedEarly.push({ step, slots });
        reachedLimit = true;
        slots = 0;
        lastRefusal = step;
      }
    }
    if (answered.length > 0) {
      const remainings = answered.flatMap((step) => (step.reading.remaining === undefined ? [] : [step.reading.remaining]));
      previousRemaining = remainings.length > 0 ? Math.max(...remainings) : undefined;
      openAfter = undefined;
    }
  }

  const failures: ObservationFailure[] = [];
  const total = steps.length;
  const served = steps.filter((step) => outcomeOf(step.exchange) === 'served').length;
  const summary = `${total} requests on ${burst.role}: ${served} served, ${total - served} refused (first answer: Remaining ${first.reading.remaining ?? 'absent'})`;
  const firstBeyond = servedBeyond[0];
  if (firstBeyond !== undefined) {
    failures.push({
      title: `${servedBeyond.length} request(s) served beyond the limit of ${limit} in one window`,
      expected: `${startSlots} served (the slots left in the window), then 429 until the window ends`,
      actual: `${summary}; request ${steps.indexOf(firstBeyond) + 1} was served with no slot left, ${Math.round(firstBeyond.reading.sentAt - first.reading.sentAt)} ms after the first`,
      cause: 'served beyond the limit',
      exchange: firstBeyond.exchange,
    });
  }
  const early = refusedEarly[0];
  if (early !== undefined) {
    failures.push({
      title: `429 with ${early.slots} slot(s) of ${limit} still left in the window`,
      expected: `${startSlots} served before the first 429`,
      actual: `${summary}; request ${steps.indexOf(early.step) + 1} refused`,
      cause: 'refused before the limit',
      exchange: early.step.exchange,
    });
  }
  for (const wave of parallelBeyond) {
    failures.push({
      title: `${wave.size} parallel requests with ${wave.slots} slot(s) left: ${wave.served} served`,
      expected: `at most ${wave.slots} served`,
      actual: `${wave.served} served in wave ${wave.wave + 1}`,
      cause: 'parallel requests slip past the limit',
      exchange: wave.exchange,
    });
  }
  if (failures.length === 0 && !reachedLimit && servedBeyond.length === 0) {
    return skip(`the burst (${total} requests) did not reach the ${startSlots} slot(s) left`);
  }
  return failures;
}

function judgeHeaders(burst: RateLimitBurst, context: CheckContext): ObservationFailure[] {
  const { limit, windowSeconds } = context.profile.rateLimit;
  const steps = stepsOf(burst);
  const first = steps[0];
  if (first === undefined) return [];
  const fresh = burst.after !== undefined || first.reading.remaining === undefined || first.reading.remaining >= limit - 1;
  const wrongLimit: Step[] = [];
  const wrongRemaining: Array<{ step: Step; expected: string }> = [];
  let previous: Step | undefined;
  let lastRefusal: Step | undefined;
  for (const step of steps) {
    if (step.exchange.response === undefined) continue;
    const { limit: seenLimit, remaining } = step.reading;
    if (seenLimit !== limit) wrongLimit.push(step);
    const refused = outcomeOf(step.exchange) === 'refused';
    if (remaining === undefined || remaining > limit - 1) {
      wrongRemaining.push({ step, expected: `an integer 0..${limit - 1}` });
    } else if (refused && remaining !== 0) {
      wrongRemaining.push({ step, expected: '0 on a 429' });
    } else if (!step.parallel && previous !== undefined && !previous.parallel && previous.reading.remaining !== undefined) {
      const before = previous.reading.remaining;
      const due = Math.max(0, before - 1);
      const reset = remaining === limit - 1 && windowMayHaveEnded(step, first, fresh, lastRefusal, limit, windowSeconds * 1000);
      if (remaining !== due && !reset) wrongRemaining.push({ step, expected: `${due} (one less than ${before})` });
    }
    if (refused) lastRefusal = step;
    previous = step;
  }
  const failures: ObservationFailure[] = [];
  const limitStep = wrongLimit[0];
  if (limitStep !== undefined) {
    failures.push({
      title: `X-RateLimit-Limit is ${limitStep.reading.limit ?? 'absent'}, not the limit ${limit}`,
      expected: `X-RateLimit-Limit: ${limit} on every answer`,
      actual: `${wrongLimit.length} of ${steps.length} answers; e.g. ${JSON.stringify(limitStep.exchange.response?.headers['x-ratelimit-limit'] ?? null)} on a ${limitStep.reading.status}`,
      cause: limitStep.reading.limit === undefined ? 'X-RateLimit-Limit absent' : 'X-RateLimit-Limit is not the limit',
      exchange: limitStep.exchange,
    });
  }
  const remainingStep = wrongRemaining[0];
  if (remainingStep !== undefined) {
    const sequence = steps.map((step) => `${step.reading.status ?? 'x'}:${step.reading.remaining ?? '-'}`);
    failures.push({
      title: `X-RateLimit-Remaining ${remainingStep.step.reading.remaining ?? 'absent'} on request ${steps.indexOf(remainingStep.step) + 1} of the burst`,
      expected: remainingStep.expected,
      actual: `status:remaining per request: ${sequence.slice(0, 80).join(' ')}${sequence.length > 80 ? ' …' : ''}`,
      cause: remainingStep.expected.startsWith('0 on') ? 'Remaining not 0 on a 429' : remainingStep.expected.startsWith('an integer') ? 'Remaining absent or out of range' : 'Remaining does not count down by one',
      exchange: remainingStep.step.exchange,
    });
  }
  return failures;
}

// ---- Retry-After

function retryAfterValueFailures(exchange: Exchange, context: CheckContext): ObservationFailure[] {
  if (outcomeOf(exchange) !== 'refused') return [];
  const { retryAfterText, retryAfter } = rateLimitReading(exchange);
  const window = Math.ceil(context.profile.rateLimit.windowSeconds);
  if (retryAfterText === undefined) {
    return [{ title: 'a 429 without Retry-After', expected: `Retry-After: whole seconds in 1..${window}`, actual: 'no Retry-After header', cause: 'Retry-After absent', exchange }];
  }
  if (retryAfter === undefined) {
    return [
      {
        title: `Retry-After ${excerpt(retryAfterText, 40)} is not whole seconds`,
        expected: `whole seconds in 1..${window}`,
        actual: `Retry-After: ${excerpt(retryAfterText, 40)}`,
        cause: 'Retry-After not whole seconds',
        exchange,
      },
    ];
  }
  if (retryAfter < 1 || retryAfter > window) {
    return [
      {
        title: `Retry-After ${retryAfter} is outside 1..${window}`,
        expected: `at least 1 and at most the window (${window} s)`,
        actual: `Retry-After: ${retryAfter}`,
        cause: retryAfter < 1 ? 'Retry-After below 1' : 'Retry-After longer than the window',
        exchange,
      },
    ];
  }
  return [];
}

function judgeRetry(retry: RateLimitRetry, context: CheckContext): ObservationFailure[] | ReturnType<typeof skip> {
  if (outcomeOf(retry.throttled) !== 'refused') return skip('the first request was not refused');
  const failures = retryAfterValueFailures(retry.throttled, context);
  const throttled = rateLimitReading(retry.throttled);
  const seconds = throttled.retryAfter;
  if (seconds === undefined) return failures;
  // The window ends within (answer - (s-1) s, request + s s]: only what lies clearly on one side is judged.
  if (retry.early !== undefined) {
    const early = rateLimitReading(retry.early);
    const clearlyBefore = early.answeredAt <= throttled.sentAt + (seconds - 1) * 1000;
    if (clearlyBefore && outcomeOf(retry.early) === 'served') {
      failures.push({
        title: `served ${Math.round(early.sentAt - throttled.sentAt)} ms after a 429 saying Retry-After: ${seconds}`,
        expected: `429 until about ${seconds} s after the refusal`,
        actual: `status ${early.status}`,
        cause: 'served before Retry-After elapsed',
        exchange: retry.early,
      });
    }
  }
  if (retry.late !== undefined) {
    const late = rateLimitReading(retry.late);
    const clearlyAfter = late.sentAt >= throttled.answeredAt + seconds * 1000;
    if (clearlyAfter && outcomeOf(retry.late) === 'refused') {
      failures.push({
        title: `still 429 ${Math.round(late.sentAt - throttled.answeredAt)} ms after a 429 saying Retry-After: ${seconds}`,
        expected: `served once ${seconds} s have passed`,
        actual: `status 429, Retry-After: ${late.retryAfterText ?? 'absent'}`,
        cause: 'refused after Retry-After elapsed',
        exchange: retry.late,
      });
    }
  }
  return failures;
}

// ---- recovery

function judgeRecovery(burst: RateLimitBurst, context: CheckContext): ObservationFailure[] | ReturnType<typeof skip> {
  if (burst.after === undefined) return skip('not a burst after a waited-out 429');
  const { limit } = context.profile.rateLimit;
  const throttled = rateLimitReading(burst.after);
  const sequential = burst.waves.filter((wave) => wave.length === 1).map((wave) => wave[0] as Exchange);
  const first = sequential[0];
  if (first === undefined) return skip('an empty burst');
  const waitedMs = first.startedAt - throttled.answeredAt;
  const due = (throttled.retryAfter ?? context.profile.rateLimit.windowSeconds) * 1000;
  if (waitedMs < due) return skip(`the burst began ${waitedMs} ms after the 429, before its Retry-After`);
  const leading = sequential.slice(0, limit);
  const servedRun = leading.findIndex((exchange) => outcomeOf(exchange) !== 'served');
  const served = servedRun === -1 ? leading.length : servedRun;
  if (served === Math.min(limit, leading.length)) return [];
  const refused = leading[served] as Exchange;
  return [
    {
      title: `after the window only ${served} of ${limit} requests served before a 429`,
      expected: `the full limit (${limit}) served once Retry-After has passed`,
      actual: `request ${served + 1} answered ${refused.response?.status ?? refused.error?.kind} ${Math.round(waitedMs)} ms after the wait began (Remaining ${rateLimitReading(first).remaining ?? 'absent'} on the first)`,
      cause: served === 0 ? 'still throttled after the window' : 'not the full limit after the window',
      exchange: refused,
    },
  ];
}

// ---- isolation

function judgeIsolation(observation: RateLimitIsolation, context: CheckContext): ObservationFailure[] | ReturnType<typeof skip> {
  if (outcomeOf(observation.throttled) !== 'refused') return skip('the first token was not throttled');
  const throttled = rateLimitReading(observation.throttled);
  const seconds = throttled.retryAfter ?? Math.ceil(context.profile.rateLimit.windowSeconds);
  const deadline = throttled.sentAt + (seconds - 1) * 1000;
  const throttledRole = roleOf(observation.throttled);
  const home = workspacesOf(throttledRole, context);
  const failures: ObservationFailure[] = [];
  // A 429 a client waited out before its final answer counts as much as a final 429.
  for (const other of observation.others.flatMap((exchange) => [...exchange.rateLimited, exchange])) {
    const reading = rateLimitReading(other);
    if (reading.sentAt < throttled.sentAt || reading.answeredAt > deadline) continue; // not while throttled, for sure
    if (outcomeOf(other) !== 'refused') continue;
    const role = roleOf(other);
    const sameWorkspace = workspacesOf(role, context).some((id) => home.includes(id));
    failures.push({
      title: `${role} refused with 429 while ${throttledRole} was throttled`,
      expected: `every other token served: the limit counts per token (${role} is in ${sameWorkspace ? 'the same' : 'another'} workspace)`,
      actual: `429 for ${role}, X-RateLimit-Remaining ${reading.remaining ?? 'absent'}, ${Math.round(reading.sentAt - throttled.sentAt)} ms after ${throttledRole}'s 429`,
      cause: `another token throttled (${sameWorkspace ? 'same' : 'other'} workspace)`,
      exchange: other,
    });
  }
  const still = observation.stillThrottled;
  if (still !== undefined && rateLimitReading(still).answeredAt <= deadline && outcomeOf(still) === 'served') {
    failures.push({
      title: `${throttledRole} served again before its window ended, after other tokens' requests`,
      expected: '429 until Retry-After has passed',
      actual: `status ${still.response?.status}`,
      cause: "other tokens' requests lift the throttle",
      exchange: still,
    });
  }
  return failures;
}

function roleOf(exchange: Exchange): string {
  const { auth } = exchange.request;
  return auth.kind === 'token' ? auth.role : auth.kind;
}

function workspacesOf(role: string, context: CheckContext): readonly number[] {
  return context.profile.roleWorkspaces[role.replace(/\[\d+\]$/, '')] ?? [];
}
