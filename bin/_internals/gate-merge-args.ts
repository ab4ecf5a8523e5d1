// Command line of `npm run gate:merge`; a bad argument is one GateError sentence (exit 2).
import { parseArgs } from 'node:util';
import { GateError } from './gate-error.js';

export interface GateMergeArgs {
  help: boolean;
  /** The reports folders of the shards (`--from DIR [DIR...]`). */
  from: string[];
  /** Where the merged reports go; undefined: THERE_THERE_REPORTS_DIR or reports. */
  out?: string;
}

export const GATE_MERGE_USAGE = `Usage: npm run gate:merge -- --from DIR [DIR...] [--out DIR]
  --from DIR [DIR...]  the reports folders of the shards of one run (npm run gate -- --shard i/n), every shard once
  --out DIR            where the merged reports go (default: THERE_THERE_REPORTS_DIR or reports)
Writes junit.xml, html/, summary.md, summary.json and load/ (from shard 1) for the whole run.
Exit codes: 0 conformant and thresholds met, 1 findings or a breach, 2 the shards could not be merged or judged.`;

export function parseGateMergeArgs(argv: readonly string[]): GateMergeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        from: { type: 'string', multiple: true },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    const option = /'(-[^' ]*)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new GateError(`${option === undefined ? 'Bad arguments' : `Unknown or incomplete option ${option}`}; run npm run gate:merge -- --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { help: true, from: [] };
  // `--from a b c`: the folders after the first --from are positionals (a shell glob gives many).
  if (values.from === undefined && positionals.length > 0) throw new GateError(`Name the shards' folders after --from, e.g. npm run gate:merge -- --from ${positionals[0]}; got a bare "${positionals[0]}".`);
  const from = [...(values.from ?? []), ...positionals].map((dir) => dir.trim()).filter(Boolean);
  if (from.length === 0) throw new GateError('Name the reports folder of every shard: npm run gate:merge -- --from DIR [DIR...].');
  const out = values.out?.trim();
  if (values.out !== undefined && !out) throw new GateError('--out needs a folder.');
  return { help: false, from, ...(out ? { out } : {}) };
}
