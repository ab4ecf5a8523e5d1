// One mutation run: the target with one fault (or none) behind a counting proxy, the gate
// against it, and the verdict with the checks that fired and the first detection.
import { join } from 'node:path';
import type { Fault } from '../catalogue.js';
import { startCountingProxy } from './counting-proxy.js';
import { judge, type Verdict } from './judge.js';
import type { SeenRequest } from './counting-proxy.js';
import { readGateSummary, type FindingRequest, type GateSummary } from './read-summary.js';
import { judgesRateLimit, scopeFor } from './gate-scope.js';
import { runGate } from './run-gate.js';
import { firedOf, readStream, streamFile, type StreamedFinding } from './read-stream.js';
import { startTarget } from './start-target.js';

export interface RunSettings {
  reportDir: string;
  rateLimit: { limit: number; windowSeconds: number };
  cases?: number;
  budgetSeconds?: number;
  seed?: number;
  /** The gate's profile: the local one with this run's rate limit (see mutation-profile.ts). */
  profilePath?: string;
  timeoutMs: number;
  /** The gate's command line; default `playwright test`. */
  gateCommand?: readonly string[];
  /** `primary`: per fault, only the spec files that judge its primary check (gate-scope.ts). */
  scope?: 'all' | 'primary';
  /** Stop the gate after this many failed tests. */
  maxFailures?: number;
  /** Playwright workers of the gate run. */
  workers?: number;
  /** `confirm`: the whole-gate rerun of a fault the quick pass missed (its own report folder). */
  attempt?: 'quick' | 'confirm';
  /** Repository root (where the spec files are). */
  root?: string;
  /**
   * For a scoped run whose spec files do not judge rate limiting: a target limit the run never
   * reaches and the profile stating it, so the gate never waits on pacing it does not judge.
   */
  unpaced?: { rateLimit: { limit: number; windowSeconds: number }; profilePath: string };
  /** Stop a fault's gate run at the first finding of one of its expected checks. */
  stopAtDetection?: boolean;
}

export interface FirstDetection {
  checkId: string;
  /** Milliseconds from the gate's start. */
  ms: number;
  /** Requests the target had received by then. */
  requests: number;
}

export interface RunRecord {
  /** Undefined for the clean target. */
  fault?: string;
  area?: string;
  expected: string[];
  verdict: Verdict;
  /** Check id → findings. */
  fired: Record<string, number>;
  firedExpected: string[];
  firedUnexpected: string[];
  firstDetection?: FirstDetection;
  durationMs: number;
  requests: number;
  gateExitCode: number | null;
  /** The spec files run, when the run was scoped (otherwise the whole gate). */
  specFiles?: string[];
  /** The budgeted first run of a fault it missed, before this whole-gate run. */
  quickPass?: { verdict: Verdict; fired: Record<string, number>; durationMs: number };
  /** One sentence when the run could not be judged. */
  problem?: string;
  reportDir: string;
}

