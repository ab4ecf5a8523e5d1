// The parts of a request for one operation, as arbitraries: path parameters (harvested ULIDs,
// or schema-valid placeholders), query parameters (observed values, every enum value, page
// boundaries), headers from the run context, and the body. validRequest and invalidRequest
// assemble them; invalidRequest swaps exactly one part for a broken one.

import fc from 'fast-check';
import type { JsonSchema, MediaTypeModel, OperationModel, ParameterModel } from '../../core/spec/model.js';
import type { GeneratedRequest, RequestOptions, RunContext, ValueOptions } from '../types.js';
import { builderOptions, OptionError } from './check-options.js';
import { contextValues } from './context-values.js';
import { isSchemaObject } from './json.js';
import { NoValueError } from './no-value-error.js';
import { serialiseQuery, serialiseSimple, type QueryEntries } from './parameter-serialisation.js';
import { Grounding } from './ungrounded-references.js';
import { allowedTypes, ROOT_CONTEXT, ValueBuilder, type BuildContext } from './value-builder.js';

/** Header parameters OpenAPI says to ignore: the client sets them itself. */
const IGNORED_HEADERS = new Set(['authorization', 'content-type', 'accept']);
const DEFAULT_BOOLEANS = ['true', 'false'] as const;

export interface BodyPart {
  media: MediaTypeModel;
  schema: JsonSchema;
  json: boolean;
  required: boolean;
}

/** Typed values of the query parameters; undefined leaves a parameter out. */
export type QueryValues = ReadonlyArray<readonly [ParameterModel, unknown]>;

export class RequestBuilder {
  readonly builder: ValueBuilder;
  readonly pathParameters: ParameterModel[];
  readonly queryParameters: ParameterModel[];
  readonly headerParameters: ParameterModel[];
  readonly body: BodyPart | undefined;
  /** Tells references the run context could ground from made-up ones. */
  readonly grounding: Grounding;
  private readonly booleans: readonly string[];

  constructor(
    readonly arbitraryName: string,
    readonly operation: OperationModel,
    readonly context: RunContext,
    options: RequestOptions,
  ) {
    checkOperation(arbitraryName, operation);
    checkContext(arbitraryName, context);
    const { queryBooleans = DEFAULT_BOOLEANS, ...valueOptions } = options as RequestOptions & ValueOptions;
    if (!Array.isArray(queryBooleans) || queryBooleans.length === 0 || !queryBooleans.every((value) => typeof value === 'string')) {
      throw new OptionError(`${arbitraryName}: queryBooleans must be a non-empty list of strings.`);
    }
    this.booleans = queryBooleans;
    const checked = builderOptions(arbitraryName, valueOptions as ValueOptions);
    this.grounding = new Grounding(context);
    this.builder = new ValueBuilder({
      ...checked,
      direction: 'request',
      fieldValue: (field) => {
        this.grounding.noteField(field.name, field.schema);
        return contextValues(field.name, field.schema, context, this.builder, 'field');
      },
    });
    this.pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
    this.queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
    this.headerParameters = operation.parameters.filter((parameter) => parameter.in === 'header' && !IGNORED_HEADERS.has(parameter.name.toLowerCase()));
    this.body = bodyOf(operation);
  }

  /** Runs a build step, turning "no value" into the one-sentence option error. */
  guard<T>(where: string, build: () => T): T {
    try {
      return build();
    } catch (error) {
      if (error instanceof NoValueError) {
        const inside = error.path !== undefined && error.path.length > 0 ? ` at ${error.path.join('.')}` : '';
        throw new OptionError(`${this.arbitraryName}: the schema of ${this.operation.key} ${where}${inside} ${error.message.replace(/[.!?]$/, '')}.`);
      }
      throw error;
    }
  }

  valueContext(name: string | undefined, required: boolean): BuildContext {
    return { ...ROOT_CONTEXT, name, requiredLike: required };
  }

