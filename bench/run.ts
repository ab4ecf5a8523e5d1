// `npm run bench`: every speed figure of the project, measured side by side in one run.
// BENCH_SECONDS shortens or lengthens each load measurement (default 5).
import { benchConformance } from './conformance.js';
import { benchGenerators } from './generators.js';
import { benchLoadVsWrk } from './load-vs-wrk.js';
import { benchTargetOverhead } from './target-overhead.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const sections: Array<[string, () => Promise<string>]> = [
  ['generators', () => benchGenerators(seconds)],
  ['target overhead', () => benchTargetOverhead(seconds)],
  ['conformance run vs bare client', () => benchConformance()],
  ['load runner vs wrk', () => benchLoadVsWrk(seconds)],
];

for (const [name, run] of sections) {
  try {
    process.stdout.write(`${await run()}\n\n`);
  } catch (error) {
    process.stderr.write(`bench section "${name}" failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
