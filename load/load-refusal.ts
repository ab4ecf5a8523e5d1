// Safety on shared environments: load runs only where the profile says `allowLoad: true`, and a
// read-only profile gets no writes. Checked for every scenario before any traffic.
import type { Profile } from '../core/profile.js';
import type { Scenario } from './scenario.js';

/** Why the scenario must not run against the profile, in one sentence; undefined when it may. */
export function loadRefusal(profile: Profile, scenario?: Scenario): string | undefined {
  if (!profile.allowLoad) return `Profile "${profile.name}" (${profile.file}) does not allow load: set allowLoad: true in it to run load scenarios against ${profile.baseUrl}.`;
  if (scenario && profile.mode === 'read-only' && (scenario.kind === 'journey' || scenario.requests.some((request) => request.method !== 'GET'))) {
    return `Scenario ${scenario.name} sends writes and profile "${profile.name}" is read-only.`;
  }
  return undefined;
}
