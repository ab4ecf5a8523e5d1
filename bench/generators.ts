// Generator and validator speed (issue 3): valid POST /tickets bodies generated and validated per
// second on one core, and the time to validate one ticket-list page of 25 items.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../core/spec/load-spec.js';
import type { JsonSchema } from '../core/spec/model.js';
import { validRequest } from '../generators/valid-request.js';
import { validValue } from '../generators/valid-value.js';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Runs `work` repeatedly for about `ms` milliseconds; returns operations per second. */
function perSecond(ms: number, work: () => number): number {
  const start = performance.now();
  let done = 0;
  while (performance.now() - start < ms) done += work();
  return done / ((performance.now() - start) / 1000);
}

export async function benchGenerators(seconds = 5): Promise<string> {
  const spec = loadSpec(root('openapi.yaml'));
  const createTicket = spec.operation('POST /tickets')!;
  const validateBody = spec.validators.requestBody(createTicket.key, 'application/json')!;
  const bodies = validRequest(createTicket).map((request) => request.body);
  let invalid = 0;
  let seed = 1;
  const bodiesPerSecond = perSecond(seconds * 1000, () => {
    const batch = fc.sample(bodies, { numRuns: 1000, seed: seed++ });
    for (const body of batch) if (!validateBody(body)) invalid += 1;
    return batch.length;
  });

  // A realistic page: 25 generated tickets in the contract's page envelope.
  const pageSchema = spec.operation('GET /tickets')!.responses['200']!.content['application/json']!.schema as {
    properties: { data: { items: JsonSchema } };
  };
  const ticketSchema = pageSchema.properties.data.items;
  const tickets = fc.sample(validValue(ticketSchema, { direction: 'response' }), { numRuns: 25, seed: 7 });
  const page = {
    data: tickets,
    meta: { current_page: 1, last_page: 5, per_page: 25, total: 120, from: 1, to: 25 },
    links: {
      first: 'http://127.0.0.1:4010/api/tickets?page=1',
      last: 'http://127.0.0.1:4010/api/tickets?page=5',
      prev: null,
      next: 'http://127.0.0.1:4010/api/tickets?page=2',
    },
  };
  const validatePage = spec.validators.responseBody('GET /tickets', 200, 'application/json')!;
  const pageValid = validatePage(page);
  const pagesPerSecond = perSecond(Math.min(seconds, 2) * 1000, () => {
    for (let i = 0; i < 100; i++) validatePage(page);
    return 100;
  });

  return [
    `## Generators and validators (one core, ${seconds} s)`,
    '',
    '| what | figure | goal |',
    '| --- | ---: | --- |',
    `| valid POST /tickets bodies generated and validated | ${Math.round(bodiesPerSecond)} /s | ≥ 20000 /s |`,
    `| of which failed validation (must be 0) | ${invalid} | 0 |`,
    `| validate one 25-ticket list page | ${(1e6 / pagesPerSecond).toFixed(1)} µs (page valid: ${pageValid}) | |`,
  ].join('\n');
}
