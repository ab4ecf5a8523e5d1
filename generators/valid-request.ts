// Whole valid requests for one operation: path parameters naming resources seen at run time
// (schema-valid placeholder ULIDs without them), query parameters per their style, headers
// from the run context, and a valid body.

import type fc from 'fast-check';
import type { OperationModel } from '../core/spec/model.js';
import type { GeneratedRequest, RequestOptions, RunContext } from './types.js';
import { RequestBuilder } from './_internals/request-builder.js';

export function validRequest(operation: OperationModel, context: RunContext = {}, options: RequestOptions = {}): fc.Arbitrary<GeneratedRequest> {
  const requests = new RequestBuilder('validRequest', operation, context, options);
  return requests.valid();
}
