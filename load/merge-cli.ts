// `npm run load:merge -- [--out DIR] [--thresholds FILE] [--baseline FILE] shard.json...`:
// merges shard results of one scenario into one report and judges it like a single run.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { LoadError } from './load-error.js';
import { mergeResults } from './merge-results.js';
import { readResult } from './read-result.js';
import { summaryLines } from './summary-lines.js';
import { loadThresholds } from './thresholds-file.js';
import { writeReports } from './write-reports.js';

export const MERGE_USAGE = `Usage: npm run load:merge -- [options] RESULT.json RESULT.json...
  --out DIR          where the merged reports go (default: reports/load)
  --thresholds FILE  default: load/thresholds.yaml
  --baseline FILE    earlier <scenario>.json to flag regressions against
Exit codes: 0 thresholds met, 1 a threshold breached or a regression, 2 the results could not be merged.`;

export function mergeMain(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { out: { type: 'string' }, thresholds: { type: 'string' }, baseline: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const option = /'(-[^' ]*)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new LoadError(`${option === undefined ? 'Bad arguments' : `Unknown or incomplete option ${option}`}; run npm run load:merge -- --help for the options`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${MERGE_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new LoadError('load:merge needs the result files of the shards, e.g. npm run load:merge -- a/read-mix.shard-1-of-2.json b/read-mix.shard-2-of-2.json');
  const results = positionals.map((file) => readResult(file, 'shard result'));
  const book = loadThresholds(values.thresholds ?? 'load/thresholds.yaml');
  const first = results[0];
  const baselineFile = values.baseline;
  const baseline = baselineFile === undefined ? undefined : { file: baselineFile, result: readResult(baselineFile, 'baseline') };
  if (baseline && first && baseline.result.scenario !== first.scenario) {
    throw new LoadError(`The baseline ${baseline.file} is a result of ${baseline.result.scenario}, not of ${first.scenario}`);
  }
  const merged = mergeResults(results, {
    thresholds: first ? book.forScenario(first.scenario, first.size) : [],
    regressions: book.regressions,
    ...(baseline ? { baseline } : {}),
  });
  const files = writeReports(merged, values.out ?? 'reports/load');
  process.stdout.write(`${summaryLines(merged, files).join('\n')}\n`);
  return merged.passed ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = mergeMain(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof LoadError ? error.message : `load:merge failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`}\n`);
    process.exitCode = 2;
  }
}
