// Access rules on every operation: no token, a malformed token and an unknown token are 401;
// the workspace header rules (a multi-workspace token needs X-Workspace-Id, a non-integer value
// is 400, a workspace the token cannot use is 403); another workspace's resources are invisible
// by id and in lists; a plain member on an admin-only operation is 403. Each probe is an
// ordinary valid request with one thing changed, on items the run created where it writes.

import type { ApiRequest } from '../core/client/api-client.js';
import type { RequestAuth } from '../core/exchange.js';
import { skipOperation, test } from './fixtures.js';
import { AUTH_CHECKS, ISOLATION_CHECKS, ROLE_CHECKS, WORKSPACE_CHECKS } from './support/check-sets.js';
import { pathParams } from './support/path-binder.js';
import { suiteSpec } from './support/suite-spec.js';
import { fillPath } from './support/to-api-request.js';

test.describe.configure({ mode: 'parallel' });

const operations = suiteSpec().operations;

/** Not a token at all, and a well-formed one the target never issued. */
const BAD_TOKENS: RequestAuth[] = [
  { kind: 'none' },
  { kind: 'raw', label: 'malformed', authorization: 'Bearer not a token' },
  { kind: 'raw', label: 'unknown', authorization: 'Bearer 999999|ttUnknownTokenThatNoTargetIssued00000000' },
];

test.describe('authentication', () => {
  for (const operation of operations) {
    test(operation.key, async ({ requestFor, client, judge, expectNoFindings }) => {
      const request = await requestFor(operation, { unusedIdsWhenUnbindable: true });
      const exchanges = [];
      for (const auth of BAD_TOKENS) exchanges.push(await client.send({ ...request, auth }));
      await expectNoFindings(judge(exchanges, AUTH_CHECKS));
    });
  }
});

test.describe('workspace header', () => {
  for (const operation of operations) {
    test(operation.key, async ({ requestFor, client, profile, judge, expectNoFindings }) => {
      const request = await requestFor(operation, { unusedIdsWhenUnbindable: true });
      const probes: ApiRequest[] = [{ ...request, headers: { ...request.headers, 'x-workspace-id': 'not-a-number' } }];
      if (client.hasRole('multi') && profile.tokens.multi !== undefined) probes.push({ ...request, auth: 'multi' });
      const other = profile.workspaces.b;
      if (other !== undefined) probes.push({ ...request, headers: { ...request.headers, 'x-workspace-id': String(other) } });
      const exchanges = [];
      for (const probe of probes) exchanges.push(await client.send(probe));
      await expectNoFindings(judge(exchanges, WORKSPACE_CHECKS));
    });
  }
});

test.describe('workspace isolation', () => {
  // By id: every parameter names an item of the other workspace; the answer must be 404.
  for (const operation of operations.filter((candidate) => candidate.method === 'GET' && pathParams(candidate).length > 0)) {
    test(`by id: ${operation.key}`, async ({ foreignBinder, foreignHarvest, harvest, client, judge, expectNoFindings }) => {
      if (foreignBinder === undefined || foreignHarvest === undefined) return skipOperation(operation.key, 'the profile has no `other` token for another workspace');
      await Promise.all([harvest.collect(), foreignHarvest.collect()]);
      const bound = await foreignBinder.read(operation, 3);
      if (bound.kind !== 'ok') return skipOperation(operation.key, `the other workspace lists nothing for it (${bound.reason})`);
      const foreignIds = foreignOnly(foreignHarvest.allIds(), harvest.allIds());
      const usable = bound.value.filter((binding) => Object.values(binding.params).some((id) => foreignIds.has(id.toLowerCase())));
      if (usable.length === 0) return skipOperation(operation.key, 'the other workspace has nothing for it that this workspace does not share');
      const exchanges = [];
      for (const binding of usable) exchanges.push(await client.send({ operation, path: fillPath(operation.path, binding.params) }));
      await expectNoFindings(judge(exchanges, ISOLATION_CHECKS, { foreignIds }));
    });
  }

  // In lists: nothing of the other workspace may appear.
  for (const operation of operations.filter((candidate) => candidate.method === 'GET' && pathParams(candidate).length === 0)) {
    test(`in lists: ${operation.key}`, async ({ foreignHarvest, harvest, client, judge, expectNoFindings }) => {
      if (foreignHarvest === undefined) return skipOperation(operation.key, 'the profile has no `other` token for another workspace');
      await Promise.all([harvest.collect(), foreignHarvest.collect()]);
      const foreignIds = foreignOnly(foreignHarvest.allIds(), harvest.allIds());
      const exchange = await client.send({ operation, path: operation.path });
      await expectNoFindings(judge(exchange, ISOLATION_CHECKS, { foreignIds }));
    });
  }
});

test.describe('role permissions', () => {
  for (const operation of operations.filter((candidate) => candidate.extensions['x-admin-only'] === true)) {
    test(operation.key, async ({ requestFor, client, judge, expectNoFindings }) => {
      if (!client.hasRole('member')) return skipOperation(operation.key, 'the profile has no `member` token');
      const request = await requestFor(operation);
      const exchange = await client.send({ ...request, auth: 'member' });
      await expectNoFindings(judge(exchange, ROLE_CHECKS));
    });
  }
});

/** Ids only the other workspace has (users may belong to both). */
function foreignOnly(foreign: ReadonlySet<string>, own: ReadonlySet<string>): Set<string> {
  return new Set([...foreign].filter((id) => !own.has(id)));
}
