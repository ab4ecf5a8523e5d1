// What a worker knows only when it stops: what its cleanup deleted and left behind, its
// client's counts, its case plan. Each worker writes one file under the run's directory; the
// summary reporter reads them all at the end of the run and removes the directory.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClientStats } from '../../core/client/api-client.js';
import type { CasePlan } from './case-plan.js';
import type { CleanupReport } from './created-registry.js';

export interface WorkerReport {
  workerIndex: number;
  plan: CasePlan;
  cleanup: CleanupReport;
  client: ApiClientStats;
  /** Lists the harvest could not read. */
  harvestProblems: string[];
}

export function runStateDir(reportsDir: string, runId: string): string {
  return join(reportsDir, '.run', runId);
}

export function writeWorkerReport(dir: string, report: WorkerReport): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `worker-${report.workerIndex}.json`), JSON.stringify(report, null, 2));
}

/** Every worker's report of the run, then the directory is removed. */
export function takeWorkerReports(dir: string): WorkerReport[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith('worker-') && name.endsWith('.json'));
  } catch {
    return [];
  }
  const reports = names.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as WorkerReport);
  rmSync(dir, { recursive: true, force: true });
  return reports;
}
