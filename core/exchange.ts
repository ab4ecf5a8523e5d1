// The data a check sees: one request as sent, and what came back (a response or a transport
// error), with the operation and the generated case it belongs to. The client builds these;
// checks read them; findings keep them for the failure report. No token is ever stored here:
// the request records the role of its token, and curl/redaction print `<redacted:role>`.

import type { OperationModel } from './spec/model.js';

/** A profile role (`admin`, `member`, `other`, `multi`) or one pool token (`pool[3]`). */
export type TokenRole = string;

/** The Authorization a request carried. */
export type RequestAuth =
  /** No Authorization header at all. */
  | { kind: 'none' }
  /** `Bearer <the profile token of role>`; the secret itself is never stored. */
  | { kind: 'token'; role: TokenRole }
  /**
   * A deliberately bad Authorization value (malformed or unknown token) sent as is. It is not a
   * secret, but outputs still pass it through the redactor.
   */
  | { kind: 'raw'; label: 'malformed' | 'unknown' | (string & {}); authorization: string };

export interface SentRequest {
  /** Upper-case method as sent; may be one the spec does not document (405 probes). */
  method: string;
  /** Absolute URL as sent, query included. */
  url: string;
  /** Path relative to the profile's base URL, filled: `/tickets/01hx...`. */
  path: string;
  /** The spec's path template when known: `/tickets/{ticket}`. */
  pathTemplate?: string;
  /** Query pairs in the order sent (already serialised per the parameter's style). */
  query: Array<[string, string]>;
  /** Headers the suite set itself, lower-case names; Authorization lives in `auth`. */
  headers: Record<string, string>;
  auth: RequestAuth;
  /** Body text as sent (JSON or deliberately malformed text); undefined when none. */
  body?: string;
}

/** A response body read as JSON. */
export type JsonBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  /** Not parseable: HTML, truncated JSON, garbage. `error` is the parser's message. */
  | { kind: 'invalid'; error: string };

export interface ReceivedResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", " as HTTP allows. */
  headers: Record<string, string>;
  /** Raw body text, whatever it is. */
  bodyText: string;
  json: JsonBody;
  durationMs: number;
}

export type TransportErrorKind =
  | 'timeout'
  | 'connection-reset'
  | 'connection-refused'
  | 'incomplete-body'
  | 'dns'
  | 'tls'
  | 'other';

export interface TransportError {
  kind: TransportErrorKind;
  /** One line from the HTTP library, without its call log (which would list headers). */
  message: string;
  durationMs: number;
}

/** Where a fast-check run can be replayed from: pass `{ seed, path }` back to fast-check. */
export interface ReplayPoint {
  seed: number;
  path?: string;
}

/** What the generator broke in an invalid case. */
export interface BrokenField {
  location: 'body' | 'query' | 'path' | 'header';
  /** Dotted path of the broken field (`from_contact.email`, `to_recipients.0`, `per_page`). */
  path: string;
  /** The generator's kind of breakage: `missing-required`, `too-long`, `malformed-json`, ... */
  kind: string;
  /** The status the contract demands for this breakage (422, 400, 404). */
  expectedStatus: number;
}

export interface GeneratedCase {
  validity: 'valid' | 'invalid';
  /** Present for invalid cases. */
  broken?: BrokenField;
  replay?: ReplayPoint;
}

interface ExchangeBase {
  /** `METHOD /template` of the operation, or `METHOD /path` as sent for unknown routes. */
  operationKey: string;
  /** The spec's operation; undefined for undocumented methods and unknown paths. */
  operation?: OperationModel;
  request: SentRequest;
  case?: GeneratedCase;
  /** 429 answers the client waited out before this attempt, kept for judging. */
  rateLimited: Exchange[];
  startedAt: number;
}

export type Exchange = ExchangeBase &
  (
    | { response: ReceivedResponse; error?: undefined }
    | { response?: undefined; error: TransportError }
  );

export type RespondedExchange = Exchange & { response: ReceivedResponse };
