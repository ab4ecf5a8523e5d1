// Where a sharded run (`playwright test --shard i/n`, `npm run gate -- --shard i/n`) leaves what
// `npm run gate:merge` joins: Playwright's blob report `<reports>/blob/report-<i>-of-<n>.zip`
// (tests, results, the findings and coverage the tests attach) and, beside it, what lives
// outside the blob: the reports the workers leave at teardown, `<reports>/shard/workers-<i>-of-<n>.json`.
// Not inside blob/: the blob reporter empties its folder before it writes the zip.

import { join } from 'node:path';

export interface ShardOfRun {
  /** 1-based. */
  current: number;
  total: number;
}

export function shardName(shard: ShardOfRun): string {
  return `${shard.current}-of-${shard.total}`;
}

export function blobDir(reportsDir: string): string {
  return join(reportsDir, 'blob');
}

export function blobFileName(shard: ShardOfRun): string {
  return `report-${shardName(shard)}.zip`;
}

/** The shard a blob report file name names, or undefined for any other file. */
export function shardOfBlobFile(fileName: string): ShardOfRun | undefined {
  const match = /^report-(\d+)-of-(\d+)\.zip$/.exec(fileName);
  if (match === null) return undefined;
  return { current: Number(match[1]), total: Number(match[2]) };
}

export function shardWorkersFile(reportsDir: string, shard: ShardOfRun): string {
  return join(reportsDir, 'shard', `workers-${shardName(shard)}.json`);
}

/**
 * The `--shard i/n` of a `playwright test` command line (`--shard=i/n` or `--shard i/n`). The
 * config needs it before Playwright has parsed its arguments: the blob file name carries it.
 */
export function shardFromArgv(argv: readonly string[]): ShardOfRun | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const text = arg.startsWith('--shard=') ? arg.slice('--shard='.length) : arg === '--shard' ? argv[index + 1] : undefined;
    const match = /^(\d+)\/(\d+)$/.exec(text?.trim() ?? '');
    if (match !== null) return { current: Number(match[1]), total: Number(match[2]) };
  }
  return undefined;
}
