// Reads what the mutation run needs from the gate's `summary.json` (specs/reporters/build-summary.ts):
// how many findings each check id reported, whether the gate could judge at all, and the request
// behind each finding (from its curl line) so the run can tell which request first showed a
// fault. Lenient about the layout of the per-check table (id → count, or → an object with a
// count), strict about the meaning: only positive counts fire.
import { readFileSync } from 'node:fs';

/** A request a finding names: method and absolute URL. */
export interface FindingRequest {
  method: string;
  url: string;
  /** The response status the finding saw, when it was one. */
  status?: number;
}

export interface GateSummary {
  /** Check id → number of findings (only ids with at least one). */
  fired: Record<string, number>;
  /** The gate's own word that it could not judge the target. */
  cannotJudge?: string;
  /** Failures of the suite itself (a test that crashed or timed out), not findings. */
  errors: string[];
  /** Check id → the requests its findings name. */
  evidence: Record<string, FindingRequest[]>;
  /** Check id → when it first fired (epoch milliseconds), when the summary tells. */
  firstAt: Record<string, number>;
  /** The gate's total count of findings, when it states one. */
  totalFindings?: number;
}

type Node = Record<string, unknown>;

const CHECK_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const COUNT_KEYS = ['failures', 'failed', 'findings', 'fail', 'count', 'failureCount', 'findingCount'];
const FIRST_ABSOLUTE_KEYS = ['firstAt', 'firstFindingAt', 'firstSeenAt'];
const FIRST_RELATIVE_KEYS = ['firstAtMs', 'firstFindingMs', 'firstMs', 'firstElapsedMs'];

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function countOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (!isNode(value)) return undefined;
  for (const key of COUNT_KEYS) {
    const count = value[key];
    if (typeof count === 'number' && Number.isFinite(count)) return count;
  }
  return undefined;
}

function epochOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 1e12) return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** When a check first fired: an absolute time, or milliseconds after the run's start. */
function firstOf(value: unknown, startedAt: number | undefined): number | undefined {
  if (!isNode(value)) return undefined;
  for (const key of FIRST_ABSOLUTE_KEYS) {
    const at = epochOf(value[key]);
    if (at !== undefined) return at;
  }
  if (startedAt === undefined) return undefined;
  for (const key of FIRST_RELATIVE_KEYS) {
    const ms = value[key];
    if (typeof ms === 'number' && Number.isFinite(ms)) return startedAt + ms;
  }
  return undefined;
}

/** The per-check table: `checks` (even empty), or the first member that maps check ids to counts. */
function perCheckTable(summary: Node): Node | undefined {
  if (isNode(summary.checks) && Object.values(summary.checks).every((value) => countOf(value) !== undefined)) return summary.checks;
  for (const key of ['checks', 'byCheck', 'perCheck', 'checkCounts', 'findingsByCheck', 'counts']) {
    const table = summary[key];
    if (isNode(table) && Object.keys(table).some((id) => CHECK_ID.test(id) && countOf(table[id]) !== undefined)) return table;
    if (Array.isArray(table)) {
      const rows = table.filter(isNode).filter((row) => typeof (row.id ?? row.check ?? row.checkId) === 'string');
      if (rows.length > 0) return Object.fromEntries(rows.map((row) => [String(row.id ?? row.check ?? row.checkId), row]));
    }
  }
  return undefined;
}

export function parseGateSummary(summary: unknown): GateSummary | undefined {
  if (!isNode(summary)) return undefined;
  const table = perCheckTable(summary);
  if (table === undefined) return undefined;
  const fired: Record<string, number> = {};
  const firstAt: Record<string, number> = {};
  const startedAt = epochOf(summary.startedAt ?? summary.startTime ?? summary.started);
  for (const [id, value] of Object.entries(table)) {
    const count = countOf(value);
    if (count === undefined || count <= 0) continue;
    fired[id] = count;
    const first = firstOf(value, startedAt);
    if (first !== undefined) firstAt[id] = first;
  }
  const total = countOf(summary.totals) ?? countOf(summary);
  const cannotJudge = summary.verdict === 'cannot-judge' ? String(summary.cannotJudge ?? 'the gate could not judge the target') : undefined;
  return {
    fired,
    firstAt,
    evidence: evidenceOf(summary.findings),
    errors: Array.isArray(summary.errors) ? summary.errors.map(String) : [],
    ...(cannotJudge === undefined ? {} : { cannotJudge }),
    ...(total === undefined ? {} : { totalFindings: total }),
  };
}

/** The method and URL of a curl line as core/curl.ts writes it. */
export function requestOfCurl(curl: string): { method: string; url: string } | undefined {
  const url = /(?:^|\s)'?(https?:\/\/[^\s']+)'?/.exec(curl)?.[1];
  if (url === undefined) return undefined;
  const method = /\s--head(\s|$)/.test(curl) ? 'HEAD' : (/\s-X\s+'?([A-Za-z]+)'?/.exec(curl)?.[1]?.toUpperCase() ?? 'GET');
  return { method, url };
}

/** `findings: [{checkId, operations: [{findings: [{curl, outcome}]}]}]` → check id → requests. */
function evidenceOf(findings: unknown): Record<string, FindingRequest[]> {
  const evidence: Record<string, FindingRequest[]> = {};
  if (!Array.isArray(findings)) return evidence;
  for (const group of findings.filter(isNode)) {
    const checkId = group.checkId;
    if (typeof checkId !== 'string' || !Array.isArray(group.operations)) continue;
    const records = group.operations.filter(isNode).flatMap((operation) => (Array.isArray(operation.findings) ? operation.findings : []));
    for (const record of records.filter(isNode)) {
      const request = typeof record.curl === 'string' ? requestOfCurl(record.curl) : undefined;
      if (request === undefined) continue;
      const status = Number(record.outcome);
      (evidence[checkId] ??= []).push({ ...request, ...(Number.isInteger(status) ? { status } : {}) });
    }
  }
  return evidence;
}

/** The summary file of one gate run, or undefined when it is missing or has no per-check table. */
export function readGateSummary(file: string): GateSummary | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parseGateSummary(JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
