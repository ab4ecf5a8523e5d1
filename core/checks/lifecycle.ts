// Resources from create to delete: what was written is what is read back (in the write's own
// answer, a fresh read by id and the lists), a partial update leaves the other fields alone,
// a new item shows in its list exactly when the list's filters let it through, and a deleted
// one is gone everywhere and cannot be written to. Which response field shows which request
// field comes from the contract (see _internals/read-back.ts), never from a resource's name.

import type { Exchange } from '../exchange.js';
import { skip } from './check.js';
import { defineObservationCheck, type Lifecycle, type Listing, type ObservationFailure } from './observations.js';
import { excerpt } from './_internals/excerpt.js';
import { activeFilters, describeFilter, filterRulesOf, judgeItem } from './_internals/filter-rules.js';
import { itemKey } from './_internals/item-key.js';
import { listingItems, listingQuery } from './_internals/listing-items.js';
import { resourceData } from './_internals/page-body.js';
import { pairsText, without } from './_internals/query-pairs.js';
import { effectOf, effectProblems, targetKey } from './_internals/effects.js';
import {
  readBackFields, sameJson, sentBody, shortJson, shownValue, showsSent, writableFields, type ReadBackField,
} from './_internals/read-back.js';

export const readAfterWrite = defineObservationCheck({
  id: 'read-after-write',
  description: "Every field a create or update sent is shown as sent by the write's answer and by a read by id right after a create.",
  judge: { lifecycle: judgeReadAfterWrite },
});

export const updatePersisted = defineObservationCheck({
  id: 'update-persisted',
  description: 'An update survives a fresh read and a list read; the writable fields it did not send keep their values.',
  judge: { lifecycle: judgeUpdatePersisted },
});

export const createVisibleInList = defineObservationCheck({
  id: 'create-visible-in-list',
  description: 'A new item is in its list, in every filtered list whose x-filter lets it through, and in none that keeps it out.',
  judge: { lifecycle: judgeCreateVisible },
});

export const useAfterDelete = defineObservationCheck({
  id: 'use-after-delete',
  description: 'A deleted item answers 404 by id, is gone from its lists, and updates or child creations under it answer 404.',
  judge: { lifecycle: judgeUseAfterDelete },
});

function succeeded(exchange: Exchange | undefined): boolean {
  const status = exchange?.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}

/**
 * What `reading` does not show of `write`: the fields it sent, and the effect its operation
 * documents (x-effect) when `reading` is a read of the resource the action targets. One
 * failure per reading. `before` is a read of that resource just before the write.
 */
function readBackFailures(
  write: Exchange,
  reading: Exchange,
  what: string,
  causePrefix: string,
  before?: Exchange,
): ObservationFailure[] {
  const data = resourceData(reading);
  if (data === undefined) return [];
  const body = sentBody(write);
  const effect = effectOf(write.operation);
  const isTarget = effect !== undefined && itemKey(data) === targetKey(write, effect);
  const wrong =
    body === undefined || (effect !== undefined && !isTarget && reading !== write)
      ? []
      : readBackFields(write.operation, body).flatMap((field) => {
          const shown = shownValue(field, data);
          if (shown === 'absent' || showsSent(field, shown.value)) return [];
          return [{ field, shown: shown.value }];
        });
  // The write's own answer shows state (a tag now attached), not history (activities).
  const effects =
    effect === undefined || !isTarget ? [] : effectProblems(write, effect, resourceData(before), data, { stateOnly: reading === write });
  if (wrong.length === 0 && effects.length === 0) return [];
  const names = [...wrong.map(({ field }) => field.path), ...(effects.length > 0 ? ['its effect'] : [])];
  return [
    {
      title: `${what} shows ${names.join(', ')} otherwise than written`,
      expected: [
        ...wrong.map(({ field }) => `${field.as} = ${shortJson(field.sent)}${field.compare === 'case-insensitive' ? ' (ignoring case)' : ''}`),
        ...(effects.length > 0 ? [`the effect of ${write.operationKey} (x-effect)`] : []),
      ].join('; '),
      actual: [...wrong.map(({ field, shown }) => `${field.as} = ${shortJson(shown)}`), ...effects].join('; '),
      cause: `${causePrefix}: ${[...wrong.map(({ field }) => field.path).sort(), ...effects.map((problem) => problem.replace(/\b[0-9a-z]{26}\b/g, '<ulid>').replace(/\d+/g, 'N'))].join(', ')}`,
      exchange: reading,
    },
  ];
}

