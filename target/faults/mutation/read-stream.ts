// Reads the gate's live findings stream (`<reports>/findings.ndjson`, one JSON object per line,
// written by specs/reporters/findings-stream-reporter.ts as each test ends): enough to stop a
// fault's run at the first finding of an expected check and judge it without a summary. A line
// cut short by a kill, or one that is not a finding, is left out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STREAM_FILE = 'findings.ndjson';

export interface StreamedFinding {
  checkId: string;
  /** Epoch milliseconds when the test that saw it ended. */
  at: number;
}

export function streamFile(reportDir: string): string {
  return join(reportDir, STREAM_FILE);
}

/** The findings streamed so far (none when the file is not there yet). */
export function readStream(file: string): StreamedFinding[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const findings: StreamedFinding[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as { checkId?: unknown; at?: unknown };
      if (typeof value.checkId === 'string' && typeof value.at === 'number') findings.push({ checkId: value.checkId, at: value.at });
    } catch {
      // the last line of a killed run
    }
  }
  return findings;
}

/** Check id → findings, as the summary counts them. */
export function firedOf(findings: readonly StreamedFinding[]): Record<string, number> {
  const fired: Record<string, number> = {};
  for (const finding of findings) fired[finding.checkId] = (fired[finding.checkId] ?? 0) + 1;
  return fired;
}
