// Runs one scenario against a target and judges it: picks this shard's tokens and share,
// discovers the target's ids, runs the scenario's kind, and builds the result with thresholds
// and the baseline comparison. Refuses a profile without allowLoad, and writes to a read-only one.
import type { Profile } from '../core/profile.js';
import { buildResult, type Judging } from './build-result.js';
import { discoverTargetData } from './discovery.js';
import { runCapacity } from './kinds/capacity.js';
import { runFlood } from './kinds/flood.js';
import { runJourneys } from './kinds/journey.js';
import { runMix } from './kinds/mix.js';
import { LoadError } from './load-error.js';
import { loadRefusal } from './load-refusal.js';
import type { LoadResult } from './load-result.js';
import type { Progress } from './progress.js';
import type { RunContext } from './run-context.js';
import type { Scenario, SizeName, SizeSettings } from './scenario.js';
import { shareOfConnections, shareOfRate, shareOfTokens, type Shard } from './shard.js';
import { TargetClient } from './target-client.js';

export interface RunScenarioOptions {
  scenario: Scenario;
  size: SizeName;
  /** The profile as it applies to this run (an embedded target's URL and limit already in). */
  profile: Profile;
  embedded: boolean;
  shard: Shard;
  /** Replaces the size's duration (capacity: the duration of each step). */
  seconds?: number;
  runId: string;
  seed: number;
  judging: Judging;
  progress: Progress;
  signal: AbortSignal;
}

export async function runScenario(options: RunScenarioOptions): Promise<LoadResult> {
  const { scenario, profile, shard } = options;
  const refusal = loadRefusal(profile, scenario);
  if (refusal) throw new LoadError(refusal);

  const roleTokens = scenario.tokens === 'pool' ? (profile.tokens.pool.length > 0 ? profile.tokens.pool : [profile.tokens.admin]) : [profile.tokens[scenario.tokens]].filter((token): token is string => token !== undefined);
  if (roleTokens.length === 0) throw new LoadError(`Profile "${profile.name}" has no ${scenario.tokens} token for scenario ${scenario.name}`);
  const tokens = shareOfTokens(roleTokens, shard);
  const settings = shareOf(scenario.sizes[options.size], shard, options.seconds, scenario);

  const client = new TargetClient(profile.baseUrl, scenario.timeoutSeconds * 1000);
  const notes: string[] = [];
  const context: RunContext = {
    scenario,
    size: options.size,
    settings,
    baseUrl: profile.baseUrl,
    basePath: client.basePath,
    tokens,
    rateLimit: profile.rateLimit,
    client,
    data: await discoverTargetData(client, tokens[0] as string),
    // Shards sharing a run id must not share the data they create (emails, tag names).
    runId: shard.count > 1 ? `${options.runId}-s${shard.index}` : options.runId,
    seed: options.seed,
    notes,
    signal: options.signal,
    progress: options.progress,
  };

  let record;
  switch (scenario.kind) {
    case 'mix':
      record = await runMix(context);
      break;
    case 'journey':
      record = await runJourneys(context, profile.tokens.admin);
      break;
    case 'flood':
      record = await runFlood(context);
      break;
    case 'capacity':
      record = await runCapacity(context);
      break;
  }
  const interrupted = options.signal.aborted;
  if (interrupted) notes.push('The run was interrupted; figures cover the part that ran.');

  return buildResult(
    {
      scenario: scenario.name,
      description: scenario.description,
      size: options.size,
      kind: scenario.kind,
      model: scenario.model,
      drift: scenario.drift,
      runId: options.runId,
      ...(shard.count > 1 ? { shard } : {}),
      target: { profile: profile.name, baseUrl: profile.baseUrl, embedded: options.embedded, rateLimit: profile.rateLimit },
      settings,
      ...(interrupted ? { interrupted } : {}),
      notes,
    },
    record,
    options.judging,
  );
}

function shareOf(size: SizeSettings, shard: Shard, seconds: number | undefined, scenario: Scenario): SizeSettings {
  const share: SizeSettings = { ...size, connections: shareOfConnections(size.connections, shard) };
  if (size.rate !== undefined) share.rate = shareOfRate(size.rate, shard);
  if (size.startRate !== undefined) share.startRate = shareOfRate(size.startRate, shard);
  if (size.stepRate !== undefined) share.stepRate = shareOfRate(size.stepRate, shard);
  if (seconds !== undefined) {
    if (scenario.kind === 'capacity') {
      share.stepSeconds = seconds;
      share.seconds = seconds * (size.maxSteps ?? 1);
    } else {
      share.seconds = seconds;
    }
  }
  return share;
}
