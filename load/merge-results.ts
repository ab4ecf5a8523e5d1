// Merges the results of shards of one scenario run side by side into one result: raw records
// merged (exact percentiles from merged histograms), rates and connections added up.
import { buildResult, type Judging } from './build-result.js';
import { LoadError } from './load-error.js';
import type { LoadResult } from './load-result.js';
import { mergeRecords } from './merge-records.js';
import type { SizeSettings } from './scenario.js';

export function mergeResults(results: readonly LoadResult[], judging: Judging): LoadResult {
  const first = results[0];
  if (!first) throw new LoadError('load:merge needs at least one result file');
  for (const result of results) {
    if (result.scenario !== first.scenario || result.size !== first.size) {
      throw new LoadError(`Results of different runs cannot be merged: ${first.scenario} (${first.size}) and ${result.scenario} (${result.size})`);
    }
  }
  const shards = results.map((result) => result.shard).filter((shard) => shard !== undefined);
  const indexes = new Set(shards.map((shard) => `${shard.index}/${shard.count}`));
  if (indexes.size !== shards.length) throw new LoadError(`The same shard appears twice among the results (${shards.map((shard) => `${shard.index}/${shard.count}`).join(', ')})`);

  const add = (pick: (settings: SizeSettings) => number | undefined): number | undefined => {
    const values = results.map((result) => pick(result.settings));
    return values.every((value) => value === undefined) ? undefined : values.reduce<number>((total, value) => total + (value ?? 0), 0);
  };
  const settings: SizeSettings = { ...first.settings, connections: add((s) => s.connections) ?? first.settings.connections };
  for (const key of ['rate', 'startRate', 'stepRate', 'isolationRate'] as const) {
    const total = add((s) => s[key]);
    if (total !== undefined) settings[key] = total;
  }
  const runIds = [...new Set(results.map((result) => result.runId))];
  const notes = [...new Set(results.flatMap((result) => result.notes))];
  return buildResult(
    {
      scenario: first.scenario,
      description: first.description,
      size: first.size,
      kind: first.kind,
      model: first.model,
      drift: first.drift === true,
      runId: runIds.join('+'),
      mergedFrom: results.length,
      target: first.target,
      settings,
      notes,
    },
    mergeRecords(results.map((result) => result.record)),
    judging,
  );
}
