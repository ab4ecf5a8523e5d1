// The reference target's command line: builds the app and listens until SIGINT/SIGTERM.
//   npm run target -- --port 4010 [--host 127.0.0.1] [--db FILE|:memory:] [--rate-limit N]
//                     [--rate-window SECONDS] [--faults id,...]     (env TARGET_FAULTS too)
// Bad input (unknown flag, bad number, unknown fault, port in use) is one sentence on stderr, exit 2.
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp, type TargetOptions } from './app.js';
import { UnknownFaultError } from './faults/active.js';
import { ContractUnreadable } from './http/contract.js';

class UsageError extends Error {}

interface ServerOptions extends TargetOptions {
  port: number;
  host: string;
}

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got "${value}".`);
  }
  return Number(value);
}

function readOptions(argv: string[]): ServerOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'rate-limit': { type: 'string' },
        'rate-window': { type: 'string' },
        faults: { type: 'string' },
      },
    }));
  } catch (error) {
    const option = /'(-[^' ]*)/.exec(error instanceof Error ? error.message : '')?.[1];
    const known = '--port, --host, --db, --rate-limit, --rate-window, --faults';
    throw new UsageError(
      option === undefined
        ? `Bad arguments; the options are ${known}, each with a value.`
        : `Unknown or incomplete option ${option}; the options are ${known}, each with a value.`,
    );
  }
  const faults = values.faults ?? process.env.TARGET_FAULTS ?? '';
  return {
    port: integer('port', values.port, 4010, 0, 65535),
    host: values.host ?? '127.0.0.1',
    db: values.db ?? ':memory:',
    rateLimit: {
      limit: integer('rate-limit', values['rate-limit'], 60, 1, 1_000_000),
      windowSeconds: integer('rate-window', values['rate-window'], 60, 1, 86_400),
    },
    faults: faults.split(',').filter((id) => id.trim() !== ''),
  };
}

function fail(message: string): never {
  const sentence = message.trim().replace(/[.:;,\s]*$/, '.');
  process.stderr.write(`${sentence}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let options: ServerOptions;
  let app: FastifyInstance;
  try {
    options = readOptions(process.argv.slice(2));
    app = await buildApp(options);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnknownFaultError || error instanceof ContractUnreadable) {
      fail(error.message);
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    fail(`The reference target could not start: ${reason}`);
  }
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`Port ${options.port} on ${options.host} is already in use.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`Cannot listen on host ${options.host}.`);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    fail(`The reference target could not listen: ${reason}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  process.stdout.write(`There There reference target listening on http://${host}:${port}/api\n`);

  let closing = false;
  const close = (): void => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}

void main();
