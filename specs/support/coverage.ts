// What one test exercised: per operation, how often each status came back. The fixtures attach
// it to the test; the summary reporter adds up every test's coverage.

import type { Exchange } from '../../core/exchange.js';

export interface CoverageRecord {
  /** Operation key → status (or transport error kind) → count. */
  operations: Record<string, Record<string, number>>;
  /** Requests judged, the 429s waited out before them included. */
  requests: number;
  /** 429 answers the client waited out. */
  rateLimited: number;
}

export const COVERAGE_ATTACHMENT = 'there-there-coverage';

export class CoverageRecorder {
  private readonly record: CoverageRecord = { operations: {}, requests: 0, rateLimited: 0 };

  add(exchange: Exchange): void {
    this.record.requests += 1 + exchange.rateLimited.length;
    this.record.rateLimited += exchange.rateLimited.length;
    if (exchange.operation === undefined) return;
    const statuses = (this.record.operations[exchange.operationKey] ??= {});
    const outcome = exchange.response === undefined ? exchange.error.kind : String(exchange.response.status);
    statuses[outcome] = (statuses[outcome] ?? 0) + 1;
  }

  get empty(): boolean {
    return this.record.requests === 0;
  }

  toJSON(): CoverageRecord {
    return this.record;
  }
}
