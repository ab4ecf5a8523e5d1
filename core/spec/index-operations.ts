// Turns `paths` into the operation list of the model: one OperationModel per path and method,
// with path-level parameters merged in, every Reference Object followed, response headers keyed
// by lower-case name and the effective security requirement.

import type { OpenAPIV3_1 } from 'openapi-types';
import type { SchemaDereferencer } from './dereference-schema.js';
import { specErrorAt } from './errors.js';
import type {
  HeaderModel, HttpMethod, JsonSchema, MediaTypeModel, OperationModel, ParameterLocation, ParameterModel,
  RequestBodyModel, ResponseModel,
} from './model.js';
import type { ParsedSpec } from './parse.js';
import { childPointer } from './pointer.js';
import { resolveReference } from './refs.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LOCATIONS = new Set<string>(['path', 'query', 'header', 'cookie']);

function isMethod(key: string): key is (typeof METHODS)[number] {
  return (METHODS as readonly string[]).includes(key);
}

type Json = Record<string, unknown>;

export function indexOperations(document: Json, source: ParsedSpec, schemas: SchemaDereferencer): OperationModel[] {
  return new OperationIndexer(document, source, schemas).operations();
}

class OperationIndexer {
  constructor(
    private readonly document: Json,
    private readonly source: ParsedSpec,
    private readonly schemas: SchemaDereferencer,
  ) {}

  operations(): OperationModel[] {
    const paths = this.object(this.document.paths, '#/paths', 'the paths object');
    const operations: OperationModel[] = [];
    for (const [path, rawItem] of Object.entries(paths)) {
      if (path.startsWith('x-')) continue;
      const item = this.resolve<OpenAPIV3_1.PathItemObject>(rawItem, childPointer('#/paths', path), `path item ${path}`);
      const shared = this.parameterList(item.value.parameters, childPointer(item.pointer, 'parameters'));
      // Methods in the order the document lists them.
      for (const [method, operation] of Object.entries(item.value)) {
        if (!isMethod(method)) continue;
        operations.push(this.operation(path, method, operation, childPointer(item.pointer, method), shared));
      }
    }
    return operations;
  }

  private operation(path: string, method: (typeof METHODS)[number], raw: unknown, pointer: string, shared: ParameterModel[]): OperationModel {
    const operation = this.object(raw, pointer, `operation ${method.toUpperCase()} ${path}`) as OpenAPIV3_1.OperationObject & Json;
    const upper = method.toUpperCase() as HttpMethod;
    const own = this.parameterList(operation.parameters, childPointer(pointer, 'parameters'));
    const model: OperationModel = {
      key: `${upper} ${path}`,
      method: upper,
      path,
      tags: Array.isArray(operation.tags) ? operation.tags.filter((tag) => typeof tag === 'string') : [],
      parameters: mergeParameters(shared, own),
      responses: this.responses(operation.responses, childPointer(pointer, 'responses')),
      security: (operation.security ?? (this.document.security as OpenAPIV3_1.SecurityRequirementObject[] | undefined) ?? []) as Array<Record<string, string[]>>,
      extensions: Object.fromEntries(Object.entries(operation).filter(([key]) => key.startsWith('x-'))),
      pointer,
    };
    if (typeof operation.operationId === 'string') model.operationId = operation.operationId;
    if (typeof operation.summary === 'string') model.summary = operation.summary;
    if (operation.requestBody !== undefined) {
      model.requestBody = this.requestBody(operation.requestBody, childPointer(pointer, 'requestBody'));
    }
    return model;
  }

