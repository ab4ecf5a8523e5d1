// Compiled validators for the operations of one document. The normalized document is added to
// ajv once under an `$id`; each validator is compiled from a `$ref` to a JSON pointer inside it
// (no schema is copied), the first time it is asked for, and kept: asking again returns the
// same function. Two operations sharing a component share its compiled validator.

import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 } from './ajv.js';
import { specErrorAt, type SpecLocator } from './errors.js';
import { findMediaType } from './find-media-type.js';
import { findResponse } from './find-response.js';
import { headerValues, type RawHeaders } from './header-values.js';
import type { OperationModel, ParameterLocation, ResponseModel } from './model.js';
import { childPointer, uriFragment, valueAtPointer } from './pointer.js';

/** Validates the declared headers of one response, given raw headers (any name case, string values). */
export interface HeadersValidator {
  (headers: RawHeaders): boolean;
  /** Errors of the last call, `instancePath` being `/<lower-case header name>`; null after a pass. */
  errors: ErrorObject[] | null;
}

export interface SpecValidators {
  /** The request body schema for a Content-Type, or undefined when the operation declares none for it. */
  requestBody(operationKey: string, contentType: string): ValidateFunction | undefined;
  /** The response body schema for a status and Content-Type (exact status, `4XX` range, `default`), or undefined when undocumented. */
  responseBody(operationKey: string, status: number | string, contentType: string): ValidateFunction | undefined;
  /** The declared headers of the response for a status, or undefined when the status is undocumented. */
  responseHeaders(operationKey: string, status: number | string): HeadersValidator | undefined;
  /** A parameter's schema, applied to the value already read into its type; undefined when not declared. */
  parameter(operationKey: string, location: ParameterLocation, name: string): ValidateFunction | undefined;
  /** Any schema of the document by JSON pointer, e.g. `#/components/schemas/Ticket`. */
  schema(pointer: string): ValidateFunction;
  /** Compiles every validator of every operation and every component schema; returns how many distinct ones. */
  compileAll(): number;
}

/** The `$id` the document is known by inside ajv; never fetched. */
export const DOCUMENT_ID = 'https://spec.invalid/openapi.json';

export function createValidators(
  ajv: Ajv2020,
  document: Record<string, unknown>,
  operations: readonly OperationModel[],
  source: SpecLocator,
): SpecValidators {
  ajv.addSchema(document, DOCUMENT_ID, undefined, false);
  const byKey = new Map(operations.map((operation) => [operation.key, operation]));
  const byPointer = new Map<string, ValidateFunction>();
  const headersByResponse = new Map<string, HeadersValidator>();
  // Front caches keyed by the caller's arguments, so a hot loop costs one Map lookup.
  const requestCache = new Map<string, ValidateFunction | undefined>();
  const responseCache = new Map<string, ValidateFunction | undefined>();
  const headersCache = new Map<string, HeadersValidator | undefined>();
  const parameterCache = new Map<string, ValidateFunction | undefined>();

  const operationOf = (key: string): OperationModel => {
    const operation = byKey.get(key);
    if (operation === undefined) throw new Error(`The spec ${source.file} has no operation "${key}".`);
    return operation;
  };

  const schema = (pointer: string): ValidateFunction => {
    const cached = byPointer.get(pointer);
    if (cached !== undefined) return cached;
    let compiled: ValidateFunction | undefined;
    try {
      compiled = valueAtPointer(document, pointer) === undefined
        ? ajv.compile(true)
        : ajv.getSchema(DOCUMENT_ID + uriFragment(pointer));
    } catch (error) {
      throw specErrorAt(source, pointer, `the schema does not compile: ${(error as Error).message}`);
    }
    if (compiled === undefined) throw specErrorAt(source, pointer, 'the schema could not be found by the validator');
    byPointer.set(pointer, compiled);
    return compiled;
  };

  /** Schema of a parameter or header object: its `schema`, or the one schema of its `content`. */
  const schemaPointerOf = (ownerPointer: string): string => {
    const owner = valueAtPointer(document, ownerPointer) as { schema?: unknown; content?: Record<string, unknown> } | undefined;
    const mediaType = owner?.schema === undefined && owner?.content ? Object.keys(owner.content)[0] : undefined;
    return mediaType === undefined
      ? childPointer(ownerPointer, 'schema')
      : childPointer(childPointer(childPointer(ownerPointer, 'content'), mediaType), 'schema');
  };

  const headersValidator = (response: ResponseModel): HeadersValidator => {
    const cached = headersByResponse.get(response.pointer);
    if (cached !== undefined) return cached;
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const [name, header] of Object.entries(response.headers)) {
      properties[name] = { $ref: DOCUMENT_ID + uriFragment(schemaPointerOf(header.pointer)) };
      if (header.required) required.push(name);
    }
    let objectValidator: ValidateFunction;
    try {
      objectValidator = ajv.compile({ type: 'object', properties, required });
    } catch (error) {
      throw specErrorAt(source, childPointer(response.pointer, 'headers'), `the header schemas do not compile: ${(error as Error).message}`);
    }
    const validate = ((raw: RawHeaders): boolean => {
      const valid = objectValidator(headerValues(raw, response.headers));
      validate.errors = valid ? null : (objectValidator.errors ?? []);
      return valid;
    }) as HeadersValidator;
    validate.errors = null;
    headersByResponse.set(response.pointer, validate);
    return validate;
  };

  const memo = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
    if (cache.has(key)) return cache.get(key) as T;
    const made = make();
    cache.set(key, made);
    return made;
  };

  const validators: SpecValidators = {
    requestBody: (operationKey, contentType) =>
      memo(requestCache, `${operationKey}\n${contentType}`, () => {
        const content = operationOf(operationKey).requestBody?.content;
        const media = content && findMediaType(content, contentType);
        return media && schema(childPointer(media.pointer, 'schema'));
      }),

    responseBody: (operationKey, status, contentType) =>
      memo(responseCache, `${operationKey}\n${status}\n${contentType}`, () => {
        const response = findResponse(operationOf(operationKey), status);
        const media = response && findMediaType(response.content, contentType);
        return media && schema(childPointer(media.pointer, 'schema'));
      }),

    responseHeaders: (operationKey, status) =>
      memo(headersCache, `${operationKey}\n${status}`, () => {
        const response = findResponse(operationOf(operationKey), status);
        return response && headersValidator(response);
      }),

    parameter: (operationKey, location, name) =>
      memo(parameterCache, `${operationKey}\n${location}\n${name}`, () => {
        const wanted = location === 'header' ? name.toLowerCase() : name;
        const parameter = operationOf(operationKey).parameters.find(
          (candidate) => candidate.in === location && (location === 'header' ? candidate.name.toLowerCase() : candidate.name) === wanted,
        );
        return parameter && schema(schemaPointerOf(parameter.pointer));
      }),

    schema,

    compileAll: () => {
      for (const operation of operations) {
        for (const media of Object.values(operation.requestBody?.content ?? {})) schema(childPointer(media.pointer, 'schema'));
        for (const parameter of operation.parameters) schema(schemaPointerOf(parameter.pointer));
        for (const response of Object.values(operation.responses)) {
          for (const media of Object.values(response.content)) schema(childPointer(media.pointer, 'schema'));
          headersValidator(response);
        }
      }
      const components = (document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
      for (const name of Object.keys(components)) schema(childPointer('#/components/schemas', name));
      return byPointer.size + headersByResponse.size;
    },
  };
  return validators;
}
