// Filters, judged by what the contract says they mean (`x-filter` on each filter parameter):
// every item of a filtered list satisfies the filter, and lists relate as sets do. A list with
// more filters is a subset of one with fewer (the unfiltered list, or a scope such as a search
// term every list of the probe shares) and holds every item of it that matches the extra
// filters; a filter with two values is the union of the one-value filters; filters together are
// the intersection of lists that each apply part of them.

import { skip } from './check.js';
import { defineObservationCheck, type FilterProbe, type Listing, type ObservationFailure } from './observations.js';
import { valuesAt } from './_internals/field-path.js';
import { shortJson } from './_internals/read-back.js';
import {
  activeFilters, describeFilter, filterRulesOf, judgeItem, type ActiveFilter, type FilterRule,
} from './_internals/filter-rules.js';
import { keysText } from './_internals/item-key.js';
import { listingItems, listingQuery, type SeenItem } from './_internals/listing-items.js';
import { canonicalPairs, pairsText, without } from './_internals/query-pairs.js';

/** Query parameters that shape pages or order, never the set of items. */
const PAGE_SHAPING = ['page', 'per_page', 'sort'];

export const filterSemantics = defineObservationCheck({
  id: 'filter-semantics',
  description: 'Every item of a filtered list matches the filter (per x-filter); filtered ⊆ unfiltered and complete, two values = union, two filters = intersection.',
  judge: { 'filter-probe': judgeProbe },
});

interface Probed {
  listing: Listing;
  /** The query without page shaping and without the filters: what must be equal to compare sets. */
  base: string;
  filters: ActiveFilter[];
  /** Canonical form of the filters. */
  filterKey: string;
  /** Canonical form of each filter. */
  filterSet: Set<string>;
  items: SeenItem[];
  keys: Set<string>;
  complete: boolean;
  label: string;
}

function judgeProbe(probe: FilterProbe): ObservationFailure[] | ReturnType<typeof skip> {
  const rules = filterRulesOf(probe.operation);
  if (rules.size === 0) return skip(`${probe.operation.key} documents no filter with x-filter`);
  const probed = probe.listings.map((listing) => describeListing(listing, rules));
  const failures: ObservationFailure[] = [];
  for (const entry of probed) failures.push(...soundness(entry, probe));
  for (const entry of probed) {
    if (entry.filters.length === 0 || !entry.complete) continue;
    const wider = probed.filter(
      (other) => other !== entry && other.complete && other.base === entry.base && other.filterSet.size < entry.filterSet.size && [...other.filterSet].every((key) => entry.filterSet.has(key)),
    );
    for (const base of wider) failures.push(...againstWider(entry, base, probe));
    failures.push(...unionFailures(entry, probed), ...intersectionFailures(entry, wider));
  }
  return failures;
}

function describeListing(listing: Listing, rules: ReadonlyMap<string, FilterRule>): Probed {
  const query = listingQuery(listing);
  const filters = activeFilters(rules, query);
  const { items, complete } = listingItems(listing);
  return {
    listing,
    base: canonicalPairs(without(query, ...PAGE_SHAPING, ...rules.keys())),
    filters,
    filterKey: filtersKey(filters),
    filterSet: new Set(filters.map(filterKeyOf)),
    items,
    keys: new Set(items.flatMap((entry) => (entry.key === undefined ? [] : [entry.key]))),
    complete,
    label: `${listing.operation.key.split(' ')[1] ?? ''}?${pairsText(without(query, 'page'))}`,
  };
}

function filtersKey(filters: readonly ActiveFilter[]): string {
  return filters.map(filterKeyOf).sort().join('&');
}

function filterKeyOf(filter: ActiveFilter): string {
  return `${filter.rule.param}=${normalisedValues(filter).join(',')}`;
}

function normalisedValues(filter: ActiveFilter): string[] {
  return filter.values.map((value) => (filter.rule.ignoreCase ? value.toLowerCase() : value)).sort();
}

/** Every item matches every active filter; one failure per listing and filter. */
function soundness(entry: Probed, probe: FilterProbe): ObservationFailure[] {
  const failures: ObservationFailure[] = [];
  for (const filter of entry.filters) {
    const wrong = entry.items.filter((seen) => {
      const detail = seen.key === undefined ? undefined : probe.details?.[seen.key];
      return judgeItem(filter, seen.item, { caller: probe.caller, detail }) === 'no-match';
    });
    const first = wrong[0];
    if (first === undefined) continue;
    failures.push({
      title: `${wrong.length} item(s) of ${entry.label} do not match ${describeFilter(filter)}`,
      expected: `every item matches ${describeFilter(filter)} (${ruleText(filter.rule)})`,
      actual: wrong
        .slice(0, 5)
        .map((seen) => `${seen.key ?? '(no id)'} on page ${seen.pageNumber}: ${fieldsText(seen.item, filter.rule)}`)
        .join('; '),
      cause: `an item outside ${filter.rule.param}${entry.filters.length > 1 ? ' (combined filters)' : ''}`,
      exchange: first.exchange,
    });
  }
  return failures;
}

/**
 * Subset of a list with fewer filters (`base`: none, or a shared scope), and complete: every
 * item of it that surely matches the extra filters is there.
 */
