// Whether the run can be judged at all, checked before any test: the profile loads, the spec
// loads and compiles, the target answers, and it accepts the admin token (`GET /me` → 200).
// Each cause is one sentence; the caller prints it and exits with code 2, within seconds.

import { ApiClient } from '../../core/client/api-client.js';
import { loadProfile, type Profile } from '../../core/profile.js';
import { createRedactor } from '../../core/redact.js';
import { loadSpec } from '../../core/spec/load-spec.js';
import type { RunSettings } from './run-settings.js';

/** The one sentence that says why the run cannot be judged, or undefined when it can. */
export async function preflight(settings: RunSettings, timeoutMs = 3000): Promise<string | undefined> {
  let profile: Profile;
  try {
    profile = loadProfile(settings.profilePath);
  } catch (error) {
    return sentence(error);
  }
  try {
    loadSpec(settings.specPath).validators.compileAll();
  } catch (error) {
    return sentence(error);
  }
  const redact = createRedactor(profile);
  const client = await ApiClient.create({ profile, timeoutMs, maxRateLimitRetries: 0, pace: false });
  try {
    const exchange = await client.send({ method: 'GET', path: '/me', auth: 'admin' });
    const where = `${profile.baseUrl}/me`;
    if (exchange.response === undefined) {
      const { kind, message } = exchange.error;
      const cause = kind === 'timeout' ? `no answer within ${timeoutMs / 1000} s` : kind === 'other' ? message : kind.replace(/-/g, ' ');
      return redact(`The target does not answer at ${where} (${cause}); start it or fix baseUrl in ${profile.file}.`);
    }
    const { status } = exchange.response;
    // A 200 page that is not JSON is a web server at the wrong URL (a front end, a proxy's
    // sign-in page), not an API with findings: judging it would drown the report in noise.
    if (status === 200 && exchange.response.json.kind !== 'json') {
      const type = exchange.response.headers['content-type'] ?? 'no content type';
      return `The target at ${profile.baseUrl} answered GET /me with a page that is not JSON (${type}), so baseUrl in ${profile.file} does not look like the API.`;
    }
    if (status === 200) return undefined;
    if (status === 401 || status === 403) return `The target at ${profile.baseUrl} rejected the admin token of ${profile.file} (GET /me answered ${status}).`;
    if (status === 429) return `The target at ${profile.baseUrl} rate-limits the admin token right now (GET /me answered 429); wait ${exchange.response.headers['retry-after'] ?? 'a'} s and run again.`;
    return `The target at ${profile.baseUrl} answered GET /me with ${status} instead of 200, so the run cannot be judged.`;
  } finally {
    await client.dispose();
  }
}

function sentence(error: unknown): string {
  const text = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
