// Unix time in milliseconds with sub-millisecond precision and no jumps (monotonic clock anchored
// at process start), so send and completion times of one run compare exactly.
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
