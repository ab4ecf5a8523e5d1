// The project's own contract loaded through core/spec, a check context over it, and assertions
// for checks over observations (pass, skip, fail with findings of that check).

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { CheckContext } from '../../../../core/checks/context.js';
import { runObservationChecks, type Observation, type ObservationCheck } from '../../../../core/checks/observations.js';
import { profileFacts } from '../../../../core/checks/profile-facts.js';
import type { CheckResult } from '../../../../core/checks/run-checks.js';
import { specForChecks } from '../../../../core/checks/spec-for-checks.js';
import type { Finding } from '../../../../core/findings.js';
import { loadSpec } from '../../../../core/spec/load-spec.js';
import type { OperationModel } from '../../../../core/spec/model.js';

export const PROJECT_SPEC = loadSpec(fileURLToPath(new URL('../../../../openapi.yaml', import.meta.url)));

export function operation(key: string): OperationModel {
  const found = PROJECT_SPEC.operation(key);
  assert.ok(found, `no operation ${key} in openapi.yaml`);
  return found;
}

export function semanticContext(rateLimit = { limit: 60, windowSeconds: 60 }): CheckContext {
  return {
    spec: specForChecks(PROJECT_SPEC),
    profile: profileFacts({ rateLimit, workspaces: { a: 1, b: 2 } }),
  };
}

export function judgeObservation(check: ObservationCheck, observation: Observation, context = semanticContext()): CheckResult {
  const [result] = runObservationChecks([check], observation, context);
  assert.ok(result);
  return result;
}

function summary(result: CheckResult): string {
  return JSON.stringify(
    result.outcome === 'fail' ? result.findings.map((finding) => `${finding.kind}: ${finding.title} | ${finding.actual}`) : result,
  );
}

export function assertObservationPass(check: ObservationCheck, observation: Observation, context?: CheckContext): void {
  const result = judgeObservation(check, observation, context);
  assert.equal(result.outcome, 'pass', `expected ${check.id} to pass, got ${summary(result)}`);
}

export function assertObservationSkip(check: ObservationCheck, observation: Observation, context?: CheckContext): string {
  const result = judgeObservation(check, observation, context);
  assert.equal(result.outcome, 'skip', `expected ${check.id} to skip, got ${summary(result)}`);
  return result.outcome === 'skip' ? result.reason : '';
}

/** Asserts real failures (not crashes) of this check and returns them. */
export function assertObservationFail(check: ObservationCheck, observation: Observation, context?: CheckContext): Finding[] {
  const result = judgeObservation(check, observation, context);
  assert.equal(result.outcome, 'fail', `expected ${check.id} to fail, got ${summary(result)}`);
  const findings = result.outcome === 'fail' ? result.findings : [];
  for (const finding of findings) {
    assert.equal(finding.kind, 'failure', `the check crashed: ${finding.title} ${finding.actual}`);
    assert.equal(finding.checkId, check.id);
  }
  return findings;
}
