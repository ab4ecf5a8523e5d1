// The request source of journey scenarios (write-mix): many conversations at once, each a chain
// of steps where a step may use what an earlier one captured (`{ticket}` from the created
// ticket). A new journey starts whenever no started one is ready for its next step.
import type { CompletedRequest, RequestSource, RequestSpec } from './autocannon-runner.js';
import { fillJson, fillText, type Lookup } from './fill-placeholders.js';
import type { JourneyStep } from './scenario.js';

export interface Journey {
  n: number;
  /** Index of the next step to send. */
  step: number;
  captured: Record<string, string>;
  /** Every step answered 2xx. */
  completed: boolean;
  /** A step failed; the journey was dropped where it stood. */
  abandoned: boolean;
}

interface StepContext {
  journey: Journey;
  step: number;
}

export class JourneySource implements RequestSource {
  readonly journeys: Journey[] = [];
  private readonly ready: Journey[] = [];
  private turn = 0;

  constructor(
    private readonly steps: readonly JourneyStep[],
    private readonly tokens: readonly string[],
    private readonly basePath: string,
    /** Run-wide values: runId, runTag, and the target's ids (channel, ...). */
    private readonly shared: Lookup,
  ) {}

  next(): RequestSpec {
    const journey = this.ready.shift() ?? this.start();
    const step = this.steps[journey.step] as JourneyStep;
    const lookup: Lookup = (name) => (name === 'n' ? String(journey.n) : journey.captured[name] ?? this.shared(name));
    const token = this.tokens[this.turn % this.tokens.length] as string;
    this.turn += 1;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    const spec: RequestSpec = {
      label: step.name,
      method: step.method,
      path: this.basePath + fillText(step.path, lookup, true),
      headers,
      context: { journey, step: journey.step } satisfies StepContext,
    };
    if (step.body !== undefined) {
      headers['content-type'] = 'application/json';
      spec.body = JSON.stringify(fillJson(step.body, lookup));
    }
    return spec;
  }

  onResponse(completed: CompletedRequest): void {
    const { journey, step } = completed.spec.context as StepContext;
    if (completed.status < 200 || completed.status >= 300) {
      journey.abandoned = true;
      return;
    }
    const definition = this.steps[step] as JourneyStep;
    if (Object.keys(definition.capture).length > 0) {
      let body: unknown;
      try {
        body = JSON.parse(completed.body);
      } catch {
        body = undefined;
      }
      for (const [name, path] of Object.entries(definition.capture)) {
        const value = path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), body);
        if (typeof value === 'string' || typeof value === 'number') journey.captured[name] = String(value);
      }
    }
    journey.step = step + 1;
    if (journey.step < this.steps.length) this.ready.push(journey);
    else journey.completed = true;
  }

  onFailure(spec: RequestSpec): void {
    (spec.context as StepContext).journey.abandoned = true;
  }

  private start(): Journey {
    const journey: Journey = { n: this.journeys.length + 1, step: 0, captured: {}, completed: false, abandoned: false };
    this.journeys.push(journey);
    return journey;
  }
}
