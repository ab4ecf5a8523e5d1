// The verdict of one gate run: the clean target must draw no finding; a faulty one must draw
// a finding from at least one of the checks its catalogue entry names.

export type Verdict = 'clean' | 'dirty' | 'detected' | 'undetected' | 'unexpected-only' | 'not-judged';

export interface RunOutcome {
  /** The gate's exit code (0 conformant, 1 findings, 2 not judged), or null when it was killed. */
  exitCode: number | null;
  /** Check id → findings; undefined when the run left no readable summary. */
  fired: Record<string, number> | undefined;
  /** The gate said it could not judge the target. */
  cannotJudge?: boolean;
  /** The suite itself failed somewhere (not a finding): silence proves nothing then. */
  suiteErrors?: number;
}

/** `expected` undefined: the clean target. */
export function judge(outcome: RunOutcome, expected?: readonly string[]): Verdict {
  if ((outcome.exitCode !== 0 && outcome.exitCode !== 1) || outcome.cannotJudge === true) return 'not-judged';
  if (outcome.fired === undefined) return 'not-judged';
  const fired = Object.keys(outcome.fired);
  const suiteFailed = (outcome.suiteErrors ?? 0) > 0;
  if (expected === undefined) {
    if (fired.length === 0 && suiteFailed) return 'not-judged';
    return fired.length === 0 && outcome.exitCode === 0 ? 'clean' : 'dirty';
  }
  if (fired.some((id) => expected.includes(id))) return 'detected';
  if (suiteFailed) return 'not-judged';
  return fired.length === 0 ? 'undetected' : 'unexpected-only';
}

export function passed(verdict: Verdict): boolean {
  return verdict === 'clean' || verdict === 'detected';
}