function judgeReadAfterWrite(lifecycle: Lifecycle): ObservationFailure[] | ReturnType<typeof skip> {
  const failures: ObservationFailure[] = [];
  let judged = false;
  const create = lifecycle.create;
  if (create !== undefined && succeeded(create)) {
    judged = true;
    failures.push(...readBackFailures(create, create, 'the create answer', 'create answer'));
    for (const read of lifecycle.readsAfterCreate ?? []) {
      if (!succeeded(read)) {
        failures.push({
          title: `a read by id right after the create answered ${read.response?.status ?? read.error?.kind}`,
          expected: 'a 2xx with the new item',
          actual: `status ${read.response?.status ?? read.error?.kind}, body ${excerpt(read.response?.bodyText ?? '')}`,
          cause: `read after create -> ${read.response?.status ?? 'no response'}`,
          exchange: read,
        });
        continue;
      }
      failures.push(...readBackFailures(create, read, 'a read by id after the create', 'read after create'));
    }
  }
  for (const update of lifecycle.updates ?? []) {
    if (!succeeded(update.update)) continue;
    judged = true;
    failures.push(...readBackFailures(update.update, update.update, 'the update answer', 'update answer', update.before));
    const first = update.reads?.[0];
    if (first !== undefined && succeeded(first)) {
      failures.push(...readBackFailures(update.update, first, 'the first read after the update', 'read after update', update.before));
    }
  }
  return judged ? failures : skip('no successful create or update');
}

function judgeUpdatePersisted(lifecycle: Lifecycle): ObservationFailure[] | ReturnType<typeof skip> {
  const updates = (lifecycle.updates ?? []).filter((update) => succeeded(update.update));
  if (updates.length === 0) return skip('no successful update');
  const failures: ObservationFailure[] = [];
  for (const update of updates) {
    const write = update.update;
    for (const read of update.reads ?? []) {
      if (!succeeded(read)) {
        failures.push({
          title: `a read by id after the update answered ${read.response?.status ?? read.error?.kind}`,
          expected: 'a 2xx with the updated item',
          actual: `status ${read.response?.status ?? read.error?.kind}`,
          cause: `read after update -> ${read.response?.status ?? 'no response'}`,
          exchange: read,
        });
        continue;
      }
      failures.push(...readBackFailures(write, read, 'a fresh read after the update', 'fresh read after update', update.before));
    }
    const key = itemKey(resourceData(write)) ?? itemKey(resourceData(update.reads?.[0]));
    for (const listing of update.listings ?? []) failures.push(...listedFailures(write, listing, key, lifecycle));
    failures.push(...untouchedFailures(update.before, write, update.reads?.find((read) => succeeded(read)) ?? write));
  }
  return failures;
}

/** The updated item in a list shows what the update sent (fields the list carries). */
function listedFailures(write: Exchange, listing: Listing, key: string | undefined, lifecycle: Lifecycle): ObservationFailure[] {
  if (key === undefined) return [];
  const { items, complete } = listingItems(listing);
  const found = items.find((seen) => seen.key === key);
  if (found === undefined) {
    if (!complete || expectedInListing(listing, resourceData(write), lifecycle, undefined) !== 'in') return [];
    return [
      {
        title: `the updated item ${key} is missing from ${listLabel(listing)}`,
        expected: 'the item listed with its new values',
        actual: `${items.length} items, not ${key}`,
        cause: 'updated item missing from its list',
        ...(listing.pages[0] === undefined ? {} : { exchange: listing.pages[0] }),
      },
    ];
  }
  const body = sentBody(write);
  if (body === undefined) return [];
  const wrong = readBackFields(write.operation, body).flatMap((field) => {
    const shown = shownValue(field, found.item);
    return shown === 'absent' || showsSent(field, shown.value) ? [] : [{ field, shown: shown.value }];
  });
  if (wrong.length === 0) return [];
  return [
    {
      title: `${listLabel(listing)} shows ${key} with ${wrong.map(({ field }) => field.path).join(', ')} as before the update`,
      expected: wrong.map(({ field }) => `${field.as} = ${shortJson(field.sent)}`).join('; '),
      actual: `page ${found.pageNumber}: ${wrong.map(({ field, shown }) => `${field.as} = ${shortJson(shown)}`).join('; ')}`,
      cause: `list after update: ${wrong.map(({ field }) => field.path).sort().join(', ')} not as sent`,
      exchange: found.exchange,
    },
  ];
}

/** Writable fields the update did not send keep the values they had just before it. */
function untouchedFailures(before: Exchange | undefined, write: Exchange, after: Exchange): ObservationFailure[] {
  const old = resourceData(before);
  const now = resourceData(after);
  const body = sentBody(write);
  if (old === undefined || now === undefined || body === undefined) return [];
  const sentPaths = new Set(Object.keys(body));
  const changed = writableFields(write.operation)
    .filter((field) => !sentPaths.has(field.path))
    .flatMap((field: ReadBackField) => {
      const was = shownValue(field, old);
      const is = shownValue(field, now);
      if (was === 'absent' || is === 'absent' || sameJson(was.value, is.value)) return [];
      return [{ field, was: was.value, is: is.value }];
    });
  if (changed.length === 0) return [];
  return [
    {
      title: `an update that sent only ${[...sentPaths].join(', ') || 'nothing'} changed ${changed.map(({ field }) => field.path).join(', ')}`,
      expected: changed.map(({ field, was }) => `${field.as} stays ${shortJson(was)}`).join('; '),
      actual: changed.map(({ field, is }) => `${field.as} = ${shortJson(is)}`).join('; '),
      cause: `partial update changes ${changed.map(({ field }) => field.path).sort().join(', ')}`,
      exchange: after,
    },
  ];
}