  private parameterList(raw: unknown, pointer: string): ParameterModel[] {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) throw this.error(pointer, 'parameters must be a list');
    return raw.map((entry, index) => this.parameter(entry, childPointer(pointer, index)));
  }

  private parameter(raw: unknown, at: string): ParameterModel {
    const { value, pointer } = this.resolve<OpenAPIV3_1.ParameterObject>(raw, at, 'parameter');
    if (typeof value.name !== 'string' || value.name === '') throw this.error(pointer, 'a parameter has no name');
    if (!LOCATIONS.has(value.in)) {
      throw this.error(pointer, `parameter ${JSON.stringify(value.name)} has "in: ${String(value.in)}"; expected path, query, header or cookie`);
    }
    const location = value.in as ParameterLocation;
    const model: ParameterModel = {
      name: value.name,
      in: location,
      // Path parameters are always required, whatever the document forgot to say.
      required: location === 'path' || value.required === true,
      schema: this.schemaOf(value, pointer),
      extensions: Object.fromEntries(Object.entries(value).filter(([key]) => key.startsWith('x-'))),
      pointer,
    };
    if (typeof value.style === 'string') model.style = value.style;
    if (typeof value.explode === 'boolean') model.explode = value.explode;
    if (typeof value.description === 'string') model.description = value.description;
    return model;
  }

  private requestBody(raw: unknown, at: string): RequestBodyModel {
    const { value, pointer } = this.resolve<OpenAPIV3_1.RequestBodyObject>(raw, at, 'request body');
    return {
      required: value.required === true,
      content: this.content(value.content, childPointer(pointer, 'content')),
      pointer,
    };
  }

  private responses(raw: unknown, pointer: string): Record<string, ResponseModel> {
    if (raw === undefined) return {};
    const responses: Record<string, ResponseModel> = {};
    for (const [status, entry] of Object.entries(this.object(raw, pointer, 'responses'))) {
      if (status.startsWith('x-')) continue;
      const resolved = this.resolve<OpenAPIV3_1.ResponseObject>(entry, childPointer(pointer, status), `response ${status}`);
      responses[status] = {
        status,
        description: typeof resolved.value.description === 'string' ? resolved.value.description : '',
        content: this.content(resolved.value.content, childPointer(resolved.pointer, 'content')),
        headers: this.headers(resolved.value.headers, childPointer(resolved.pointer, 'headers')),
        pointer: resolved.pointer,
      };
    }
    return responses;
  }

  private headers(raw: unknown, pointer: string): Record<string, HeaderModel> {
    if (raw === undefined) return {};
    const headers: Record<string, HeaderModel> = {};
    for (const [name, entry] of Object.entries(this.object(raw, pointer, 'headers'))) {
      // OpenAPI: a response header named Content-Type is ignored (the media types say it).
      if (name.toLowerCase() === 'content-type') continue;
      const resolved = this.resolve<OpenAPIV3_1.HeaderObject>(entry, childPointer(pointer, name), `header ${name}`);
      headers[name.toLowerCase()] = {
        name,
        required: resolved.value.required === true,
        schema: this.schemaOf(resolved.value, resolved.pointer),
        pointer: resolved.pointer,
      };
    }
    return headers;
  }

  private content(raw: unknown, pointer: string): Record<string, MediaTypeModel> {
    if (raw === undefined) return {};
    const content: Record<string, MediaTypeModel> = {};
    for (const [mediaType, entry] of Object.entries(this.object(raw, pointer, 'content'))) {
      const at = childPointer(pointer, mediaType);
      const media = this.object(entry, at, `media type ${mediaType}`);
      content[mediaType] = { mediaType, schema: this.schemas.schemaAt(childPointer(at, 'schema'), media.schema), pointer: at };
    }
    return content;
  }

  /** A parameter's or header's schema: `schema`, or the one schema of its `content`. */
  private schemaOf(owner: { schema?: unknown; content?: unknown }, pointer: string): JsonSchema {
    if (owner.schema !== undefined) return this.schemas.schemaAt(childPointer(pointer, 'schema'), owner.schema);
    if (typeof owner.content === 'object' && owner.content !== null) {
      const [mediaType, media] = Object.entries(owner.content)[0] ?? [];
      if (mediaType !== undefined && typeof media === 'object' && media !== null) {
        const at = childPointer(childPointer(childPointer(pointer, 'content'), mediaType), 'schema');
        return this.schemas.schemaAt(at, (media as Json).schema);
      }
    }
    return true;
  }

  private resolve<T>(raw: unknown, pointer: string, what: string): { value: T & Json; pointer: string } {
    const resolved = resolveReference(this.document, raw, pointer, this.source);
    return { value: this.object(resolved.value, resolved.pointer, what) as T & Json, pointer: resolved.pointer };
  }

  private object(value: unknown, pointer: string, what: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw this.error(pointer, `${what} must be an object`);
    }
    return value as Json;
  }

  private error(pointer: string, reason: string): Error {
    return specErrorAt(this.source, pointer, reason);
  }
}

/** Path-level parameters first, then the operation's; the operation's win on name and location. */
function mergeParameters(shared: ParameterModel[], own: ParameterModel[]): ParameterModel[] {
  const identity = (parameter: ParameterModel): string =>
    `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
  const merged = new Map<string, ParameterModel>();
  for (const parameter of [...shared, ...own]) merged.set(identity(parameter), parameter);
  return [...merged.values()];
}
