import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { deriveMetrics } from '../../load/derive-metrics.js';
import { encodeHistogram, mergeHistograms, newHistogram, summarize } from '../../load/histogram.js';
import { mergeRecords } from '../../load/merge-records.js';
import { LoadRecorder, type ResponseSample } from '../../load/recorder.js';

const latency = fc.integer({ min: 1, max: 30_000_000 });

describe('histogram merge', () => {
  it('merged percentiles equal those of one histogram fed every value', () => {
    fc.assert(
      fc.property(fc.array(fc.array(latency, { maxLength: 300 }), { minLength: 1, maxLength: 6 }), (shards) => {
        const whole = newHistogram();
        for (const value of shards.flat()) whole.recordValue(value);
        const merged = mergeHistograms(
          shards.map((values) => {
            const histogram = newHistogram();
            for (const value of values) histogram.recordValue(value);
            return encodeHistogram(histogram);
          }),
        );
        assert.deepEqual(summarize(merged), summarize(whole));
        for (const percentile of [1, 25, 50, 75, 90, 99, 99.9, 99.99]) {
          assert.equal(merged.getValueAtPercentile(percentile), whole.getValueAtPercentile(percentile));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('differs from averaging the shards’ percentiles (why merging matters)', () => {
    const fast = Array.from({ length: 990 }, () => 1000);
    const slow = Array.from({ length: 10 }, () => 500_000);
    const encode = (values: number[]): string => {
      const histogram = newHistogram();
      for (const value of values) histogram.recordValue(value);
      return encodeHistogram(histogram);
    };
    const merged = summarize(mergeHistograms([encode(fast), encode(slow)]));
    const averaged = (summarize(mergeHistograms([encode(fast)])).p50 + summarize(mergeHistograms([encode(slow)])).p50) / 2;
    assert.ok(Math.abs(merged.p50 - 1000) <= 1, `merged p50 ${merged.p50}`);
    assert.ok(averaged > 200_000);
  });
});

describe('mergeRecords', () => {
  const sample = fc.record({
    label: fc.constantFrom('list tickets', 'show ticket', 'me'),
    status: fc.constantFrom(200, 200, 200, 201, 404, 429, 500),
    latencyUs: latency,
    serviceUs: latency,
    at: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_010_000 }),
  });

  it('shard records merge into exactly the record of one recorder fed everything', () => {
    fc.assert(
      fc.property(fc.array(fc.array(sample, { maxLength: 80 }), { minLength: 1, maxLength: 4 }), (shards: ResponseSample[][]) => {
        const start = 1_700_000_000_000;
        const end = 1_700_000_010_001;
        const whole = new LoadRecorder();
        const parts = shards.map((samples) => {
          const recorder = new LoadRecorder();
          for (const item of samples) {
            recorder.response(item);
            whole.response(item);
          }
          return recorder.finish(start, end);
        });
        const { rps: mergedRps, ...merged } = deriveMetrics(mergeRecords(parts));
        const { rps: singleRps, ...single } = deriveMetrics(whole.finish(start, end));
        assert.deepEqual(merged, single);
        assert.ok(Math.abs((mergedRps ?? 0) - (singleRps ?? 0)) < 1e-9 * Math.max(1, singleRps ?? 0));
        const mergedRecord = mergeRecords(parts);
        const singleRecord = whole.finish(start, end);
        assert.deepEqual(mergedRecord.statuses, singleRecord.statuses);
        assert.deepEqual(mergedRecord.timeline.map((bucket) => [bucket.second, bucket.requests, bucket.statuses]), singleRecord.timeline.map((bucket) => [bucket.second, bucket.requests, bucket.statuses]));
      }),
      { numRuns: 40 },
    );
  });
});
