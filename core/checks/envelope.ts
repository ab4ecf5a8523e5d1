// The shape of success bodies: `{data: {...}}` for one resource, `{data: [...]}` for a list and
// `{data, meta, links}` for a page. Which one is due comes from the response's schema.

import { skip, defineCheck } from './check.js';
import { jsonBody, operationKnown, documentedStatus, successStatus } from './guards.js';
import { findResponse } from '../spec/find-response.js';
import { envelopeShape, type EnvelopeShape } from './_internals/envelope-shape.js';
import { kindOf, isPlainObject } from './_internals/excerpt.js';
import { isJsonMediaType } from './_internals/media-type.js';

export const envelope = defineCheck({
  id: 'envelope',
  description: 'A success body has the envelope its schema describes: {data: object}, {data: array} without meta/links, or {data: array, meta, links}.',
  guards: [operationKnown, successStatus, documentedStatus, jsonBody],
  run(exchange) {
    const operation = exchange.operation;
    const documented = operation && findResponse(operation, exchange.response.status);
    const media = documented && Object.entries(documented.content).find(([type]) => isJsonMediaType(type.toLowerCase()));
    if (media === undefined) return skip('no documented JSON content');
    const shape = envelopeShape(media[1].schema);
    if (shape === undefined) return skip('the documented schema is not a data envelope');
    const body = exchange.response.json.kind === 'json' ? exchange.response.json.value : undefined;
    const problems = envelopeProblems(shape, body);
    if (problems.length === 0) return null;
    return {
      title: `not a ${shape.kind} envelope: ${problems[0]}`,
      expected: describeShape(shape),
      actual: problems.join('; '),
      cause: problems.join('; '),
    };
  },
});

function envelopeProblems(shape: EnvelopeShape, body: unknown): string[] {
  if (!isPlainObject(body)) return [`the body is ${kindOf(body)}`];
  const problems: string[] = [];
  for (const key of new Set(['data', ...shape.required])) {
    if (!(key in body)) problems.push(`"${key}" is missing`);
  }
  const { data } = body;
  if ('data' in body) {
    if (shape.kind === 'single') {
      if (!isPlainObject(data) && !(data === null && shape.dataNullable)) problems.push(`"data" is ${kindOf(data)}, not an object`);
    } else if (!Array.isArray(data)) {
      problems.push(`"data" is ${kindOf(data)}, not an array`);
    }
  }
  if (shape.kind !== 'paginated') {
    for (const key of ['meta', 'links']) {
      if (key in body && !shape.keys.includes(key)) problems.push(`"${key}" present on an unpaginated ${shape.kind === 'single' ? 'resource' : 'list'}`);
    }
  } else {
    problems.push(...memberProblems('meta', body.meta, shape.metaKeys, () => true));
    problems.push(
      ...memberProblems('links', body.links, shape.linkKeys, (value) => value === null || typeof value === 'string'),
    );
  }
  if (!shape.openTopLevel) {
    const extra = Object.keys(body).filter((key) => !shape.keys.includes(key) && key !== 'meta' && key !== 'links');
    if (extra.length > 0) problems.push(`unexpected top-level ${extra.map((key) => `"${key}"`).join(', ')}`);
  }
  return problems;
}

function memberProblems(name: string, value: unknown, keys: string[], valid: (member: unknown) => boolean): string[] {
  if (value === undefined) return [];
  if (!isPlainObject(value)) return [`"${name}" is ${kindOf(value)}, not an object`];
  const missing = keys.filter((key) => !(key in value));
  const bad = keys.filter((key) => key in value && !valid(value[key]));
  return [
    ...(missing.length > 0 ? [`"${name}" lacks ${missing.join(', ')}`] : []),
    ...bad.map((key) => `"${name}.${key}" is ${kindOf(value[key])}`),
  ];
}

function describeShape(shape: EnvelopeShape): string {
  switch (shape.kind) {
    case 'single':
      return `{"data": {...}}${shape.dataNullable ? ' (data may be null)' : ''}`;
    case 'collection':
      return '{"data": [...]} without meta or links';
    case 'paginated':
      return `{"data": [...], "meta": {${shape.metaKeys.join(', ')}}, "links": {${shape.linkKeys.join(', ')}}}`;
  }
}
