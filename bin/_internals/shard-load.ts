// The load part of a merged gate run: load runs on shard 1 only, so its figures come from shard
// 1's reports folder: the verdict from its combined summary.json, the results from load/<scenario>.json.
import { join } from 'node:path';
import { LoadError } from '../../load/load-error.js';
import type { LoadResult } from '../../load/load-result.js';
import { readResult } from '../../load/read-result.js';
import type { GateParts } from './combine-summary.js';
import { GateError } from './gate-error.js';
import type { ShardOutput } from './shard-outputs.js';

export function loadPartOfShard(first: ShardOutput): GateParts['load'] {
  const gate = first.summary?.gate;
  if (gate === undefined) return { skipped: `shard 1 left no gate summary in ${first.dir} (it ran the conformance suite alone, not npm run gate)` };
  if (gate.load?.skipped !== undefined) return { skipped: gate.load.skipped };
  const exit = gate.load?.exitCode;
  if (typeof exit !== 'number') return { skipped: `shard 1's summary in ${first.dir} names no load run` };
  const results: LoadResult[] = [];
  for (const { scenario } of first.summary?.load?.scenarios ?? []) {
    if (typeof scenario !== 'string' || !/^[\w.-]+$/.test(scenario)) continue;
    try {
      results.push(readResult(join(first.dir, 'load', `${scenario}.json`), 'load result of shard 1'));
    } catch (error) {
      if (error instanceof LoadError) throw new GateError(error.message);
      throw error;
    }
  }
  return { exit, results };
}
