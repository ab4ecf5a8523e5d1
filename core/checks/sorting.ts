// Sorts, judged by what the contract says they mean (`x-sort` on the sort parameter): every
// listing is in order across page boundaries, ties are broken by the documented field in the
// same direction, nulls sit where the contract puts them, the default holds without `sort`,
// and descending is ascending reversed.

import { skip } from './check.js';
import { defineObservationCheck, type Listing, type ObservationFailure, type SortProbe } from './observations.js';
import { keysText } from './_internals/item-key.js';
import { listingItems, listingQuery, type SeenItem } from './_internals/listing-items.js';
import { canonicalPairs, pairsText, valueOf, without } from './_internals/query-pairs.js';
import {
  compareValues, effectiveSort, sortRulesOf, sortValueText, type EffectiveSort, type SortRules,
} from './_internals/sort-rules.js';
import { valueAt } from './_internals/field-path.js';

export const sortOrder = defineObservationCheck({
  id: 'sort-order',
  description: 'Every sort key (per x-sort) orders ascending and descending across pages with the documented tie-break and nulls; the default holds without sort; descending = ascending reversed.',
  judge: { 'sort-probe': judgeProbe },
});

interface Sorted {
  listing: Listing;
  sort: EffectiveSort;
  /** The sort parameter was sent (not the default). */
  explicit: boolean;
  /** The query without page shaping and sort. */
  base: string;
  items: SeenItem[];
  complete: boolean;
  label: string;
}

function judgeProbe(probe: SortProbe): ObservationFailure[] | ReturnType<typeof skip> {
  const rules = sortRulesOf(probe.operation);
  if (rules === undefined) return skip(`${probe.operation.key} documents no sort with x-sort`);
  const sorted = probe.listings.flatMap((listing): Sorted[] => {
    const query = listingQuery(listing);
    const value = valueOf(query, rules.param);
    const sort = effectiveSort(rules, value);
    if (sort === undefined) return [];
    const { items, complete } = listingItems(listing);
    return [
      {
        listing,
        sort,
        explicit: value !== undefined,
        base: canonicalPairs(without(query, 'page', 'per_page', rules.param)),
        items,
        complete,
        label: `${listing.operation.key.split(' ')[1] ?? ''}?${pairsText(without(query, 'page'))}`,
      },
    ];
  });
  const failures = sorted.flatMap((entry) => orderFailures(entry, rules));
  for (const entry of sorted) {
    if (!entry.complete) continue;
    if (!entry.explicit) {
      const twin = sorted.find((other) => other.complete && other.explicit && other.base === entry.base && other.sort.value === entry.sort.value);
      if (twin !== undefined) failures.push(...sequenceFailure(entry, twin, false, `the order without ${rules.param} is not ${rules.param}=${entry.sort.value}`, `default order differs from ${rules.param}=${entry.sort.value}`));
    }
    if (entry.explicit && entry.sort.descending) {
      const ascending = sorted.find(
        (other) => other.complete && other.explicit && other.base === entry.base && other.sort.key === entry.sort.key && !other.sort.descending,
      );
      if (ascending !== undefined) {
        failures.push(...sequenceFailure(entry, ascending, true, `${rules.param}=${entry.sort.value} is not ${rules.param}=${entry.sort.key} reversed`, `-${entry.sort.key} is not the reverse of ${entry.sort.key}`));
      }
    }
  }
  return failures;
}

