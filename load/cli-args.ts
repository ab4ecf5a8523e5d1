// Command line of `npm run load`; a bad argument is one LoadError sentence (exit 2).
import { parseArgs } from 'node:util';
import { LoadError } from './load-error.js';
import { parseDuration } from './duration.js';
import { parseShard, WHOLE, type Shard } from './shard.js';
import type { SizeName } from './scenario.js';

export interface LoadArgs {
  help: boolean;
  /** Empty: every scenario. */
  scenarios: string[];
  size: SizeName;
  profile: string;
  baseline?: string;
  shard: Shard;
  out: string;
  thresholds: string;
  seconds?: number;
  seed: number;
  runId?: string;
  quiet: boolean;
}

export const LOAD_USAGE = `Usage: npm run load -- [options]
  --scenario NAME[,NAME]  scenarios to run (default: every one in load/scenarios, smoke first to last)
  --size smoke|full       smoke: seconds, for the gate and CI (default); full: for staging
  --profile FILE          target profile (default: $THERE_THERE_PROFILE or targets/local.yaml)
  --baseline FILE|DIR     earlier <scenario>.json (or a folder of them) to flag regressions against
  --shard i/n             run the i-th of n shares (rate, connections, token pool); merge with load:merge
  --duration D            replace the size's duration, e.g. 20s (capacity: each step's duration)
  --out DIR               where reports go (default: reports/load)
  --thresholds FILE       default: load/thresholds.yaml
  --seed N                request mix seed (default 1)
  --run-id ID             run id (default: generated); give shards the same one
  --quiet                 no progress output
Exit codes: 0 thresholds met, 1 a threshold breached or a regression, 2 the run could not be judged.`;

export function parseLoadArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): LoadArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        scenario: { type: 'string', multiple: true },
        size: { type: 'string' },
        profile: { type: 'string' },
        baseline: { type: 'string' },
        shard: { type: 'string' },
        out: { type: 'string' },
        thresholds: { type: 'string' },
        duration: { type: 'string' },
        seed: { type: 'string' },
        'run-id': { type: 'string' },
        quiet: { type: 'boolean' },
      },
    }));
  } catch (error) {
    const option = /'(-[^' ]*)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new LoadError(`${option === undefined ? 'Bad arguments' : `Unknown or incomplete option ${option}`}; run npm run load -- --help for the options`);
  }
  const size = values.size ?? 'smoke';
  if (size !== 'smoke' && size !== 'full') throw new LoadError(`--size must be smoke or full, not "${size}"`);
  const seconds = values.duration === undefined ? undefined : parseDuration(values.duration);
  if (values.duration !== undefined && seconds === undefined) throw new LoadError(`--duration must be a duration such as 20s or 5m, not "${values.duration}"`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new LoadError(`--seed must be a non-negative integer, not "${values.seed}"`);
  const runId = values['run-id'];
  if (runId !== undefined && !/^[A-Za-z0-9-]{3,40}$/.test(runId)) throw new LoadError('--run-id must be 3 to 40 letters, digits or dashes');
  return {
    help: values.help === true,
    scenarios: (values.scenario ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean),
    size,
    profile: values.profile ?? env.THERE_THERE_PROFILE ?? 'targets/local.yaml',
    ...(values.baseline === undefined ? {} : { baseline: values.baseline }),
    shard: values.shard === undefined ? WHOLE : parseShard(values.shard),
    out: values.out ?? 'reports/load',
    thresholds: values.thresholds ?? 'load/thresholds.yaml',
    ...(seconds === undefined ? {} : { seconds }),
    seed,
    ...(runId === undefined ? {} : { runId }),
    quiet: values.quiet === true,
  };
}
