// The lanes of a run: its Playwright workers, times its shards. Shards of one run may go side by
// side against one deployment, so the token pool and the shared tokens' rate budget are split
// over every worker of every shard, not only over this shard's workers.

export interface Lane {
  /** This worker's lane, from 0. */
  slot: number;
  /** Lanes of the whole run. */
  lanes: number;
  /** `s2` in a sharded run (for labels unique across shards), '' otherwise. */
  shardTag: string;
}

export function laneOf(parallelIndex: number, workers: number, shard: { current: number; total: number } | null | undefined): Lane {
  const perShard = Math.max(1, workers);
  if (shard === null || shard === undefined) return { slot: parallelIndex, lanes: perShard, shardTag: '' };
  return { slot: (shard.current - 1) * perShard + parallelIndex, lanes: perShard * shard.total, shardTag: `s${shard.current}` };
}