  /** Raw (unencoded) text of every path parameter. */
  pathValues(): fc.Arbitrary<Record<string, string>> {
    const model: Record<string, fc.Arbitrary<string>> = {};
    for (const parameter of this.pathParameters) {
      model[parameter.name] = this.guard(`path parameter ${parameter.name}`, () => {
        const harvested = contextValues(parameter.name, parameter.schema, this.context, this.builder, 'path');
        const values = harvested ?? this.builder.valid(parameter.schema, this.valueContext(parameter.name, true));
        return values.map((value) => serialiseSimple(parameter, value)).filter((text) => text !== '');
      });
    }
    return fc.record(model, { noNullPrototype: true });
  }

  /** One arbitrary per query parameter: its typed value, or undefined when left out. */
  queryValueArbitraries(): Array<{ parameter: ParameterModel; arbitrary: fc.Arbitrary<unknown> }> {
    return this.queryParameters.map((parameter) => {
      const value = this.guard(`query parameter ${parameter.name}`, () => this.queryValue(parameter));
      return { parameter, arbitrary: parameter.required ? value : fc.option(value, { nil: undefined, freq: 2 }) };
    });
  }

  queryValues(): fc.Arbitrary<QueryValues> {
    const parts = this.queryValueArbitraries();
    return fc.tuple(...parts.map((part) => part.arbitrary)).map((values) => values.map((value, index) => [parts[index]!.parameter, value] as const));
  }

  private queryValue(parameter: ParameterModel): fc.Arbitrary<unknown> {
    const schema = parameter.schema;
    const context = this.valueContext(parameter.name, parameter.required);
    const fromSchema = this.builder.valid(schema, context);
    const choices: Array<{ weight: number; arbitrary: fc.Arbitrary<unknown> }> = [{ weight: 2, arbitrary: fromSchema }];
    const seen = contextValues(parameter.name, schema, this.context, this.builder, 'field');
    if (seen !== undefined) choices.push({ weight: 4, arbitrary: seen });
    if (this.isBoolean(schema)) {
      choices.push({ weight: 2, arbitrary: fc.constantFrom(...this.booleans) });
    }
    if (parameter.name === 'page') {
      const validate = this.builder.validator(schema);
      const last = this.context.lastPage?.[this.operation.key];
      const pages = [1, 2, ...(last === undefined ? [50, 10_000] : [last, last + 1, last + 5])].filter((page) => validate(page));
      if (pages.length > 0) choices.push({ weight: 3, arbitrary: fc.constantFrom(...pages) });
    }
    return choices.length === 1 ? fromSchema : fc.oneof(...choices);
  }

  private isBoolean(schema: JsonSchema): boolean {
    if (!isSchemaObject(schema)) return false;
    const variants = this.builder.flattener.variants(schema);
    return variants.length > 0 && variants.every((variant) => {
      const types = allowedTypes(variant.schema);
      return types.length === 1 && types[0] === 'boolean' && variant.schema.enum === undefined && variant.schema.const === undefined;
    });
  }

  /** Header values: the context's, then required header parameters from their schemas. */
  headerValues(): fc.Arbitrary<Record<string, string>> {
    const fixed: Record<string, string> = { ...(this.context.headers ?? {}) };
    const given = new Set(Object.keys(fixed).map((name) => name.toLowerCase()));
    const model: Record<string, fc.Arbitrary<string>> = {};
    for (const parameter of this.headerParameters) {
      if (given.has(parameter.name.toLowerCase()) || !parameter.required) continue;
      model[parameter.name] = this.guard(`header ${parameter.name}`, () =>
        this.builder.valid(parameter.schema, this.valueContext(parameter.name, true)).map((value) => serialiseSimple(parameter, value)),
      );
    }
    const withBody: Record<string, string> = this.body === undefined ? {} : { 'content-type': this.body.media.mediaType };
    return fc.record(model, { noNullPrototype: true }).map((generated) => ({ ...fixed, ...generated, ...withBody }));
  }

