// Laravel length-aware pagination: meta, absolute links that keep every query parameter but
// `page`, and the offset/limit to query with.
import type { FastifyRequest } from 'fastify';

export interface PageMeta {
  current_page: number;
  last_page: number;
  per_page: number;
  total: number;
  from: number | null;
  to: number | null;
}

export interface PageLinks {
  first: string;
  last: string;
  prev: string | null;
  next: string | null;
}

export interface Page {
  meta: PageMeta;
  links: PageLinks;
  offset: number;
  limit: number;
}

export function paginate(
  request: FastifyRequest,
  { total, page, perPage }: { total: number; page: number; perPage: number },
): Page {
  const { faults } = request.server;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  if (page > lastPage && faults.has('page-past-end-500')) throw new RangeError(`Page ${page} is out of range`);
  // Fault `page-past-end-repeats-last`: the page is clamped to the last one instead of empty.
  if (page > lastPage && faults.has('page-past-end-repeats-last')) page = lastPage;
  const offset = (page - 1) * perPage + (page > 1 && faults.has('page-offset-off-by-one') ? 1 : 0);
  const itemsOnPage = Math.max(0, Math.min(perPage, total - offset));
  const [path = '', rawQuery = ''] = request.url.split('?', 2);
  const kept = new URLSearchParams(rawQuery);
  kept.delete('page');
  if (faults.has('links-drop-filters')) {
    for (const name of [...kept.keys()]) if (name !== 'per_page') kept.delete(name);
  }
  const base = faults.has('links-relative') ? path : `${request.protocol}://${request.host}${path}`;
  const link = (target: number): string => {
    const query = new URLSearchParams(kept);
    query.set('page', String(target));
    return `${base}?${query.toString()}`;
  };
  return {
    meta: {
      current_page: page,
      last_page: lastPage,
      per_page: perPage,
      total,
      from: itemsOnPage > 0 ? offset + 1 : null,
      to: itemsOnPage > 0 ? offset + itemsOnPage : null,
    },
    links: {
      first: link(1),
      last: link(lastPage),
      prev: page > 1 ? link(Math.min(page - 1, lastPage)) : null,
      next: page < lastPage || (page === lastPage && faults.has('next-link-on-last-page')) ? link(page + 1) : null,
    },
    offset,
    limit: perPage,
  };
}
