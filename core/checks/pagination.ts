// Pagination over whole walks: links that lead where meta says and keep the request's filters,
// a traversal that shows every item exactly once, and the edges (default and largest page
// size, values out of range, a page past the end). The checks read page sizes from the
// contract's `page`/`per_page` parameters, never from a particular server's data.

import type { Exchange } from '../exchange.js';
import type { OperationModel } from '../spec/model.js';
import { defineObservationCheck, type Listing, type ObservationFailure } from './observations.js';
import { describeValue, excerpt, isPlainObject } from './_internals/excerpt.js';
import { keysText } from './_internals/item-key.js';
import { listingItems } from './_internals/listing-items.js';
import { listBody, metaInt, type ListBody } from './_internals/page-body.js';
import { absoluteUrl, pairDifference, pairsOf, pairsText, valueOf, without } from './_internals/query-pairs.js';

const LINKS = ['first', 'last', 'prev', 'next'] as const;

export const paginationLinks = defineObservationCheck({
  id: 'pagination-links',
  description: 'Page links are absolute, point at the pages meta implies (prev/next null exactly at the ends) and keep every query parameter but page.',
  judge: {
    'page-walk': (walk) => walk.listing.pages.flatMap(linkFailures),
    'page-bounds': (bounds) =>
      [bounds.defaultSize, bounds.largest, bounds.pastEnd].flatMap((exchange) => (exchange === undefined ? [] : linkFailures(exchange))),
    'filter-probe': (probe) => probe.listings.flatMap((listing) => listing.pages.flatMap(linkFailures)),
    'sort-probe': (probe) => probe.listings.flatMap((listing) => listing.pages.flatMap(linkFailures)),
  },
});

export const paginationTraversal = defineObservationCheck({
  id: 'pagination-traversal',
  description: 'Following next from page 1 shows every item once: no repeats, count = meta.total, last_page = ceil(total/per_page), every page but the last full.',
  judge: {
    'page-walk': (walk) => traversalFailures(walk.listing),
    'filter-probe': (probe) => probe.listings.flatMap(traversalFailures),
    'sort-probe': (probe) => probe.listings.flatMap(traversalFailures),
  },
});

export const paginationBounds = defineObservationCheck({
  id: 'pagination-bounds',
  description: 'per_page defaults and maximum as documented, page/per_page out of range → 422 naming the field, a page past the end → 200 with empty data and consistent meta.',
  judge: {
    'page-bounds': (bounds) => {
      const failures = [
        ...sizeFailures(bounds.operation, bounds.defaultSize, 'default'),
        ...sizeFailures(bounds.operation, bounds.largest, 'maximum'),
        ...(bounds.outOfRange ?? []).flatMap((exchange) => rangeFailures(bounds.operation, exchange)),
        ...(bounds.pastEnd === undefined ? [] : pastEndFailures(bounds.pastEnd)),
      ];
      return failures;
    },
  },
});

// ---- links

function linkFailures(exchange: Exchange): ObservationFailure[] {
  const body = listBody(exchange);
  if (body === undefined || body.links === undefined || body.meta === undefined) return [];
  const current = metaInt(body, 'current_page');
  const last = metaInt(body, 'last_page');
  if (current === undefined || last === undefined) return [];
  const kept = without(exchange.request.query, 'page');
  const expectedPage: Record<(typeof LINKS)[number], number | null> = {
    first: 1,
    last,
    prev: current <= 1 ? null : Math.min(current - 1, last),
    next: current >= last ? null : current + 1,
  };
  const failures: ObservationFailure[] = [];
  const fail = (name: string, title: string, expected: string, actual: string, cause: string): void => {
    failures.push({ title: `links.${name} of page ${current}: ${title}`, expected, actual, cause: `links.${name}: ${cause}`, exchange });
  };
  for (const name of LINKS) {
    const link = body.links[name];
    const wanted = expectedPage[name];
    if (wanted === null) {
      if (link !== null) {
        fail(name, 'not null', `null (page ${current} of ${last})`, describeValue(link), `not null at the ${name === 'prev' ? 'first' : 'last'} page`);
      }
      continue;
    }
    if (link === null || link === undefined) {
      fail(name, `is ${link === null ? 'null' : 'missing'}`, `a link to page ${wanted} (page ${current} of ${last})`, String(link), 'null where a page exists');
      continue;
    }
    const url = absoluteUrl(link);
    if (url === undefined) {
      fail(name, 'not an absolute http(s) URL', 'an absolute URL such as https://host/api/tickets?page=2', describeValue(link), 'not absolute');
      continue;
    }
    const requestPath = exchange.request.path.split('?')[0]?.replace(/\/+$/, '') ?? '';
    if (!safeDecode(url.pathname).replace(/\/+$/, '').endsWith(requestPath)) {
      fail(name, 'points at another path', `a URL of the path ${requestPath}`, excerpt(String(link)), 'another path');
    }
    const pairs = pairsOf(url);
    const page = valueOf(pairs, 'page');
    if (page === undefined ? wanted !== 1 : Number(page) !== wanted) {
      fail(name, `names page ${page ?? '(none)'}`, `page=${wanted}`, excerpt(String(link)), 'wrong page number');
    }
    const { missing, extra } = pairDifference(kept, without(pairs, 'page'));
    if (missing.length > 0) {
      fail(name, `drops ${pairsText(missing)}`, `every parameter of the request but page: ${pairsText(kept)}`, excerpt(String(link)), `drops ${keyNames(missing)}`);
    }
    if (extra.length > 0) {
      fail(name, `adds ${pairsText(extra)}`, `only the parameters of the request: ${pairsText(kept)}`, excerpt(String(link)), `adds ${keyNames(extra)}`);
    }
  }
  return failures;
}