  /** Valid bodies; undefined now and then when the body is optional. */
  bodyValues(): fc.Arbitrary<unknown> | undefined {
    const body = this.body;
    if (body === undefined) return undefined;
    const values = this.guard('request body', () => this.builder.valid(body.schema, this.valueContext(undefined, true)));
    return body.required ? values : fc.option(values, { nil: undefined, freq: 5 });
  }

  assemble(pathParams: Record<string, string>, query: QueryValues | QueryEntries, headers: Record<string, string>, body?: { value?: unknown; raw?: string }): GeneratedRequest {
    const request: GeneratedRequest = {
      operation: this.operation.key,
      method: this.operation.method,
      path: fillPath(this.operation.path, pathParams),
      pathParams,
      query: Array.isArray(query) ? serialiseAll(query as QueryValues) : (query as QueryEntries),
      headers: { ...headers },
    };
    if (body?.raw !== undefined) request.rawBody = body.raw;
    else if (body?.value !== undefined) request.body = body.value;
    else if (this.body !== undefined) delete request.headers['content-type'];
    return request;
  }

  /** Valid requests; each records the references the run context could not ground (see ungrounded-references.ts). */
  valid(): fc.Arbitrary<GeneratedRequest> {
    const body = this.bodyValues() ?? fc.constant(undefined);
    const validateBody = this.body === undefined ? undefined : this.builder.validator(this.body.schema);
    return fc.tuple(this.pathValues(), this.queryValues(), this.headerValues(), body).map(([pathParams, query, headers, value]) => {
      const grounded = value === undefined || validateBody === undefined ? { body: value, ungrounded: [] } : this.grounding.groundBody(value, validateBody);
      const request = this.assemble(pathParams, query, headers, { value: grounded.body });
      const ungrounded = [
        ...this.grounding.pathReferences(this.pathParameters, pathParams),
        ...this.grounding.queryReferences(query),
        ...grounded.ungrounded,
      ];
      if (ungrounded.length > 0) request.ungrounded = ungrounded;
      return request;
    });
  }
}

export function serialiseAll(values: QueryValues): QueryEntries {
  const out: QueryEntries = {};
  for (const [parameter, value] of values) {
    if (value === undefined) continue;
    Object.assign(out, serialiseQuery(parameter, value));
  }
  return out;
}

/** `/tickets/{ticket}` with `{ticket: "01h…"}` → `/tickets/01h…`, each value percent-encoded. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name]!) : whole));
}

function bodyOf(operation: OperationModel): BodyPart | undefined {
  const content = operation.requestBody?.content;
  if (content === undefined) return undefined;
  const types = Object.keys(content);
  const chosen = types.find((type) => /^application\/json\b/i.test(type)) ?? types.find((type) => /[/+]json\b/i.test(type)) ?? types[0];
  if (chosen === undefined) return undefined;
  const media = content[chosen]!;
  return { media, schema: media.schema, json: /json/i.test(chosen), required: operation.requestBody?.required ?? false };
}

function checkOperation(arbitrary: string, operation: OperationModel): void {
  const ok = typeof operation === 'object' && operation !== null && typeof operation.key === 'string' && typeof operation.path === 'string' && Array.isArray(operation.parameters);
  if (!ok) throw new OptionError(`${arbitrary}: the operation must be an OperationModel from core/spec (with key, path and parameters).`);
}

function checkContext(arbitrary: string, context: RunContext): void {
  if (typeof context !== 'object' || context === null) throw new OptionError(`${arbitrary}: the context must be an object (use {} when nothing was seen yet).`);
  for (const key of ['ulids', 'observed', 'lastPage', 'headers'] as const) {
    const value = context[key];
    if (value !== undefined && (typeof value !== 'object' || value === null)) throw new OptionError(`${arbitrary}: context.${key} must be an object.`);
  }
  for (const [resource, values] of Object.entries(context.ulids ?? {})) {
    if (!Array.isArray(values)) throw new OptionError(`${arbitrary}: context.ulids.${resource} must be a list of strings.`);
  }
}
