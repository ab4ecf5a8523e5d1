// Invalid requests for every operation with something to break (a body, a validated query
// parameter, a path parameter): each case breaks one thing, and the target must refuse it with
// the status the contract names (422 with the broken field in `errors`, 400, 404), never 2xx or
// 5xx.

import { skipOperation, test } from './fixtures.js';
import { VALIDATION_CHECKS } from './support/check-sets.js';
import { suiteSpec } from './support/suite-spec.js';

test.describe.configure({ mode: 'parallel' });

const breakable = suiteSpec().operations.filter(
  (operation) => operation.requestBody !== undefined || operation.parameters.some((parameter) => parameter.in === 'query' || parameter.in === 'path'),
);

for (const operation of breakable) {
  test(operation.key, async ({ runOperation, expectNoFindings }) => {
    const outcome = await runOperation(operation, { validity: 'invalid', checks: VALIDATION_CHECKS });
    if (outcome.kind === 'skipped') return skipOperation(operation.key, outcome.reason);
    await expectNoFindings(outcome.findings);
  });
}
