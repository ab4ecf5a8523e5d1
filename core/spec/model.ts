// The indexed form of an OpenAPI 3.1 document that the rest of the suite works with.
// core/spec builds it once; generators, the client, the checks and load scenarios read it.

// Pointers (`pointer` fields) are JSON pointers in `$ref` form, `#/paths/~1tickets/get`, not
// percent-encoded, naming the object where it is defined: for a `$ref`'d parameter, response,
// header or request body, the target (`#/components/parameters/Page`). `spec.where(pointer)`
// turns one into `file:line:col`.

/**
 * A JSON Schema (2020-12) node after local `$ref`s were resolved; `true`/`false` allowed.
 * OpenAPI 3.0 habits are already rewritten (`nullable` → type union with "null"). Each schema
 * location is one shared object, so a recursive schema is a cyclic graph: walk it with a
 * seen-set or a depth limit, and validate with `spec.validators`, not `ajv.compile(schema)`.
 */
export type JsonSchema = boolean | { [keyword: string]: unknown };

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonSchema;
  /** `style`/`explode` as declared (query defaults: form, explode). */
  style?: string;
  explode?: boolean;
  description?: string;
  /**
   * Every `x-` key of the parameter object, kept as written (`x-filter`, `x-sort`: what a
   * filter or sort means, read by the semantic checks). Always filled by core/spec; optional
   * so hand-built models may leave it out.
   */
  extensions?: Record<string, unknown>;
  /** JSON pointer of the parameter object in the source document. */
  pointer: string;
}

export interface MediaTypeModel {
  mediaType: string;
  schema: JsonSchema;
  pointer: string;
}

export interface HeaderModel {
  name: string;
  required: boolean;
  schema: JsonSchema;
  pointer: string;
}

export interface ResponseModel {
  /** As written in the document: "200", "4XX" or "default". */
  status: string;
  description: string;
  /** Keyed by media type; empty for bodiless responses such as 204. */
  content: Record<string, MediaTypeModel>;
  /** Keyed by lower-case header name. */
  headers: Record<string, HeaderModel>;
  pointer: string;
}

export interface RequestBodyModel {
  required: boolean;
  content: Record<string, MediaTypeModel>;
  pointer: string;
}

export interface OperationModel {
  /** "METHOD /path", e.g. "POST /tickets/{ticket}/reply": the id used in every report. */
  key: string;
  operationId?: string;
  method: HttpMethod;
  /** Path template relative to the server URL, e.g. "/tickets/{ticket}". */
  path: string;
  summary?: string;
  tags: string[];
  /** Path-level and operation-level parameters merged (operation wins on name+in). */
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: Record<string, ResponseModel>;
  /** Effective security requirements (operation-level or document default); [] means none. */
  security: Array<Record<string, string[]>>;
  /** Every `x-` key of the operation object, kept as written. */
  extensions: Record<string, unknown>;
  pointer: string;
}

export interface SpecWarning {
  /** JSON pointer (and line when known) of what the warning is about. */
  where: string;
  message: string;
}
