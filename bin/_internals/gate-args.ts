// Command line of `npm run gate`; a bad argument is one GateError sentence (exit 2).
import { parseArgs } from 'node:util';
import { GateError } from './gate-error.js';

export interface GateArgs {
  help: boolean;
  /** `i/n`, passed to Playwright as it is; undefined: the whole run. */
  shard?: { index: number; count: number };
  /** Load scenarios to run; empty: every smoke scenario. */
  loadScenarios: string[];
}

export const GATE_USAGE = `Usage: npm run gate -- [options]
  --shard i/n              run the i-th of n shares of the conformance suite (load runs on shard 1 only)
  --load-scenario NAME[,…] load scenarios to run (default: every smoke scenario)
Settings come from the environment (THERE_THERE_PROFILE, THERE_THERE_BASE_URL, THERE_THERE_CASES, …).
Exit codes: 0 conformant and thresholds met, 1 findings or a breach, 2 the run could not be judged.`;

export function parseGateArgs(argv: readonly string[]): GateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        shard: { type: 'string' },
        'load-scenario': { type: 'string', multiple: true },
      },
    }));
  } catch (error) {
    const option = /'(-[^' ]*)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new GateError(`${option === undefined ? 'Bad arguments' : `Unknown or incomplete option ${option}`}; run npm run gate -- --help for the options.`);
  }
  return {
    help: values.help === true,
    ...(values.shard === undefined ? {} : { shard: parseShardText(values.shard) }),
    loadScenarios: (values['load-scenario'] ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean),
  };
}

function parseShardText(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new GateError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/3; got "${text}".`);
  return { index, count };
}
