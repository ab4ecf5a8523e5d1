// Timestamps are stored as `YYYY-MM-DDTHH:MM:SS+00:00` (UTC, no fraction), so string order is
// time order and the value can go out unchanged in responses.

/** The given moment (epoch milliseconds) in the stored form. */
export function isoAt(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19) + '+00:00';
}

/** The current time in the stored form. */
export function nowIso(): string {
  return isoAt(Date.now());
}
