// The command line of `npm run mutation`, read into options; bad input is a UsageError whose
// message is one sentence.
import { parseArgs } from 'node:util';
import { FAULTS, type Fault } from '../catalogue.js';
import type { RateLimit } from './mutation-profile.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface MutationOptions {
  faults: Fault[];
  /** Gate cases per operation (THERE_THERE_CASES). */
  cases?: number;
  /** Gate time budget per run (THERE_THERE_BUDGET_SECONDS). */
  budgetSeconds?: number;
  seed?: number;
  /** Parts of the rate limit to change from the local profile's. */
  rateLimit: Partial<RateLimit>;
  /** `primary`: each fault against the spec files of its primary check only. */
  scope: 'all' | 'primary';
  /** Stop a fault's gate run after this many failed tests. */
  maxFailures?: number;
  /** Stop a fault's gate run at the first finding of an expected check. */
  stopAtDetection: boolean;
  /** Playwright workers per budgeted fault run; default the gate's own. */
  workers?: number;
  parallel: number;
  timeoutMs: number;
  /** Folder of mutation.md/json (relative to the repository root unless absolute). */
  out: string;
}

/**
 * `--quick`: the budget `npm test` runs (explicit options win over it). A short window with a
 * higher limit keeps the rate-limited probes fast while Retry-After still leaves room to judge;
 * one worker per fault run spends less on each run's set-up than two. A run stops at the first
 * finding of an expected check, not after a number of failed tests (--max-failures): a fault
 * often fails other tests first, and a run stopped there never reaches the test of its check.
 */
export const QUICK = { cases: 3, scope: 'primary', stopAtDetection: true, workers: 1, rateLimit: { limit: 120, windowSeconds: 4 } } as const;

const USAGE =
  'the options are --quick, --faults id,..., --cases N, --budget-seconds S, --seed N, --rate-limit N, --rate-window SECONDS, ' +
  '--scope all|primary, --max-failures N, --stop-at-detection, --workers N, --parallel N, --timeout SECONDS and --out DIR';

function integer(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got "${value}".`);
  }
  return Number(value);
}

function faultsOf(list: string | undefined): Fault[] {
  if (list === undefined) return [...FAULTS];
  const ids = list.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const unknown = ids.filter((id) => !FAULTS.some((fault) => fault.id === id));
  if (unknown.length > 0) throw new UsageError(`Unknown fault(s) ${unknown.join(', ')}; see target/faults/catalogue.ts.`);
  if (ids.length === 0) throw new UsageError('--faults names no fault.');
  return FAULTS.filter((fault) => ids.includes(fault.id));
}

export function readMutationOptions(argv: readonly string[]): MutationOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean' },
        faults: { type: 'string' },
        cases: { type: 'string' },
        'budget-seconds': { type: 'string' },
        seed: { type: 'string' },
        'rate-limit': { type: 'string' },
        'rate-window': { type: 'string' },
        scope: { type: 'string' },
        'max-failures': { type: 'string' },
        'stop-at-detection': { type: 'boolean' },
        workers: { type: 'string' },
        parallel: { type: 'string' },
        timeout: { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch {
    throw new UsageError(`Bad arguments; ${USAGE}, each but --quick and --stop-at-detection with a value.`);
  }
  const quick = values.quick === true;
  const scope = values.scope ?? (quick ? QUICK.scope : 'all');
  if (scope !== 'all' && scope !== 'primary') throw new UsageError(`--scope must be all or primary, got "${scope}".`);
  const cases = integer('cases', values.cases, 1, 100_000) ?? (quick ? QUICK.cases : undefined);
  const budgetSeconds = integer('budget-seconds', values['budget-seconds'], 1, 86_400);
  const seed = integer('seed', values.seed, 1, 2 ** 31 - 1);
  const maxFailures = integer('max-failures', values['max-failures'], 1, 100_000);
  const workers = integer('workers', values.workers, 1, 16) ?? (quick ? QUICK.workers : undefined);
  const limit = integer('rate-limit', values['rate-limit'], 1, 1_000_000) ?? (quick ? QUICK.rateLimit.limit : undefined);
  const windowSeconds = integer('rate-window', values['rate-window'], 1, 3600) ?? (quick ? QUICK.rateLimit.windowSeconds : undefined);
  return {
    faults: faultsOf(values.faults),
    ...(cases === undefined ? {} : { cases }),
    ...(budgetSeconds === undefined ? {} : { budgetSeconds }),
    ...(seed === undefined ? {} : { seed }),
    rateLimit: { ...(limit === undefined ? {} : { limit }), ...(windowSeconds === undefined ? {} : { windowSeconds }) },
    scope,
    ...(maxFailures === undefined ? {} : { maxFailures }),
    stopAtDetection: values['stop-at-detection'] === true || quick,
    ...(workers === undefined ? {} : { workers }),
    parallel: integer('parallel', values.parallel, 1, 16) ?? 2,
    timeoutMs: (integer('timeout', values.timeout, 10, 86_400) ?? 600) * 1000,
    out: values.out ?? 'reports',
  };
}