function againstWider(entry: Probed, base: Probed, probe: FilterProbe): ObservationFailure[] {
  const failures: ObservationFailure[] = [];
  const extraFilters = entry.filters.filter((filter) => !base.filterSet.has(filterKeyOf(filter)));
  const scope = base.filters.length === 0 ? 'the unfiltered list' : `the list with only ${base.filters.map(describeFilter).join(' and ')}`;
  const extra = [...entry.keys].filter((key) => !base.keys.has(key));
  const exchange = entry.listing.pages[0];
  if (extra.length > 0) {
    failures.push({
      title: `${entry.label} holds ${extra.length} item(s) ${scope} does not`,
      expected: `a subset of ${base.label} (${base.keys.size} items)`,
      actual: `not in ${scope}: ${keysText(extra)}`,
      cause: `a filtered list is not a subset of ${base.filters.length === 0 ? 'the unfiltered one' : 'one with fewer filters'}`,
      ...(exchange === undefined ? {} : { exchange }),
    });
  }
  const dropped = base.items.filter((seen) => {
    if (seen.key === undefined || entry.keys.has(seen.key)) return false;
    const detail = probe.details?.[seen.key];
    return extraFilters.every((filter) => judgeItem(filter, seen.item, { caller: probe.caller, detail }) === 'match');
  });
  if (dropped.length > 0) {
    failures.push({
      title: `${entry.label} leaves out ${dropped.length} matching item(s) of ${scope}`,
      expected: `every item of ${base.label} that matches ${extraFilters.map(describeFilter).join(' and ')}`,
      actual: `missing: ${dropped
        .slice(0, 5)
        .map((seen) => `${seen.key} (page ${seen.pageNumber} of the wider list: ${extraFilters.map((filter) => fieldsText(seen.item, filter.rule)).join('; ')})`)
        .join(', ')}`,
      cause: `${extraFilters.map((filter) => filter.rule.param).sort().join(' & ')} leaves out matching items`,
      ...(exchange === undefined ? {} : { exchange }),
    });
  }
  return failures;
}

/** A list filter with several values is the union of the same filter with each value alone. */
function unionFailures(entry: Probed, probed: readonly Probed[]): ObservationFailure[] {
  const failures: ObservationFailure[] = [];
  for (const filter of entry.filters) {
    if (!filter.rule.list || filter.values.length < 2) continue;
    const others = entry.filters.filter((other) => other !== filter);
    const parts = filter.values.map((value) =>
      probed.find(
        (candidate) =>
          candidate.complete &&
          candidate.base === entry.base &&
          candidate.filterKey === filtersKey([...others, { rule: filter.rule, raw: value, values: [value] }]),
      ),
    );
    if (parts.some((part) => part === undefined)) continue;
    const union = new Set(parts.flatMap((part) => [...(part?.keys ?? [])]));
    const difference = setDifference(entry.keys, union);
    if (difference === undefined) continue;
    failures.push({
      title: `${describeFilter(filter)} is not the union of its values asked one by one`,
      expected: `the ${union.size} item(s) of ${filter.values.map((value) => `${filter.rule.param}=${value}`).join(', ')} together`,
      actual: difference,
      cause: `${filter.rule.param} with several values is not the union of the single values`,
      ...(entry.listing.pages[0] === undefined ? {} : { exchange: entry.listing.pages[0] }),
    });
  }
  return failures;
}

/** Filters together are the intersection of lists that each apply part of them (covering all). */
function intersectionFailures(entry: Probed, wider: readonly Probed[]): ObservationFailure[] {
  const parts = wider.filter((part) => part.filterSet.size > 0);
  const covered = new Set(parts.flatMap((part) => [...part.filterSet]));
  if (parts.length < 2 || [...entry.filterSet].some((key) => !covered.has(key))) return [];
  const [head, ...rest] = parts;
  if (head === undefined) return [];
  const intersection = new Set([...head.keys].filter((key) => rest.every((part) => part.keys.has(key))));
  const difference = setDifference(entry.keys, intersection);
  if (difference === undefined) return [];
  return [
    {
      title: `${entry.filters.map(describeFilter).join(' & ')} is not the intersection of ${parts.map((part) => part.filters.map(describeFilter).join(' & ')).join(', ')}`,
      expected: `the ${intersection.size} item(s) every one of those lists holds`,
      actual: difference,
      cause: `${entry.filters.map((filter) => filter.rule.param).sort().join(' & ')} combined is not the intersection`,
      ...(entry.listing.pages[0] === undefined ? {} : { exchange: entry.listing.pages[0] }),
    },
  ];
}

/** How `actual` differs from `expected`, or undefined when they are equal. */
function setDifference(actual: ReadonlySet<string>, expected: ReadonlySet<string>): string | undefined {
  const extra = [...actual].filter((key) => !expected.has(key));
  const missing = [...expected].filter((key) => !actual.has(key));
  if (extra.length === 0 && missing.length === 0) return undefined;
  return [
    extra.length > 0 ? `${extra.length} item(s) too many: ${keysText(extra)}` : '',
    missing.length > 0 ? `${missing.length} item(s) missing: ${keysText(missing)}` : '',
  ]
    .filter((part) => part !== '')
    .join('; ');
}

function ruleText(rule: FilterRule): string {
  const fields = rule.fields.join(' or ');
  switch (rule.match) {
    case 'in':
    case 'any-in':
    case 'equals':
      return `${fields} is one of the values${rule.ignoreCase ? ', ignoring case' : ''}`;
    case 'contains-ci':
      return `${[...rule.fields, ...rule.detailFields.map((field) => `${field} of the item read by id`)].join(' or ')} contains the term, ignoring case`;
    case 'null-when-true':
      return `${fields} is null`;
    case 'caller-when-true':
      return `${fields} is the caller's ${rule.callerField}`;
  }
}

function fieldsText(item: unknown, rule: FilterRule): string {
  return rule.fields
    .map((field) => {
      const values = valuesAt(item, field);
      return `${field}=${shortJson(values.length === 1 ? values[0] : values, 80)}`;
    })
    .join(', ');
}
