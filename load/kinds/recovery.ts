// After the flood: does the token get served again when its Retry-After says so? The flood's
// own 429s cannot tell (the flood refills every new window at once), so the token is driven
// into one more 429 with nothing else in flight, and then waits exactly what that 429 asked:
//   1. wait out the flood's last Retry-After (the window is then over on a conformant server);
//   2. send requests (4 at a time) until one is refused: a 429 near the start of a window;
//   3. wait its Retry-After, then poll until a 2xx: resume time and how late against the promise.
import { nowMs, sleep } from '../clock.js';
import type { LimitSample } from '../limit-leakage.js';
import type { TargetClient, TargetResponse } from '../target-client.js';

export interface RecoveryOutcome {
  /** Undefined when the token was never refused (the limit is not enforced). */
  refusedAt?: number;
  /** What the 429 promised, ms after refusedAt. */
  promisedMs?: number;
  /** First 2xx after the refusal; undefined when it never came in time. */
  resumedAt?: number;
  /** Every request sent, for the leakage analysis. */
  samples: LimitSample[];
}

const PARALLEL = 4;

export async function measureRecovery(
  client: TargetClient,
  token: string,
  windowSeconds: number,
  limit: number,
  lastRetryAfter: string | undefined,
  signal: AbortSignal,
): Promise<RecoveryOutcome> {
  const windowMs = windowSeconds * 1000;
  const samples: LimitSample[] = [];
  const send = async (): Promise<{ response?: TargetResponse; completedAt: number }> => {
    const sentAt = nowMs();
    const response = await client.request('GET', '/me', token).catch(() => undefined);
    const completedAt = nowMs();
    if (response) samples.push({ sentAt, completedAt, ok: response.status >= 200 && response.status < 300, limited: response.status === 429 });
    return { ...(response ? { response } : {}), completedAt };
  };

  await sleep(retryAfterMs(lastRetryAfter, windowMs) + 20);

  let refusal: { response: TargetResponse; completedAt: number } | undefined;
  let sent = 0;
  const budget = limit * 2 + PARALLEL;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (!refusal && sent < budget && !signal.aborted) {
        sent += 1;
        const { response, completedAt } = await send();
        if (response?.status === 429 && !refusal) refusal = { response, completedAt };
      }
    }),
  );
  if (!refusal) return { samples };

  const promisedMs = retryAfterMs(refusal.response.headers.get('retry-after') ?? undefined, windowMs);
  const promisedAt = refusal.completedAt + promisedMs;
  const giveUpAt = promisedAt + 2 * windowMs + 1000;
  const pollMs = Math.max(10, Math.min(100, windowMs / 20));
  await sleep(promisedAt - nowMs());
  while (nowMs() < giveUpAt && !signal.aborted) {
    const { response, completedAt } = await send();
    if (response && response.status >= 200 && response.status < 300) return { refusedAt: refusal.completedAt, promisedMs, resumedAt: completedAt, samples };
    await sleep(pollMs);
  }
  return { refusedAt: refusal.completedAt, promisedMs, samples };
}

/** Retry-After in ms; a missing or unreadable one counts as a whole window. */
function retryAfterMs(value: string | undefined, windowMs: number): number {
  const seconds = Number(value);
  return value !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : windowMs;
}
