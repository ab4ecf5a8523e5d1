import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSpec, loadSpecText } from '../../../core/spec/load-spec.js';

const TEXT = `
openapi: 3.1.0
info: { title: Extensions, version: '1' }
components:
  parameters:
    Status:
      name: filter[status]
      in: query
      x-filter: { field: status, match: in }
      schema: { type: array, items: { type: string } }
paths:
  /things:
    get:
      parameters:
        - $ref: '#/components/parameters/Status'
        - name: sort
          in: query
          x-sort: { keys: { name: { field: name, compare: code-point } } }
          x-note: kept as written
          schema: { type: string }
        - name: page
          in: query
          schema: { type: integer }
      responses: { '200': { description: ok } }
`;

describe('parameter extensions', () => {
  const spec = loadSpecText(TEXT, 'extensions.yaml');
  const parameters = spec.operation('GET /things')?.parameters ?? [];

  it('keeps every x- key of a parameter, $ref-ed or inline, as written', () => {
    assert.deepEqual(parameters[0]?.extensions, { 'x-filter': { field: 'status', match: 'in' } });
    assert.deepEqual(parameters[1]?.extensions, {
      'x-sort': { keys: { name: { field: 'name', compare: 'code-point' } } },
      'x-note': 'kept as written',
    });
  });

  it('gives an empty record to a parameter without extensions', () => {
    assert.deepEqual(parameters[2]?.extensions, {});
  });

  it('finds the x-filter and x-sort of the project contract on its list operations', () => {
    const project = loadSpec(fileURLToPath(new URL('../../../openapi.yaml', import.meta.url)));
    for (const key of ['GET /tickets', 'GET /contacts']) {
      const query = project.operation(key)?.parameters.filter((parameter) => parameter.in === 'query') ?? [];
      const filters = query.filter((parameter) => parameter.name.startsWith('filter['));
      assert.ok(filters.length > 0, key);
      for (const filter of filters) assert.ok(filter.extensions?.['x-filter'], `${key} ${filter.name} has no x-filter`);
      assert.ok(query.find((parameter) => parameter.name === 'sort')?.extensions?.['x-sort'], `${key} sort has no x-sort`);
    }
  });
});
