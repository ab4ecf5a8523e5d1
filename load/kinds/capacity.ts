// capacity: the mix in steps of rising arrival rate; a step holds while every `sustain`
// condition does, and the run stops at the first step that breaks. The highest step that held is
// the sustainable rate. Steps stop at what the token pool may send under the rate limit.
import { runPhase } from '../autocannon-runner.js';
import { deriveMetrics } from '../derive-metrics.js';
import { evaluateThresholds } from '../evaluate-thresholds.js';
import { LoadError } from '../load-error.js';
import { mergeRecords } from '../merge-records.js';
import type { CapacityStepRecord, RawRecord } from '../raw-record.js';
import { LoadRecorder } from '../recorder.js';
import { RequestMix } from '../request-mix.js';
import type { RunContext } from '../run-context.js';
import { tokenBudget } from '../token-budget.js';

export async function runCapacity(context: RunContext): Promise<RawRecord> {
  const { scenario, settings, progress } = context;
  const budget = tokenBudget(context.tokens.length, context.rateLimit);
  const source = new RequestMix(scenario.requests, context.data, context.tokens, context.basePath, context.seed);
  for (const skipped of source.skipped) context.notes.push(`Left out of the mix: ${skipped}.`);
  const steps: CapacityStepRecord[] = [];
  const stepSeconds = settings.stepSeconds ?? 10;

  for (let index = 0; index < (settings.maxSteps ?? 1) && !context.signal.aborted; index += 1) {
    let rate = (settings.startRate ?? 10) + index * (settings.stepRate ?? 10);
    if (rate > budget) {
      if (index > 0 && (steps[steps.length - 1]?.plannedRate ?? 0) >= budget * 0.999) {
        context.notes.push(`Stopped at ${budget.toFixed(1)}/s, the most the token pool may send under the rate limit; the server was not pushed to its limit.`);
        break;
      }
      context.notes.push(`Step ${index + 1} lowered from ${rate}/s to ${budget.toFixed(1)}/s, the most the token pool may send under the rate limit.`);
      rate = budget;
    }
    const recorder = new LoadRecorder();
    progress.watch(`${scenario.name} (${context.size}) step ${index + 1} at ${rate.toFixed(0)}/s`, recorder, stepSeconds);
    let outcome;
    try {
      outcome = await runPhase({
        baseUrl: context.baseUrl,
        connections: settings.connections,
        seconds: stepSeconds,
        rate,
        source,
        recorder,
        timeoutSeconds: scenario.timeoutSeconds,
        signal: context.signal,
      });
    } finally {
      progress.stop();
    }
    const record = recorder.finish(outcome.startedAt, outcome.finishedAt, outcome.schedule);
    const outcomes = evaluateThresholds(scenario.sustain, deriveMetrics(record));
    const breaches = outcomes.filter((item) => !item.passed).map((item) => item.message);
    steps.push({ plannedRate: rate, passed: breaches.length === 0, breaches, record });
    progress.say(`${scenario.name}: step ${index + 1} at ${rate.toFixed(0)}/s ${breaches.length === 0 ? 'held' : `broke (${breaches.join('; ')})`}`);
    if (breaches.length > 0) break;
  }
  if (steps.length > 0 && steps.every((step) => step.passed) && steps.length === (settings.maxSteps ?? 1)) {
    context.notes.push(`Every step held up to ${steps[steps.length - 1]?.plannedRate.toFixed(0)}/s: the limit lies higher (add steps to find it).`);
  }

  if (steps.length === 0) throw new LoadError(`${scenario.name} was interrupted before its first step ended`);
  // Steps ran one after the other: their rates do not add up, the whole span counts.
  const { activeSeconds: _concurrent, ...overall } = mergeRecords(steps.map((step) => step.record));
  const planned = steps.reduce((total, step) => total + (step.record.schedule?.planned ?? 0), 0);
  const seconds = steps.reduce((total, step) => total + (step.record.schedule?.seconds ?? 0), 0);
  if (overall.schedule) overall.schedule = { ...overall.schedule, plannedRate: seconds > 0 ? planned / seconds : 0, seconds };
  overall.steps = steps;
  return overall;
}
