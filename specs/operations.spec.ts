// Every operation of the contract, exercised with generated valid requests (fast-check) on real
// path parameters: each answer must be documented, well-formed and a success. A failing case
// shrinks, and the failure names the seed and path that replay it.

import { OPERATION_ANNOTATION, skipOperation, test } from './fixtures.js';
import { OPERATION_CHECKS } from './support/check-sets.js';
import { suiteSpec } from './support/suite-spec.js';

test.describe.configure({ mode: 'parallel' });

for (const operation of suiteSpec().operations) {
  test(operation.key, { annotation: { type: OPERATION_ANNOTATION, description: operation.key } }, async ({ runOperation, expectNoFindings }) => {
    const outcome = await runOperation(operation, { validity: 'valid', checks: OPERATION_CHECKS });
    if (outcome.kind === 'skipped') return skipOperation(operation.key, outcome.reason);
    await expectNoFindings(outcome.findings);
  });
}
