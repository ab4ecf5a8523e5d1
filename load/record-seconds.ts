// How long a record's requests took: the merged shards' effective duration when set (so their
// rates add up), else the record's own span.
import type { RawRecord } from './raw-record.js';

export function secondsOf(record: RawRecord): number {
  return record.activeSeconds ?? Math.max(0.001, (record.finishedAt - record.startedAt) / 1000);
}
