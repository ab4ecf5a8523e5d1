// What a scenario kind gets to run with: the scenario at its size (already this shard's share),
// the target, this shard's tokens, the target's ids, and where to leave notes for the report.
import type { TargetData } from './discovery.js';
import type { Progress } from './progress.js';
import type { RawRecord } from './raw-record.js';
import type { Scenario, SizeName, SizeSettings } from './scenario.js';
import type { TargetClient } from './target-client.js';

export interface RunContext {
  scenario: Scenario;
  size: SizeName;
  settings: SizeSettings;
  baseUrl: string;
  basePath: string;
  /** This shard's tokens for the scenario's role, in order. */
  tokens: string[];
  rateLimit: { limit: number; windowSeconds: number };
  client: TargetClient;
  data: TargetData;
  runId: string;
  seed: number;
  /** Sentences for the report: what was capped, skipped, or could not be cleaned up. */
  notes: string[];
  signal: AbortSignal;
  progress: Progress;
}

export type ScenarioRunner = (context: RunContext) => Promise<RawRecord>;
