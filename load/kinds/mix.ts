// mix (read-mix, soak): weighted requests over the token pool, open model (a fixed arrival rate,
// capped at what the pool may send under the rate limit) or closed model (connections only).
import { runPhase } from '../autocannon-runner.js';
import type { RawRecord } from '../raw-record.js';
import { LoadRecorder } from '../recorder.js';
import { RequestMix } from '../request-mix.js';
import type { RunContext } from '../run-context.js';
import { plannedRate } from './planned-rate.js';

export async function runMix(context: RunContext): Promise<RawRecord> {
  const { scenario, settings } = context;
  const source = new RequestMix(scenario.requests, context.data, context.tokens, context.basePath, context.seed);
  for (const skipped of source.skipped) context.notes.push(`Left out of the mix: ${skipped}.`);
  const rate = scenario.model === 'open' ? plannedRate(context, settings.rate ?? 1) : undefined;
  const recorder = new LoadRecorder();
  context.progress.watch(`${scenario.name} (${context.size})`, recorder, settings.seconds);
  try {
    const outcome = await runPhase({
      baseUrl: context.baseUrl,
      connections: settings.connections,
      seconds: settings.seconds,
      ...(rate === undefined ? {} : { rate }),
      source,
      recorder,
      timeoutSeconds: scenario.timeoutSeconds,
      signal: context.signal,
    });
    return recorder.finish(outcome.startedAt, outcome.finishedAt, outcome.schedule);
  } finally {
    context.progress.stop();
  }
}