function judgeCreateVisible(lifecycle: Lifecycle): ObservationFailure[] | ReturnType<typeof skip> {
  const create = lifecycle.create;
  if (create === undefined || !succeeded(create)) return skip('no successful create');
  const listings = lifecycle.listingsAfterCreate ?? [];
  if (listings.length === 0) return skip('no list read after the create');
  const created = resourceData(create);
  const detail = (lifecycle.readsAfterCreate ?? []).map(resourceData).find((data) => data !== undefined);
  const key = itemKey(created) ?? itemKey(detail);
  if (key === undefined) return skip('the new item has neither ulid nor id');
  const failures: ObservationFailure[] = [];
  for (const listing of listings) {
    const expectation = expectedInListing(listing, detail ?? created, lifecycle, detail);
    if (expectation === 'unknown') continue;
    const { items, complete } = listingItems(listing);
    const found = items.find((seen) => seen.key === key);
    const filters = filtersOf(listing);
    if (expectation === 'in' && found === undefined && complete) {
      failures.push({
        title: `the new item ${key} is missing from ${listLabel(listing)}`,
        expected: filters.length === 0 ? 'the new item in its list' : `the new item, which matches ${filters.join(' and ')}`,
        actual: `${items.length} item(s) over ${listing.pages.length} page(s), not ${key}`,
        cause: filters.length === 0 ? 'new item missing from its list' : 'new item missing from a filtered list that should hold it',
        ...(listing.pages[0] === undefined ? {} : { exchange: listing.pages[0] }),
      });
    }
    if (expectation === 'out' && found !== undefined) {
      failures.push({
        title: `the new item ${key} is in ${listLabel(listing)} though the filter keeps it out`,
        expected: `no item that fails ${filters.join(' and ')}`,
        actual: `${key} on page ${found.pageNumber}`,
        cause: 'new item in a filtered list that excludes it',
        exchange: found.exchange,
      });
    }
  }
  return failures;
}

/** Whether the list's filters (per x-filter) let `item` through: `in`, `out` or `unknown`. */
function expectedInListing(listing: Listing, item: unknown, lifecycle: Lifecycle, detail: unknown): 'in' | 'out' | 'unknown' {
  const filters = activeFilters(filterRulesOf(listing.operation), listingQuery(listing));
  const undocumented = without(listingQuery(listing), 'page', 'per_page', 'sort', ...filters.map((filter) => filter.rule.param));
  if (undocumented.length > 0) return 'unknown'; // a parameter whose meaning the contract does not state (q)
  let verdict: 'in' | 'out' | 'unknown' = 'in';
  for (const filter of filters) {
    const judged = judgeItem(filter, item, { caller: lifecycle.caller, detail });
    if (judged === 'no-match') return 'out';
    if (judged === 'unknown') verdict = 'unknown';
  }
  return verdict;
}

function filtersOf(listing: Listing): string[] {
  return activeFilters(filterRulesOf(listing.operation), listingQuery(listing)).map(describeFilter);
}

function listLabel(listing: Listing): string {
  const query = without(listingQuery(listing), 'page');
  return `${listing.operation.key}${query.length > 0 ? `?${pairsText(query)}` : ''}`;
}

function judgeUseAfterDelete(lifecycle: Lifecycle): ObservationFailure[] | ReturnType<typeof skip> {
  const deleted = lifecycle.delete;
  if (deleted === undefined || !succeeded(deleted)) return skip('no successful delete');
  const after = lifecycle.afterDelete ?? {};
  const key =
    itemKey(resourceData(lifecycle.create)) ??
    deleted.request.path.split('?')[0]?.split('/').filter((segment) => segment !== '').pop()?.toLowerCase();
  const failures: ObservationFailure[] = [];
  const expect404 = (exchange: Exchange, what: string): void => {
    const status = exchange.response?.status;
    if (status === 404 || status === undefined) return;
    failures.push({
      title: `${what} of the deleted item answered ${status}`,
      expected: '404: the item no longer exists',
      actual: `status ${status}, body ${excerpt(exchange.response?.bodyText ?? '')}`,
      cause: `${what} after delete -> ${status}`,
      exchange,
    });
  };
  for (const read of after.reads ?? []) expect404(read, 'a read by id');
  for (const write of after.writes ?? []) expect404(write, `${write.request.method} ${write.request.pathTemplate ?? write.request.path}`);
  for (const listing of after.listings ?? []) {
    const found = listingItems(listing).items.find((seen) => seen.key === key);
    if (found === undefined) continue;
    failures.push({
      title: `the deleted item ${key} is still in ${listLabel(listing)}`,
      expected: 'deleted items gone from every list',
      actual: `${key} on page ${found.pageNumber}`,
      cause: 'deleted item still listed',
      exchange: found.exchange,
    });
  }
  return failures;
}
