// Which items of a filter probe need to be read by id before the filters can be judged: those
// a filter with detail fields (`x-filter.detailFields`) can neither accept nor reject from the
// list representation alone. The spec reads them and puts them in `FilterProbe.details`.

import type { FilterProbe } from '../observations.js';
import { activeFilters, filterRulesOf, judgeItem } from './filter-rules.js';
import { listingItems, listingQuery } from './listing-items.js';

/** Item keys (see itemKey) with one item each, to read by id. */
export function itemsNeedingDetail(probe: Omit<FilterProbe, 'details'>): Map<string, unknown> {
  const rules = filterRulesOf(probe.operation);
  const wanted = new Map<string, unknown>();
  const filters = probe.listings.flatMap((listing) => activeFilters(rules, listingQuery(listing)));
  const needing = filters.filter((filter) => filter.rule.detailFields.length > 0);
  if (needing.length === 0) return wanted;
  for (const listing of probe.listings) {
    for (const seen of listingItems(listing).items) {
      if (seen.key === undefined || wanted.has(seen.key)) continue;
      if (needing.some((filter) => judgeItem(filter, seen.item, { caller: probe.caller }) === 'unknown')) wanted.set(seen.key, seen.item);
    }
  }
  return wanted;
}
