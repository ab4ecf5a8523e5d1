// The exact edges of a list operation's `page` and `per_page` query schemas, read from the
// contract: the values a bounds probe must always send, whatever it draws at random on top.

import type { OperationModel } from '../../spec/model.js';

export interface IntegerBounds {
  minimum?: number;
  maximum?: number;
  default?: number;
}

/** minimum/maximum/default of a query parameter's integer schema; undefined when not declared. */
export function integerBounds(operation: OperationModel, name: string): IntegerBounds | undefined {
  const parameter = operation.parameters.find((candidate) => candidate.in === 'query' && candidate.name === name);
  if (parameter === undefined) return undefined;
  const schema = (typeof parameter.schema === 'object' && parameter.schema !== null ? parameter.schema : {}) as Record<string, unknown>;
  const bounds: IntegerBounds = {};
  for (const key of ['minimum', 'maximum', 'default'] as const) {
    const value = schema[key];
    if (typeof value === 'number' && Number.isFinite(value)) bounds[key] = value;
  }
  return bounds;
}

export interface BoundaryQueries {
  /** `per_page` = its documented maximum (must be a 200 page of at most that many items). */
  largest?: [string, string];
  /** Just outside each documented range (must be a 422 naming the parameter). */
  outOfRange: Array<[string, string]>;
}

/**
 * The boundary values of the contract: `per_page` = maximum, maximum + 1 and minimum - 1, and
 * `page` = 0 (and minimum - 1 where the documented minimum is not 1). Only parameters the
 * operation declares; a bound the schema does not give is not guessed.
 */
export function boundaryQueries(operation: OperationModel): BoundaryQueries {
  const perPage = integerBounds(operation, 'per_page');
  const page = integerBounds(operation, 'page');
  const outOfRange: Array<[string, string]> = [];
  const add = (name: string, value: number): void => {
    if (!outOfRange.some(([key, text]) => key === name && text === String(value))) outOfRange.push([name, String(value)]);
  };
  if (perPage?.maximum !== undefined) add('per_page', perPage.maximum + 1);
  if (perPage?.minimum !== undefined) add('per_page', perPage.minimum - 1);
  if (page !== undefined) {
    if (page.minimum === undefined || page.minimum > 0) add('page', 0);
    if (page.minimum !== undefined) add('page', page.minimum - 1);
  }
  return { ...(perPage?.maximum === undefined ? {} : { largest: ['per_page', String(perPage.maximum)] as [string, string] }), outOfRange };
}