function keyNames(pairs: readonly (readonly [string, string])[]): string {
  return [...new Set(pairs.map(([key]) => key))].sort().join(', ');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ---- traversal

function traversalFailures(listing: Listing): ObservationFailure[] {
  const bodies = listing.pages.map((exchange) => ({ exchange, body: listBody(exchange) }));
  const first = bodies[0];
  if (first?.body?.meta === undefined) return [];
  const failures: ObservationFailure[] = [];
  const total = metaInt(first.body, 'total');
  const perPage = metaInt(first.body, 'per_page');
  const lastPage = metaInt(first.body, 'last_page');
  const where = `${first.exchange.request.method} ${first.exchange.request.path}${first.exchange.request.query.length > 0 ? `?${pairsText(first.exchange.request.query)}` : ''}`;

  // Repeats, within a page or across pages.
  const seen = new Map<string, number>();
  const { items, complete } = listingItems(listing);
  for (const entry of items) {
    if (entry.key === undefined) continue;
    const earlier = seen.get(entry.key);
    if (earlier === undefined) {
      seen.set(entry.key, entry.pageNumber);
      continue;
    }
    const within = earlier === entry.pageNumber;
    failures.push({
      title: `item ${entry.key} appears on page ${earlier} and again on page ${entry.pageNumber}`,
      expected: 'every item exactly once over the walk',
      actual: `${entry.key} on page ${earlier} and page ${entry.pageNumber} of ${where}`,
      cause: within ? 'an item repeats within a page' : 'an item repeats on a later page',
      exchange: entry.exchange,
    });
  }

  bodies.forEach(({ exchange, body }, index) => {
    if (body?.meta === undefined) return;
    const current = metaInt(body, 'current_page');
    if (current !== undefined && current !== index + 1) {
      failures.push({
        title: `step ${index + 1} of the walk answered page ${current}`,
        expected: `following next from page ${index} leads to page ${index + 1}`,
        actual: `meta.current_page ${current}`,
        cause: 'next leads to the wrong page',
        exchange,
      });
    }
    const pageTotal = metaInt(body, 'total');
    if (total !== undefined && pageTotal !== undefined && pageTotal !== total) {
      failures.push({
        title: `meta.total changes during the walk: ${total} on page 1, ${pageTotal} on page ${index + 1}`,
        expected: `meta.total ${total} on every page of an unchanged collection`,
        actual: `meta.total ${pageTotal}`,
        cause: 'meta.total changes between pages',
        exchange,
      });
    }
    failures.push(...positionFailures(exchange, body, index + 1));
    const isLast = index === bodies.length - 1;
    if (!isLast && perPage !== undefined && body.data.length !== perPage) {
      failures.push({
        title: `page ${index + 1} holds ${body.data.length} items though it is not the last`,
        expected: `per_page = ${perPage} items on every page but the last`,
        actual: `${body.data.length} items`,
        cause: 'a page before the last is not full',
        exchange,
      });
    }
  });

  if (total !== undefined && perPage !== undefined && perPage > 0 && lastPage !== undefined) {
    const due = Math.max(1, Math.ceil(total / perPage));
    if (lastPage !== due) {
      failures.push({
        title: `meta.last_page ${lastPage} is not ceil(total ${total} / per_page ${perPage}) = ${due}`,
        expected: `last_page ${due}`,
        actual: `last_page ${lastPage}`,
        cause: 'last_page is not ceil(total/per_page)',
        exchange: first.exchange,
      });
    }
  }
  if (complete && total !== undefined) {
    if (items.length !== total) {
      const last = bodies[bodies.length - 1];
      failures.push({
        title: `the walk shows ${items.length} items but meta.total is ${total}`,
        expected: `${total} items over ${lastPage ?? '?'} page(s)`,
        actual: `${items.length} items over ${bodies.length} page(s)${seen.size !== items.length ? `, ${seen.size} distinct` : ''}`,
        cause: items.length < total ? 'the walk shows fewer items than meta.total' : 'the walk shows more items than meta.total',
        exchange: last?.exchange ?? first.exchange,
      });
    }
    if (lastPage !== undefined && bodies.length !== lastPage) {
      failures.push({
        title: `following next visits ${bodies.length} page(s) but meta.last_page is ${lastPage}`,
        expected: `${lastPage} page(s) from first to a next of null`,
        actual: `${bodies.length} page(s)`,
        cause: 'the walk and last_page disagree',
        exchange: bodies[bodies.length - 1]?.exchange ?? first.exchange,
      });
    }
  }
  return failures;
}

/** meta.from/to: 1-based positions of the page's first and last item, null when it is empty. */
function positionFailures(exchange: Exchange, body: ListBody, page: number): ObservationFailure[] {
  const meta = body.meta ?? {};
  if (!('from' in meta) && !('to' in meta)) return [];
  const perPage = metaInt(body, 'per_page');
  const current = metaInt(body, 'current_page') ?? page;
  if (perPage === undefined) return [];
  const count = body.data.length;
  const from = count === 0 ? null : (current - 1) * perPage + 1;
  const to = from === null ? null : from + count - 1;
  if (meta.from === from && meta.to === to) return [];
  return [
    {
      title: `meta.from/to of page ${current} are ${String(meta.from)}/${String(meta.to)}`,
      expected: `from ${String(from)}, to ${String(to)} (${count} item(s), per_page ${perPage})`,
      actual: `from ${describeValue(meta.from)}, to ${describeValue(meta.to)}`,
      cause: count === 0 ? 'from/to not null on an empty page' : 'from/to do not match the page',
      exchange,
    },
  ];
}

// ---- bounds

function queryParameter(operation: OperationModel, name: string): Record<string, unknown> | undefined {
  const parameter = operation.parameters.find((candidate) => candidate.in === 'query' && candidate.name === name);
  if (parameter === undefined) return undefined;
  return isPlainObject(parameter.schema) ? parameter.schema : {};
}

function sizeFailures(operation: OperationModel, exchange: Exchange | undefined, which: 'default' | 'maximum'): ObservationFailure[] {
  if (exchange === undefined) return [];
  const schema = queryParameter(operation, 'per_page');
  const due = which === 'default' ? schema?.default : schema?.maximum;
  if (typeof due !== 'number') return [];
  const status = exchange.response?.status;
  const asked = valueOf(exchange.request.query, 'per_page');
  if (status === undefined || status < 200 || status >= 300) {
    return [
      {
        title: `a list with ${which === 'default' ? 'no per_page' : `per_page=${asked}`} answered ${status ?? exchange.error?.kind}`,
        expected: 'a 2xx page',
        actual: `status ${status ?? exchange.error?.kind}`,
        cause: `${which} page size refused`,
        exchange,
      },
    ];
  }
  const body = listBody(exchange);
  if (body === undefined) return [];
  const perPage = metaInt(body, 'per_page');
  const total = metaInt(body, 'total');
  const failures: ObservationFailure[] = [];
  if (perPage !== due) {
    failures.push({
      title: `meta.per_page is ${String(perPage)} for the ${which} page size ${due}`,
      expected: `per_page ${due}${which === 'default' ? ' when per_page is left out' : ` for per_page=${asked}`}`,
      actual: `meta.per_page ${describeValue(body.meta?.per_page)}`,
      cause: `${which} per_page not applied`,
      exchange,
    });
  }
  const page = Number(valueOf(exchange.request.query, 'page') ?? '1');
  if (body.data.length > due) {
    failures.push({
      title: `a page holds ${body.data.length} items with the ${which} page size ${due}`,
      expected: `at most ${due} items`,
      actual: `${body.data.length} items`,
      cause: `${which} page size exceeded`,
      exchange,
    });
  } else if (total !== undefined && page === 1 && body.data.length !== Math.min(due, total)) {
    failures.push({
      title: `page 1 holds ${body.data.length} items with the ${which} page size ${due} and ${total} in all`,
      expected: `${Math.min(due, total)} items`,
      actual: `${body.data.length} items`,
      cause: `${which} page size not applied to data`,
      exchange,
    });
  }
  return failures;
}

/** page/per_page values the contract's schemas refuse must be a 422 naming each such field. */
function rangeFailures(operation: OperationModel, exchange: Exchange): ObservationFailure[] {
  const invalid = ['page', 'per_page'].filter((name) => {
    const schema = queryParameter(operation, name);
    const value = valueOf(exchange.request.query, name);
    return schema !== undefined && value !== undefined && !integerInRange(value, schema);
  });
  if (invalid.length === 0) return [];
  const sent = pairsText(exchange.request.query.filter(([key]) => invalid.includes(key)));
  const status = exchange.response?.status;
  if (status !== 422) {
    return [
      {
        title: `${sent} answered ${status ?? exchange.error?.kind} instead of 422`,
        expected: `422 with errors naming ${invalid.join(' and ')} (values outside the documented range are refused, never clamped)`,
        actual: `status ${status ?? exchange.error?.kind}, body ${excerpt(exchange.response?.bodyText ?? '')}`,
        cause: `${invalid.join(',')} out of range -> ${status ?? 'no response'}`,
        exchange,
      },
    ];
  }
  const body = exchange.response?.json;
  const errors = body?.kind === 'json' && isPlainObject(body.value) && isPlainObject(body.value.errors) ? body.value.errors : undefined;
  if (errors === undefined) return []; // validation-error-format reports a 422 without errors
  const unnamed = invalid.filter((name) => !(name in errors));
  if (unnamed.length === 0) return [];
  return [
    {
      title: `the 422 for ${sent} does not name ${unnamed.join(', ')}`,
      expected: `errors with the key(s) ${unnamed.join(', ')}`,
      actual: `errors keys: ${keysText(Object.keys(errors))}`,
      cause: `422 does not name ${unnamed.join(',')}`,
      exchange,
    },
  ];
}

function integerInRange(text: string, schema: Record<string, unknown>): boolean {
  if (!/^-?\d+$/.test(text.trim())) return false;
  const value = Number(text);
  if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
  if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
  return true;
}

function pastEndFailures(exchange: Exchange): ObservationFailure[] {
  const asked = Number(valueOf(exchange.request.query, 'page'));
  const status = exchange.response?.status;
  if (status === undefined || status < 200 || status >= 300) {
    return [
      {
        title: `page ${asked}, past the end, answered ${status ?? exchange.error?.kind}`,
        expected: '200 with empty data and consistent meta and links',
        actual: `status ${status ?? exchange.error?.kind}, body ${excerpt(exchange.response?.bodyText ?? '')}`,
        cause: `past the end -> ${status ?? 'no response'}`,
        exchange,
      },
    ];
  }
  const body = listBody(exchange);
  if (body === undefined) return [];
  const lastPage = metaInt(body, 'last_page');
  if (lastPage !== undefined && asked <= lastPage) return []; // the collection grew: not past the end any more
  const problems: string[] = [];
  if (body.data.length > 0) problems.push(`data holds ${body.data.length} item(s)`);
  const current = metaInt(body, 'current_page');
  if (current !== asked) problems.push(`meta.current_page is ${String(body.meta?.current_page)}, not ${asked}`);
  const total = metaInt(body, 'total');
  const perPage = metaInt(body, 'per_page');
  if (total !== undefined && perPage !== undefined && perPage > 0 && lastPage !== Math.max(1, Math.ceil(total / perPage))) {
    problems.push(`meta.last_page ${String(lastPage)} is not ceil(${total}/${perPage})`);
  }
  if (problems.length === 0) return [];
  return [
    {
      title: `page ${asked}, past the end: ${problems[0]}`,
      expected: `empty data, current_page ${asked}, last_page = ceil(total/per_page)`,
      actual: problems.join('; '),
      cause: `past the end: ${problems.map((problem) => problem.replace(/\d+/g, 'N')).join('; ')}`,
      exchange,
    },
  ];
}