export async function runOne(fault: Fault | undefined, settings: RunSettings): Promise<RunRecord> {
  const name = `${fault?.id ?? 'clean'}${settings.attempt === 'confirm' ? '.confirm' : ''}`;
  const reportDir = join(settings.reportDir, name);
  const expected = fault?.catches ?? [];
  const base = { ...(fault ? { fault: fault.id, area: fault.area } : {}), expected, reportDir };
  const specFiles = fault !== undefined && settings.scope === 'primary' && settings.root !== undefined ? scopeFor(fault, settings.root) : undefined;
  const pacing = specFiles !== undefined && settings.unpaced !== undefined && !judgesRateLimit(specFiles) ? settings.unpaced : settings;
  let target;
  try {
    target = await startTarget({ faults: fault ? [fault.id] : [], rateLimit: pacing.rateLimit });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, verdict: 'not-judged', fired: {}, firedExpected: [], firedUnexpected: [], durationMs: 0, requests: 0, gateExitCode: null, problem: `The target could not start: ${reason}.` };
  }
  const proxy = await startCountingProxy(target.baseUrl);
  try {
    const gateStart = Date.now();
    const result = await runGate({
      ...(specFiles === undefined ? {} : { specFiles }),
      ...(settings.maxFailures === undefined ? {} : { maxFailures: settings.maxFailures }),
      ...(settings.workers === undefined ? {} : { workers: settings.workers }),
      baseUrl: proxy.baseUrl,
      reportDir,
      timeoutMs: settings.timeoutMs,
      ...(settings.cases === undefined ? {} : { cases: settings.cases }),
      ...(settings.budgetSeconds === undefined ? {} : { budgetSeconds: settings.budgetSeconds }),
      ...(settings.seed === undefined ? {} : { seed: settings.seed }),
      ...(pacing.profilePath === undefined ? {} : { profilePath: pacing.profilePath }),
      ...(settings.gateCommand === undefined ? {} : { command: settings.gateCommand }),
      ...(fault !== undefined && settings.stopAtDetection === true ? { stopOnChecks: fault.catches } : {}),
    });
    // A run stopped at its first expected finding leaves no summary: its findings stream tells.
    const summary = result.stoppedEarly ? summaryOfStream(readStream(streamFile(reportDir))) : readGateSummary(join(reportDir, 'summary.json'));
    // Playwright's note that --max-failures stopped the run is the budget at work, not a suite failure.
    const suiteErrors = (summary?.errors ?? []).filter((error) => !/^Testing stopped early after \d+ maximum allowed failures/.test(error));
    const verdict = judge(
      { exitCode: result.exitCode, fired: summary?.fired, cannotJudge: summary?.cannotJudge !== undefined, suiteErrors: suiteErrors.length },
      fault?.catches,
    );
    const fired = summary?.fired ?? {};
    const firedExpected = Object.keys(fired).filter((id) => expected.includes(id));
    const firedUnexpected = Object.keys(fired).filter((id) => !expected.includes(id));
    const firstDetection = summary === undefined ? undefined : earliest(firedExpected, summary, proxy.requests, gateStart);
    let problem: string | undefined;
    if (result.timedOut) problem = `The gate did not finish within ${Math.round(settings.timeoutMs / 1000)} s.`;
    else if (summary?.cannotJudge !== undefined) problem = summary.cannotJudge;
    else if (suiteErrors.length > 0) {
      problem = `The suite itself failed ${suiteErrors.length} time(s), first: ${suiteErrors[0]?.slice(0, 200)}`;
    }
    else if (verdict === 'not-judged') {
      problem = summary === undefined
        ? `The gate exited ${result.exitCode} without a readable summary.json (log: ${result.logFile}).`
        : `The gate could not judge the target (exit ${result.exitCode}; log: ${result.logFile}).`;
    }
    return {
      ...base,
      verdict,
      fired,
      firedExpected,
      firedUnexpected,
      ...(firstDetection ? { firstDetection } : {}),
      durationMs: result.durationMs,
      requests: proxy.requests.length,
      gateExitCode: result.exitCode,
      ...(specFiles === undefined ? {} : { specFiles }),
      ...(problem ? { problem } : {}),
    };
  } finally {
    await proxy.close();
    await target.stop();
  }
}

/** What a stopped run's findings stream says, in the shape of a summary. */
function summaryOfStream(findings: readonly StreamedFinding[]): GateSummary {
  const firstAt: Record<string, number> = {};
  for (const { checkId, at } of findings) firstAt[checkId] = Math.min(firstAt[checkId] ?? at, at);
  return { fired: firedOf(findings), errors: [], evidence: {}, firstAt };
}

/** The proxied request a finding names: same method, path and query, and status when known. */
function firstMatch(finding: FindingRequest, requests: readonly SeenRequest[]): SeenRequest | undefined {
  let target: string;
  try {
    const url = new URL(finding.url);
    target = `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
  return requests.find(
    (request) =>
      request.method === finding.method && request.path === target && (finding.status === undefined || request.status === finding.status),
  );
}

/**
 * The expected check that fired first, and how many requests the target had seen by then: from
 * the times the summary gives, or else from the earliest proxied request a finding names.
 */
export function earliest(
  ids: readonly string[],
  summary: Pick<GateSummary, 'firstAt' | 'evidence'>,
  requests: readonly SeenRequest[],
  gateStart: number,
): FirstDetection | undefined {
  const candidates: Array<{ checkId: string; at: number; requests: number }> = [];
  for (const checkId of ids) {
    const at = summary.firstAt[checkId];
    if (at !== undefined) {
      candidates.push({ checkId, at, requests: requests.filter((request) => request.at <= at).length });
      continue;
    }
    for (const finding of summary.evidence[checkId] ?? []) {
      const match = firstMatch(finding, requests);
      if (match !== undefined) candidates.push({ checkId, at: match.at, requests: match.seq });
    }
  }
  const first = candidates.sort((a, b) => a.requests - b.requests || a.at - b.at)[0];
  return first === undefined ? undefined : { checkId: first.checkId, ms: Math.max(0, first.at - gateStart), requests: first.requests };
}
