// Access rules on every operation: no token, malformed tokens (no `<id>|` part, an empty bearer,
// another scheme), an unknown token and a real token id with a wrong secret are 401;
// the workspace header rules (a multi-workspace token needs X-Workspace-Id, a non-integer value
// is 400, a workspace the token cannot use is 403); another workspace's resources are invisible
// by id and in lists; a plain member on an admin-only operation is 403. Each probe is an
// ordinary valid request with one thing changed, on items the run created where it writes.

import fc from 'fast-check';
import type { ApiRequest } from '../core/client/api-client.js';
import type { RequestAuth } from '../core/exchange.js';
import type { Profile } from '../core/profile.js';
import { alteredToken, profileTokens } from '../core/redact.js';
import { skipOperation, test } from './fixtures.js';
import { AUTH_CHECKS, ISOLATION_CHECKS, ROLE_CHECKS, WORKSPACE_CHECKS } from './support/check-sets.js';
import { pathParams } from './support/path-binder.js';
import { suiteSpec } from './support/suite-spec.js';
import { fillPath } from './support/to-api-request.js';

test.describe.configure({ mode: 'parallel' });

const operations = suiteSpec().operations;

/**
 * Not a token at all (with spaces; a plain random string without the `<id>|` part; an empty
 * bearer; another scheme), a well-formed one the target never issued, and a real token's id with
 * its secret altered in its last characters (the redactor hides what stays of the real secret).
 */
function badTokens(profile: Profile, seed: number): RequestAuth[] {
  const [plain] = fc.sample(fc.array(fc.constantFrom(...PLAIN_ALPHABET), { minLength: 24, maxLength: 64 }).map((chars) => chars.join('')), { seed, numRuns: 1 });
  const real = profileTokens(profile).find(({ token }) => token.includes('|'))?.token;
  const altered = real === undefined ? undefined : alteredToken(real);
  return [
    { kind: 'none' },
    { kind: 'raw', label: 'malformed', authorization: 'Bearer not a token' },
    { kind: 'raw', label: 'malformed (no id part)', authorization: `Bearer ${plain ?? 'ttPlainStringWithoutAnIdPart0000'}` },
    { kind: 'raw', label: 'empty bearer', authorization: 'Bearer ' },
    { kind: 'raw', label: 'non-Bearer scheme', authorization: `Basic ${Buffer.from('there-there:not-a-password').toString('base64')}` },
    { kind: 'raw', label: 'unknown', authorization: 'Bearer 999999|ttUnknownTokenThatNoTargetIssued00000000' },
    ...(altered === undefined ? [] : [{ kind: 'raw', label: 'altered secret', authorization: `Bearer ${altered}` } as const]),
  ];
}

const PLAIN_ALPHABET = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

test.describe('authentication', () => {
  for (const operation of operations) {
    test(operation.key, async ({ requestFor, client, profile, caseSeed, judge, expectNoFindings }) => {
      const request = await requestFor(operation, { unusedIdsWhenUnbindable: true });
      const exchanges = [];
      for (const auth of badTokens(profile, caseSeed)) exchanges.push(await client.send({ ...request, auth }));
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
