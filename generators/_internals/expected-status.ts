// The status the contract answers to a broken request. From the spec where it says (422 when
// the operation declares it for validation), and the decisions of docs/contract-decisions.md
// where it cannot: 400 for malformed JSON and for an unknown filter key or sort value, 404 for
// a malformed path parameter.

import type { OperationModel } from '../../core/spec/model.js';
import type { BrokenPart } from '../types.js';

export function validationStatus(operation: OperationModel): number {
  const declared = Object.keys(operation.responses);
  if (declared.includes('422')) return 422;
  if (declared.includes('400')) return 400;
  if (declared.some((status) => /^4XX$/i.test(status))) return 400;
  return 422;
}

export function expectedStatus(operation: OperationModel, location: BrokenPart['location'], kind: BrokenPart['kind'], parameter?: string): number {
  if (location === 'path') return 404;
  if (kind === 'malformed-json') return 400;
  if (location === 'query' && (parameter === 'sort' || (kind === 'unknown-property' && parameter?.startsWith('filter')))) return 400;
  return validationStatus(operation);
}
