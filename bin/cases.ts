// `npm run cases -- --spec FILE [--operation "POST /tickets"] [--count N] [--invalid] [--seed N]`
// prints the requests the generators make, one JSON object per line: method, path, query,
// body, and for invalid cases what was broken and the status the contract expects. Without a
// run-time context, path parameters are schema-valid placeholder ULIDs.
// Bad input (unknown flag, bad number, unreadable spec, unknown operation) is one sentence on
// stderr and exit code 2.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { SpecError } from '../core/spec/errors.js';
import { loadSpec, type Spec } from '../core/spec/load-spec.js';
import type { OperationModel } from '../core/spec/model.js';
import { invalidRequest } from '../generators/invalid-request.js';
import type { GeneratedRequest, InvalidRequest } from '../generators/types.js';
import { validRequest } from '../generators/valid-request.js';

const USAGE = 'Usage: npm run cases -- --spec FILE [--operation "POST /tickets"] [--count N] [--invalid] [--seed N]';

class UsageError extends Error {}

interface CasesArgs {
  spec: string;
  operation: string | undefined;
  count: number;
  invalid: boolean;
  seed: number;
  help: boolean;
}

function readArgs(argv: string[]): CasesArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        spec: { type: 'string' },
        operation: { type: 'string' },
        count: { type: 'string' },
        invalid: { type: 'boolean' },
        seed: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    const option = /'(-[^' ]*)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new UsageError(`${option === undefined ? 'Bad arguments' : `Unknown or incomplete option ${option}`}; ${USAGE.replace(/^Usage: /, 'usage: ')}.`);
  }
  const help = values.help === true;
  if (!help && values.spec === undefined) throw new UsageError(`--spec is required; ${USAGE.replace(/^Usage: /, 'usage: ')}.`);
  return {
    spec: values.spec ?? '',
    operation: values.operation,
    count: integer('count', values.count, 5, 1, 10_000),
    invalid: values.invalid === true,
    seed: integer('seed', values.seed, Math.floor(Math.random() * 2 ** 31), -(2 ** 31), 2 ** 31 - 1),
    help,
  };
}

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got "${value}".`);
  }
  return Number(value);
}

function operationsOf(spec: Spec, wanted: string | undefined): OperationModel[] {
  if (wanted === undefined) return spec.operations;
  const operation = spec.operation(wanted);
  if (operation === undefined) {
    throw new UsageError(`${spec.file} has no operation "${wanted.trim()}"; operations look like "POST /tickets" (${spec.operations.length} in this file).`);
  }
  return [operation];
}

/** The printed form of a case: what goes on the wire, and for an invalid case why it must fail. */
function line(request: GeneratedRequest | InvalidRequest): string {
  const printed: Record<string, unknown> = { operation: request.operation, method: request.method, path: request.path, query: request.query };
  if (request.body !== undefined) printed.body = request.body;
  if (request.rawBody !== undefined) printed.rawBody = request.rawBody;
  if ('broken' in request) printed.broken = request.broken;
  return JSON.stringify(printed);
}

function run(args: CasesArgs): void {
  const spec = loadSpec(args.spec);
  const operations = operationsOf(spec, args.operation);
  const out: string[] = [];
  let skipped = 0;
  for (const operation of operations) {
    let arbitrary: fc.Arbitrary<GeneratedRequest | InvalidRequest>;
    try {
      arbitrary = args.invalid ? invalidRequest(operation) : validRequest(operation);
    } catch (error) {
      // Operations without anything to break are expected in a whole-spec run; a named one is an error.
      if (args.invalid && args.operation === undefined && error instanceof Error && /has nothing to break/.test(error.message)) {
        skipped += 1;
        continue;
      }
      throw error;
    }
    for (const request of fc.sample(arbitrary, { numRuns: args.count, seed: args.seed })) out.push(line(request));
  }
  process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
  const skippedNote = skipped > 0 ? `; ${skipped} operation${skipped === 1 ? '' : 's'} with nothing to break left out` : '';
  process.stderr.write(`${out.length} case${out.length === 1 ? '' : 's'} from ${spec.file} with seed ${args.seed} (replay with --seed ${args.seed})${skippedNote}.\n`);
}

function fail(message: string): never {
  const sentence = message.trim().replace(/[.:;,\s]*$/, '.');
  process.stderr.write(`${sentence}\n`);
  process.exit(2);
}

// `npm run cases … | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  const args = readArgs(process.argv.slice(2));
  if (args.help) process.stdout.write(`${USAGE}\n`);
  else run(args);
} catch (error) {
  if (error instanceof UsageError || error instanceof SpecError) fail(error.message);
  // Option and schema errors of the generators are one sentence already; anything else is a bug.
  if (error instanceof Error && error.name === 'OptionError') fail(error.message);
  fail(`Could not generate cases: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
}
