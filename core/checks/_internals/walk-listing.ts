// Gathers a Listing: page 1, then every page its `next` link names, through a `send` function
// the caller provides (the suite's client in specs, `app.inject` in tests). It does no I/O of
// its own. The walk takes the query of each `next` link and asks the same path with it, so a
// link that names another host (a proxy in front) is still followed; whether the links are
// right is pagination-links' business.

import type { Exchange } from '../../exchange.js';
import type { OperationModel } from '../../spec/model.js';
import type { Listing } from '../observations.js';
import { listBody } from './page-body.js';
import { absoluteUrl, pairsOf, valueOf } from './query-pairs.js';

export interface ListRequest {
  operation: OperationModel;
  /** Filled path relative to the base URL: `/tickets`, `/tickets/01hx.../activities`. */
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  /** A profile role; the sender's default when left out. */
  auth?: string;
  headers?: Record<string, string>;
}

export type Send = (request: ListRequest) => Promise<Exchange>;

export async function walkListing(send: Send, request: ListRequest, options: { maxPages?: number } = {}): Promise<Listing> {
  const maxPages = options.maxPages ?? 50;
  const pages: Exchange[] = [];
  const seenPages = new Set<string>();
  let query: ReadonlyArray<readonly [string, string]> = request.query ?? [];
  for (;;) {
    const exchange = await send({ ...request, query });
    pages.push(exchange);
    const body = listBody(exchange);
    if (body === undefined) return { operation: request.operation, pages, truncated: `page ${pages.length} is not a 2xx list` };
    const next = body.links?.next;
    if (next === null || next === undefined) return { operation: request.operation, pages };
    const url = absoluteUrl(next);
    if (url === undefined) return { operation: request.operation, pages, truncated: `the next link of page ${pages.length} is not an absolute URL` };
    const page = valueOf(pairsOf(url), 'page') ?? '';
    if (seenPages.has(page)) return { operation: request.operation, pages, truncated: `the next link of page ${pages.length} names page ${page} again` };
    seenPages.add(page);
    if (pages.length >= maxPages) return { operation: request.operation, pages, truncated: `stopped after ${maxPages} pages` };
    query = pairsOf(url);
  }
}
