// Limit leakage: 2xx answers beyond the limit within one rate-limit window of one token.
//
// The client never sees the server's window boundaries, only when each request was sent and
// when its answer came; the server processed it somewhere in between. Two facts of a fixed
// window (Laravel style) give sound evidence anyway, whatever the latency jitter:
//  - Once a window has answered 429, it answers no more 2xx. So every 2xx certainly processed
//    after a 429 Z (sent after Z completed) and less than one window after it (completed before
//    Z was sent + window) belongs to the one window that follows Z's: at most `limit` of them.
//  - The first window starts with the run's first request (the token was idle a whole window
//    before): every 2xx completed within a window of that first send is in it.
// A set that breaks either bound proves leakage; the 2xx beyond the limit in it are counted.
// A conformant server can never be blamed; a leaking one is caught from a single extra 2xx.

export interface LimitSample {
  /** Unix ms. */
  sentAt: number;
  completedAt: number;
  ok: boolean;
  limited: boolean;
}

export interface LeakageOutcome {
  /** Distinct 2xx proven to be beyond the limit of their window. */
  leakage: number;
  /** The most 2xx proven to share one window. */
  worstWindow: number;
  /** 429 → 2xx transitions examined (about one per window of a flood). */
  windowsExamined: number;
}

export function limitLeakage(samples: readonly LimitSample[], limit: number, windowMs: number): LeakageOutcome {
  const oks = samples.filter((sample) => sample.ok).sort((a, b) => a.sentAt - b.sentAt);
  const limited = samples.filter((sample) => sample.limited).sort((a, b) => a.completedAt - b.completedAt);
  const firstSend = samples.reduce((earliest, sample) => Math.min(earliest, sample.sentAt), Infinity);
  const leaked = new Set<LimitSample>();
  let worstWindow = 0;

  const judge = (window: LimitSample[]): void => {
    worstWindow = Math.max(worstWindow, window.length);
    window.slice(limit).forEach((sample) => leaked.add(sample));
  };

  if (oks.length > 0) judge(oks.filter((sample) => sample.completedAt < firstSend + windowMs));

  // For each 2xx, the last 429 that completed before it was sent; each distinct one opens a set.
  const anchors = new Set<LimitSample>();
  let pointer = -1;
  for (const ok of oks) {
    while (pointer + 1 < limited.length && (limited[pointer + 1] as LimitSample).completedAt <= ok.sentAt) pointer += 1;
    if (pointer >= 0) anchors.add(limited[pointer] as LimitSample);
  }
  for (const anchor of anchors) {
    const window: LimitSample[] = [];
    for (let index = firstSentAtOrAfter(oks, anchor.completedAt); index < oks.length; index += 1) {
      const sample = oks[index] as LimitSample;
      if (sample.sentAt >= anchor.sentAt + windowMs) break;
      if (sample.completedAt < anchor.sentAt + windowMs) window.push(sample);
    }
    judge(window);
  }
  return { leakage: leaked.size, worstWindow, windowsExamined: anchors.size };
}

/** Index of the first sample sent at or after `at` (binary search over send times). */
function firstSentAtOrAfter(sorted: readonly LimitSample[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as LimitSample).sentAt < at) low = middle + 1;
    else high = middle;
  }
  return low;
}
