// Routing rules: a known path asked with a method it does not serve is a 405 with an honest
// `Allow`; an unknown path is a JSON 404.

import { skip, defineCheck, type Guard } from './check.js';
import { expectErrorAnswer } from './_internals/expect-error-answer.js';
import { operationsAtPath } from './_internals/path-template.js';

const undocumentedRequest: Guard = (exchange) =>
  exchange.operation === undefined ? undefined : 'a documented operation';

export const unsupportedMethod = defineCheck({
  id: 'unsupported-method',
  description: 'A known path asked with an undocumented method answers 405 with a JSON body and an Allow header listing the documented methods.',
  guards: [undocumentedRequest],
  run(exchange, context) {
    const atPath = operationsAtPath(context.spec.operations, exchange.request.path);
    if (atPath.length === 0) return skip('unknown path (unknown-route judges it)');
    const method = exchange.request.method.toUpperCase();
    const documented = new Set(atPath.map((operation) => operation.method));
    if (documented.has(method as never)) return skip(`${method} is documented at this path`);
    // HTTP lets HEAD go wherever GET does; whether a server serves it is not this rule's concern.
    if (method === 'HEAD' && documented.has('GET')) return skip('HEAD on a GET path');
    const answer = expectErrorAnswer(exchange, `${method} on a path that does not serve it`, 405);
    if (answer !== null) return answer;

    const allowHeader = exchange.response.headers.allow ?? '';
    const allowed = allowHeader
      .split(',')
      .map((item) => item.trim().toUpperCase())
      .filter((item) => item !== '');
    const permitted = new Set<string>(documented);
    if (documented.has('GET')) permitted.add('HEAD');
    const mostSpecific = fewestParameters(atPath);
    const missing = [...new Set(mostSpecific.map((operation) => operation.method))].filter((item) => !allowed.includes(item));
    const extra = allowed.filter((item) => !permitted.has(item));
    const problems = [
      ...(allowed.length === 0 ? ['no Allow header'] : []),
      ...(extra.length > 0 ? [`Allow lists undocumented ${extra.join(', ')}`] : []),
      ...(allowed.length > 0 && missing.length > 0 ? [`Allow omits documented ${missing.join(', ')}`] : []),
    ];
    if (problems.length === 0) return null;
    return {
      title: `405 with a wrong Allow header: ${problems[0]}`,
      expected: `Allow: ${[...documented].sort().join(', ')}`,
      actual: `Allow: ${allowHeader === '' ? '(absent)' : allowHeader}`,
      cause: problems.join('; '),
    };
  },
});

export const unknownRoute = defineCheck({
  id: 'unknown-route',
  description: 'A path the spec does not know answers 404 with a JSON {"message"} body.',
  guards: [undocumentedRequest],
  run(exchange, context) {
    if (operationsAtPath(context.spec.operations, exchange.request.path).length > 0) return skip('a documented path');
    return expectErrorAnswer(exchange, 'unknown path', 404);
  },
});

/** The operations of the matching template with the most literal segments (`/members/invite` over `/members/{user}`). */
function fewestParameters<T extends { path: string }>(operations: T[]): T[] {
  const count = (operation: T) => (operation.path.match(/\{/g) ?? []).length;
  const least = Math.min(...operations.map(count));
  return operations.filter((operation) => count(operation) === least);
}
