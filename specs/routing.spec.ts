// Routing rules: every path of the contract asked with a method it does not document answers
// 405 with an honest Allow header and a JSON body; paths the contract does not know answer a
// JSON 404. Path parameters are ids nobody has (routing is answered before any lookup), so a
// server that wrongly serves the method touches nothing.

import { skipOperation, test } from './fixtures.js';
import { ROUTING_CHECKS } from './support/check-sets.js';
import { suiteSpec } from './support/suite-spec.js';
import { fillPath } from './support/to-api-request.js';
import { unusedUlid } from './support/unused-ulid.js';

test.describe.configure({ mode: 'parallel' });

const PROBED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const documented = new Map<string, Set<string>>();
for (const operation of suiteSpec().operations) {
  documented.set(operation.path, (documented.get(operation.path) ?? new Set<string>()).add(operation.method));
}

test.describe('undocumented methods', () => {
  for (const [path, methods] of documented) {
    const probes = PROBED_METHODS.filter((method) => !methods.has(method));
    if (probes.length === 0) continue;
    test(path, async ({ client, writesAllowed, judge, expectNoFindings }) => {
      const sent = writesAllowed ? probes : probes.filter((method) => method === 'GET');
      if (sent.length === 0) return skipOperation(`${probes.join('|')} ${path}`, 'read-only mode sends GET requests only');
      const filled = fillPath(path, Object.fromEntries([...path.matchAll(/\{([^}]+)\}/g)].map((match) => [match[1] as string, unusedUlid()])));
      const exchanges = [];
      for (const method of sent) exchanges.push(await client.send({ method, path: filled, pathTemplate: path, ...(method === 'GET' || method === 'DELETE' ? {} : { json: {} }) }));
      await expectNoFindings(judge(exchanges, ROUTING_CHECKS));
    });
  }
});

test('unknown paths', async ({ client, runId, judge, expectNoFindings }) => {
  const paths = [`/${runId}-no-such-route`, `/tickets/${unusedUlid()}/no-such-route`, '/me/no-such-route'];
  const exchanges = [];
  for (const path of paths) exchanges.push(await client.send({ method: 'GET', path }));
  // Routing is answered before authentication: an unknown path is 404 with or without a token.
  exchanges.push(await client.send({ method: 'GET', path: paths[0] as string, auth: { kind: 'none' } }));
  await expectNoFindings(judge(exchanges, ROUTING_CHECKS));
});