/** Neighbouring items in the wrong order, across pages too; one failure per listing and kind. */
function orderFailures(entry: Sorted, rules: SortRules): ObservationFailure[] {
  const { sort } = entry;
  const direction = sort.descending ? 'descending' : 'ascending';
  const wrongKey: string[] = [];
  const wrongTie: string[] = [];
  let nullish = false;
  let firstExchange: SeenItem['exchange'] | undefined;
  for (let index = 1; index < entry.items.length; index += 1) {
    const before = entry.items[index - 1] as SeenItem;
    const after = entry.items[index] as SeenItem;
    const sign = sort.descending ? -1 : 1;
    const primary = sign * compareValues(valueAt(before.item, sort.field.field), valueAt(after.item, sort.field.field), sort.field.compare, rules.nullsFirst);
    const where = `${before.key ?? '?'} (page ${before.pageNumber}, ${sort.field.field}=${sortValueText(before.item, sort)}) before ${after.key ?? '?'} (page ${after.pageNumber}, ${sortValueText(after.item, sort)})`;
    if (primary > 0) {
      wrongKey.push(where);
      nullish ||= valueAt(before.item, sort.field.field) == null || valueAt(after.item, sort.field.field) == null;
      firstExchange ??= after.exchange;
      continue;
    }
    if (primary < 0 || rules.tieBreak === undefined) continue;
    const { field, compare } = rules.tieBreak;
    const tie = sign * compareValues(valueAt(before.item, field), valueAt(after.item, field), compare, rules.nullsFirst);
    if (tie > 0) {
      wrongTie.push(`${before.key ?? '?'} (page ${before.pageNumber}, ${field}=${JSON.stringify(valueAt(before.item, field))}) before ${after.key ?? '?'} (page ${after.pageNumber}, ${field}=${JSON.stringify(valueAt(after.item, field))}), both ${sort.field.field}=${sortValueText(after.item, sort)}`);
      firstExchange ??= after.exchange;
    }
  }
  const failures: ObservationFailure[] = [];
  const exchange = firstExchange === undefined ? {} : { exchange: firstExchange };
  if (wrongKey.length > 0) {
    failures.push({
      title: `${entry.label}: ${wrongKey.length} neighbour pair(s) not ${direction} by ${sort.field.field}`,
      expected: `${sort.field.field} ${direction} (${sort.field.compare}${rules.nullsFirst ? ', nulls first ascending and last descending' : ', nulls last ascending'}), across page boundaries`,
      actual: wrongKey.slice(0, 4).join('; '),
      cause: `${rules.param}=${sort.value}${entry.explicit ? '' : ' (default)'} out of order${nullish ? ' (nulls misplaced)' : ''}`,
      ...exchange,
    });
  }
  if (wrongTie.length > 0 && rules.tieBreak !== undefined) {
    failures.push({
      title: `${entry.label}: ties of ${sort.field.field} not broken by ${rules.tieBreak.field} ${direction}`,
      expected: `equal ${sort.field.field} ordered by ${rules.tieBreak.field}, ${direction} like the sort`,
      actual: wrongTie.slice(0, 4).join('; '),
      cause: `${rules.param}=${sort.value}${entry.explicit ? '' : ' (default)'} tie-break wrong`,
      ...exchange,
    });
  }
  return failures;
}

/** Two complete listings whose item sequences must be equal (or one the reverse of the other). */
function sequenceFailure(entry: Sorted, other: Sorted, reversed: boolean, title: string, cause: string): ObservationFailure[] {
  const mine = entry.items.map((seen) => seen.key ?? '?');
  const theirs = other.items.map((seen) => seen.key ?? '?');
  const expected = reversed ? [...theirs].reverse() : theirs;
  const at = mine.findIndex((key, index) => key !== expected[index]);
  if (at === -1 && mine.length === expected.length) return [];
  const position = at === -1 ? Math.min(mine.length, expected.length) : at;
  const seen = entry.items[position];
  return [
    {
      title: `${title} (first difference at position ${position + 1})`,
      expected: `${expected.length} items, position ${position + 1}: ${expected[position] ?? '(end)'}; from ${other.label}`,
      actual: `${mine.length} items, position ${position + 1}: ${mine[position] ?? '(end)'} on page ${seen?.pageNumber ?? '?'}; next: ${keysText(mine.slice(position, position + 4))}`,
      cause,
      ...(seen === undefined ? (entry.listing.pages[0] === undefined ? {} : { exchange: entry.listing.pages[0] }) : { exchange: seen.exchange }),
    },
  ];
}
