import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSpec, loadSpecText } from '../../../core/spec/load-spec.js';
import { fixture, specError } from './fixtures.js';

const HEAD = 'openapi: 3.1.0\ninfo: {title: refs, version: "1"}\n';

describe('local $ref resolution', () => {
  it('names the broken pointer, its line and what it points to', () => {
    assert.throws(
      () => loadSpec(fixture('broken-ref.yaml')),
      specError(
        /broken-ref\.yaml:14:23: broken \$ref "#\/components\/schemas\/Tikcet"/,
        /\(at #\/paths\/~1tickets\/get\/responses\/200\/content\/application~1json\/schema\/\$ref\)\.$/,
      ),
    );
  });

  it('says remote references are not supported', () => {
    assert.throws(() => loadSpec(fixture('remote-ref.yaml')), specError(/remote-ref\.yaml:10:\d+: .*"shared\/responses\.yaml#\/TicketList".*remote references are not supported/));
  });

  it('finds a broken $ref even in a component no operation uses', () => {
    const text = `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {$ref: '#/components/schemas/B'}\n`;
    assert.throws(() => loadSpecText(text, 'unused.yaml'), specError(/unused\.yaml:9:\d+: broken \$ref "#\/components\/schemas\/B"/));
  });

  it('refuses anchors and chains of references that never reach a schema', () => {
    const anchor = `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#B'}\n`;
    assert.throws(() => loadSpecText(anchor, 'anchor.yaml'), specError(/not a JSON pointer/));
    const chain = `${HEAD}paths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/A'}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n`;
    assert.throws(() => loadSpecText(chain, 'chain.yaml'), specError(/circular chain/));
  });

  it('follows percent-encoded pointers and references to responses, parameters and path items', () => {
    const text = `${HEAD}paths:
  /items/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, minLength: 3}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, required: [id]}
  /copies/{id}:
    get:
      parameters:
        - {$ref: '#/paths/~1items~1%7Bid%7D/get/parameters/0'}
      responses:
        default: {$ref: '#/components/responses/Any', description: Overridden}
  /alias:
    $ref: '#/components/pathItems/Alias'
components:
  responses:
    Any:
      description: Anything
      content:
        application/json:
          schema: {$ref: '#/paths/~1items~1%7Bid%7D/get/responses/200/content/application~1json/schema'}
  pathItems:
    Alias:
      get:
        responses:
          '204': {description: none}
`;
    const spec = loadSpecText(text, 'encoded.yaml');
    const copies = spec.operation('GET /copies/{id}');
    assert.ok(copies);
    assert.equal(copies.parameters[0]?.pointer, '#/paths/~1items~1{id}/get/parameters/0');
    assert.equal(copies.responses.default?.description, 'Overridden');
    assert.equal(copies.responses.default?.pointer, '#/components/responses/Any');
    const validate = spec.validators.responseBody('GET /copies/{id}', 500, 'application/json');
    assert.ok(validate);
    assert.equal(validate({ id: 1 }), true);
    assert.equal(validate({}), false);
    const alias = spec.operation('GET /alias');
    assert.equal(alias?.pointer, '#/components/pathItems/Alias/get');
  });

  it('skips x- extensions of paths and responses but not headers whose names start with x-', () => {
    const text = `${HEAD}paths:
  x-internal-notes: {$ref: '#/nowhere'}
  /x:
    get:
      responses:
        x-sample: {$ref: '#/nowhere/either'}
        '200':
          description: ok
          headers:
            x-request-id: {$ref: '#/components/headers/Missing'}
`;
    assert.throws(() => loadSpecText(text, 'extensions.yaml'), specError(/extensions\.yaml:12:\d+: broken \$ref "#\/components\/headers\/Missing"/));
  });

  it('leaves $ref keys inside examples alone and resolves properties named like keywords', () => {
    const text = `${HEAD}paths:
  /x:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  default: {$ref: '#/components/schemas/Flag'}
                  example: {$ref: '#/components/schemas/Flag'}
                example: {$ref: '#/nowhere'}
              examples:
                one: {value: {$ref: '#/nowhere/either'}}
components:
  schemas:
    Flag: {type: boolean}
`;
    const spec = loadSpecText(text, 'keywords.yaml');
    const validate = spec.validators.responseBody('GET /x', 200, 'application/json');
    assert.equal(validate?.({ default: true, example: false }), true);
    assert.equal(validate?.({ default: 'yes' }), false);
    const schema = spec.operation('GET /x')?.responses['200']?.content['application/json']?.schema as { properties: Record<string, unknown> };
    assert.deepEqual(schema.properties.default, { type: 'boolean' });
  });
});
