// A generated request as the client sends it: the path parameters of a binding (real ids, and
// the token that may see them) over the generated ones, except a path parameter the case broke
// on purpose.

import type { ApiRequest } from '../../core/client/api-client.js';
import type { GeneratedCase } from '../../core/exchange.js';
import type { OperationModel } from '../../core/spec/model.js';
import type { GeneratedRequest, InvalidRequest } from '../../generators/types.js';

export interface PathBinding {
  /** Path parameter values: `{ brain: "01h…", article: "01h…" }`. */
  params: Record<string, string>;
  /** The role to send with: the creator of a run-created item, or one that saw a harvested one. Undefined: the next pool role. */
  role?: string;
}

export function toApiRequest(
  operation: OperationModel,
  generated: GeneratedRequest | InvalidRequest,
  binding: PathBinding,
  generatedCase?: GeneratedCase,
): ApiRequest {
  const broken = 'broken' in generated && generated.broken.location === 'path' ? generated.broken.path : undefined;
  const params = { ...generated.pathParams, ...binding.params };
  if (broken !== undefined && generated.pathParams[broken] !== undefined) params[broken] = generated.pathParams[broken];
  const headers = { ...generated.headers };
  delete headers['content-type']; // the client sets it for a body
  return {
    operation,
    path: fillPath(operation.path, params),
    query: generated.query,
    headers,
    ...(binding.role === undefined ? {} : { auth: binding.role }),
    ...(generated.rawBody !== undefined ? { rawBody: generated.rawBody } : generated.body !== undefined ? { json: generated.body } : {}),
    ...(generatedCase === undefined ? {} : { case: generatedCase }),
  };
}

/** `/tickets/{ticket}` with `{ ticket: "01h…" }` → `/tickets/01h…`, each value percent-encoded. */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : encodeURIComponent(params[name])));
}
