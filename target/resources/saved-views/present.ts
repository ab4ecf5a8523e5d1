// A saved view row and its links as the contract's SavedView object: the request sends ULIDs,
// the response carries integer ids (`assigned_user_id`, `channel_ids`, `tag_ids`).
import type { SavedViewRow } from './schema.js';

export interface SavedViewLinks {
  channelIds: number[];
  tagIds: number[];
}

/** The stored status list of a view (a JSON array), or null for any status. */
export function statusesOf(row: SavedViewRow): string[] | null {
  return row.statuses === null ? null : (JSON.parse(row.statuses) as string[]);
}

export function presentSavedView(row: SavedViewRow, links: SavedViewLinks): Record<string, unknown> {
  return {
    id: row.id,
    ulid: row.ulid,
    name: row.name,
    slug: row.slug,
    icon: row.icon,
    is_personal: row.is_personal === 1,
    search: row.search,
    statuses: statusesOf(row),
    assigned_to_me: row.assigned_to_me === 1,
    unassigned: row.unassigned === 1,
    assigned_user_id: row.assigned_user_id,
    channel_ids: links.channelIds,
    tag_ids: links.tagIds,
  };
}
