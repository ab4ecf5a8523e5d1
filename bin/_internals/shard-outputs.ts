// What each shard of a sharded gate run left in its reports folder, checked before a merge:
// one blob report per shard (blob/report-<i>-of-<n>.zip), every shard of the n exactly once, and
// beside it the shard's worker reports and summary.json (seed, run id, the load part on shard 1).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blobDir, shardOfBlobFile, shardWorkersFile, type ShardOfRun } from '../../specs/reporters/shard-files.js';
import type { WorkerReport } from '../../specs/support/worker-report.js';
import { GateError } from './gate-error.js';

export interface ShardOutput {
  shard: ShardOfRun;
  /** The shard's reports folder (absolute). */
  dir: string;
  blobFile: string;
  /** The reports its workers left at teardown, or undefined when the shard kept none. */
  workers?: WorkerReport[];
  /** Its summary.json (the gate's combined one, or the conformance run's), when there is one. */
  summary?: ShardSummary;
}

/** The parts of a shard's summary.json a merge reads. */
export interface ShardSummary {
  seed?: number;
  runId?: string;
  /** The profile file the shard ran with. */
  profile?: string;
  gate?: { load?: { skipped?: string; exitCode?: number } };
  load?: { scenarios?: Array<{ scenario?: string }> };
}

/** The shards in order 1..n; a folder that is missing or holds no blob report, a shard twice or one missing: GateError. */
export function collectShardOutputs(dirs: readonly string[]): ShardOutput[] {
  const found: ShardOutput[] = [];
  for (const given of dirs) {
    const dir = resolve(given);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new GateError(`The shard folder ${given} does not exist or is not a folder.`);
    const blobs = existsSync(blobDir(dir)) ? readdirSync(blobDir(dir)).filter((name) => shardOfBlobFile(name) !== undefined) : [];
    if (blobs.length === 0) throw new GateError(`${given} holds no blob report (blob/report-<i>-of-<n>.zip): pass the reports folder of a run of npm run gate -- --shard i/n.`);
    const summary = readJson<ShardSummary>(join(dir, 'summary.json'));
    for (const name of blobs) {
      const shard = shardOfBlobFile(name) as ShardOfRun;
      const workers = readJson<WorkerReport[]>(shardWorkersFile(dir, shard));
      found.push({ shard, dir, blobFile: join(blobDir(dir), name), ...(Array.isArray(workers) ? { workers } : {}), ...(summary === undefined ? {} : { summary }) });
    }
  }
  const totals = [...new Set(found.map((output) => output.shard.total))];
  if (totals.length > 1) throw new GateError(`The blob reports come from runs split into different numbers of shards (${totals.sort((a, b) => a - b).join(', ')}): merge the shards of one run.`);
  const total = totals[0] as number;
  const stray = found.find((output) => output.shard.current < 1 || output.shard.current > total);
  if (stray !== undefined) throw new GateError(`${stray.blobFile} names shard ${stray.shard.current} of ${total}, which does not exist.`);
  const shards: ShardOutput[] = [];
  for (let current = 1; current <= total; current += 1) {
    const matches = found.filter((output) => output.shard.current === current);
    if (matches.length === 0) throw new GateError(`Shard ${current} of ${total} is missing: pass the reports folder of every shard.`);
    if (matches.length > 1) throw new GateError(`Shard ${current} of ${total} is there twice (${matches.map((output) => output.blobFile).join(', ')}): pass each shard's folder once.`);
    shards.push(matches[0] as ShardOutput);
  }
  return shards;
}

function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    throw new GateError(`${file} is not valid JSON: the shard's reports are damaged.`);
  }
}
