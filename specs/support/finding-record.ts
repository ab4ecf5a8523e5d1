// Findings as the summary reporter reads them: plain JSON attached to the test, with the text of
// the one renderer and the curl that reproduces each, already redacted.

import { toCurl } from '../../core/curl.js';
import type { ReplayPoint } from '../../core/exchange.js';
import type { FindingEntry } from '../../core/findings.js';
import type { Redactor } from '../../core/redact.js';
import { renderFailure } from '../../core/render-failure.js';

export const FINDINGS_ATTACHMENT = 'there-there-findings';

export interface FindingRecord {
  checkId: string;
  kind: 'failure' | 'check-crashed';
  operationKey: string;
  title: string;
  expected: string;
  actual: string;
  /** Times seen (the same check, operation and cause). */
  count: number;
  dedupKey: string;
  curl: string;
  /** Response status, or the transport error kind. */
  outcome: string;
  replay?: ReplayPoint;
  /** The whole failure block as the renderer prints it. */
  text: string;
}

export function findingRecord(entry: FindingEntry, redact: Redactor): FindingRecord {
  const { finding, count } = entry;
  const { exchange } = finding;
  return {
    checkId: finding.checkId,
    kind: finding.kind,
    operationKey: finding.operationKey,
    title: redact(finding.title),
    expected: redact(finding.expected),
    actual: redact(finding.actual),
    count,
    dedupKey: redact(finding.dedupKey),
    curl: toCurl(exchange.request, redact),
    outcome: exchange.response === undefined ? exchange.error.kind : String(exchange.response.status),
    ...(finding.replay === undefined ? {} : { replay: finding.replay }),
    text: renderFailure(entry, { redact }),
  };
}
