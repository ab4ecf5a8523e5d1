// What a filter parameter means, read from its `x-filter` extension in the contract (the
// vocabulary is in docs/contract-decisions.md), and whether one item satisfies it. Nothing here
// knows a resource: the contract says which fields a filter constrains and how.

import type { OperationModel, ParameterModel } from '../../spec/model.js';
import { isPlainObject } from './excerpt.js';
import { valueAt, valuesAt } from './field-path.js';

export type FilterMatch = 'in' | 'any-in' | 'equals' | 'contains-ci' | 'null-when-true' | 'caller-when-true';

const MATCHES: readonly FilterMatch[] = ['in', 'any-in', 'equals', 'contains-ci', 'null-when-true', 'caller-when-true'];

export interface FilterRule {
  /** The query parameter, e.g. `filter[status]`. */
  param: string;
  /** Item fields the filter looks at (any of them may match). */
  fields: string[];
  match: FilterMatch;
  ignoreCase: boolean;
  /** The caller's field compared by `caller-when-true` (default `ulid`). */
  callerField: string;
  /** `contains-ci`: fields of the item read by id that also count. */
  detailFields: string[];
  /** The parameter takes a comma list (an array schema). */
  list: boolean;
}

/** A filter as one request used it: the rule and the values it asked for. */
export interface ActiveFilter {
  rule: FilterRule;
  /** The raw value sent. */
  raw: string;
  /** List items, the search term, or `true`. */
  values: string[];
}

export type Verdict = 'match' | 'no-match' | 'unknown';

/** The filter rules of an operation's query parameters, by parameter name. */
export function filterRulesOf(operation: OperationModel): Map<string, FilterRule> {
  const rules = new Map<string, FilterRule>();
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query') continue;
    const raw = parameter.extensions?.['x-filter'];
    if (raw !== undefined) rules.set(parameter.name, readRule(parameter, raw, operation));
  }
  return rules;
}

/** The filters a query really applies: `false` booleans, empty lists and empty terms do not filter. */
export function activeFilters(rules: ReadonlyMap<string, FilterRule>, query: readonly (readonly [string, string])[]): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  for (const [name, raw] of query) {
    const rule = rules.get(name);
    if (rule === undefined) continue;
    if (rule.match === 'null-when-true' || rule.match === 'caller-when-true') {
      if (raw === 'true' || raw === '1') active.push({ rule, raw, values: ['true'] });
      continue;
    }
    if (rule.match === 'contains-ci') {
      if (raw.trim() !== '') active.push({ rule, raw, values: [raw] });
      continue;
    }
    const values = rule.list ? raw.split(',').map((value) => value.trim()).filter((value) => value !== '') : [raw];
    if (values.length > 0) active.push({ rule, raw, values });
  }
  return active;
}

/** Whether `item` satisfies `filter`; `unknown` when it needs a detail or caller not at hand. */
export function judgeItem(filter: ActiveFilter, item: unknown, extra: { caller?: unknown; detail?: unknown } = {}): Verdict {
  const { rule } = filter;
  const reached = rule.fields.flatMap((field) => valuesAt(item, field));
  switch (rule.match) {
    case 'in':
    case 'any-in':
    case 'equals': {
      const wanted = new Set(filter.values.map((value) => fold(value, rule.ignoreCase)));
      return reached.some((value) => isScalar(value) && wanted.has(fold(String(value), rule.ignoreCase))) ? 'match' : 'no-match';
    }
    case 'null-when-true':
      return reached.every((value) => value === null) ? 'match' : 'no-match';
    case 'caller-when-true': {
      const mine = valueAt(extra.caller, rule.callerField);
      if (!isScalar(mine)) return 'unknown';
      return reached.some((value) => isScalar(value) && fold(String(value), rule.ignoreCase) === fold(String(mine), rule.ignoreCase))
        ? 'match'
        : 'no-match';
    }
    case 'contains-ci': {
      const term = filter.values[0] ?? '';
      if (reached.some((value) => containsIgnoringCase(value, term))) return 'match';
      if (rule.detailFields.length === 0) return 'no-match';
      if (extra.detail === undefined) return 'unknown';
      const inDetail = rule.detailFields.flatMap((field) => valuesAt(extra.detail, field));
      return inDetail.some((value) => containsIgnoringCase(value, term)) ? 'match' : 'no-match';
    }
  }
}

export function describeFilter(filter: ActiveFilter): string {
  return `${filter.rule.param}=${filter.raw}`;
}

function containsIgnoringCase(value: unknown, term: string): boolean {
  if (typeof value !== 'string') return false;
  // Lower and upper case both: a fold that differs for some letters must not fail a server.
  return value.toLowerCase().includes(term.toLowerCase()) || value.toUpperCase().includes(term.toUpperCase());
}

function fold(value: string, ignoreCase: boolean): string {
  return ignoreCase ? value.toLowerCase() : value;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function readRule(parameter: ParameterModel, raw: unknown, operation: OperationModel): FilterRule {
  const where = `x-filter of ${parameter.name} on ${operation.key}`;
  if (!isPlainObject(raw)) throw new Error(`${where} is not an object.`);
  const fields = raw.fields ?? (raw.field === undefined ? undefined : [raw.field]);
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((field) => typeof field === 'string' && field !== '')) {
    throw new Error(`${where} names no field (field or fields).`);
  }
  if (!MATCHES.includes(raw.match as FilterMatch)) throw new Error(`${where} has an unknown match ${JSON.stringify(raw.match)}.`);
  const detailFields = raw.detailFields ?? [];
  if (!Array.isArray(detailFields) || !detailFields.every((field) => typeof field === 'string')) {
    throw new Error(`${where} has detailFields that are not a list of paths.`);
  }
  const schema = parameter.schema;
  return {
    param: parameter.name,
    fields: fields as string[],
    match: raw.match as FilterMatch,
    ignoreCase: raw.ignoreCase === true,
    callerField: typeof raw.callerField === 'string' ? raw.callerField : 'ulid',
    detailFields: detailFields as string[],
    list: isPlainObject(schema) && (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))),
  };
}
