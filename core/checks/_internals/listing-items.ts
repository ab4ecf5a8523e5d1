// A listing as the items it showed, each with where it was seen: the n-th page fetched and the
// page number the answer claimed.

import type { Exchange } from '../../exchange.js';
import type { Listing } from '../observations.js';
import { itemKey } from './item-key.js';
import { listBody, metaInt } from './page-body.js';

export interface SeenItem {
  item: unknown;
  /** Undefined for an item without ulid or id. */
  key: string | undefined;
  /** 1-based position of the page in the walk. */
  pageIndex: number;
  /** `meta.current_page` of that page, or its position when there is none. */
  pageNumber: number;
  exchange: Exchange;
}

export interface ListingItems {
  items: SeenItem[];
  /** Every page was a readable 2xx list and the walk reached the end. */
  complete: boolean;
  /** Why the listing is not complete. */
  incomplete?: string;
}

export function listingItems(listing: Listing): ListingItems {
  const items: SeenItem[] = [];
  let incomplete = listing.truncated;
  listing.pages.forEach((exchange, index) => {
    const body = listBody(exchange);
    if (body === undefined) {
      incomplete ??= `page ${index + 1} of the walk is not a 2xx list (status ${exchange.response?.status ?? exchange.error?.kind})`;
      return;
    }
    const pageNumber = metaInt(body, 'current_page') ?? index + 1;
    for (const item of body.data) items.push({ item, key: itemKey(item), pageIndex: index + 1, pageNumber, exchange });
  });
  if (listing.pages.length === 0) incomplete ??= 'no page was fetched';
  return { items, complete: incomplete === undefined, ...(incomplete === undefined ? {} : { incomplete }) };
}

/** The query of a listing's first page, as sent. */
export function listingQuery(listing: Listing): Array<[string, string]> {
  return listing.pages[0]?.request.query.map(([key, value]): [string, string] => [key, value]) ?? [];
}
