// The data the generators produce and read: invalid cases, requests, run-time context and the
// options of the arbitraries, plus the list of invalid kinds. Every arbitrary lives in its own file.

import type fc from 'fast-check';
import type { HttpMethod, JsonSchema } from '../core/spec/model.js';

/** What an invalid case broke. One kind per case: each case breaks exactly one thing. */
export type InvalidKind =
  | 'missing-required'
  | 'wrong-type'
  | 'not-in-enum'
  | 'too-short'
  | 'too-long'
  | 'below-minimum'
  | 'above-maximum'
  | 'bad-format'
  | 'pattern-mismatch'
  | 'null-not-allowed'
  | 'unknown-property'
  | 'too-few-items'
  | 'too-many-items'
  | 'malformed-json';

export const INVALID_KINDS: readonly InvalidKind[] = [
  'missing-required', 'wrong-type', 'not-in-enum', 'too-short', 'too-long', 'below-minimum', 'above-maximum',
  'bad-format', 'pattern-mismatch', 'null-not-allowed', 'unknown-property', 'too-few-items', 'too-many-items',
  'malformed-json',
];

/** A value that fails its schema in one place. */
export interface InvalidCase {
  value: unknown;
  /** Dotted path of what was broken, as Laravel names it: "from_contact.email", "to_recipients.0"; "" for the root. */
  path: string;
  kind: InvalidKind;
}

/** A field the generators are about to fill, as the `fieldValue` hook sees it. */
export interface FieldInfo {
  /** Property name. */
  name: string;
  /** Property names and `*` for array items, from the root of the generated value. */
  path: readonly string[];
  schema: JsonSchema;
  required: boolean;
}

/** Options of `validValue` (and the valid part of every other arbitrary). */
export interface ValueOptions {
  /** Resolves a `$ref` still present in the schema (recursive schemas). Without it a `$ref` is an error. */
  resolveRef?: (ref: string) => JsonSchema;
  /** How deep recursive or nested schemas are followed before only required parts are generated (default 4). */
  maxDepth?: number;
  /** Share of strings drawn from the unusual ones: non-ASCII, emoji, right-to-left, boundary lengths, HTML (0..1, default 0.25). */
  unusualStrings?: number;
  /**
   * Where whitespace-only strings may appear: `optional` (default: not in required strings with
   * minLength ≥ 1, which a Laravel-style server trims to "missing"), `everywhere` or `never`.
   */
  whitespaceOnly?: 'optional' | 'everywhere' | 'never';
  /** Longest random string or array when the schema allows longer (default 24 code points, 3 items); boundaries still reach maxLength/maxItems. */
  typicalLength?: number;
  /** `request` (default) leaves optional `readOnly` properties out; `response` leaves optional `writeOnly` ones out. */
  direction?: 'request' | 'response';
  /** Property name that names the root value (HTML hints for a root string). */
  name?: string;
  /** Adds an undeclared property now and then where `additionalProperties` allows it (default false). */
  extraProperties?: boolean;
  /** Supplies the values of some fields (harvested ULIDs, for instance); `undefined` lets the schema decide. */
  fieldValue?: (field: FieldInfo) => fc.Arbitrary<unknown> | undefined;
}

/** Options of `invalidValue`. */
export interface InvalidValueOptions extends ValueOptions {
  /** Only these kinds (default: every kind a schema supports). */
  kinds?: readonly InvalidKind[];
  /** Whether the root value itself may be replaced (wrong type, null); default true. */
  breakRoot?: boolean;
}

/** Values seen at run time that make requests name real things. */
export interface RunContext {
  /** ULIDs (or ids) of resources seen, keyed by resource name ("ticket", "user", "channel"). */
  ulids?: Readonly<Record<string, readonly string[]>>;
  /** Values observed for query parameters or body fields, keyed by their name ("filter[status]", "status"). */
  observed?: Readonly<Record<string, readonly unknown[]>>;
  /** Last page seen per operation key, for `page` values at and past the end. */
  lastPage?: Readonly<Record<string, number>>;
  /** Header values to send (e.g. `X-Workspace-Id`); optional header parameters are sent only when given here. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * A value of a valid request that names a resource (by `resourceNameOf`) but was not taken from
 * the run context: the run saw no such item, so the value is made up and may name nothing.
 */
export interface UngroundedReference {
  location: 'body' | 'query' | 'path';
  /** Dotted key as a 422 names it (`channel`, `tag_ulids.1`), the query parameter, or the path parameter. */
  path: string;
  /** The resource it should name (`channel`). */
  resource: string;
}

/** One generated HTTP request, as data. */
export interface GeneratedRequest {
  /** "METHOD /path" of the operation. */
  operation: string;
  method: HttpMethod;
  /** The path with its parameters filled in and percent-encoded. */
  path: string;
  pathParams: Record<string, string>;
  /** Serialised per each parameter's style: a list means the key repeats. */
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: unknown;
  /** Set instead of `body` when the bytes are not a JSON serialisation of a value (malformed JSON). */
  rawBody?: string;
  /** Valid requests only, and only when there are some: references the run context could not ground. */
  ungrounded?: UngroundedReference[];
}

/** Where an invalid request is broken and what the contract answers to it. */
export interface BrokenPart {
  location: 'body' | 'query' | 'path';
  /** Dotted key the answer must name: "from_contact.email", "filter.status", "per_page", or the path parameter. */
  path: string;
  kind: InvalidKind;
  expectedStatus: number;
}

export interface InvalidRequest extends GeneratedRequest {
  broken: BrokenPart;
}

/** Options of the request arbitraries. */
export interface RequestOptions extends Omit<ValueOptions, 'fieldValue' | 'name' | 'direction'> {
  /** Literals sent for boolean query values besides the schema's own (default `true`, `false`). */
  queryBooleans?: readonly string[];
}

/** Options of `invalidRequest`. */
export interface InvalidRequestOptions extends RequestOptions {
  /** Only these kinds (default: every kind the operation supports). */
  kinds?: readonly InvalidKind[];
  /** Only these places (default: body, query and path). */
  locations?: ReadonlyArray<BrokenPart['location']>;
}
