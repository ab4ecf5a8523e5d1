// `--shard i/n`: this machine runs the i-th of n equal shares of a scenario: 1/n of the arrival
// rate and connections, and every n-th token of the pool (tokens never overlap between shards,
// so per-token rate limits hold when the shards run side by side).
import { LoadError } from './load-error.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export const WHOLE: Shard = { index: 1, count: 1 };

export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new LoadError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4; got "${text}"`);
  }
  return { index, count };
}

export function shareOfRate(rate: number, shard: Shard): number {
  return rate / shard.count;
}

/** At least one connection per shard. */
export function shareOfConnections(connections: number, shard: Shard): number {
  return Math.max(1, Math.ceil(connections / shard.count));
}

export function shareOfTokens<T>(tokens: readonly T[], shard: Shard): T[] {
  const share = tokens.filter((_token, position) => position % shard.count === shard.index - 1);
  if (share.length === 0) {
    throw new LoadError(`Shard ${shard.index}/${shard.count} gets no token: the pool has only ${tokens.length}, so use at most ${tokens.length} shards`);
  }
  return share;
}

export function shardLabel(shard: Shard): string {
  return shard.count === 1 ? '' : `shard ${shard.index}/${shard.count}`;
}
