// The profile the gate reads during a mutation run: the local profile (same tokens and
// workspaces) with the rate limit the targets of the run are started with, and no `start`
// command (the run starts its own targets and points the gate at them).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** The rate limit a profile file states, or undefined when it states none. */
export function profileRateLimit(file: string): RateLimit | undefined {
  const profile = parse(readFileSync(file, 'utf8')) as { rateLimit?: { limit?: unknown; windowSeconds?: unknown } } | null;
  const { limit, windowSeconds } = profile?.rateLimit ?? {};
  return typeof limit === 'number' && typeof windowSeconds === 'number' ? { limit, windowSeconds } : undefined;
}

/** Writes `to`: the profile of `from` with `rateLimit` replaced and `start` left out. */
export function writeMutationProfile(from: string, to: string, rateLimit: RateLimit): void {
  const profile = parse(readFileSync(from, 'utf8')) as Record<string, unknown>;
  delete profile.start;
  profile.name = `${String(profile.name ?? 'local')}-mutation`;
  profile.rateLimit = { ...rateLimit };
  writeFileSync(to, `# Written by npm run mutation for its gate runs.\n${stringify(profile)}`);
}
