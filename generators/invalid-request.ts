// Whole requests for one operation that break exactly one thing, in the body (schema
// violations and malformed JSON), the query (bad values, a missing required parameter, an
// unknown filter key) or the path (a malformed ULID). Everything else is valid, so the server
// must answer the recorded expected status for the recorded reason.

import fc from 'fast-check';
import type { JsonSchema, OperationModel, ParameterModel } from '../core/spec/model.js';
import type { BrokenPart, InvalidKind, InvalidRequest, InvalidRequestOptions, RunContext } from './types.js';
import { INVALID_KINDS } from './types.js';
import { acceptance, boundedFilter } from './_internals/bounded-filter.js';
import { checkKinds, OptionError } from './_internals/check-options.js';
import { expectedStatus } from './_internals/expected-status.js';
import { checkedBreakers } from './_internals/invalid-cases.js';
import { isPlainObject } from './_internals/json.js';
import { malformedJson } from './_internals/malformed-json.js';
import { laravelName, parseQuery, parseSimple, serialiseQuery, serialiseSimple } from './_internals/parameter-serialisation.js';
import { RequestBuilder, serialiseAll, type QueryValues } from './_internals/request-builder.js';
import { allowedTypes } from './_internals/value-builder.js';

const LOCATIONS: ReadonlyArray<BrokenPart['location']> = ['body', 'query', 'path'];
/** What a query string or a path segment cannot say: there is no null and no missing item. */
const QUERY_KINDS_LEFT_OUT = new Set<InvalidKind>(['null-not-allowed', 'missing-required', 'unknown-property', 'malformed-json']);
const PATH_KINDS = new Set<InvalidKind>(['pattern-mismatch', 'bad-format', 'too-short', 'too-long', 'below-minimum', 'above-maximum', 'wrong-type', 'not-in-enum']);
const UNKNOWN_FILTER = 'not_a_filter';

export function invalidRequest(operation: OperationModel, context: RunContext = {}, options: InvalidRequestOptions = {}): fc.Arbitrary<InvalidRequest> {
  const { kinds: kindList, locations = LOCATIONS, ...requestOptions } = options;
  const kinds = new Set(checkKinds('invalidRequest', { kinds: kindList ?? INVALID_KINDS }));
  if (!Array.isArray(locations) || locations.length === 0 || !locations.every((location) => LOCATIONS.includes(location))) {
    throw new OptionError('invalidRequest: locations must be a non-empty list of "body", "query" and "path".');
  }
  const requests = new RequestBuilder('invalidRequest', operation, context, requestOptions);
  const parts = {
    path: requests.pathValues(),
    query: requests.queryValues(),
    headers: requests.headerValues(),
    body: requests.bodyValues() ?? fc.constant(undefined),
  };
  const groups: Array<{ weight: number; arbitrary: fc.Arbitrary<InvalidRequest> }> = [];
  const add = (weight: number, arbitraries: fc.Arbitrary<InvalidRequest>[]): void => {
    if (arbitraries.length > 0) groups.push({ weight, arbitrary: arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries) });
  };
  if (locations.includes('body')) add(3, bodyBreaks(requests, parts, kinds));
  if (locations.includes('query')) add(2, queryBreaks(requests, parts, kinds));
  if (locations.includes('path')) add(1, pathBreaks(requests, parts, kinds));
  if (groups.length === 0) {
    throw new OptionError(`invalidRequest: ${operation.key} has nothing to break: no body, query or path parameter whose schema rejects anything.`);
  }
  return groups.length === 1 ? groups[0]!.arbitrary : fc.oneof(...groups);
}

interface Parts {
  path: fc.Arbitrary<Record<string, string>>;
  query: fc.Arbitrary<QueryValues>;
  headers: fc.Arbitrary<Record<string, string>>;
  body: fc.Arbitrary<unknown>;
}

