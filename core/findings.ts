// Failures as data. A finding is what one check saw wrong in one exchange; a FindingSet folds
// repeats together, so the same bug seen a hundred times is one finding with a count.

import type { Exchange, ReplayPoint } from './exchange.js';

/** `failure`: the target broke a rule. `check-crashed`: the check itself threw (a suite bug). */
export type FindingKind = 'failure' | 'check-crashed';

export interface Finding {
  kind: FindingKind;
  checkId: string;
  /** `METHOD /path` as in the spec (or as sent, for unknown routes). */
  operationKey: string;
  /** One line: what went wrong. */
  title: string;
  expected: string;
  actual: string;
  /** Check id + operation + normalised cause: equal keys are the same bug. */
  dedupKey: string;
  exchange: Exchange;
  /** fast-check `{ seed, path }` that replays the case, when it was generated. */
  replay?: ReplayPoint;
}

export interface FindingEntry {
  /** The representative: the smallest reproduction seen so far. */
  finding: Finding;
  count: number;
}

/** The dedup key of a cause; volatile parts (ids, indices, timestamps) do not split a bug. */
export function findingKey(checkId: string, operationKey: string, cause: string): string {
  return `${checkId} ${operationKey} ${normaliseCause(cause)}`;
}

function normaliseCause(cause: string): string {
  return cause
    .replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/gi, '<ulid>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?/g, '<time>')
    .replace(/\/\d+(?=\/|$|\s|\])/g, '/<n>')
    .replace(/\.\d+(?=\.|$|\s|\])/g, '.<n>')
    .trim();
}

export class FindingSet {
  private readonly byKey = new Map<string, FindingEntry>();

  add(finding: Finding): FindingEntry {
    const entry = this.byKey.get(finding.dedupKey);
    if (entry === undefined) {
      const created = { finding, count: 1 };
      this.byKey.set(finding.dedupKey, created);
      return created;
    }
    entry.count += 1;
    // fast-check reports the shrunk case last; the smaller reproduction is the better one.
    if (reproductionSize(finding) < reproductionSize(entry.finding)) entry.finding = finding;
    return entry;
  }

  addAll(findings: Iterable<Finding>): void {
    for (const finding of findings) this.add(finding);
  }

  /** Distinct findings. */
  get size(): number {
    return this.byKey.size;
  }

  /** Distinct findings in the order first seen. */
  entries(): FindingEntry[] {
    return [...this.byKey.values()];
  }

  /** Distinct findings per check id. */
  countsByCheck(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { finding } of this.byKey.values()) counts[finding.checkId] = (counts[finding.checkId] ?? 0) + 1;
    return counts;
  }
}

function reproductionSize(finding: Finding): number {
  const { request } = finding.exchange;
  return request.url.length + (request.body?.length ?? 0);
}
