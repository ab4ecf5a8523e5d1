// Records every response of a run into HdrHistograms (whole microseconds), status counts and a
// per-second timeline; finish() freezes it into a mergeable RawRecord.
import { encodeHistogram, newHistogram, type Histogram } from './histogram.js';
import type { RawRecord, ScheduleRecord } from './raw-record.js';

export interface ResponseSample {
  /** Operation name from the scenario, e.g. `list tickets`. */
  label: string;
  status: number;
  /** From the planned send time (open model) or the actual one (closed model). */
  latencyUs: number;
  /** From the actual send time. */
  serviceUs: number;
  /** Unix milliseconds when the response completed. */
  at: number;
}

interface LiveBucket {
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  unexpected: number;
  histogram: Histogram;
}

interface LiveOperation {
  requests: number;
  unexpected: number;
  errors: number;
  histogram: Histogram;
}

export interface RecorderSnapshot {
  requests: number;
  errors: number;
  unexpected: number;
  /** Latency p99 so far, µs. */
  p99: number;
}

export class LoadRecorder {
  private readonly histogram = newHistogram();
  private readonly serviceHistogram = newHistogram();
  private readonly buckets = new Map<number, LiveBucket>();
  private readonly operations = new Map<string, LiveOperation>();
  private readonly statuses: Record<string, number> = {};
  private requests = 0;
  private errors = 0;
  private timeouts = 0;
  private unexpected = 0;
  readonly counters: Record<string, number> = {};
  readonly maxima: Record<string, number> = {};

  constructor(private readonly isExpected: (status: number, label: string) => boolean = (status) => status >= 200 && status < 300) {}

  response(sample: ResponseSample): void {
    const latency = Math.max(1, Math.round(sample.latencyUs));
    const expected = this.isExpected(sample.status, sample.label);
    const key = String(sample.status);
    this.requests += 1;
    this.statuses[key] = (this.statuses[key] ?? 0) + 1;
    if (!expected) this.unexpected += 1;
    this.histogram.recordValue(latency);
    this.serviceHistogram.recordValue(Math.max(1, Math.round(sample.serviceUs)));

    const bucket = this.bucket(sample.at);
    bucket.requests += 1;
    bucket.statuses[key] = (bucket.statuses[key] ?? 0) + 1;
    if (!expected) bucket.unexpected += 1;
    bucket.histogram.recordValue(latency);

    const operation = this.operation(sample.label);
    operation.requests += 1;
    if (!expected) operation.unexpected += 1;
    operation.histogram.recordValue(latency);
  }

  /** A request that got no response: connection error, or timeout when `timedOut`. */
  failure(label: string, at: number, timedOut: boolean): void {
    if (timedOut) this.timeouts += 1;
    else this.errors += 1;
    const bucket = this.bucket(at);
    if (timedOut) bucket.timeouts += 1;
    else bucket.errors += 1;
    this.operation(label).errors += 1;
  }

  count(name: string, by = 1): void {
    this.counters[name] = (this.counters[name] ?? 0) + by;
  }

  worst(name: string, value: number): void {
    this.maxima[name] = Math.max(this.maxima[name] ?? -Infinity, value);
  }

  snapshot(): RecorderSnapshot {
    return {
      requests: this.requests,
      errors: this.errors + this.timeouts,
      unexpected: this.unexpected,
      p99: this.histogram.totalCount === 0 ? 0 : this.histogram.getValueAtPercentile(99),
    };
  }

  finish(startedAt: number, finishedAt: number, schedule?: ScheduleRecord): RawRecord {
    const timeline = [...this.buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([second, bucket]) => ({
        second,
        requests: bucket.requests,
        statuses: bucket.statuses,
        errors: bucket.errors,
        timeouts: bucket.timeouts,
        unexpected: bucket.unexpected,
        histogram: encodeHistogram(bucket.histogram),
      }));
    const operations = Object.fromEntries(
      [...this.operations.entries()].map(([label, op]) => [
        label,
        { requests: op.requests, unexpected: op.unexpected, errors: op.errors, histogram: encodeHistogram(op.histogram) },
      ]),
    );
    return {
      startedAt,
      finishedAt,
      requests: this.requests,
      statuses: { ...this.statuses },
      errors: this.errors,
      timeouts: this.timeouts,
      unexpected: this.unexpected,
      histogram: encodeHistogram(this.histogram),
      serviceHistogram: encodeHistogram(this.serviceHistogram),
      timeline,
      operations,
      ...(schedule ? { schedule } : {}),
      counters: { ...this.counters },
      maxima: { ...this.maxima },
    };
  }

  private bucket(at: number): LiveBucket {
    const second = Math.floor(at / 1000);
    let bucket = this.buckets.get(second);
    if (!bucket) {
      bucket = { requests: 0, statuses: {}, errors: 0, timeouts: 0, unexpected: 0, histogram: newHistogram() };
      this.buckets.set(second, bucket);
    }
    return bucket;
  }

  private operation(label: string): LiveOperation {
    let operation = this.operations.get(label);
    if (!operation) {
      operation = { requests: 0, unexpected: 0, errors: 0, histogram: newHistogram() };
      this.operations.set(label, operation);
    }
    return operation;
  }
}