function broken(requests: RequestBuilder, location: BrokenPart['location'], path: string, kind: InvalidKind, parameter?: string): BrokenPart {
  return { location, path, kind, expectedStatus: expectedStatus(requests.operation, location, kind, parameter) };
}

function bodyBreaks(requests: RequestBuilder, parts: Parts, kinds: ReadonlySet<InvalidKind>): fc.Arbitrary<InvalidRequest>[] {
  const body = requests.body;
  if (body === undefined) return [];
  const out: fc.Arbitrary<InvalidRequest>[] = [];
  const breakers = requests.guard('request body', () => checkedBreakers(requests.builder, body.schema, kinds, requests.valueContext(undefined, true), false));
  for (const breaker of breakers) {
    out.push(fc.tuple(parts.path, parts.query, parts.headers, breaker.arbitrary).map(([path, query, headers, invalid]) => ({
      ...requests.assemble(path, query, headers, { value: invalid.value }),
      broken: broken(requests, 'body', invalid.path, invalid.kind),
    })));
  }
  if (body.json && kinds.has('malformed-json')) {
    const values = requests.guard('request body', () => requests.builder.valid(body.schema, requests.valueContext(undefined, true)));
    out.push(fc.tuple(parts.path, parts.query, parts.headers, values, fc.nat()).map(([path, query, headers, value, choice]) => ({
      ...requests.assemble(path, query, headers, { raw: malformedJson(JSON.stringify(value), choice) }),
      broken: broken(requests, 'body', '', 'malformed-json'),
    })));
  }
  return out;
}

function queryBreaks(requests: RequestBuilder, parts: Parts, kinds: ReadonlySet<InvalidKind>): fc.Arbitrary<InvalidRequest>[] {
  const out: fc.Arbitrary<InvalidRequest>[] = [];
  const replace = (values: QueryValues, parameter: ParameterModel, value: unknown): QueryValues =>
    values.map(([candidate, current]) => [candidate, candidate === parameter ? value : current] as const);

  for (const parameter of requests.queryParameters) {
    const name = laravelName(parameter.name);
    if (parameter.required && kinds.has('missing-required')) {
      out.push(fc.tuple(parts.path, parts.query, parts.headers, parts.body).map(([path, query, headers, value]) => ({
        ...requests.assemble(path, replace(query, parameter, undefined), headers, { value }),
        broken: broken(requests, 'query', name, 'missing-required', parameter.name),
      })));
    }
    const types = typesOf(requests, parameter.schema);
    const readBack = readerOf(requests, parameter, types);
    // In a query string everything is text: a "wrong type" only exists where text is not allowed.
    const textual = types.has('string') || (types.has('array') && readBack.itemTypes.has('string'));
    const valueKinds = new Set([...kinds].filter((kind) => !QUERY_KINDS_LEFT_OUT.has(kind) && !(kind === 'wrong-type' && textual)));
    if (valueKinds.size === 0) continue;
    const breakers = requests.guard(`query parameter ${parameter.name}`, () =>
      checkedBreakers(requests.builder, parameter.schema, valueKinds, requests.valueContext(parameter.name, parameter.required), true));
    for (const breaker of breakers) {
      // An empty value (`filter[status]=`) means "no filter" to many servers (Laravel turns it into null): never a case.
      const sendable = (invalid: { value: unknown }): boolean => {
        if (!expressible(invalid.value, types)) return false;
        const entries = serialiseQuery(parameter, invalid.value);
        return !Object.values(entries).some((text) => text === '' || (Array.isArray(text) && text.includes(''))) && readBack.rejects(entries);
      };
      if (acceptance(breaker.arbitrary, sendable, 6) === 0) continue;
      out.push(fc.tuple(parts.path, parts.query, parts.headers, parts.body, boundedFilter(breaker.arbitrary, sendable, 'a query value')).map(([path, query, headers, value, invalid]) => ({
        ...requests.assemble(path, replace(query, parameter, invalid.value), headers, { value }),
        broken: broken(requests, 'query', name, invalid.kind, parameter.name),
      })));
    }
  }
  if (kinds.has('unknown-property') && requests.queryParameters.some((parameter) => parameter.name.startsWith('filter[') || (parameter.name === 'filter' && parameter.style === 'deepObject'))) {
    out.push(fc.tuple(parts.path, parts.query, parts.headers, parts.body).map(([path, query, headers, value]) => {
      const entries = { ...serialiseAll(query), [`filter[${UNKNOWN_FILTER}]`]: 'x' };
      return { ...requests.assemble(path, entries, headers, { value }), broken: broken(requests, 'query', `filter.${UNKNOWN_FILTER}`, 'unknown-property', 'filter') };
    }));
  }
  return out;
}

