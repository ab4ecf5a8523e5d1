// The raw, mergeable outcome of a load run: counts, encoded latency histograms (µs) and a
// per-second timeline. Every figure of a report is derived from this, so shards run on several
// machines merge into exactly the report one big run would have produced.

export interface TimelineBucket {
  /** Unix time in whole seconds (shards line up by wall clock). */
  second: number;
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  unexpected: number;
  /** Latency of the responses completed in this second. */
  histogram: string;
}

export interface OperationRecord {
  requests: number;
  unexpected: number;
  errors: number;
  histogram: string;
}

/** Open model only: how the arrival plan was kept. */
export interface ScheduleRecord {
  plannedRate: number;
  /** Seconds the plan ran for. */
  seconds: number;
  /** Arrivals due in that time. */
  planned: number;
  sent: number;
  /** Sent more than lateAfterMs after their planned time. */
  late: number;
  /** Due but never sent before the plan ended. */
  notSent: number;
  lateAfterMs: number;
}

export interface CapacityStepRecord {
  plannedRate: number;
  passed: boolean;
  /** Why the step failed, in threshold words. */
  breaches: string[];
  record: RawRecord;
}

export interface RawRecord {
  /** Unix milliseconds. */
  startedAt: number;
  finishedAt: number;
  /**
   * Merged shards only: the duration that makes requests / activeSeconds the sum of the shards'
   * rates (shards run side by side but rarely start at the same instant).
   */
  activeSeconds?: number;
  /** Completed responses, whatever their status. */
  requests: number;
  statuses: Record<string, number>;
  /** Transport errors (refused, reset) and timeouts: requests without a response. */
  errors: number;
  timeouts: number;
  /** Responses whose status the scenario did not expect. */
  unexpected: number;
  /** Latency in µs, from the planned send time in the open model (coordinated omission corrected). */
  histogram: string;
  /** Service time in µs, from the moment the request was written. */
  serviceHistogram: string;
  timeline: TimelineBucket[];
  operations: Record<string, OperationRecord>;
  schedule?: ScheduleRecord;
  /** Scenario figures that add up across shards (limit leakage, 429s checked, ...). */
  counters: Record<string, number>;
  /** Scenario figures where the worst shard counts (resume time, ...), in µs where a time. */
  maxima: Record<string, number>;
  /** Sub-results measured alongside, e.g. `isolation` (the second token under a flood). */
  groups?: Record<string, RawRecord>;
  steps?: CapacityStepRecord[];
}
