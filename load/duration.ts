// Durations in scenario files and on the command line: `500ms`, `8s`, `5m`, `1h`.
const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** Seconds, or undefined when the text is not a positive duration. */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text === 'number') return text > 0 && Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * (UNITS[match[2] as string] as number);
  return seconds > 0 ? seconds : undefined;
}