function pathBreaks(requests: RequestBuilder, parts: Parts, kinds: ReadonlySet<InvalidKind>): fc.Arbitrary<InvalidRequest>[] {
  const out: fc.Arbitrary<InvalidRequest>[] = [];
  for (const parameter of requests.pathParameters) {
    const types = typesOf(requests, parameter.schema);
    const pathKinds = new Set([...kinds].filter((kind) => PATH_KINDS.has(kind) && !(kind === 'wrong-type' && types.has('string'))));
    if (pathKinds.size === 0) continue;
    const validate = requests.builder.validator(parameter.schema);
    const breakers = requests.guard(`path parameter ${parameter.name}`, () =>
      checkedBreakers(requests.builder, parameter.schema, pathKinds, requests.valueContext(parameter.name, true), true));
    for (const breaker of breakers) {
      const texts = breaker.arbitrary.map((invalid) => ({ ...invalid, text: serialiseSimple(parameter, invalid.value) }));
      const sendable = (invalid: { value: unknown; text: string }): boolean =>
        expressible(invalid.value, types) && invalid.text !== '' && !validate(parseSimple(invalid.text, types));
      if (acceptance(texts, sendable, 6) === 0) continue;
      out.push(fc.tuple(parts.path, parts.query, parts.headers, parts.body, boundedFilter(texts, sendable, 'a path value')).map(([path, query, headers, value, invalid]) => ({
        ...requests.assemble({ ...path, [parameter.name]: invalid.text }, query, headers, { value }),
        broken: broken(requests, 'path', parameter.name, invalid.kind, parameter.name),
      })));
    }
  }
  return out;
}

/** The JSON types a schema allows, over all its variants. */
function typesOf(requests: RequestBuilder, schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  for (const variant of requests.builder.flattener.variants(schema)) for (const type of allowedTypes(variant.schema)) types.add(type);
  return types;
}

/** Reads a query value back as the server would and says whether the schema rejects it. */
function readerOf(requests: RequestBuilder, parameter: ParameterModel, types: Set<string>): { itemTypes: Set<string>; rejects: (entries: Record<string, string | string[]>) => boolean } {
  const validate = requests.builder.validator(parameter.schema);
  const itemTypes = new Set<string>();
  for (const variant of requests.builder.flattener.variants(parameter.schema)) {
    const items = variant.schema.items ?? variant.schema.additionalProperties;
    if (items !== undefined && typeof items !== 'boolean') for (const type of typesOf(requests, items as JsonSchema)) itemTypes.add(type);
  }
  if (itemTypes.size === 0) itemTypes.add('string');
  return { itemTypes, rejects: (entries) => !validate(parseQuery(parameter, entries, types, itemTypes)) };
}

/** Whether a broken value can travel in a query string or path (no nested structures unless the schema has them). */
function expressible(value: unknown, types: ReadonlySet<string>): boolean {
  if (value === null) return false;
  if (types.has('array') && !types.has('string') && !Array.isArray(value)) return false;
  if (Array.isArray(value)) return types.has('array') && value.every((item) => item === null || typeof item !== 'object');
  if (isPlainObject(value)) return types.has('object') && Object.values(value).every((item) => item === null || typeof item !== 'object');
  return true;
}
