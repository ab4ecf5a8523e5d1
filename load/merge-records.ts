// Merges raw records of shards that ran side by side: counts and rates add up, histograms merge
// (exact percentiles, not averaged ones), timelines line up by wall-clock second.
import { encodeHistogram, mergeHistograms } from './histogram.js';
import type { CapacityStepRecord, OperationRecord, RawRecord, TimelineBucket } from './raw-record.js';
import { secondsOf } from './record-seconds.js';

export function mergeRecords(records: readonly RawRecord[]): RawRecord {
  const first = records[0];
  if (!first) throw new Error('mergeRecords needs at least one record');
  if (records.length === 1) return first;

  const timeline = new Map<number, TimelineBucket[]>();
  for (const record of records) {
    for (const bucket of record.timeline) timeline.set(bucket.second, [...(timeline.get(bucket.second) ?? []), bucket]);
  }
  const operations = new Map<string, OperationRecord[]>();
  for (const record of records) {
    for (const [label, op] of Object.entries(record.operations)) operations.set(label, [...(operations.get(label) ?? []), op]);
  }

  const schedules = records.map((record) => record.schedule).filter((item) => item !== undefined);
  const groupNames = new Set(records.flatMap((record) => Object.keys(record.groups ?? {})));
  const groups = Object.fromEntries(
    [...groupNames].map((name) => [name, mergeRecords(records.map((record) => record.groups?.[name]).filter((item) => item !== undefined))]),
  );
  const stepCount = Math.max(0, ...records.map((record) => record.steps?.length ?? 0));

  const requests = sum(records, (record) => record.requests);
  const rate = sum(records, (record) => record.requests / secondsOf(record));
  return {
    startedAt: Math.min(...records.map((record) => record.startedAt)),
    finishedAt: Math.max(...records.map((record) => record.finishedAt)),
    ...(rate > 0 ? { activeSeconds: requests / rate } : {}),
    requests,
    statuses: addCounts(records.map((record) => record.statuses)),
    errors: sum(records, (record) => record.errors),
    timeouts: sum(records, (record) => record.timeouts),
    unexpected: sum(records, (record) => record.unexpected),
    histogram: encodeHistogram(mergeHistograms(records.map((record) => record.histogram))),
    serviceHistogram: encodeHistogram(mergeHistograms(records.map((record) => record.serviceHistogram))),
    timeline: [...timeline.entries()]
      .sort(([a], [b]) => a - b)
      .map(([second, buckets]) => ({
        second,
        requests: sum(buckets, (bucket) => bucket.requests),
        statuses: addCounts(buckets.map((bucket) => bucket.statuses)),
        errors: sum(buckets, (bucket) => bucket.errors),
        timeouts: sum(buckets, (bucket) => bucket.timeouts),
        unexpected: sum(buckets, (bucket) => bucket.unexpected),
        histogram: encodeHistogram(mergeHistograms(buckets.map((bucket) => bucket.histogram))),
      })),
    operations: Object.fromEntries(
      [...operations.entries()].map(([label, ops]) => [
        label,
        {
          requests: sum(ops, (op) => op.requests),
          unexpected: sum(ops, (op) => op.unexpected),
          errors: sum(ops, (op) => op.errors),
          histogram: encodeHistogram(mergeHistograms(ops.map((op) => op.histogram))),
        },
      ]),
    ),
    ...(schedules.length > 0
      ? {
          schedule: {
            plannedRate: sum(schedules, (s) => s.plannedRate),
            seconds: Math.max(...schedules.map((s) => s.seconds)),
            planned: sum(schedules, (s) => s.planned),
            sent: sum(schedules, (s) => s.sent),
            late: sum(schedules, (s) => s.late),
            notSent: sum(schedules, (s) => s.notSent),
            lateAfterMs: Math.max(...schedules.map((s) => s.lateAfterMs)),
          },
        }
      : {}),
    counters: addCounts(records.map((record) => record.counters)),
    maxima: maxCounts(records.map((record) => record.maxima)),
    ...(groupNames.size > 0 ? { groups } : {}),
    ...(stepCount > 0 ? { steps: mergeSteps(records, stepCount) } : {}),
  };
}

/** Capacity steps merge index by index: shards stepped up together, so their rates add up. */
function mergeSteps(records: readonly RawRecord[], count: number): CapacityStepRecord[] {
  const steps: CapacityStepRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const parts = records.map((record) => record.steps?.[index]).filter((item) => item !== undefined);
    steps.push({
      plannedRate: sum(parts, (part) => part.plannedRate),
      passed: parts.length === records.length && parts.every((part) => part.passed),
      breaches: parts.flatMap((part) => part.breaches),
      record: mergeRecords(parts.map((part) => part.record)),
    });
  }
  return steps;
}

function sum<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0);
}

function addCounts(maps: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const map of maps) for (const [key, value] of Object.entries(map)) total[key] = (total[key] ?? 0) + value;
  return total;
}

function maxCounts(maps: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const worst: Record<string, number> = {};
  for (const map of maps) for (const [key, value] of Object.entries(map)) worst[key] = Math.max(worst[key] ?? -Infinity, value);
  return worst;
}
